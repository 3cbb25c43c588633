"""One- or two-page briefs, one per event: what to know before the meeting.

A brief is not a page of the site cut short: it is chosen for the reader about to walk
into a room (bottom line, who is there, what came of it, what was said, the figures,
the sources), so it is rendered from the data with its own template. Dates, figures
and names are worded by the same helpers as the site, so both say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.dataset import Dataset
from briefing.model import Event, Person, Source
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


def brief_html(dataset: Dataset, event: Event, book_title: str, as_of: str, version: str) -> str:
    """The brief of one event as an HTML document for WeasyPrint."""
    cite = SourceNumbers(dataset.kind("sources"))
    context = _event_facts(dataset, event)
    return render(
        "brief.html.j2",
        event=event, cite=cite, book_title=book_title, as_of=as_of, version=version,
        figures=[stat for stat in dataset.kind("statistics").values() if event.id in stat.events],
        person=dataset.kind("people").get, treaty=dataset.kind("treaties").get,
        format_span=format_span, humanise=humanise, quantity=quantity, country=country,
        native_names=native_names,
        **context,
    )


def _event_facts(dataset: Dataset, event: Event) -> dict:
    """When, where and between whom, worded for the brief's heading."""
    place = dataset.kind("places").get(event.place) if event.place else None
    return {
        "when": format_span(event.date),
        "where": ", ".join(filter(None, [place.name if place else event.place_note, country(place.country) if place else ""])),
        "between": countries(event.countries),
    }


def native_names(person: Person) -> str:
    """Native-script names after the Latin one, e.g. "김정은"."""
    return " · ".join(name.name for name in person.native_names if name.script != "Latin")
