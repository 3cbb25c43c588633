"""The real book's visuals, downloads, citations, PDF links and dates, read from the built HTML.

Links are resolved against the built site: an SVG mark that points at a
missing page, or a download that was not written, fails here.
"""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from briefing.dataset import load_dataset
from macros.dates import format_partial_date
from macros.filters import PAGE_KINDS
from visuals.charts import chart_groups
from visuals.compare import russia_north_korea_meetings
from visuals.downloads import KINDS as DOWNLOAD_KINDS

ROOT = Path(__file__).resolve().parents[2]
DATASET = load_dataset(ROOT / "data")
EVENT_IDS = sorted(DATASET.kind("events"))
RECORDS = [(kind, record_id) for kind in PAGE_KINDS for record_id in sorted(DATASET.kind(kind))]
SVG = re.compile(r'<svg [^>]*class="book-visual".*?</svg>', re.S)
HREF = re.compile(r'<a [^>]*href="([^"]*)"')
BUTTON = re.compile(r'<a class="md-button" href="([^"]*)">([^<]*)</a>')


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _resolve(url: str, href: str) -> str:
    """The site path a relative ``href`` on the page at ``url`` (``x/`` or ``x.html``) points to."""
    folder = posixpath.dirname("/" + url) if url.endswith(".html") else "/" + url
    return posixpath.normpath(posixpath.join(folder, href.split("#")[0])).lstrip("/")


def _exists(site: Path, path: str) -> bool:
    target = site / path
    return target.is_file() or (target / "index.html").is_file()


def _visuals(site: Path, url: str) -> list[str]:
    visuals = SVG.findall(_html(site, url))
    assert visuals, f"no inlined visual on {url}"
    return visuals


def test_home_page_links_the_pdf_book_and_the_offline_bundle(site_dir):
    buttons = dict((label, href) for href, label in BUTTON.findall(_html(site_dir, "")))
    assert buttons["Download the briefing book (PDF)"] == "briefing-book.pdf"
    assert buttons["Offline bundle (ZIP)"] == "briefing-book-offline.zip"


@pytest.mark.parametrize("event_id", EVENT_IDS)
def test_every_event_page_links_its_one_page_brief(site_dir, event_id):
    url = f"events/{event_id}/"
    buttons = dict((label, href) for href, label in BUTTON.findall(_html(site_dir, url)))
    assert _resolve(url, buttons["One-page brief (PDF)"]) == f"briefs/{event_id}.pdf"


@pytest.mark.parametrize("url", ["timeline/", "map/"])
def test_timeline_and_map_link_every_mark_to_an_existing_event_page(site_dir, url):
    links = [href for svg in _visuals(site_dir, url) for href in HREF.findall(svg)]
    event_links = [_resolve(url, href) for href in links if "events/" in href]
    assert len(event_links) >= 2, f"{url}: too few event links in the visual"
    assert all(path.startswith("events/") for path in event_links)
    broken = [path for path in event_links if not _exists(site_dir, path)]
    assert not broken, broken


def test_timeline_visual_comes_once_before_the_year_lists(site_dir):
    page = _html(site_dir, "timeline/")
    assert len(SVG.findall(page)) == 1
    assert page.index('class="book-visual"') < page.index('<h2 id="')


def test_map_lists_what_it_cannot_place(site_dir):
    located_notes = _visuals(site_dir, "map/")[0]
    assert "Map of leaders" in located_notes
    unplaced = [event for event in DATASET.kind("events").values() if event.place is None]
    if any(event.kind in ("summit", "state-visit", "leaders-meeting", "visit") for event in unplaced):
        assert "Not on the map" in located_notes


def test_statistics_page_has_a_chart_per_series_and_lone_figure_under_its_topic(site_dir):
    page = _html(site_dir, "statistics/")
    assert len(SVG.findall(page)) == len(chart_groups(DATASET)) > 0
    sections = re.split(r'<h2 id="topic-', page)[1:]
    for group in chart_groups(DATASET):
        topic = group.statistics[0].topics[0] if group.statistics[0].topics else "other"
        section = next(part for part in sections if part.startswith(f'{topic}"'))
        assert f'aria-labelledby="chart-{group.key}-title' in section, f"{group.key} is not under {topic}"


def test_compare_page_has_a_row_per_leaders_meeting_linked_to_it(site_dir):
    page = _html(site_dir, "compare/")
    table = page[page.index("<table"):page.index("</table>")]
    assert table.count("<tr>") - 1 == len(russia_north_korea_meetings(DATASET))
    for event in russia_north_korea_meetings(DATASET):
        assert f'href="../events/{event.id}/"' in table


def test_data_page_links_downloads_that_exist(site_dir):
    links = HREF.findall(_html(site_dir, "data/"))
    downloads = [_resolve("data/", href) for href in links if "downloads/" in href]
    expected = {"downloads/briefing-book.json", "downloads/briefing-book-csv.zip"}
    expected |= {f"downloads/csv/{kind}.csv" for kind in DOWNLOAD_KINDS}
    expected |= {f"downloads/schemas/{kind}.schema.json" for kind in DOWNLOAD_KINDS}
    assert set(downloads) == expected
    assert all((site_dir / path).is_file() for path in downloads)


def test_downloads_hold_the_whole_dataset(site_dir):
    everything = json.loads((site_dir / "downloads" / "briefing-book.json").read_text(encoding="utf-8"))
    for kind in DOWNLOAD_KINDS:
        assert [record["id"] for record in everything["records"][kind]] == sorted(DATASET.kind(kind))
    with zipfile.ZipFile(site_dir / "downloads" / "briefing-book-csv.zip") as archive:
        assert {Path(name).name for name in archive.namelist()} == {f"{kind}.csv" for kind in DOWNLOAD_KINDS}


@pytest.mark.parametrize(("kind", "record_id"), RECORDS)
def test_every_record_page_can_be_cited_with_the_data_date(site_dir, kind, record_id):
    page = _html(site_dir, f"{kind}/{record_id}/")
    block = page[page.index('<details class="quote book-cite">'):]
    block = block[:block.index("</details>")]
    assert "<summary>Cite this page</summary>" in block
    assert re.search(r"@\w+\{briefing-" + re.escape(f"{kind}-{record_id}") + ",", block)
    assert f"Data as of {format_partial_date(DATASET.edition.as_of)}." in block


def _git_date(path: str) -> str:
    result = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%cs", "--", path],
                            capture_output=True, text=True)
    return result.stdout.strip() or "not yet committed"


@pytest.mark.parametrize(("kind", "record_id"), RECORDS[::7])
def test_record_pages_say_when_their_data_file_last_changed(site_dir, kind, record_id):
    page = _html(site_dir, f"{kind}/{record_id}/")
    shown = re.search(r'Last updated: <span class="book-last-updated">([^<]+)</span>', page)
    assert shown, f"{kind}/{record_id}: no last-updated date"
    assert shown.group(1) == _git_date(f"data/{kind}/{record_id}.yaml")


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_index_pages_say_when_their_kind_last_changed(site_dir, kind):
    shown = re.search(r'Last updated: <span class="book-last-updated">([^<]+)</span>', _html(site_dir, f"{kind}/"))
    assert shown, f"{kind}/: no last-updated date"
    committed = [_git_date(f"data/{kind}/{record_id}.yaml") for record_id in DATASET.kind(kind)]
    assert shown.group(1) == max((date for date in committed if date[0].isdigit()), default="not yet committed")


@pytest.fixture(scope="module")
def offline_dir(tmp_path_factory) -> Path:
    """The offline edition (file URLs ending in .html), built by its own script."""
    folder = tmp_path_factory.mktemp("offline") / "site"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_offline.py"), "build", "--site-dir", str(folder),
                    "--capture", str(folder.parent / "capture.json")], check=True, capture_output=True, cwd=ROOT)
    return folder


@pytest.mark.parametrize("page", ["timeline.html", "map.html"])
def test_offline_visuals_link_to_existing_html_pages(offline_dir, page):
    svg = SVG.findall((offline_dir / page).read_text(encoding="utf-8"))[0]
    targets = [_resolve(page, href) for href in HREF.findall(svg)]
    assert targets and all(target.endswith(".html") for target in targets)
    assert all((offline_dir / target).is_file() for target in targets)


def test_offline_event_page_links_its_brief(offline_dir):
    page = f"events/{EVENT_IDS[0]}.html"
    buttons = dict((label, href) for href, label in BUTTON.findall((offline_dir / page).read_text(encoding="utf-8")))
    assert _resolve(page, buttons["One-page brief (PDF)"]) == f"briefs/{EVENT_IDS[0]}.pdf"
