"""The real book in headless Chromium, served on localhost: search, requests, looks.

Screenshots go to test-artifacts/ for a person to look at (the site issue asks
for it); the assertions here check what can be checked mechanically.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

SEARCH_BOX = "input[data-md-component=search-query]"
RESULTS = ".md-search-result__item > a"


def _search(page, query: str, typed: bool = True) -> list[str]:
    """Type a query into Material's search box; return the result paths, best first."""
    box = page.locator(SEARCH_BOX)
    box.click()
    box.fill("")
    if typed:
        box.type(query, delay=20)
    else:
        # Playwright types non-Latin text without the key events Material listens
        # for (a real keyboard's IME sends them); fill it, then press a key.
        box.fill(query)
        box.press("End")
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.match(/\\d+ matching|No matching/)")
    hrefs = page.locator(RESULTS).evaluate_all("links => links.map(link => link.href)")
    return [urlsplit(href).path for href in hrefs]


@pytest.fixture
def home(local_page, site_url):
    local_page.goto(site_url)
    local_page.wait_for_load_state("networkidle")
    return local_page


@pytest.mark.parametrize(("query", "typed", "expected"), [
    ("Kim Jong Un", True, "/people/kim-jong-un/"),
    ("Kim Jong-un", True, "/people/kim-jong-un/"),
    ("김정은", False, "/people/kim-jong-un/"),
    ("Ким Чен Ын", False, "/people/kim-jong-un/"),
    ("Vladimir Putin", True, "/people/vladimir-putin/"),
])
def test_a_person_is_found_by_any_spelling(home, query, typed, expected):
    assert _search(home, query, typed)[0] == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("Vostochny", "/events/vostochny-summit-2023/"),
    ("Russky Island", "/events/putin-kim-vladivostok-2019/"),
])
def test_an_event_is_found_by_its_place(home, query, expected):
    assert expected in _search(home, query)[:5]


def test_no_request_leaves_localhost(local_page, site_url):
    for path in ("", "events/vostochny-summit-2023/", "people/kim-jong-un/", "statistics/", "sources/"):
        local_page.goto(site_url + path)
        local_page.wait_for_load_state("networkidle")
    _search(local_page, "Putin")
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
