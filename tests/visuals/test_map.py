"""The map (visuals/map.py) and the coordinates behind it (data/places/*.yaml)."""

from __future__ import annotations

import re

import pytest

from visuals.map import render_map
from visuals.selection import locate, meetings_and_visits

SVG = "{http://www.w3.org/2000/svg}"
GEONAMES = re.compile(r"^https://www\.geonames\.org/\d+$")


@pytest.fixture(scope="module")
def world(dataset, tmp_path_factory):
    return render_map(dataset, tmp_path_factory.mktemp("map") / "map.svg")


def test_every_coordinate_in_the_data_cites_its_gazetteer_entry(dataset):
    located = [place for place in dataset.kind("places").values() if place.coordinates]
    assert {"pyongyang", "vladivostok", "moscow"} <= {place.id for place in located}
    for place in located:
        assert GEONAMES.match(place.coordinates.reference), place.id


def test_every_link_opens_an_existing_event_page(dataset, world, parse_svg, svg_links):
    links = svg_links(parse_svg(world))
    assert links
    for link in links:
        assert re.fullmatch(r"events/[a-z0-9-]+/", link), link
        assert link.removeprefix("events/").removesuffix("/") in dataset.kind("events"), link


def test_every_event_that_can_be_placed_is_linked_from_the_map(dataset, world, parse_svg, svg_links):
    links = set(svg_links(parse_svg(world)))
    placed = [event for event in meetings_and_visits(dataset) if locate(dataset, event)]
    assert {"putin-pyongyang-2000", "putin-kim-vladivostok-2019", "kim-jong-il-moscow-2001"} <= {e.id for e in placed}
    assert links == {f"events/{event.id}/" for event in placed}


def test_every_marker_is_a_link(dataset, world, parse_svg):
    # A marker is a scatter point: a <use> of a marker shape inside an <a>.
    root = parse_svg(world)
    anchors_with_markers = [anchor for anchor in root.iter(f"{SVG}a") if anchor.find(f".//{SVG}use") is not None]
    places = {locate(dataset, event).shown_at.id for event in meetings_and_visits(dataset) if locate(dataset, event)}
    assert len(anchors_with_markers) == len(places)


def test_places_are_labelled_with_their_events(dataset, world, parse_svg, svg_text):
    text = svg_text(parse_svg(world))
    for name in ("Pyongyang", "Vladivostok", "Moscow", "Komsomolsk-on-Amur", "Seoul", "Beijing", "Hanoi"):
        assert name in text
    assert "19–20 Jul 2000 state visit" in text and "2019 summit*" in text


def test_an_event_at_a_place_without_coordinates_is_shown_where_it_lies_and_says_so(dataset, world, parse_svg):
    located = locate(dataset, dataset.get("events", "putin-kim-vladivostok-2019"))
    assert (located.place.id, located.shown_at.id) == ("far-eastern-federal-university", "vladivostok")
    description = " ".join(parse_svg(world).find(f"{SVG}desc").text.split())
    assert ("took place at Far Eastern Federal University campus, Russky Island; "
            "it is shown at Vladivostok") in description


def test_events_the_map_cannot_place_are_listed_not_dropped(dataset, world, parse_svg):
    description = " ".join(parse_svg(world).find(f"{SVG}desc").text.split())
    unplaced = [event for event in meetings_and_visits(dataset) if not locate(dataset, event)]
    assert "vostochny-summit-2023" in {event.id for event in unplaced}
    assert "Not on the map" in description
    for event in unplaced:
        assert event.title in description.split("Not on the map", 1)[1], event.id


def test_a_place_given_coordinates_puts_its_events_on_the_map(dataset, variant, tmp_path, parse_svg, svg_links):
    cosmodrome = dataset.get("places", "vostochny-cosmodrome").model_dump()
    cosmodrome["coordinates"] = {"lat": 51.8, "lon": 128.3, "reference": "https://www.geonames.org/1"}
    path = render_map(variant(places=[cosmodrome]), tmp_path / "map.svg")
    assert "events/vostochny-summit-2023/" in svg_links(parse_svg(path))


def test_the_map_stays_light_enough_for_a_page(world):
    assert world.stat().st_size < 1_000_000


def test_the_map_is_the_same_bytes_on_every_build(dataset, world, tmp_path):
    assert render_map(dataset, tmp_path / "again.svg").read_bytes() == world.read_bytes()


def test_no_two_texts_of_the_map_overlap_as_a_browser_draws_them(world, local_page):
    # Place names and event lines cover neither each other nor another label (measured in Chromium).
    local_page.goto(world.as_uri())
    boxes = local_page.evaluate("""() => Array.from(document.querySelectorAll('text'))
        .filter(text => text.textContent.trim())
        .map(text => { const r = text.getBoundingClientRect(); return [text.textContent.trim(), r.left, r.top, r.right, r.bottom] })""")
    overlapping = [(a[0], b[0]) for number, a in enumerate(boxes) for b in boxes[number + 1:]
                   if min(a[3], b[3]) - max(a[1], b[1]) > 1 and min(a[4], b[4]) - max(a[2], b[2]) > 1]
    assert len(boxes) > 20 and overlapping == []
