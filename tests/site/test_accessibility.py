"""The real site against WCAG 2.2 AA: axe-core in Chromium on every page in both schemes,
the Nu Html Checker on every file, and what a checker cannot see for itself: names
that say what they lead to, focus that shows, targets large enough, legible figures.

Screenshots of a page with keyboard focus and of the figures in light and dark go
to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import pytest

from tests.site.accessibility import DARK_TOGGLE, assert_no_violation, assert_valid_html
from tests.site.html_pages import built_pages
from tests.site.search_box import type_query

FIGURE_PAGES = {"timeline": "timeline/", "map": "map/", "statistics": "statistics/"}
# A figure's name is read out whole before anything in it: a title, not a description.
LONGEST_FIGURE_NAME = 150
# The smallest text in a figure, at the column width a 1280 px window gives (WCAG's legible).
SMALLEST_FIGURE_TEXT_PX = 12
TARGET_PX = 24


def test_every_page_passes_axe_core_in_light_and_dark(checked_page, site_dir, site_url):
    assert_no_violation(checked_page, [site_url + url for url in built_pages(site_dir)])


def test_every_page_is_valid_html(site_dir):
    assert_valid_html(site_dir)


def test_the_search_dialog_is_named_and_announces_its_result_count(local_page, site_url):
    local_page.goto(site_url)
    dialog = local_page.locator(".md-search[role=dialog]")
    assert dialog.get_attribute("aria-label") == "Search"
    count = local_page.locator(".md-search-result__meta")
    assert (count.get_attribute("role"), count.get_attribute("aria-live")) == ("status", "polite")
    _search_for(local_page, "Vostochny")


def _focus_is_visible(page) -> tuple[bool, str]:
    """Whether the focused element (or the label of Material's hidden radio toggles) looks
    different focused than not: its box, a few pixels beyond, shot both ways, each once the
    page's transitions have ended (Material's skip link slides in as it takes focus)."""
    _settle(page)
    box, element = page.evaluate("""() => {
      let shown = document.activeElement;
      if (shown.matches("input.md-option")) shown = shown.nextElementSibling;
      const box = shown.getBoundingClientRect();
      return [{x: box.x - 4, y: box.y - 4, width: box.width + 8, height: box.height + 8},
              shown.outerHTML.slice(0, 160)];
    }""")
    viewport = page.viewport_size
    clip = {"x": max(box["x"], 0), "y": max(box["y"], 0)}
    clip.update(width=min(box["x"] + box["width"], viewport["width"]) - clip["x"],
                height=min(box["y"] + box["height"], viewport["height"]) - clip["y"])
    focused = page.screenshot(clip=clip)
    page.evaluate("window.bookFocused = document.activeElement; document.activeElement.blur()")
    _settle(page)
    unfocused = page.screenshot(clip=clip)
    page.evaluate("window.bookFocused.focus()")
    return focused != unfocused, element


def _settle(page) -> None:
    """Wait until the page has had no transition or animation running for a few frames.

    Material starts some after a focus change, from its scripts (the search bar widens
    as the search opens), so one wait for those already running is not enough.
    """
    page.evaluate("""async () => {
      const frame = () => new Promise(resolve => requestAnimationFrame(resolve))
      for (let quiet = 0, tries = 0; quiet < 5 && tries < 300; tries++) {
        const running = document.getAnimations()
        await Promise.all(running.map(animation => animation.finished.catch(() => null)))
        quiet = running.length ? 0 : quiet + 1
        await frame()
      }
    }""")


def _search_for(page, query: str) -> None:
    # Typed a key at a time into an emptied box (it keeps its query once closed by Tab).
    assert type_query(page, query, key_by_key=True), f"no result for {query!r}"


def test_the_search_results_show_their_focus_and_tab_leaves_no_hidden_stop(local_page, site_url, artifacts_dir):
    local_page.goto(site_url + "events/vostochny-summit-2023/")
    _search_for(local_page, "Putin")
    # Tab closes Material's search: the focus goes on to a visible stop, not to the faded results.
    local_page.keyboard.press("Tab")
    assert not local_page.evaluate("document.activeElement.closest('.md-search')")
    assert _focus_is_visible(local_page)[0]
    _search_for(local_page, "Putin")
    local_page.evaluate("document.querySelector('.md-search__scrollwrap').focus()")  # as by Shift+Tab from below
    local_page.screenshot(path=str(artifacts_dir / "focus-search-results.png"))
    assert _focus_is_visible(local_page)[0], "the search results' scroll area shows no focus"


def test_every_tab_stop_of_a_page_shows_its_focus(local_page, site_url, artifacts_dir):
    local_page.goto(site_url + "events/vostochny-summit-2023/")
    for stop in range(1, 41):
        local_page.keyboard.press("Tab")
        if stop == 12:
            local_page.screenshot(path=str(artifacts_dir / "focus-event-page.png"))
        visible, element = _focus_is_visible(local_page)
        assert visible, f"tab stop {stop} shows no focus: {element}"


def test_a_footnote_link_names_its_note_and_is_a_large_enough_target(local_page, site_url):
    local_page.goto(site_url + "events/putin-kim-vladivostok-2019/")
    references = local_page.locator("a.footnote-ref")
    assert references.count() > 5
    for index in range(references.count()):
        reference = references.nth(index)
        assert reference.get_attribute("aria-label") == f"Note {reference.inner_text()}"
        box = reference.bounding_box()
        assert box["width"] >= TARGET_PX and box["height"] >= TARGET_PX, box


def _figures(page) -> list[dict]:
    """Each figure's name, and its smallest text in CSS pixels as drawn on the page."""
    return page.evaluate("""() => [...document.querySelectorAll("svg.book-visual")].map(svg => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const sizes = [...svg.querySelectorAll("text")].map(text => parseFloat(getComputedStyle(text).fontSize) * scale);
      const name = svg.getAttribute("aria-labelledby").split(" ").map(id => document.getElementById(id).textContent);
      return {name: name.join(" "), smallest: Math.min(...sizes)};
    })""")


@pytest.mark.parametrize("name", sorted(FIGURE_PAGES))
def test_a_figure_has_a_short_name_and_legible_text_in_both_schemes(local_page, site_url, artifacts_dir, name):
    local_page.goto(site_url + FIGURE_PAGES[name])
    figures = _figures(local_page)
    assert figures and all(len(figure["name"]) <= LONGEST_FIGURE_NAME for figure in figures), figures
    assert min(figure["smallest"] for figure in figures) >= SMALLEST_FIGURE_TEXT_PX, figures
    figure = local_page.locator("svg.book-visual").first
    figure.screenshot(path=str(artifacts_dir / f"figure-{name}-light.png"))
    local_page.locator(DARK_TOGGLE).click()
    figure.screenshot(path=str(artifacts_dir / f"figure-{name}-dark.png"))
    local_page.evaluate("localStorage.clear()")  # the next test starts light again


def test_the_map_s_meetings_are_also_a_captioned_table(local_page, site_url):
    local_page.goto(site_url + "map/")
    in_map = set(local_page.locator("svg.book-visual a").evaluate_all("links => links.map(a => a.href.baseVal)"))
    table = local_page.locator("table", has=local_page.locator("caption"))
    assert table.locator("caption").inner_text() == "The map's places and the meetings and visits at each"
    in_table = set(table.locator("td a").evaluate_all("links => links.map(a => a.getAttribute('href'))"))
    assert in_map and in_map <= in_table, in_map - in_table
