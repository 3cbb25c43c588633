"""The visuals as readers get them: inlined in a page (light and dark), and in a PDF.

A page here is a bare HTML file, not the book: it proves what the SVGs
themselves guarantee, whatever page they end up in. The screenshots go to
test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import subprocess

import pytest

from visuals.charts import render_statistic_charts
from visuals.map import render_map
from visuals.svg import PALETTE, inline_markup
from visuals.timeline import render_timeline

SCHEMES = {"light": ("#ffffff", "rgb(33, 33, 33)"), "dark": ("#1e2029", "rgb(226, 228, 233)")}
PAGE_CSS = "svg.book-visual { max-width: 100%; height: auto; } figure { margin: 0 0 1.5em; }"


@pytest.fixture(scope="module")
def visuals(dataset, tmp_path_factory):
    """The timeline, the map and two charts, rendered once for every test here."""
    folder = tmp_path_factory.mktemp("visuals")
    charts = render_statistic_charts(dataset, folder / "charts")
    return [render_timeline(dataset, folder / "timeline.svg"), render_map(dataset, folder / "map.svg"),
            charts["kim-jong-un-summits-since-2018"], charts["north-korean-munitions-to-russia"]]


@pytest.fixture(scope="module")
def site(dataset, visuals, tmp_path_factory, serve):
    """A page per colour scheme with the visuals inlined, and a stub page per event."""
    folder = tmp_path_factory.mktemp("pages")
    figures = "".join(f"<figure>{inline_markup(path)}</figure>" for path in visuals)
    for scheme, (background, ink) in SCHEMES.items():
        style = f"body {{ background: {background}; color: {ink}; width: 760px; }} {PAGE_CSS}"
        (folder / f"{scheme}.html").write_text(
            f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head>"
            f"<body>{figures}</body></html>", encoding="utf-8")
    for event_id in dataset.kind("events"):
        (folder / "events" / event_id).mkdir(parents=True)
        (folder / "events" / event_id / "index.html").write_text(f"<h1 id='event'>{event_id}</h1>")
    return serve(folder)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_ink_follows_the_pages_text_colour(site, local_page, artifacts_dir, scheme):
    local_page.goto(f"{site}{scheme}.html")
    fills = local_page.eval_on_selector_all("svg.book-visual text", "nodes => nodes.map(n => getComputedStyle(n).fill)")
    # Text is in the page's ink, except figures drawn in a data colour (legible on both).
    palette = {"rgb({}, {}, {})".format(*(int(value[i:i + 2], 16) for i in (1, 3, 5))) for value in PALETTE.values()}
    assert fills and set(fills) - palette == {SCHEMES[scheme][1]}
    local_page.screenshot(path=str(artifacts_dir / f"visuals-{scheme}.png"), full_page=True)


def test_a_timeline_mark_opens_its_event_page(site, local_page):
    local_page.goto(f"{site}light.html")
    local_page.click("svg.book-visual a[href='events/vostochny-summit-2023/'] >> nth=0")
    local_page.wait_for_url("**/events/vostochny-summit-2023/")
    assert local_page.text_content("#event") == "vostochny-summit-2023"


def test_every_link_in_the_visuals_opens_a_page(site, local_page):
    local_page.goto(f"{site}light.html")
    hrefs = set(local_page.eval_on_selector_all("svg.book-visual a", "nodes => nodes.map(n => n.getAttribute('href'))"))
    assert len(hrefs) > 10
    for href in sorted(hrefs):
        assert local_page.request.get(f"{site}{href}").ok, href


def test_the_pdf_draws_the_visuals_with_every_label(dataset, visuals, tmp_path):
    import weasyprint

    figures = "".join(f"<figure>{inline_markup(path)}</figure>" for path in visuals)
    html = f"<html><head><style>@page {{ size: A4; margin: 15mm }} {PAGE_CSS}</style></head><body>{figures}</body></html>"
    pdf = tmp_path / "visuals.pdf"
    document = weasyprint.HTML(string=html).render()
    document.write_pdf(pdf)
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    # Drawn as graphics: the screen-reader description is not printed as body text ...
    assert "oldest first" not in text and "Bar chart:" not in text
    # ... and every label is there, right-aligned ones included.
    for label in ("Between Russia's and North Korea's leaders", "13 Sep 2023", "27–28 Feb 2019", "Sep 2000 · planned",
                  "Pyongyang", "19–20 Jul 2000 state visit", "Chinese President Xi Jinping", "more than 10,000"):
        assert label in text, label
    assert len(document.pages) <= len(visuals)
