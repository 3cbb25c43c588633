"""The real book in headless Chromium, served on localhost: search, requests, looks.

Screenshots go to test-artifacts/ for a person to look at (the site issue asks
for it); the assertions here check what can be checked mechanically.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.site.search_box import type_query


@pytest.fixture
def home(local_page, site_url):
    local_page.goto(site_url)
    local_page.wait_for_load_state("networkidle")
    return local_page


# The relevance set (tests/site/test_search_relevance.py) enters each query whole; these
# are typed a key at a time, as on a keyboard, Material answering each key.
@pytest.mark.parametrize(("query", "expected"), [
    ("Kim Jong Un", "/people/kim-jong-un/"),
    ("Kim Jong-un", "/people/kim-jong-un/"),
    ("Vladimir Putin", "/people/vladimir-putin/"),
    ("Vostochny", "/places/vostochny-cosmodrome/"),
    ("Russky Island", "/places/russky-island/"),
])
def test_a_name_typed_key_by_key_brings_its_page_first(home, query, expected):
    assert type_query(home, query, key_by_key=True)[0].path == expected


def test_no_request_leaves_localhost(local_page, site_url):
    for path in ("", "events/vostochny-summit-2023/", "people/kim-jong-un/", "statistics/", "sources/"):
        local_page.goto(site_url + path)
        local_page.wait_for_load_state("networkidle")
    type_query(local_page, "Putin")
    hosts = {urlsplit(url).hostname for url in local_page.requests}
    assert hosts == {"127.0.0.1"}, sorted(url for url in local_page.requests if "127.0.0.1" not in url)


def test_glossary_abbreviations_explain_themselves_on_hover(local_page, site_url):
    local_page.goto(site_url + "glossary/")
    abbreviation = local_page.locator("abbr").first
    assert abbreviation.get_attribute("title")


@pytest.mark.parametrize(("name", "path"), [
    ("home", ""),
    ("summit-vostochny-2023", "events/vostochny-summit-2023/"),
    ("person-kim-jong-un", "people/kim-jong-un/"),
    ("timeline", "timeline/"),
    ("map", "map/"),
    ("statistics", "statistics/"),
    ("compare", "compare/"),
])
def test_screenshots_for_review(local_page, site_url, artifacts_dir, name, path):
    local_page.goto(site_url + path)
    local_page.wait_for_load_state("networkidle")
    # The page rendered with Material's stylesheet (a header) and its content.
    assert local_page.locator("header.md-header").is_visible()
    assert local_page.locator("article h1").first.is_visible()
    local_page.screenshot(path=str(artifacts_dir / f"{name}.png"), full_page=True)
    assert (artifacts_dir / f"{name}.png").stat().st_size > 10_000


@pytest.mark.parametrize("path", ["timeline/", "map/", "statistics/"])
def test_visuals_fit_the_text_column(local_page, site_url, path):
    local_page.set_viewport_size({"width": 1280, "height": 900})
    local_page.goto(site_url + path)
    column = local_page.locator("article").first.bounding_box()
    visual = local_page.locator("svg.book-visual").first
    assert visual.is_visible()
    box = visual.bounding_box()
    assert box["width"] > column["width"] / 2, "the visual is drawn too small to read"
    assert box["x"] >= column["x"] - 1 and box["x"] + box["width"] <= column["x"] + column["width"] + 1
