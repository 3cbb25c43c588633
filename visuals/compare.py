"""The Russia–North Korea leaders' meetings side by side, as one Markdown table.

One row per meeting, oldest first (the same meetings the event pages link as
"previous" and "next"): date at the precision the sources give, place with
what it lies within, who met, how long (from the statistics about that
meeting, or from its dates), agreements, topics and the first notable details.
Every cell links to the page that holds the sourced statement.
"""

from __future__ import annotations

from typing import Callable

from briefing.dataset import Dataset
from briefing.index import place_chain
from briefing.model import Event, Statistic
from visuals.dates import short_date
from visuals.selection import russia_north_korea_meetings
from visuals.text import format_value

# Durations of a meeting; "years between visits" or a war's length in months are not.
DURATION_UNITS = {"minutes", "hours", "days"}
DETAILS_SHOWN = 2
COLUMNS = ("Date", "Place", "Who", "Length", "Agreements", "Topics", "Notable details")
# Characters that would end a table cell or open HTML, Jinja or an attribute list.
_CELL_ESCAPES = {"|": "\\|", "&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;", "\n": " "}


def site_page_path(kind: str, record_id: str) -> str:
    """The site's docs-relative link to a record (the scheme of macros.filters.page_path)."""
    sections = {"statistics": "statistics.md", "sources": "sources.md", "glossary": "glossary.md"}
    return f"/{sections[kind]}#{record_id}" if kind in sections else f"/{kind}/{record_id}.md"


def compare_meetings(dataset: Dataset, page_path: Callable[[str, str], str] = site_page_path) -> str:
    """The comparison table as Markdown; ``page_path(kind, id)`` makes each link."""
    links = _Links(dataset, page_path)
    durations = _durations_by_event(dataset)
    rows = [_row(dataset, event, links, durations) for event in russia_north_korea_meetings(dataset)]
    header = "| " + " | ".join(COLUMNS) + " |"
    rule = "|" + "|".join("---" for _ in COLUMNS) + "|"
    return "\n".join([header, rule] + ["| " + " | ".join(row) + " |" for row in rows]) + "\n"


def cell_text(value: str) -> str:
    """Data text safe inside a Markdown table cell: no cell break, no HTML, no Jinja."""
    return "".join(_CELL_ESCAPES.get(character, character) for character in value)


class _Links:
    """Markdown links to records, with their titles escaped for a table cell."""

    def __init__(self, dataset: Dataset, page_path: Callable[[str, str], str]):
        self.dataset = dataset
        self.page_path = page_path

    def __call__(self, kind: str, record_id: str, text: str) -> str:
        label = cell_text(text).replace("[", "\\[").replace("]", "\\]")
        return f"[{label}]({self.page_path(kind, record_id)})"


def _row(dataset: Dataset, event: Event, link: _Links, durations: dict[str, list[Statistic]]) -> list[str]:
    return [
        link("events", event.id, short_date(event.date)),
        _place(dataset, event),
        _who(dataset, event, link),
        _length(durations, event, link),
        _agreements(dataset, event, link),
        ", ".join(link("topics", topic, dataset.kind("topics")[topic].title) for topic in event.topics) or "–",
        _details(event, link),
    ]


def _place(dataset: Dataset, event: Event) -> str:
    """"Far Eastern Federal University campus, Russky Island, Vladivostok", or the sources' note."""
    places = dataset.kind("places")
    names = [places[place_id].name for place_id in place_chain(places, event.place) if place_id in places]
    if names:
        return cell_text(", ".join(names))
    return cell_text(event.place_note) if event.place_note else "not given"


def _who(dataset: Dataset, event: Event, link: _Links) -> str:
    """The leaders, hosts and guests, linked, with their role at this meeting."""
    people = dataset.kind("people")
    named = [f"{link('people', p.person, people[p.person].name)} ({p.role})" for p in event.participants
             if p.role in {"leader", "host", "guest"} and p.person in people]
    return ", ".join(named) or "–"


def _durations_by_event(dataset: Dataset) -> dict[str, list[Statistic]]:
    """Every duration statistic under each event it is about: one pass, not one per row."""
    by_event: dict[str, list[Statistic]] = {}
    for statistic in dataset.kind("statistics").values():
        if statistic.unit in DURATION_UNITS:
            for event_id in statistic.events:
                by_event.setdefault(event_id, []).append(statistic)
    return by_event


def _length(durations_by_event: dict[str, list[Statistic]], event: Event, link: _Links) -> str:
    """Durations the statistics give for this meeting, else the span of its dates."""
    durations = durations_by_event.get(event.id, [])
    if durations:
        return "; ".join(_duration(statistic, link) for statistic in sorted(durations, key=lambda s: s.id))
    days = _days_spanned(event)
    return f"{days} days (by its dates)" if days else "no figure"


def _duration(statistic: Statistic, link: _Links) -> str:
    # The label says what was measured: the talks, or the journey to them.
    return f"{cell_text(format_value(statistic))}: {link('statistics', statistic.id, statistic.label)}"


def _days_spanned(event: Event) -> int | None:
    """Calendar days from start to end, counting both, when both are full dates."""
    import datetime

    start, end = event.date.start, event.date.end
    if not end or start.count("-") != 2 or end.count("-") != 2:
        return None
    return (datetime.date.fromisoformat(end) - datetime.date.fromisoformat(start)).days + 1


def _agreements(dataset: Dataset, event: Event, link: _Links) -> str:
    treaties = dataset.kind("treaties")
    items = [link("treaties", item.treaty, treaties[item.treaty].title) + _relation(item.relation, treaties[item.treaty].title)
             for item in event.agreements if item.treaty in treaties]
    return "; ".join(items) or "–"


def _relation(relation: str, title: str) -> str:
    # "... agreement (expected) (expected)" says it twice.
    return "" if f"({relation})" in title else f" ({relation})"


def _details(event: Event, link: _Links) -> str:
    """The first details as the data orders them, and a link to the rest."""
    shown = [cell_text(detail.text.strip()) for detail in event.details[:DETAILS_SHOWN]]
    rest = len(event.details) - DETAILS_SHOWN
    if rest > 0:
        shown.append(link("events", event.id, f"{rest} more on its page"))
    return " · ".join(shown) or "–"
