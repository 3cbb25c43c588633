"""Printing a page of the site from the browser: the article alone, readable on paper."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ARTIFACTS

EVENT_PAGE = "events/putin-pyongyang-2024/"
SCREEN_ONLY = [
    ".md-header", ".md-search", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-tabs",
    ".md-footer", ".md-content__button", ".md-top", ".headerlink", ".footnote-backref", ".md-typeset .md-button",
]


@pytest.fixture(params=["light", "dark"])
def printed_page(request, local_page, site_url):
    """The event page as the browser lays it out for print, in the reader's colour scheme."""
    local_page.emulate_media(media="print", color_scheme=request.param)
    local_page.goto(site_url + EVENT_PAGE)
    local_page.wait_for_load_state("networkidle")
    local_page.scheme = request.param
    return local_page


def test_print_shows_the_article_and_nothing_of_the_screen(printed_page):
    assert printed_page.locator("article h1").is_visible()
    visible = [selector for selector in SCREEN_ONLY
               if any(element.is_visible() for element in printed_page.locator(selector).all())]
    assert visible == []


def test_print_is_dark_text_on_white_even_in_dark_mode(printed_page):
    color = printed_page.eval_on_selector("article p", "p => getComputedStyle(p).color")
    red, green, blue = (int(part) for part in re.findall(r"\d+", color)[:3])
    assert max(red, green, blue) < 100, color
    ARTIFACTS.mkdir(exist_ok=True)
    printed_page.pdf(path=str(ARTIFACTS / f"print-event-page-{printed_page.scheme}.pdf"), format="A4")
