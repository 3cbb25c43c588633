"""The corroborated record on the built pages: true order, cited dates and statements, one cut-off.

A reader must be able to trust the order of the timeline and the home page, follow
every date and statement to its source, and see one "as of" date wherever the book
says how current it is. These tests read the real built site.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from briefing.dataset import load_dataset
from briefing.index import date_key
from macros.dates import format_partial_date, format_placed, is_day_precise

ROOT = Path(__file__).resolve().parents[2]
DATASET = load_dataset(ROOT / "data")
EVENTS = DATASET.kind("events")
AS_OF = format_partial_date(DATASET.edition.as_of)
# The sections of an event page whose every item is a statement with its own note.
STATEMENT_SECTIONS = ("Agenda", "Outcomes", "Notable details", "What the sources cannot tell")


def _page(site_dir: Path, url: str) -> str:
    return (site_dir / url / "index.html").read_text("utf-8")


def _text(fragment: str, between_tags: str = " ") -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", between_tags, fragment)).split())


def _section(page: str, heading: str) -> str:
    """The HTML after the <h2> ``heading`` up to the next <h2>."""
    match = re.search(r"<h2[^>]*>" + re.escape(heading) + r"(<a [^>]*>[^<]*</a>)?</h2>(.*?)(?=<h2|\Z)", page, re.S)
    assert match, heading
    return match.group(2)


def _items(fragment: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", fragment, re.S)


def _event_id(item: str) -> str:
    return re.search(r'href="(?:\.\./)*events/([a-z0-9-]+)/"', item).group(1)


def test_each_year_of_the_timeline_lists_dated_events_in_order_then_the_undated_apart(site_dir):
    page = _page(site_dir, "timeline")
    years = re.findall(r'<h2 id="(\d{4})"', page)
    assert years == sorted(years) and len(years) >= 10
    undated_seen = 0
    for year in years:
        section = _section(page, year)
        lists = re.findall(r'<ul( class="book-undated")?>(.*?)</ul>', section, re.S)
        for undated, body in lists:
            events = [EVENTS[_event_id(item)] for item in _items(body)]
            assert all(event.date.start[:4] == year for event in events), year
            assert all(is_day_precise(event.date) != bool(undated) for event in events), year
            if not undated:
                keys = [date_key(event.date) for event in events]
                assert keys == sorted(keys), year
            undated_seen += len(events) if undated else 0
            for item, event in zip(_items(body), events):
                assert _text(item, "").startswith(format_placed(event.date) + ":"), item
    # The articles leave some events at a month or a year; they are listed, labelled.
    assert undated_seen == sum(not is_day_precise(event.date) for event in EVENTS.values())
    assert "Known only to the month or the year" in page


def test_home_lists_the_latest_dated_events_newest_first_and_the_undated_apart(site_dir):
    page = _page(site_dir, "")
    section = _section(page, "Latest developments")
    lists = re.findall(r"<ul>(.*?)</ul>", section, re.S)
    dated = [EVENTS[_event_id(item)] for item in _items(lists[0])]
    assert len(dated) >= 3 and all(is_day_precise(event.date) for event in dated)
    keys = [date_key(event.date) for event in dated]
    assert keys == sorted(keys, reverse=True)
    newest = max((event for event in EVENTS.values() if is_day_precise(event.date)), key=lambda e: date_key(e.date))
    assert dated[0].id == newest.id
    # The 2024 veto (28 March) comes after the June 2024 visit, as it did.
    order = [event.id for event in dated]
    if {"putin-pyongyang-2024", "un-monitoring-veto-2024"} <= set(order):
        assert order.index("putin-pyongyang-2024") < order.index("un-monitoring-veto-2024")
    for later in lists[1:]:
        assert all(not is_day_precise(EVENTS[_event_id(item)].date) for item in _items(later))


@pytest.mark.parametrize("event_id", sorted(EVENTS))
def test_every_event_page_cites_its_date_and_every_statement(site_dir, event_id):
    page = _page(site_dir, f"events/{event_id}")
    when = re.search(r"<p><strong>When:</strong>(.*?)</p>", page, re.S).group(1)
    assert re.search(r'<sup id="fnref:[^"]+"><a class="footnote-ref" href="#fn:', when), event_id
    for heading in STATEMENT_SECTIONS:
        if f">{heading}" not in page:
            continue
        items = _items(_section(page, heading))
        assert items, heading
        assert [item for item in items if 'class="footnote-ref"' not in item] == [], heading


def test_every_headline_event_says_what_its_sources_cannot_tell(site_dir):
    for event in EVENTS.values():
        if event.headline:
            assert "What the sources cannot tell" in _page(site_dir, f"events/{event.id}"), event.id


def test_the_2024_treaty_page_shows_its_signing_ratification_and_entry_into_force(site_dir):
    page = _page(site_dir, "treaties/russia-north-korea-agreement-2024")
    rows = [_text(row) for row in re.findall(r"<tr>(.*?)</tr>", _section(page, "From signing to today"), re.S)]
    assert any(row.startswith("19 June 2024 Signed") for row in rows)
    assert any(row.startswith("4 December 2024 In force") for row in rows)
    assert sum(" Ratified " in f" {row} " for row in rows) == 4
    assert "Status: in force." in _text(page)
    assert "(expected)" not in _text(page)


def test_the_sources_page_lists_every_source_by_kind_with_its_address(site_dir):
    page = _page(site_dir, "sources")
    sources = DATASET.kind("sources")
    headings = re.findall(r'<p class="book-source-title" id="([a-z0-9-]+)"', page)
    assert sorted(headings) == sorted(sources)
    for heading in ("Seed articles", "Official records", "News agencies", "Press"):
        assert f">{heading} (" in page, heading
    for source in sources.values():
        if source.kind != "seed-article":
            assert f'<a href="{html.escape(source.url)}">' in page, source.id


def test_the_cut_off_is_the_same_on_the_home_page_and_in_every_citation(site_dir):
    assert f"Data as of {AS_OF}." in _text(_page(site_dir, ""))
    cited = set()
    for path in site_dir.glob("*/*/index.html"):
        cited.update(re.findall(r"Data as of ([^.<]+)\.", path.read_text("utf-8")))
    assert cited == {AS_OF}
