"""bench/synthetic.py: the benchmark's data must be valid and shaped like the real book's."""

from __future__ import annotations

from briefing.dataset import load_dataset
from bench.synthetic import VENUE_EVERY, generate
from visuals.selection import locate, meetings_and_visits


def test_generated_data_passes_validation_and_puts_its_meetings_on_the_map(tmp_path):
    generate(tmp_path / "data", 200)
    dataset = load_dataset(tmp_path / "data")  # raises DataError on any problem
    places = dataset.kind("places").values()
    venues = [place for place in places if place.coordinates is None]
    assert venues and all(place.within for place in venues)
    assert len(venues) <= len(places) // VENUE_EVERY + 1
    # Like the real book, the map places every meeting: at its city, or at the city round its venue.
    events = meetings_and_visits(dataset)
    assert events and all(locate(dataset, event) for event in events)
