"""Pages as plain functions: data in, HTML out.

Each ``render_*`` function gathers what one page shows (``_context_*``, from
the data set and its prebuilt index, never by scanning all data) and fills
the page's template in ``macros/templates``. The templates write HTML, not
Markdown: a record page goes to the site as it is (hooks/generate.py), with no
Markdown processor to pass through, which is what keeps a build of thousands
of pages fast; a hand-written page embeds the HTML as a raw block that the
macros plugin inserts verbatim, never rendered as Jinja again. Links are made
by ``resolve_href`` (macros.links), relative to the page being built.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from itertools import groupby
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from briefing.index import date_key, place_chain
from briefing.model import COUNTRY_NAMES, SOURCE_KIND_HEADINGS, SOURCE_KIND_NAMES
from macros import filters
from macros.book import Book
from macros.citations import Citations
from macros.dates import is_day_precise, year_of
from macros.links import Href, docs_href

TEMPLATES = Path(__file__).parent / "templates"

# Participant roles that make someone a principal of an event, not an aide.
PRINCIPAL_ROLES = ("leader", "host", "guest")
# How the events index groups kinds of event.
MEETING_KINDS = ("summit", "state-visit", "leaders-meeting", "visit", "arrival", "talks")
HOME_LATEST = 5
HOME_FIGURES = 6


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The template environment: strict about typos, escaping every data value.

    Autoescaping is on so that template macros return Markup; the escaping
    itself is ``filters.escape_text`` (installed as ``finalize``), which every
    plain value passes through before Jinja's HTML escaping would see it.
    """
    loaded = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, autoescape=True,
                         trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return filters.register(loaded)


def render_template(name: str, book: Book, resolve_href: Href = docs_href, **context: object) -> Markup:
    """Fill one template; append the footnotes of the sources it cited; explain its abbreviations."""
    citations = Citations(book.dataset, resolve_href)
    anchors: set[str] = set()
    template = environment().get_template(name)
    body = str(template.render(book=book, citations=citations, anchors=anchors, resolve_href=resolve_href,
                               **context))
    footnotes = str(citations.footnotes())
    if footnotes:
        body = body.rstrip() + "\n" + str(filters.heading_markup(2, "Sources cited", anchors))
        body += "\n" + footnotes
    return Markup(book.abbreviations.mark_up(body))


# --- Entity pages -------------------------------------------------------------------


# What an entity page shows beyond its data, made by macros.figures (absent in unit tests).
ENTITY_EXTRAS = {"last_updated": None, "citation": None, "brief": None}


def render_entity_page(book: Book, kind: str, record_id: str, extras: dict | None = None,
                       resolve_href: Href = docs_href) -> Markup:
    """The page of one event, person, treaty, topic or place."""
    record = book.record(kind, record_id)
    if record is None:
        raise KeyError(f"no {kind} record '{record_id}'")
    context = _ENTITY_CONTEXTS[kind](book, record) | ENTITY_EXTRAS | (extras or {})
    return render_template(f"{kind}.html.j2", book, resolve_href, data_file=book.data_file(kind, record_id), **context)


def _context_events(book: Book, event) -> dict:
    index = book.index
    return {
        "event": event,
        "places": place_chain(book.dataset.kind("places"), event.place),
        "principals": [p for p in event.participants if p.role in PRINCIPAL_ROLES],
        "others": [p for p in event.participants if p.role not in PRINCIPAL_ROLES],
        "previous_meeting": index.previous_meeting(event.id),
        "next_meeting": index.next_meeting(event.id),
        "is_meeting": index.is_leaders_meeting(event.id),
        "statistics": _records(book, "statistics", index.statistics_by_event.get(event.id, [])),
        "related": index.related_events.get(event.id, []),
    }


def _context_people(book: Book, person) -> dict:
    index = book.index
    return {
        "person": person,
        "attended": index.events_by_person.get(person.id, []),
        "quotes": index.quotes_by_speaker.get(person.id, []),
        "signed": index.treaties_by_signatory.get(person.id, []),
        "mentions": index.mentions_of_person.get(person.id, []),
    }


def _context_treaties(book: Book, treaty) -> dict:
    index = book.index
    return {
        "treaty": treaty,
        "supersedes": [(older, index.supersession[(treaty.id, older)]) for older in index.supersedes.get(treaty.id, [])],
        "superseded_by": [(newer, index.supersession[(newer, treaty.id)])
                          for newer in index.superseded_by.get(treaty.id, [])],
        "lineage": _lineage(book, treaty.id),
        "events": index.events_by_treaty.get(treaty.id, []),
    }


def _lineage(book: Book, treaty_id: str) -> list[str]:
    """Every treaty linked to this one by supersession, oldest first (1961 → 2000 → 2024)."""
    seen, pending = {treaty_id}, [treaty_id]
    while pending:
        current = pending.pop()
        for other in book.index.supersedes.get(current, []) + book.index.superseded_by.get(current, []):
            if other not in seen and book.record("treaties", other):
                seen.add(other)
                pending.append(other)
    treaties = book.dataset.kind("treaties")
    return sorted(seen, key=lambda other: (date_key(treaties[other].date), other)) if len(seen) > 1 else []


def _context_topics(book: Book, topic) -> dict:
    index = book.index
    return {
        "topic": topic,
        "events": index.events_by_topic.get(topic.id, []),
        "statistics": _records(book, "statistics", index.statistics_by_topic.get(topic.id, [])),
        "treaties": index.treaties_by_topic.get(topic.id, []),
        "quotes": index.quotes_by_topic.get(topic.id, []),
    }


def _context_places(book: Book, place) -> dict:
    return {
        "place": place,
        "within": place_chain(book.dataset.kind("places"), place.within),
        "contains": sorted(book.index.places_within.get(place.id, [])),
        "events": book.index.events_by_place.get(place.id, []),
    }


_ENTITY_CONTEXTS = {
    "events": _context_events, "people": _context_people, "treaties": _context_treaties,
    "topics": _context_topics, "places": _context_places,
}


def _records(book: Book, kind: str, record_ids: list[str]) -> list:
    return [book.record(kind, record_id) for record_id in record_ids if book.record(kind, record_id)]


# --- Index pages of each kind ------------------------------------------------------------


def render_kind_index(book: Book, kind: str, resolve_href: Href = docs_href) -> Markup:
    """The index page of one kind: every record of it, grouped, linked."""
    return render_template(f"{kind}_index.html.j2", book, resolve_href, **_INDEX_CONTEXTS[kind](book))


def _index_events(book: Book) -> dict:
    events = book.dataset.kind("events")
    newest_first = list(reversed(book.index.events_by_date))
    return {
        "meetings": [events[e] for e in newest_first if events[e].kind in MEETING_KINDS],
        "other_events": [events[e] for e in newest_first if events[e].kind not in MEETING_KINDS],
    }


def _index_people(book: Book) -> dict:
    return {"by_country": _by_country(book.dataset.kind("people").values())}


def _index_places(book: Book) -> dict:
    return {"by_country": _by_country(book.dataset.kind("places").values())}


def _by_country(records) -> list[tuple[str, list]]:
    """Records grouped under their country's name, both in alphabetical order."""
    groups: dict[str, list] = defaultdict(list)
    for record in records:
        groups[COUNTRY_NAMES.get(record.country, record.country)].append(record)
    return [(name, sorted(groups[name], key=lambda record: filters.record_title(record).casefold()))
            for name in sorted(groups)]


def _index_treaties(book: Book) -> dict:
    treaties = book.dataset.kind("treaties").values()
    return {"treaties": sorted(treaties, key=lambda treaty: (date_key(treaty.date), treaty.id))}


def _index_topics(book: Book) -> dict:
    topics = book.dataset.kind("topics").values()
    return {"topics": sorted(topics, key=lambda topic: topic.title.casefold())}


_INDEX_CONTEXTS = {
    "events": _index_events, "people": _index_people, "treaties": _index_treaties,
    "topics": _index_topics, "places": _index_places,
}


# --- Book-wide pages ----------------------------------------------------------------------


def render_timeline(book: Book, resolve_href: Href = docs_href) -> Markup:
    """Every event, oldest first, under its year; those the sources date only to a month or year apart.

    An event known only as "2024" cannot be put before or after one of 19 June 2024,
    so each year lists its dated events in order, then the others, labelled.
    """
    events = book.dataset.kind("events")
    ordered = [events[event_id] for event_id in book.index.events_by_date]
    years = [(year, *_split_by_precision(list(group)))
             for year, group in groupby(ordered, key=lambda event: year_of(event.date))]
    return render_template("timeline.html.j2", book, resolve_href, years=years)


def _split_by_precision(events: list) -> tuple[list, list]:
    """The events dated to the day (in order), and the rest (known only to the month or year)."""
    dated = [event for event in events if is_day_precise(event.date)]
    return dated, [event for event in events if not is_day_precise(event.date)]


def render_statistics(book: Book, charts: dict[str, Markup] | None = None, resolve_href: Href = docs_href) -> Markup:
    """Every statistic in a table per topic (the first topic it is tagged with), then its charts.

    ``charts`` maps a topic id ("" for untagged figures) to its inlined charts (macros.figures).
    """
    return render_template("statistics.html.j2", book, resolve_href, groups=statistics_by_topic(book),
                           charts=charts or {})


def statistics_by_topic(book: Book) -> list[tuple[str, list]]:
    """The statistics page's sections: (topic id, or "" for the rest; its figures by label), by topic title."""
    groups: dict[str, list] = defaultdict(list)
    for statistic in sorted(book.dataset.kind("statistics").values(), key=lambda s: s.label.casefold()):
        groups[statistic.topics[0] if statistic.topics else ""].append(statistic)
    topics = book.dataset.kind("topics")
    ordered = sorted(groups, key=lambda topic_id: (topic_id == "", topics[topic_id].title if topic_id in topics else topic_id))
    return [(topic_id, groups[topic_id]) for topic_id in ordered]


def render_bibliography(book: Book, resolve_href: Href = docs_href) -> Markup:
    """Every source, with every page that cites it, grouped by kind (seed articles first)."""
    sources = sorted(book.dataset.kind("sources").values(), key=lambda source: source.title.casefold())
    groups = [(SOURCE_KIND_HEADINGS[kind], name, [source for source in sources if source.kind == kind])
              for kind, name in SOURCE_KIND_NAMES.items()]
    return render_template("sources.html.j2", book, resolve_href, groups=[group for group in groups if group[2]],
                           as_of=book.as_of)


def render_compare(book: Book, resolve_href: Href = docs_href) -> Markup:
    """The Russia–North Korea leaders' meetings side by side, a row each."""
    from visuals import compare

    return render_template("compare.html.j2", book, resolve_href, columns=compare.COLUMNS,
                           rows=compare.meeting_rows(book.dataset))


def render_map_places(book: Book, resolve_href: Href = docs_href) -> Markup:
    """The map's meetings and visits (the same selection) as a table: a row per place it marks."""
    from visuals.selection import locate, meetings_and_visits

    places: dict[str, tuple] = {}
    unplaced = []
    for event in meetings_and_visits(book.dataset):
        located = locate(book.dataset, event)
        if located is None:
            unplaced.append(event)
        else:
            places.setdefault(located.shown_at.id, (located.shown_at, []))[1].append(event)
    return render_template("map_places.html.j2", book, resolve_href, places=list(places.values()), unplaced=unplaced)


def render_glossary(book: Book, resolve_href: Href = docs_href) -> Markup:
    terms = sorted(book.dataset.kind("glossary").values(), key=lambda term: term.term.casefold())
    return render_template("glossary.html.j2", book, resolve_href, terms=terms)


def render_home(book: Book, resolve_href: Href = docs_href) -> Markup:
    """Latest developments, key figures, headline summits and the people at them."""
    events = book.dataset.kind("events")
    newest_first = [events[event_id] for event_id in reversed(book.index.events_by_date)]
    headline = [event for event in newest_first if event.headline]
    dated, undated = _split_by_precision(newest_first)
    latest = dated[:HOME_LATEST]
    # Events from the oldest of those years on whose day the sources do not give: shown
    # apart, never ranked among the dated (the newest of them may be the latest of all).
    since = min((year_of(event.date) for event in latest), default="")
    return render_template(
        "home.html.j2", book, resolve_href, as_of=book.as_of,
        latest=latest, latest_undated=[event for event in undated if year_of(event.date) >= since],
        headline=headline,
        figures=_key_figures(book, headline),
        key_people=_key_people(book, headline),
    )


def _key_figures(book: Book, headline: list) -> list:
    """The statistics attached to headline events, newest event first."""
    figures = []
    for event in headline:
        figures += [s for s in _records(book, "statistics", book.index.statistics_by_event.get(event.id, []))
                    if s not in figures]
    return figures[:HOME_FIGURES]


def _key_people(book: Book, headline: list) -> list[str]:
    """The principals of the headline events, most frequent first."""
    counts: dict[str, int] = defaultdict(int)
    for event in headline:
        for participant in event.participants:
            if participant.role in PRINCIPAL_ROLES:
                counts[participant.person] += 1
    return sorted(counts, key=lambda person_id: (-counts[person_id], person_id))
