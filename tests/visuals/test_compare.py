"""The leaders' meetings side by side (visuals/compare.py): what each row says.

How the rows become an HTML table is tested with the other page templates
(tests/macros/test_render.py).
"""

from __future__ import annotations

from briefing.index import build_index
from visuals.compare import DETAILS_SHOWN, Mention, meeting_rows


def _rows_by_event(dataset) -> dict:
    return {row.date.record_id: row for row in meeting_rows(dataset)}


def test_one_row_per_russia_north_korea_leaders_meeting_in_date_order(dataset):
    rows = meeting_rows(dataset)
    # The same meetings, in the same order, as the event pages' previous/next links.
    assert [row.date.record_id for row in rows] == build_index(dataset).leaders_meetings
    assert {"putin-pyongyang-2000", "vostochny-summit-2023", "putin-pyongyang-2024"} <= {r.date.record_id for r in rows}
    assert all(row.date.kind == "events" for row in rows)


def test_a_row_gives_date_place_who_length_agreements_topics_and_details(dataset):
    row = _rows_by_event(dataset)["putin-pyongyang-2000"]
    assert row.date.text == "19–20 Jul 2000"
    assert row.place == "Pyongyang"
    assert Mention("people", "vladimir-putin", "Vladimir Putin", note="guest") in row.who
    assert (row.length, row.length_text) == ([], "2 days (by its dates)")
    agreement = next(item for item in row.agreements if item.record_id == "russia-north-korea-declaration-2000")
    assert (agreement.kind, agreement.note) == ("treaties", "signed")
    assert Mention("topics", "nuclear-diplomacy", "Nuclear diplomacy") in row.topics
    event = dataset.get("events", "putin-pyongyang-2000")
    assert row.details == [detail.text.strip() for detail in event.details[:DETAILS_SHOWN]]
    assert row.more_details == Mention("events", event.id, f"{len(event.details) - DETAILS_SHOWN} more on its page")


def test_the_place_names_what_it_lies_within(dataset):
    row = _rows_by_event(dataset)["putin-kim-vladivostok-2019"]
    assert row.place == "Far Eastern Federal University campus, Russky Island, Vladivostok"


def test_length_comes_from_duration_statistics_never_from_other_units(dataset):
    rows = _rows_by_event(dataset)
    vladivostok = rows["putin-kim-vladivostok-2019"].length
    assert vladivostok[0].kind == "statistics"
    assert (vladivostok[0].before, vladivostok[0].text) == ("nearly 5 hours: ", "Length of the 2019 Vladivostok meetings")
    assert rows["putin-kim-vladivostok-2019"].length_text == ""
    # "More than 18 months" of war is linked to the Vostochny summit but is not its length.
    vostochny = rows["vostochny-summit-2023"]
    assert (vostochny.length, vostochny.length_text) == ([], "no figure")


def test_a_relation_the_treaty_title_already_states_is_not_repeated(dataset, variant):
    treaty = dataset.get("treaties", "russia-north-korea-declaration-2000").model_dump()
    treaty["title"] = treaty["title"] + " (signed)"
    row = _rows_by_event(variant(treaties=[treaty]))["putin-pyongyang-2000"]
    agreement = next(item for item in row.agreements if item.record_id == treaty["id"])
    assert agreement.note == ""


def test_a_meeting_with_few_details_has_no_link_to_more(dataset, variant):
    event = dataset.get("events", "putin-pyongyang-2000").model_dump()
    event["details"] = event["details"][:1]
    row = _rows_by_event(variant(events=[event]))["putin-pyongyang-2000"]
    assert len(row.details) == 1 and row.more_details is None
