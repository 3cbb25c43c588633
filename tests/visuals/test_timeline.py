"""The visual timeline (visuals/timeline.py): every meeting and visit, each linked to its page."""

from __future__ import annotations

import pytest

from visuals.selection import is_russia_north_korea, meetings_and_visits
from visuals.timeline import render_timeline

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def timeline(dataset, tmp_path_factory):
    return render_timeline(dataset, tmp_path_factory.mktemp("timeline") / "timeline.svg")


def test_every_link_opens_an_existing_event_page(dataset, timeline, parse_svg, svg_links):
    links = svg_links(parse_svg(timeline))
    assert links
    for link in links:
        assert link.startswith("events/") and link.endswith("/"), link
        assert link.removeprefix("events/").removesuffix("/") in dataset.kind("events"), link


def test_every_meeting_and_visit_has_a_linked_mark_and_label(dataset, timeline, parse_svg, svg_links):
    root = parse_svg(timeline)
    links = svg_links(root)
    events = meetings_and_visits(dataset)
    assert {event.kind for event in events} >= {"summit", "state-visit", "leaders-meeting"}
    for event in events:
        # The bar and both label lines are each a link to the page.
        assert links.count(f"events/{event.id}/") == 3, event.id


def test_labels_and_description_carry_the_data(dataset, timeline, parse_svg, svg_text):
    root = parse_svg(timeline)
    text, description = svg_text(root), root.find(f"{SVG}desc").text
    assert "13 Sep 2023" in text and "19–20 Jul 2000" in text and "Vostochny Cosmodrome" in text
    for event in meetings_and_visits(dataset):
        assert event.title in description
    assert root.get("role") == "group"  # links stay reachable for assistive technology


def test_russia_north_korea_meetings_and_the_rest_are_in_separate_bands(dataset, timeline, parse_svg, svg_text):
    text = svg_text(parse_svg(timeline))
    assert text.index("Between Russia's and North Korea's leaders") < text.index("Other leaders' meetings")
    ours = [event for event in meetings_and_visits(dataset) if is_russia_north_korea(event)]
    assert {"putin-pyongyang-2000", "vostochny-summit-2023", "putin-pyongyang-2024"} <= {e.id for e in ours}
    assert "hanoi-summit-2019" not in {e.id for e in ours}


def test_planned_events_are_outlined_and_say_so(dataset, timeline, parse_svg, svg_text):
    planned = [event for event in meetings_and_visits(dataset) if event.status == "planned"]
    assert planned
    assert svg_text(parse_svg(timeline)).count("· planned") == len(planned)
    markup = timeline.read_text("utf-8")
    assert markup.count("stroke-dasharray") >= len(planned)


def test_the_link_prefix_and_suffix_are_parameters(dataset, tmp_path, parse_svg, svg_links):
    # The offline edition has no directory URLs: ../events/<id>.html
    path = render_timeline(dataset, tmp_path / "t.svg", link_prefix="../events/", link_suffix=".html")
    links = svg_links(parse_svg(path))
    assert links and all(link.startswith("../events/") and link.endswith(".html") for link in links)


def test_an_event_added_to_the_data_appears_on_the_timeline(variant, tmp_path, parse_svg, svg_links):
    data = variant(events=[{
        "id": "test-meeting-2015", "title": "A meeting for the test", "kind": "leaders-meeting",
        "date": {"start": "2015-05", "sources": ["afp-2019"]}, "countries": ["russia", "north-korea"],
        "summary": {"text": "A test meeting.", "sources": ["afp-2019"]}, "sources": ["afp-2019"],
    }])
    path = render_timeline(data, tmp_path / "t.svg")
    assert "events/test-meeting-2015/" in svg_links(parse_svg(path))


def test_the_timeline_is_the_same_bytes_on_every_build(dataset, timeline, tmp_path):
    assert render_timeline(dataset, tmp_path / "again.svg").read_bytes() == timeline.read_bytes()
