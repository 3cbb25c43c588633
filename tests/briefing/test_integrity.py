"""briefing.integrity: the records against each other (ids, references, dates, supersession, loops)."""

from __future__ import annotations

import pytest

from briefing.integrity import Finding, check
from briefing.model import Event, Person, Place, Record, Source, Topic, Treaty

SOURCE = Source.model_validate({"id": "afp-2019", "title": "An article", "kind": "seed-article",
                                "published": {"start": "2019"}, "language": "en"})
TOPIC = Topic.model_validate({"id": "sanctions", "title": "Sanctions", "description": "Measures.", "sources": ["afp-2019"]})


def _person(record_id: str = "kim-jong-un", **fields) -> Person:
    roles = fields.pop("roles", [{"title": "Leader", "sources": ["afp-2019"]}])
    return Person.model_validate({
        "id": record_id, "name": "Kim", "country": "north-korea", "roles": roles,
        "profile": [{"text": "A leader.", "sources": ["afp-2019"]}], "sources": ["afp-2019"], **fields,
    })


def _event(record_id: str = "summit", **fields) -> Event:
    return Event.model_validate({
        "id": record_id, "title": "A summit", "kind": "summit", "date": {"start": "2019-04-25", "sources": ["afp-2019"]},
        "countries": ["russia"], "summary": {"text": "They met.", "sources": ["afp-2019"]},
        "sources": ["afp-2019"], **fields,
    })


def _place(record_id: str, within: str | None = None) -> Place:
    return Place.model_validate({"id": record_id, "name": record_id.title(), "country": "russia", "kind": "city",
                                 "within": within, "sources": ["afp-2019"]})


def _link(treaty_id: str) -> dict:
    return {"treaty": treaty_id, "sources": ["afp-2019"]}


def _treaty(record_id: str, **fields) -> Treaty:
    return Treaty.model_validate({
        "id": record_id, "title": "A treaty", "kind": "treaty", "date": {"start": "2000", "sources": ["afp-2019"]},
        "parties": ["russia", "north-korea"], "status": "in-force",
        "status_note": {"text": "In force.", "sources": ["afp-2019"]}, "sources": ["afp-2019"], **fields,
    })


def _records(*records: Record) -> dict[str, dict[str, Record]]:
    """Records by kind and id, with the source and person most records need."""
    kinds = {Source: "sources", Person: "people", Event: "events", Place: "places", Treaty: "treaties", Topic: "topics"}
    by_kind: dict[str, dict[str, Record]] = {"sources": {"afp-2019": SOURCE}, "people": {"kim-jong-un": _person()}}
    for record in records:
        by_kind.setdefault(kinds[type(record)], {})[record.id] = record
    return by_kind


def test_consistent_records_have_no_findings():
    assert check(_records(_event(participants=[{"person": "kim-jong-un", "role": "guest", "sources": ["afp-2019"]}]),
                          TOPIC)) == []


# --- Ids ----------------------------------------------------------------------------------------------


def test_an_id_must_be_the_file_name():
    records = _records()
    records["topics"] = {"labour": TOPIC}
    assert check(records) == [Finding("topics", "labour", ("id",),
                                      "`sanctions` is not the file name: write `labour`, as the file is named, or rename the file")]


def test_an_id_used_by_another_file_is_called_a_duplicate():
    records = _records(TOPIC)
    records["topics"]["un-sanctions"] = TOPIC
    [finding] = check(records)
    assert finding.message.startswith("`sanctions` is already the id of topics/sanctions.yaml; ids must be unique")


# --- References ---------------------------------------------------------------------------------------


def test_an_unknown_id_gets_the_closest_existing_one():
    event = _event(quotes=[{"speaker": "kim-jong-um", "text": "Good.", "sources": ["afp-2019"]}])
    assert check(_records(event)) == [
        Finding("events", "summit", ("quotes", 0, "speaker"), "no person has the id `kim-jong-um`; did you mean `kim-jong-un`?")
    ]


def test_an_unknown_id_with_nothing_close_says_where_to_add_it():
    [finding] = check(_records(_event(topics=["space"])))
    assert finding.message == "no topic has the id `space`; add topics/space.yaml, or correct the id"


def test_an_id_of_another_kind_is_named_as_such():
    [finding] = check(_records(_event(related=["kim-jong-un"])))
    assert finding.message == "no event has the id `kim-jong-un` (`kim-jong-un` is a person); use an id from events/"


def test_references_are_found_however_deeply_nested():
    person = _person(roles=[{"title": "Leader", "sources": ["afp-2091"]}])
    event = _event(conflicts=[{"about": "Dates.", "note": "Unclear.", "claims": [{"text": "x", "sources": ["afp-2091"]}]}])
    paths = [finding.path for finding in check(_records(person, event))]
    assert paths == [("roles", 0, "sources", 0), ("conflicts", 0, "claims", 0, "sources", 0)]


def test_a_record_that_refers_to_itself_is_reported():
    assert check(_records(_event(related=["summit"]))) == [
        Finding("events", "summit", ("related", 0), "`summit` is this event itself; remove it")
    ]


def test_an_id_whose_file_exists_but_did_not_validate_is_not_reported_missing():
    records = _records(_event(topics=["labour"]))
    assert check(records, known={**{kind: set(ids) for kind, ids in records.items()}, "topics": {"labour"}}) == []


# --- Dates --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "end", "in_order"), [
    ("2019-04-25", "2019-04-26", True),
    ("2019-04-25", "2019-04-25", True),
    ("2019-04-25", "2019-04", True),      # the end month contains the start day
    ("2019-04", "2019-04-30", True),
    ("2019", "2019-01-01", True),
    ("2019-12", "2019", True),
    ("2020-02-29", "2020-02", True),      # leap day, within its month
    ("2019-04-26", "2019-04-25", False),
    ("2019-04", "2019-03-31", False),
    ("2019", "2018-12", False),
    ("2019-05-01", "2019-04", False),
])
def test_an_end_is_compared_with_a_start_at_the_precision_each_is_written(start, end, in_order):
    findings = check(_records(_event(date={"start": start, "end": end, "sources": ["afp-2019"]})))
    expected = [] if in_order else [
        Finding("events", "summit", ("date", "end"), f"`{end}` is before the start `{start}`; correct one of the two dates")
    ]
    assert findings == expected


def test_nested_date_spans_are_checked_too():
    person = _person(roles=[{"title": "Leader", "period": {"start": "2012", "end": "2011"}, "sources": ["afp-2019"]}])
    assert [finding.path for finding in check(_records(person))] == [("roles", 0, "period", "end")]


# --- Supersession and places within places ----------------------------------------------------------------


def test_supersedes_and_superseded_by_must_agree_from_both_ends():
    old, new = _treaty("treaty-2000", superseded_by=[_link("treaty-2024")]), _treaty("treaty-2024", supersedes=[_link("treaty-2000")])
    assert check(_records(old, new)) == []
    findings = check(_records(_treaty("treaty-2000", superseded_by=[_link("treaty-2024")]), _treaty("treaty-2024")))
    assert findings == [Finding(
        "treaties", "treaty-2000", ("superseded_by", 0),
        "treaties/treaty-2024.yaml does not list `treaty-2000` in its supersedes; add it there, or remove `treaty-2024` here",
    )]


def test_places_within_each_other_in_a_loop_are_reported_once():
    places = [_place("a", within="b"), _place("b", within="c"), _place("c", within="a"), _place("d", within="a")]
    assert check(_records(*places)) == [
        Finding("places", "a", ("within",), "the places form a loop (a → b → c → a); break it in one of them")
    ]


def test_a_chain_of_places_without_a_loop_is_fine():
    assert check(_records(_place("city", within="region"), _place("region", within="country"), _place("country"))) == []
