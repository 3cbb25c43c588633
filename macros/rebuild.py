"""Which generated pages show a record that changed: what a live-preview rebuild redoes.

``make serve`` runs ``mkdocs serve --dirty``, which rebuilds a page only when
its own source is newer than its HTML; a generated page's source is its
record's YAML file. But a record shows on other pages too: an event's title on
its participants' pages, a person's name on the events they attended. Those
would keep the old text until a full build, so the hook (hooks/generate.py)
asks ``pages_to_rebuild`` which pages show what changed and rebuilds them too.

A page shows a record when one of the two names the other (a reference either
way); the rules below add what the pages show without a direct reference.
Both the data before and after the save are asked, so a page that stops
showing a record (a participant removed) is rebuilt as well. The hand-written
pages (home, timeline, map, statistics...) are not: they catch up on the next
full build (``make serve-full`` rebuilds everything on each save).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from briefing import schema
from briefing.index import place_chain
from macros.book import Book
from macros.filters import PAGE_KINDS

# A generated page: (kind, record id), or (kind, None) for the kind's index page.
PageKey = tuple[str, "str | None"]
RecordKey = tuple[str, str]


def pages_to_rebuild(before: Book, after: Book) -> set[PageKey]:
    """The generated pages (of the data ``after``) that show a record changed since ``before``.

    Added and removed records count as changed; a record saved unchanged does not.
    """
    changed = changed_records(before, after)
    if not changed:
        return set()
    shown_on = _pages_showing(before, changed) | _pages_showing(after, changed)
    pages: set[PageKey] = {(kind, None) for kind, _ in shown_on}  # the index lists their titles
    pages |= {(kind, record_id) for kind, record_id in shown_on if after.record(kind, record_id)}
    return {page for page in pages if page[0] in PAGE_KINDS}


def changed_records(before: Book, after: Book) -> set[RecordKey]:
    """Every record whose data differs between the two books, or that only one has."""
    old, new = before.dataset.records, after.dataset.records
    changed = set()
    for kind in old.keys() | new.keys():
        old_records, new_records = old.get(kind, {}), new.get(kind, {})
        for record_id in old_records.keys() | new_records.keys():
            if old_records.get(record_id) != new_records.get(record_id):  # field by field
                changed.add((kind, record_id))
    return changed


def _pages_showing(book: Book, records: Iterable[RecordKey]) -> set[RecordKey]:
    """The records whose pages show any of ``records`` in ``book`` (each record's own page too)."""
    referrers = _referrers(book)
    pages: set[RecordKey] = set()
    for key in records:
        record = book.record(*key)
        if record is None:
            continue  # not in this book: the other one tells where it showed
        pages.add(key)
        pages |= _named_by(book, record)
        for referrer in referrers[key]:
            pages.add(referrer)
            if referrer[0] not in PAGE_KINDS:  # a statistic shows on its event's and topic's pages
                pages |= _named_by(book, book.record(*referrer))
        pages |= _shown_without_reference(book, key)
    return pages


def _named_by(book: Book, record) -> set[RecordKey]:
    """The records ``record`` names, and every place a named place lies within (shown as its address)."""
    named = {(kind, target) for _, kind, target in schema.references(record)}
    places = book.dataset.kind("places")
    for kind, target in list(named):
        if kind == "places":
            named |= {("places", place) for place in place_chain(places, target)}
    return named


def _referrers(book: Book) -> dict[RecordKey, set[RecordKey]]:
    """Every record that names each record (by reference, or a person by name in its text)."""
    referrers: dict[RecordKey, set[RecordKey]] = defaultdict(set)
    for kind, by_id in book.dataset.records.items():
        for record_id, record in by_id.items():
            for _, target_kind, target in schema.references(record):
                referrers[(target_kind, target)].add((kind, record_id))
    for person, mentions in book.index.mentions_of_person.items():
        for ref in mentions:  # the person's page lists where they are named
            referrers[(ref.kind, ref.id)].add(("people", person))
    return referrers


def _shown_without_reference(book: Book, key: RecordKey) -> set[RecordKey]:
    """Pages that show a record neither names: an event's meeting neighbours, a place's events."""
    kind, record_id = key
    if kind == "events":
        neighbours = (book.index.previous_meeting(record_id), book.index.next_meeting(record_id))
        return {("events", event) for event in neighbours if event}
    if kind == "places":  # an event at a venue is listed for its city too
        return {("events", event) for event in book.index.events_by_place.get(record_id, ())}
    return set()
