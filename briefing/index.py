"""Cross-references and backlinks of the whole data set, computed once.

Every page of the book shows things that no single YAML file states: the
events a person attended, the pages that cite a source, what superseded a
treaty, the previous and next leaders' meeting. Computing them per page would
scan all data for every page (quadratic at thousands of pages), so
``build_index`` walks the data set once and every page looks its lists up.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from pydantic import BaseModel

from briefing.dataset import Dataset
from briefing.model import DateSpan, Event, Person, Quote, Record, TreatyLink

# The event kinds that count as a meeting of leaders, and the country pairs
# whose meetings the book follows ("Russia" includes the Soviet Union).
LEADERS_MEETING_KINDS = frozenset({"summit", "state-visit", "leaders-meeting"})
RUSSIA_SIDE = frozenset({"russia", "soviet-union"})
KOREA_SIDE = frozenset({"north-korea"})

# The order of kinds in "cited by" lists.
CITING_KIND_ORDER = {kind: number for number, kind in enumerate(
    ("events", "treaties", "people", "places", "topics", "statistics", "glossary"))}

# Statement-bearing fields scanned for the names of people ("other mentions").
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)


@dataclass(frozen=True, order=True)
class Ref:
    """A pointer to one record: the page (or page section) that shows it."""

    kind: str
    id: str


@dataclass(frozen=True)
class QuoteRef:
    """A quote and the event it was said at."""

    event: str
    quote: Quote


@dataclass
class BookIndex:
    """Every derived list the pages need, keyed by record id."""

    events_by_person: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    quotes_by_speaker: dict[str, list[QuoteRef]] = field(default_factory=lambda: defaultdict(list))
    treaties_by_signatory: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    mentions_of_person: dict[str, list[Ref]] = field(default_factory=lambda: defaultdict(list))
    citations_by_source: dict[str, list[Ref]] = field(default_factory=lambda: defaultdict(list))
    events_by_topic: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    statistics_by_topic: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    treaties_by_topic: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    quotes_by_topic: dict[str, list[QuoteRef]] = field(default_factory=lambda: defaultdict(list))
    events_by_treaty: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    supersedes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    superseded_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # (newer, older) -> the link as written, on whichever of the two records states it.
    supersession: dict[tuple[str, str], TreatyLink] = field(default_factory=dict)
    events_by_place: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    places_within: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    statistics_by_event: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    related_events: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    events_by_date: list[str] = field(default_factory=list)
    event_order: dict[str, int] = field(default_factory=dict)
    leaders_meetings: list[str] = field(default_factory=list)
    leaders_meetings_set: frozenset[str] = frozenset()
    meeting_order: list[int] = field(default_factory=list)

    def previous_meeting(self, event_id: str) -> str | None:
        """The Russia–North Korea leaders' meeting before this event (any event)."""
        before = bisect_left(self.meeting_order, self.event_order[event_id])
        return self.events_by_date[self.meeting_order[before - 1]] if before > 0 else None

    def next_meeting(self, event_id: str) -> str | None:
        """The Russia–North Korea leaders' meeting after this event (any event)."""
        after = bisect_right(self.meeting_order, self.event_order[event_id])
        return self.events_by_date[self.meeting_order[after]] if after < len(self.meeting_order) else None

    def is_leaders_meeting(self, event_id: str) -> bool:
        return event_id in self.leaders_meetings_set


def date_key(span: DateSpan | None) -> tuple[int, int, int]:
    """Sort key of a partial date: a bare year sorts before its months."""
    if span is None:
        return (0, 0, 0)
    parts = [int(part) for part in span.start.split("-")]
    return tuple(parts + [0] * (3 - len(parts)))  # type: ignore[return-value]


def build_index(dataset: Dataset) -> BookIndex:
    """Walk the data set once and return every cross-reference the pages need."""
    index = BookIndex()
    for indexer in (_index_events, _index_treaties, _index_statistics, _index_places,
                    _index_citations, _index_mentions, _index_order):
        indexer(dataset, index)
    return _sorted(dataset, index)


# --- One pass per kind ------------------------------------------------------------


def _index_events(dataset: Dataset, index: BookIndex) -> None:
    """People, quotes, topics, treaties, places and related events of every event."""
    for event in dataset.kind("events").values():
        for participant in event.participants:
            index.events_by_person[participant.person].append((event.id, participant.role))
        for quote in event.quotes:
            index.quotes_by_speaker[quote.speaker].append(QuoteRef(event.id, quote))
        for topic in event.topics:
            index.events_by_topic[topic].append(event.id)
            index.quotes_by_topic[topic].extend(QuoteRef(event.id, quote) for quote in event.quotes)
        for link in event.agreements:
            index.events_by_treaty[link.treaty].append((event.id, link.relation))
        _index_related(event, index)


def _index_related(event: Event, index: BookIndex) -> None:
    # "Related" is stated on one side only; both events show the link.
    for other in event.related:
        _add_once(index.related_events[event.id], other)
        _add_once(index.related_events[other], event.id)


def _index_treaties(dataset: Dataset, index: BookIndex) -> None:
    """Signatories, topics and the supersession chain in both directions."""
    for treaty in dataset.kind("treaties").values():
        for signatory in treaty.signatories:
            index.treaties_by_signatory[signatory.person].append(treaty.id)
        for topic in treaty.topics:
            index.treaties_by_topic[topic].append(treaty.id)
        # Either side of a supersession may be the one that records it.
        for older in treaty.supersedes:
            _add_once(index.supersedes[treaty.id], older.treaty)
            _add_once(index.superseded_by[older.treaty], treaty.id)
            index.supersession.setdefault((treaty.id, older.treaty), older)
        for newer in treaty.superseded_by:
            _add_once(index.superseded_by[treaty.id], newer.treaty)
            _add_once(index.supersedes[newer.treaty], treaty.id)
            index.supersession.setdefault((newer.treaty, treaty.id), newer)


def _index_statistics(dataset: Dataset, index: BookIndex) -> None:
    """Statistics by topic and by the events they belong to."""
    for statistic in dataset.kind("statistics").values():
        for topic in statistic.topics:
            index.statistics_by_topic[topic].append(statistic.id)
        for event in statistic.events:
            index.statistics_by_event[event].append(statistic.id)


def _index_places(dataset: Dataset, index: BookIndex) -> None:
    """Events by place, counting an event at a venue for its island and city too."""
    places = dataset.kind("places")
    for place in places.values():
        if place.within:
            index.places_within[place.within].append(place.id)
    for event in dataset.kind("events").values():
        for place_id in place_chain(places, event.place):
            index.events_by_place[place_id].append(event.id)


def place_chain(places: dict[str, Record], place_id: str | None) -> list[str]:
    """The place and every place it lies within, innermost first (cycle-safe)."""
    chain: list[str] = []
    while place_id and place_id not in chain:
        chain.append(place_id)
        place = places.get(place_id)
        place_id = getattr(place, "within", None)
    return chain


def _index_citations(dataset: Dataset, index: BookIndex) -> None:
    """Every page that cites each source, wherever in the record the citation sits."""
    for kind, records in dataset.records.items():
        if kind == "sources":
            continue
        for record in records.values():
            for source_id in sorted(set(cited_sources(record))):
                index.citations_by_source[source_id].append(Ref(kind, record.id))


def cited_sources(value: object) -> Iterator[str]:
    """Every source id cited anywhere inside a record, depth first."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            item = getattr(value, name)
            if name == "sources" and isinstance(item, list):
                yield from item
            else:
                yield from cited_sources(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from cited_sources(item)


def _index_order(dataset: Dataset, index: BookIndex) -> None:
    """Events by date, and the leaders' meetings in order for previous/next links."""
    events = dataset.kind("events")
    index.events_by_date = sorted(events, key=lambda event_id: (date_key(events[event_id].date), event_id))
    index.event_order = {event_id: number for number, event_id in enumerate(index.events_by_date)}
    # Positions in date order, so any event finds the meetings around it by bisection.
    index.meeting_order = [number for number, event_id in enumerate(index.events_by_date)
                           if is_leaders_meeting(events[event_id])]
    index.leaders_meetings = [index.events_by_date[number] for number in index.meeting_order]
    index.leaders_meetings_set = frozenset(index.leaders_meetings)


def is_leaders_meeting(event: Event) -> bool:
    """A summit, state visit or leaders' meeting between Russia and North Korea."""
    countries = set(event.countries)
    return (event.kind in LEADERS_MEETING_KINDS and event.status != "planned"
            and bool(countries & RUSSIA_SIDE) and bool(countries & KOREA_SIDE))


# --- Mentions of people in other records' text ---------------------------------------


def _index_mentions(dataset: Dataset, index: BookIndex) -> None:
    """Pages whose text names a person, beyond the events they attended."""
    names = _name_table(dataset.kind("people").values())
    starts = _name_starts(names)
    for kind in ("events", "treaties", "statistics", "places", "people"):
        for record in dataset.kind(kind).values():
            for person_id in sorted(_people_named(_texts(record), names, starts)):
                if _is_new_mention(dataset, kind, record, person_id):
                    index.mentions_of_person[person_id].append(Ref(kind, record.id))


def _is_new_mention(dataset: Dataset, kind: str, record: Record, person_id: str) -> bool:
    # A person's own page, and events they are listed at, are shown elsewhere.
    if kind == "people" and record.id == person_id:
        return False
    if kind == "events":
        return all(participant.person != person_id for participant in record.participants)
    return True


def _name_table(people: Iterable[Person]) -> dict[tuple[str, ...], str]:
    """Word sequences that name exactly one person, e.g. ("kim", "jong", "un").

    A one-word spelling counts only if no other person's spelling contains that
    word: "Putin" names one person, "Kim" could be several.
    """
    owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    word_owners: dict[str, set[str]] = defaultdict(set)
    for person in people:
        for name in [person.name, *person.aliases, *(native.name for native in person.native_names)]:
            words = tuple(_words(name))
            owners[words].add(person.id)
            for word in words:
                word_owners[word].add(person.id)
    return {words: next(iter(ids)) for words, ids in owners.items()
            if words and len(ids) == 1 and (len(words) > 1 or len(word_owners[words[0]]) == 1)}


def _words(text: str) -> list[str]:
    # Casefolding the whole text first gives the same words as folding each one, faster.
    return _WORD.findall(text.replace("-", " ").casefold())


def _name_starts(names: dict[tuple[str, ...], str]) -> dict[str, int]:
    """The first word of every name, with the most words a name starting with it has."""
    starts: dict[str, int] = {}
    for words in names:
        starts[words[0]] = max(starts.get(words[0], 0), len(words))
    return starts


def _people_named(texts: Iterable[str], names: dict[tuple[str, ...], str], starts: dict[str, int]) -> set[str]:
    """Ids of the people a text names, matching the longest name at each word.

    Only words that start some name are looked at (a comprehension finds them:
    most words start none, and this runs over every word of the book); a word
    inside a name just matched starts no other.
    """
    found: set[str] = set()
    for text in texts:
        words = _words(text)
        free_from = 0
        for position in [number for number, word in enumerate(words) if word in starts]:
            if position < free_from:
                continue
            length = _longest_name_at(words, position, names, starts[words[position]])
            if length:
                found.add(names[tuple(words[position:position + length])])
                free_from = position + length
    return found


def _longest_name_at(words: list[str], position: int, names: dict[tuple[str, ...], str], longest: int) -> int:
    for length in range(min(longest, len(words) - position), 0, -1):
        if tuple(words[position:position + length]) in names:
            return length
    return 0


def _texts(value: object) -> Iterator[str]:
    """Every string inside a record, except ids and references."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in _REFERENCE_FIELDS:
                yield from _texts(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, str):
        yield value


# Fields that hold ids (or names of the record itself), not prose.
_REFERENCE_FIELDS = frozenset({
    "id", "sources", "speaker", "person", "treaty", "place", "related", "topics", "events",
    "series", "within", "supersedes", "superseded_by", "signatories", "countries", "host",
    "parties", "country", "name", "aliases", "native_names", "kind", "role", "relation",
    "status", "script", "reference", "start", "end", "weekday",
})


# --- Final ordering -------------------------------------------------------------------


def _sorted(dataset: Dataset, index: BookIndex) -> BookIndex:
    """Put every event list in date order, so pages read chronologically."""
    position = index.event_order
    lists_and_their_event = (
        ((index.events_by_topic, index.events_by_place, index.related_events), lambda item: item),
        ((index.events_by_person, index.events_by_treaty), lambda item: item[0]),
        ((index.quotes_by_speaker, index.quotes_by_topic), lambda item: item.event),
    )
    for mappings, event_of in lists_and_their_event:
        for mapping in mappings:
            for items in mapping.values():
                items.sort(key=lambda item: position.get(event_of(item), -1))
    # Citing pages read best grouped by kind, events first.
    for refs in index.citations_by_source.values():
        refs.sort(key=lambda ref: (CITING_KIND_ORDER.get(ref.kind, len(CITING_KIND_ORDER)), ref.id))
    return index


def _add_once(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)
