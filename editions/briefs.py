"""One- or two-page briefs, one per event: what to know before the meeting.

A brief is not a page of the site cut short: it is chosen for the reader about to walk
into a room, in the shape of a CRS "In Focus" note (title, exact date and place, bottom
line, key points, what is still open, who took part, what was said, the figures, the
sources with their addresses, an identifier and version date), so it is rendered from
the data with its own template. Every section is made of the event's own sourced
statements; a section with nothing to say is left out. Dates, figures and names are
worded by the same helpers as the site, so both say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from briefing.dataset import Dataset
from briefing.model import Event, Person, Source, Statement
from editions.book import Cover
from editions.pages import keep_hangul_words
from editions.templates import render
from macros.dates import format_span
from macros.filters import countries, country, humanise, quantity


@dataclass
class SourceNumbers:
    """Numbers the sources a brief cites, in order of first citation, like endnotes."""

    sources: dict[str, Source]
    order: list[str] = field(default_factory=list)

    def __call__(self, source_ids: list[str]) -> list[int]:
        for source_id in source_ids:
            if source_id not in self.order:
                self.order.append(source_id)
        return [self.order.index(source_id) + 1 for source_id in source_ids]

    def cited(self) -> list[Source]:
        return [self.sources[source_id] for source_id in self.order]


def brief_html(dataset: Dataset, event: Event, cover: Cover) -> str:
    """The brief of one event as an HTML document for WeasyPrint."""
    cite = SourceNumbers(dataset.kind("sources"))
    return render(
        "brief.html.j2",
        event=event, cite=cite, cover=cover, identifier=brief_identifier(event),
        key_points=key_points(event), still_open=still_open(event),
        web_address=f"{cover.site_url.rstrip('/')}/events/{event.id}/" if cover.site_url else None,
        figures=[stat for stat in dataset.kind("statistics").values() if event.id in stat.events],
        person=dataset.kind("people").get, treaty=dataset.kind("treaties").get,
        format_span=format_span, humanise=humanise, quantity=quantity, country=country,
        native_names=native_names,
        **_event_facts(dataset, event),
    )


def brief_identifier(event: Event) -> str:
    """The brief's identifier, for citing and filing: its event's id, which never changes."""
    return f"BRIEF-{event.id.upper()}"


def key_points(event: Event) -> list[Statement]:
    """What came of the meeting; for a meeting with no recorded outcome, what was on
    its agenda; else the first notable details. Never more than the data says."""
    return list(event.outcomes or event.agenda or event.details[:3])


def still_open(event: Event) -> list[Statement]:
    """What the sources leave open: what they cannot tell, and where they disagree
    (the book's own note on each disagreement, sourced by its claims)."""
    disputes = [Statement(text=f"{conflict.about}: {conflict.note}",
                          sources=conflict.sources or [source for claim in conflict.claims for source in claim.sources])
                for conflict in event.conflicts]
    return list(event.limits) + disputes


def _event_facts(dataset: Dataset, event: Event) -> dict:
    """When, where and between whom, worded for the brief's heading."""
    place = dataset.kind("places").get(event.place) if event.place else None
    return {
        "when": format_span(event.date),
        "where": ", ".join(filter(None, [place.name if place else event.place_note, country(place.country) if place else ""])),
        "between": countries(event.countries),
    }


def native_names(person: Person) -> Markup:
    """Native-script names after the Latin one, e.g. "김정은", each Hangul word kept whole."""
    names = " · ".join(str(escape(name.name)) for name in person.native_names if name.script != "Latin")
    return Markup(keep_hangul_words(names))
