"""The Russia–North Korea leaders' meetings side by side: one row per meeting.

One row per meeting, oldest first (the same meetings the event pages link as
"previous" and "next"): date at the precision the sources give, place with
what it lies within, who met, how long (from the statistics about that
meeting, or from its dates), agreements, topics and the first notable details.
Every cell links to the page that holds the sourced statement.

This module decides what each cell says; macros/templates/compare.html.j2
writes the table (as HTML: at thousands of meetings a Markdown table took
seconds to convert) and escapes every value on the way.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Mention:
    """A record named in a cell: ``<before><linked text> (<note>)``."""

    kind: str
    record_id: str
    text: str
    before: str = ""  # "nearly 5 hours: " before a duration's label
    note: str = ""    # a participant's role, an agreement's relation


@dataclass(frozen=True)
class MeetingRow:
    """What one meeting's row says, cell by cell (an empty list prints as a dash)."""

    date: Mention
    place: str
    who: list[Mention]
    length: list[Mention]
    length_text: str  # the span of its dates, or "no figure", when no statistic gives a length
    agreements: list[Mention]
    topics: list[Mention]
    details: list[str]
    more_details: Mention | None


def meeting_rows(dataset: Dataset) -> list[MeetingRow]:
    """Every Russia–North Korea leaders' meeting, oldest first, as a row of the table."""
    durations = _durations_by_event(dataset)
    return [_row(dataset, event, durations) for event in russia_north_korea_meetings(dataset)]


def _row(dataset: Dataset, event: Event, durations: dict[str, list[Statistic]]) -> MeetingRow:
    topics = dataset.kind("topics")
    lengths = [_duration(statistic) for statistic in sorted(durations.get(event.id, []), key=lambda s: s.id)]
    return MeetingRow(
        date=Mention("events", event.id, short_date(event.date)),
        place=_place(dataset, event),
        who=_who(dataset, event),
        length=lengths,
        length_text="" if lengths else _length_from_dates(event),
        agreements=_agreements(dataset, event),
        topics=[Mention("topics", topic, topics[topic].title) for topic in event.topics if topic in topics],
        details=[detail.text.strip() for detail in event.details[:DETAILS_SHOWN]],
        more_details=_more_details(event),
    )


def _place(dataset: Dataset, event: Event) -> str:
    """"Far Eastern Federal University campus, Russky Island, Vladivostok", or the sources' note."""
    places = dataset.kind("places")
    names = [places[place_id].name for place_id in place_chain(places, event.place) if place_id in places]
    if names:
        return ", ".join(names)
    return event.place_note or "not given"


def _who(dataset: Dataset, event: Event) -> list[Mention]:
    """The leaders, hosts and guests, with their role at this meeting."""
    people = dataset.kind("people")
    return [Mention("people", p.person, people[p.person].name, note=p.role) for p in event.participants
            if p.role in {"leader", "host", "guest"} and p.person in people]


def _durations_by_event(dataset: Dataset) -> dict[str, list[Statistic]]:
    """Every duration statistic under each event it is about: one pass, not one per row."""
    by_event: dict[str, list[Statistic]] = {}
    for statistic in dataset.kind("statistics").values():
        if statistic.unit in DURATION_UNITS:
            for event_id in statistic.events:
                by_event.setdefault(event_id, []).append(statistic)
    return by_event


def _duration(statistic: Statistic) -> Mention:
    # The label says what was measured: the talks, or the journey to them.
    return Mention("statistics", statistic.id, statistic.label, before=f"{format_value(statistic)}: ")


def _length_from_dates(event: Event) -> str:
    days = _days_spanned(event)
    return f"{days} days (by its dates)" if days else "no figure"


def _days_spanned(event: Event) -> int | None:
    """Calendar days from start to end, counting both, when both are full dates."""
    start, end = event.date.start, event.date.end
    if not end or start.count("-") != 2 or end.count("-") != 2:
        return None
    return (datetime.date.fromisoformat(end) - datetime.date.fromisoformat(start)).days + 1


def _agreements(dataset: Dataset, event: Event) -> list[Mention]:
    treaties = dataset.kind("treaties")
    return [Mention("treaties", item.treaty, treaties[item.treaty].title,
                    note=_relation(item.relation, treaties[item.treaty].title))
            for item in event.agreements if item.treaty in treaties]


def _relation(relation: str, title: str) -> str:
    # "... agreement (expected) (expected)" says it twice.
    return "" if f"({relation})" in title else relation


def _more_details(event: Event) -> Mention | None:
    """A link to the event's page for the details the row leaves out."""
    rest = len(event.details) - DETAILS_SHOWN
    return Mention("events", event.id, f"{rest} more on its page") if rest > 0 else None
