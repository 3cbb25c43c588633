"""macros/rebuild.py: which generated pages a live-preview rebuild redoes after a save."""

from __future__ import annotations

import shutil

import pytest

from macros.book import Book, open_book
from macros.rebuild import changed_records, pages_to_rebuild
from tests.macros.conftest import FIXTURE_DATA, ROOT


@pytest.fixture()
def edited(tmp_path):
    """Edit a copy of the fixture data: ``edit(relative path, old, new)`` or ``edit(path, None)`` to delete."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)

    def edit(path: str, old: str | None, new: str = "") -> Book:
        file = data / path
        if old is None:
            file.unlink()
        else:
            text = file.read_text("utf-8")
            assert old in text
            file.write_text(text.replace(old, new, 1), "utf-8")
        return open_book(data, ROOT)

    return edit


def test_data_saved_unchanged_rebuilds_nothing_more(book, edited):
    after = edited("events/harbour-summit-2020.yaml", "title: Harbour summit\n", "# a comment\ntitle: Harbour summit\n")
    assert changed_records(book, after) == set()
    assert pages_to_rebuild(book, after) == set()


def test_a_renamed_event_shows_on_its_people_places_treaties_and_neighbours(book, edited):
    after = edited("events/harbour-summit-2020.yaml", "title: Harbour summit", "title: Harbour talks")
    assert changed_records(book, after) == {("events", "harbour-summit-2020")}
    assert pages_to_rebuild(book, after) >= {
        ("events", "harbour-summit-2020"), ("events", None),
        ("people", "leader-north"), ("people", "leader-russia"), ("people", None),  # its participants
        ("places", "lighthouse-island"), ("places", "harbour-city"),  # its venue, and the city the venue lies in
        ("treaties", "friendship-declaration-2020"),  # signed there
        ("events", "test-launch-2020"),  # related to it
        ("events", "second-summit-2021"),  # the next leaders' meeting
        ("topics", "fisheries"),  # through its statistic (talks-hours), whose topic page lists it
    }


def test_a_participant_removed_is_rebuilt_though_the_event_no_longer_names_them(book, edited):
    after = edited("events/harbour-summit-2020.yaml",
                   "  - {person: leader-north, role: guest, sources: [gazette-2020]}\n")
    pages = pages_to_rebuild(book, after)
    assert ("people", "leader-north") in pages
    assert ("events", "harbour-summit-2020") in pages


def test_a_deleted_record_rebuilds_the_pages_that_showed_it_but_not_its_own(edited):
    before = edited("events/harbour-summit-2020.yaml", "related: [test-launch-2020]\n")  # nothing names it now
    after = edited("events/test-launch-2020.yaml", None)
    assert changed_records(before, after) == {("events", "test-launch-2020")}
    pages = pages_to_rebuild(before, after)
    assert ("events", "test-launch-2020") not in pages
    assert {("people", "leader-russia"), ("events", None)} <= pages  # its text named him ("Testov")


def test_a_source_shows_on_every_page_that_cites_it_and_no_other(book, edited):
    after = edited("sources/courier-2021.yaml", "title: ", "title: Renamed ")
    pages = pages_to_rebuild(book, after)
    citing = {(ref.kind, ref.id) for ref in book.index.citations_by_source["courier-2021"]}
    assert {page for page in citing if page[1] and page[0] != "statistics"} <= pages
    assert ("places", "lighthouse-island") not in pages  # cites only the gazette
    assert all(kind in ("events", "people", "treaties", "topics", "places") for kind, _ in pages)


def test_a_person_named_in_a_text_shows_it_on_their_page(book, edited):
    # "Testov" is how the fixture names a person in the launch's summary (other mentions).
    mentioned = {person for person, refs in book.index.mentions_of_person.items()
                 if any(ref.id == "test-launch-2020" for ref in refs)}
    assert mentioned, "the fixture names a person in the launch's text"
    after = edited("events/test-launch-2020.yaml", "A rocket was launched", "A missile was launched")
    assert {("people", person) for person in mentioned} <= pages_to_rebuild(book, after)


def test_a_source_cited_by_a_statistic_shows_on_the_pages_listing_that_statistic(book, edited):
    # The fisheries page cites no source itself; its table of figures cites the gazette.
    after = edited("sources/gazette-2020.yaml", "title: ", "title: Renamed ")
    assert ("topics", "fisheries") in pages_to_rebuild(book, after)
