"""Which events the timeline, the map and the comparison show, and where they are.

The site (briefing.index) already decides what a Russia–North Korea leaders'
meeting is; the visuals reuse that rule and widen it only where they say so:
the timeline and the map show every leaders' meeting *and visit* in the data,
and mark which of them are between Russia's and North Korea's leaders.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.dataset import Dataset
from briefing.index import KOREA_SIDE, LEADERS_MEETING_KINDS, RUSSIA_SIDE, date_key, is_leaders_meeting, place_chain
from briefing.model import Event, Place

# Visits and arrivals are part of the diplomacy the map and the timeline show.
MEETING_AND_VISIT_KINDS = LEADERS_MEETING_KINDS | {"visit", "arrival"}


@dataclass(frozen=True)
class EventLinks:
    """How a visual links to event pages: ``<prefix><id><suffix>``.

    The site's pages live at ``events/<id>/``; a visual shown on another page
    needs a relative prefix (``../events/``), and the offline edition, built
    without directory URLs for ``file://``, needs the suffix ``.html``.
    """

    prefix: str = "events/"
    suffix: str = "/"

    def __call__(self, event_id: str) -> str:
        return f"{self.prefix}{event_id}{self.suffix}"


def meetings_and_visits(dataset: Dataset) -> list[Event]:
    """Every leaders' meeting and visit, planned or held, oldest first."""
    events = [event for event in dataset.kind("events").values() if event.kind in MEETING_AND_VISIT_KINDS]
    return sorted(events, key=lambda event: (date_key(event.date), event.id))


def russia_north_korea_meetings(dataset: Dataset) -> list[Event]:
    """The meetings between the two countries' leaders that the site links as previous/next."""
    return [event for event in meetings_and_visits(dataset) if is_leaders_meeting(event)]


def is_russia_north_korea(event: Event) -> bool:
    """Both sides take part (Russia counting the Soviet Union), whatever the kind of event."""
    countries = set(event.countries)
    return bool(countries & RUSSIA_SIDE) and bool(countries & KOREA_SIDE)


@dataclass(frozen=True)
class Located:
    """Where the map puts an event: the place it happened, and the place drawn for it."""

    event: Event
    place: Place          # the event's own place, as the data names it
    shown_at: Place       # the nearest place in its ``within`` chain that has coordinates

    @property
    def is_approximate(self) -> bool:
        return self.place.id != self.shown_at.id


def locate(dataset: Dataset, event: Event) -> Located | None:
    """The event on the map, or None when neither its place nor any enclosing place has coordinates."""
    places = dataset.kind("places")
    if event.place is None:
        return None
    for place_id in place_chain(places, event.place):
        place = places.get(place_id)
        if place is not None and place.coordinates is not None:
            return Located(event, places[event.place], place)
    return None


def participants_named(dataset: Dataset, event: Event) -> list[str]:
    """The names of the leaders, hosts and guests, in the data's order."""
    people = dataset.kind("people")
    return [people[participant.person].name for participant in event.participants
            if participant.role in {"leader", "host", "guest"} and participant.person in people]
