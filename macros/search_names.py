"""The names a reader types to find a record, for the search index.

Material's search ranks a page by the words of its title and text. A record's
own page should come first for the names it goes by, in every script and
spelling the data knows, ahead of the pages that only mention it: Kim Jong Un's
page for "김정은", the Pyongyang page for "Pyongyang" rather than the summits
held there, a summit for its place and year ("Vladivostok 2019"). These are
plain functions of the data; hooks/search.py puts their names into a field of
the index of its own, weighted above titles (mkdocs.yml, the search plugin's
``fields``), and each kind of page has a weight of its own (``SEARCH_BOOST``,
put in the pages' metadata by hooks/generate.py).
"""

from __future__ import annotations

from briefing.index import place_chain
from macros.book import Book
from macros.filters import PAGE_KINDS, page_path, record_title, statistics_anchor
from macros.render import statistics_by_topic

# The index field holding the names (weighted in mkdocs.yml, filled by hooks/search.py).
NAMES_FIELD = "names"
# Each page of a kind is weighted by this in the index (Material's search "boost"):
# where two pages hold a query's words alike, the person comes before the place,
# the place and the topic before an event there, the event before a treaty signed at it.
SEARCH_BOOST = {"people": 3, "places": 2.5, "topics": 2.5, "events": 2, "treaties": 1.8}
# A headline event (a summit) before the other events of its place and year.
HEADLINE_BOOST = 0.2


def search_boost(kind: str, record) -> float | None:
    """The weight of a record's page in the index (None: Material's own, 1)."""
    boost = SEARCH_BOOST.get(kind)
    if boost is not None and getattr(record, "headline", False):
        boost += HEADLINE_BOOST
    return boost


def search_names(book: Book) -> dict[str, list[str]]:
    """The names of each page (docs path) or page section ("statistics.md#topic-labour")."""
    names = {page_path(kind, record.id).lstrip("/"): record_names(kind, record, book)
             for kind in PAGE_KINDS for record in book.dataset.kind(kind).values()}
    names["glossary.md"] = _glossary_names(book)
    for topic_id, statistics in statistics_by_topic(book):
        names[f"statistics.md#{statistics_anchor(topic_id)}"] = [statistic.label for statistic in statistics]
    return names


def record_names(kind: str, record, book: Book) -> list[str]:
    """A record's title, its aliases and its names in other scripts; an event's place and year too."""
    names = [record_title(record), *getattr(record, "aliases", [])]
    names += [native.name for native in getattr(record, "native_names", [])]
    official = getattr(record, "official_name", None)
    if official is not None:
        names.append(official.text)
    if kind == "events":
        names += _event_place_and_year(record, book)
    return names


def _event_place_and_year(event, book: Book) -> list[str]:
    """An event also goes by its place and year, the venue's and each place around it's
    ("Russky Island 2019", "Vladivostok 2019"), or by its year where it has no place."""
    year = event.date.start[:4]
    places = book.dataset.kind("places")
    chain = [places[place_id].name for place_id in place_chain(places, event.place) if place_id in places]
    return [f"{name} {year}" for name in chain] or [year]


def _glossary_names(book: Book) -> list[str]:
    """The glossary page goes by each abbreviation it explains and what it stands for."""
    return [name for term in book.dataset.kind("glossary").values() for name in (term.term, term.expansion)]
