"""The cross-reference index, built once from the fixture data set."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from briefing.dataset import load_dataset
from briefing.index import Ref, build_index, cited_sources, date_key, is_leaders_meeting, place_chain
from briefing.model import DateSpan

FIXTURE_DATA = Path(__file__).resolve().parents[1] / "fixtures" / "site" / "data"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(FIXTURE_DATA)


@pytest.fixture(scope="module")
def index(dataset):
    return build_index(dataset)


def test_events_attended_come_from_the_events_participant_lists(index):
    assert index.events_by_person["leader-north"] == [("harbour-summit-2020", "guest"), ("second-summit-2021", "guest")]


def test_quotes_are_found_under_their_speaker_and_the_events_topics(index):
    assert [(quote.event, quote.quote.text) for quote in index.quotes_by_speaker["leader-north"]] == [
        ("harbour-summit-2020", "The sea joins us.")]
    assert [quote.event for quote in index.quotes_by_topic["fisheries"]] == ["harbour-summit-2020"]


def test_every_page_citing_a_source_is_listed_once(index):
    assert index.citations_by_source["courier-2021"] == [
        Ref("events", "harbour-summit-2020"), Ref("events", "second-summit-2021"), Ref("events", "test-launch-2020"),
        Ref("treaties", "friendship-declaration-2020"), Ref("treaties", "harbour-treaty-2021"),
        Ref("people", "leader-russia"), Ref("topics", "fisheries")]
    assert Ref("events", "harbour-summit-2020") in index.citations_by_source["courier-2021"]  # in a conflict claim
    assert Ref("glossary", "tst") in index.citations_by_source["gazette-2020"]
    assert len(set(index.citations_by_source["gazette-2020"])) == len(index.citations_by_source["gazette-2020"])


def test_supersession_is_known_from_either_side(dataset):
    # With the link recorded in only the older declaration's file, both treaties know it.
    newer = dataset.get("treaties", "harbour-treaty-2021").model_copy(update={"supersedes": []})
    treaties = {**dataset.kind("treaties"), newer.id: newer}
    index = build_index(replace(dataset, records={**dataset.records, "treaties": treaties}))
    assert index.superseded_by["friendship-declaration-2020"] == ["harbour-treaty-2021"]
    assert index.supersedes["harbour-treaty-2021"] == ["friendship-declaration-2020"]


def test_events_by_treaty_and_topic_and_statistics_by_event(index):
    assert index.events_by_treaty["harbour-treaty-2021"] == [("second-summit-2021", "signed")]
    assert index.events_by_topic["fisheries"] == ["harbour-summit-2020", "second-summit-2021"]
    assert index.statistics_by_event["harbour-summit-2020"] == ["fishing-boats", "talks-hours"]
    assert index.treaties_by_signatory["leader-north"] == ["friendship-declaration-2020"]


def test_an_event_counts_for_every_place_it_lies_within(dataset, index):
    assert place_chain(dataset.kind("places"), "lighthouse-island") == ["lighthouse-island", "harbour-city"]
    assert index.events_by_place["harbour-city"] == ["harbour-summit-2020", "second-summit-2021"]
    assert index.places_within["harbour-city"] == ["lighthouse-island"]


def test_related_events_link_both_ways(index):
    assert index.related_events["test-launch-2020"] == ["harbour-summit-2020"]
    assert index.related_events["harbour-summit-2020"] == ["test-launch-2020"]


def test_leaders_meetings_in_date_order_with_neighbours_for_any_event(dataset, index):
    assert index.leaders_meetings == ["harbour-summit-2020", "second-summit-2021"]
    assert not is_leaders_meeting(dataset.get("events", "test-launch-2020"))
    assert index.previous_meeting("harbour-summit-2020") is None
    assert index.next_meeting("harbour-summit-2020") == "second-summit-2021"
    assert index.previous_meeting("test-launch-2020") == "harbour-summit-2020"
    assert index.next_meeting("test-launch-2020") == "second-summit-2021"
    assert index.next_meeting("second-summit-2021") is None


def test_people_are_found_by_unambiguous_names_in_other_records(index):
    # "Testov" (a one-word alias) in an event he did not attend; "Pak Test-hun" in a profile.
    assert Ref("events", "test-launch-2020") in index.mentions_of_person["leader-russia"]
    assert Ref("people", "leader-russia") in index.mentions_of_person["leader-north"]
    # Events a person attended are not "other" mentions.
    assert Ref("events", "harbour-summit-2020") not in index.mentions_of_person["leader-north"]


def test_partial_dates_sort_year_before_its_months():
    assert date_key(DateSpan(start="2020")) < date_key(DateSpan(start="2020-01")) < date_key(DateSpan(start="2020-01-02"))


def test_cited_sources_reaches_nested_statements(dataset):
    event = dataset.get("events", "harbour-summit-2020")
    assert set(cited_sources(event)) == {"gazette-2020", "courier-2021"}
