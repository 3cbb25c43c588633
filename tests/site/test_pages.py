"""The real book, built once: every record has its page, with its key content, reachable.

These tests read data/ as the lead writes it, so they check structure (a page
per record, its title, its sections, its links), not particular wording.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from briefing.dataset import load_dataset
from macros.filters import PAGE_KINDS, record_title

ROOT = Path(__file__).resolve().parents[2]
DATASET = load_dataset(ROOT / "data")
RECORDS = [(kind, record_id) for kind in PAGE_KINDS for record_id in DATASET.kind(kind)]
# Pages in the navigation: the only entries of every page's sidebar.
NAV_PAGES = ["", "timeline/", "events/", "people/", "treaties/", "topics/", "places/",
             "statistics/", "map/", "compare/", "sources/", "glossary/", "data/", "guide/contributing/"]
# Written by the paper edition after `mkdocs build` (see the Makefile): absent from a test build.
PAPER_FILES = re.compile(r"(^|/)(briefing-book\.pdf|briefing-book-offline\.zip|briefs/[^/]+\.pdf)$")


@pytest.mark.parametrize(("kind", "record_id"), RECORDS)
def test_every_record_has_its_page_with_its_title(kind, record_id, site_pages, parsed):
    url = f"{kind}/{record_id}/"
    assert url in site_pages
    page = parsed(url)
    assert " ".join(record_title(DATASET.get(kind, record_id)).split()) in page.text


@pytest.mark.parametrize("event_id", sorted(DATASET.kind("events")))
def test_every_event_page_has_its_briefing_sections(event_id, parsed):
    event = DATASET.get("events", event_id)
    text = parsed(f"events/{event_id}/").text
    assert "Bottom line up front" in text and "When:" in text and "Where:" in text
    assert "Previous leaders' meeting:" in text and "Next leaders' meeting:" in text
    assert "Sources cited" in text  # every event cites at least its summary's source
    if event.date.derivation:
        assert "How the date was fixed:" in text
    for section, items in (("Participants", event.participants), ("Agenda", event.agenda),
                           ("Outcomes", event.outcomes), ("Quotes", event.quotes),
                           ("Notable details", event.details)):
        assert (section in text) == bool(items), section


@pytest.mark.parametrize("event_id", sorted(DATASET.kind("events")))
def test_event_participants_and_agreements_are_linked(event_id, parsed):
    event = DATASET.get("events", event_id)
    links = set(parsed(f"events/{event_id}/").links)
    for participant in event.participants:
        assert f"../../people/{participant.person}/" in links
    for agreement in event.agreements:
        assert f"../../treaties/{agreement.treaty}/" in links


def test_conflicts_between_sources_are_shown(parsed):
    conflicted = [(kind, record.id, record.conflicts) for kind in ("events", "treaties")
                  for record in DATASET.kind(kind).values() if record.conflicts]
    for kind, record_id, conflicts in conflicted:
        text = parsed(f"{kind}/{record_id}/").text
        assert text.count("Sources disagree") == len(conflicts)
        for conflict in conflicts:
            assert " ".join(conflict.about.split()) in text


def test_every_person_page_lists_their_names_for_search(parsed):
    for person in DATASET.kind("people").values():
        text = parsed(f"people/{person.id}/").text
        for name in [*person.aliases, *(native.name for native in person.native_names)]:
            assert name in text, (person.id, name)


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_record_is_linked_from_its_kinds_index(kind, parsed):
    links = set(parsed(f"{kind}/").links)
    for record_id in DATASET.kind(kind):
        assert f"{record_id}/" in links, record_id


def test_no_placeholder_of_the_macros_html_is_left_on_any_page(site_pages):
    # macros/blocks.py: each is swapped back for its HTML once the page is converted.
    left = [url for url, path in site_pages.items() if "<!-- book-block" in path.read_text(encoding="utf-8")]
    assert not left


def test_the_sidebar_lists_index_pages_only_on_every_page(site_pages, parsed):
    # The same entries on a record's page as on the home page: the sidebar
    # does not grow with the number of records.
    for url in ("", "events/vostochny-summit-2023/", "people/kim-jong-un/", "timeline/"):
        if url not in site_pages:
            continue
        page_path = urlsplit("/" + url).path
        targets = sorted({posixpath.normpath(posixpath.join(page_path, link)) for link in parsed(url).nav_links
                          if not link.startswith("#")})  # the current page's own contents
        assert targets == sorted(posixpath.normpath("/" + nav) for nav in NAV_PAGES), url


def test_every_internal_link_and_anchor_resolves(site_dir, site_pages, parsed):
    broken = []
    for url in site_pages:
        for link in parsed(url).links:
            problem = _broken_link(site_dir, url, link, parsed)
            if problem:
                broken.append(f"{url or '/'} -> {link}: {problem}")
    assert not broken, "\n".join(broken[:20])


def _broken_link(site: Path, url: str, link: str, parsed) -> str | None:
    """Why a link on page ``url`` leads nowhere, or None if it works."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None  # external: not fetched, only followed by a reader
    if PAPER_FILES.search(parts.path):
        return None  # made after the site; tests/site/test_figures.py checks where they point
    page = "/" + url
    folder = page if page.endswith("/") else posixpath.dirname(page) + "/"
    target = posixpath.normpath(posixpath.join(folder, unquote(parts.path))) if parts.path else page
    file = site / target.lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    if not file.is_file():
        return "no such file"
    if parts.fragment and file.suffix == ".html":
        target_url = file.relative_to(site).as_posix().removesuffix("index.html")
        if parts.fragment not in parsed(target_url).ids:
            return f"no anchor #{parts.fragment}"
    return None


def test_the_statistics_page_has_a_row_for_every_statistic(parsed):
    ids = parsed("statistics/").ids
    assert set(DATASET.kind("statistics")) <= ids


def test_every_source_lists_the_pages_citing_it(parsed):
    page = parsed("sources/")
    assert set(DATASET.kind("sources")) <= page.ids
    assert "Cited by" in page.text


def test_every_glossary_term_is_explained_on_hover(site_pages):
    # The glossary page names every term, so it shows every abbreviation.
    glossary = site_pages["glossary/"].read_text("utf-8")
    explained = {html.unescape(term): html.unescape(title)
                 for title, term in re.findall(r'<abbr title="([^"]*)">([^<]*)</abbr>', glossary)}
    for term in DATASET.kind("glossary").values():
        assert explained.get(term.term) == " ".join(term.expansion.split()), term.term
