"""briefing.schema: the model's shape (nested models, reference fields) and the committed JSON Schemas."""

from __future__ import annotations

import json
from pathlib import Path

from briefing import schema
from briefing.model import ID_PATTERN, KINDS, DateSpan, Event, Participant, SourcedDateSpan, Statement, Treaty

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"


def test_the_committed_json_schemas_match_the_model():
    committed = {path.name: path.read_text("utf-8") for path in SCHEMA_DIR.glob("*.schema.json")}
    generated = {schema.schema_file_name(kind): schema.render_json_schema(kind) for kind in KINDS}
    assert committed == generated, (
        "schemas/ is out of date with briefing/model.py: run `python scripts/schemas.py` and commit schemas/"
    )


def test_the_json_schema_text_is_the_same_every_time():
    assert [schema.render_json_schema(kind) for kind in KINDS] == [schema.render_json_schema(kind) for kind in KINDS]


def test_a_json_schema_forbids_unknown_keys_and_requires_what_the_model_requires():
    events = schema.json_schema("events")
    assert events["$schema"] == schema.JSON_SCHEMA_DIALECT
    assert events["additionalProperties"] is False
    assert set(events["required"]) == {name for name, field in Event.model_fields.items() if field.is_required()}


def test_a_json_schema_accepts_a_bare_year_as_a_date():
    start = schema.json_schema("events")["$defs"]["SourcedDateSpan"]["properties"]["start"]
    assert {"type": "integer", "minimum": 1000, "maximum": 9999} in start["anyOf"]


def _id_fields(node: object, name: str = "") -> list[tuple[str, str | None]]:
    """(property name, description) of every id-patterned string anywhere in a JSON Schema."""
    if isinstance(node, list):
        return [found for item in node for found in _id_fields(item, name)]
    if not isinstance(node, dict):
        return []
    found = [(name, node.get("description"))] if node.get("pattern") == ID_PATTERN else []
    for key, value in node.items():
        if key == "properties":
            found += [item for prop, sub in value.items() for item in _id_fields(sub, prop)]
        else:
            found += _id_fields(value, name)
    return found


def test_every_id_field_but_a_records_own_id_and_a_series_says_which_kind_it_refers_to():
    """A reference field without ``Ref`` in the model would escape the integrity checks."""
    for kind in KINDS:
        unmarked = {name for name, description in _id_fields(schema.json_schema(kind))
                    if not (description or "").startswith("The id of a record in data/")}
        assert unmarked <= {"id", "series"}, (kind, unmarked)


# --- The model's shape ----------------------------------------------------------------------------------


def test_shape_names_nested_models_and_reference_kinds():
    fields = {field.name: (field.model, field.ref) for field in schema.shape(Participant)}
    assert fields == {"person": (None, "people"), "role": (None, None), "note": (None, None), "sources": (None, "sources")}
    event = {field.name: (field.model, field.ref) for field in schema.shape(Event)}
    assert event["date"] == (SourcedDateSpan, None)
    assert event["agenda"] == (Statement, None)
    assert event["place"] == (None, "places")


def test_model_at_follows_fields_and_skips_list_indices():
    assert schema.model_at(Event, ("participants", 0)) is Participant
    assert schema.model_at(Event, ("date",)) is SourcedDateSpan
    assert schema.model_at(Event, ()) is Event
    assert schema.model_at(Event, ("title",)) is None
    assert schema.model_at(Event, ("nonsense", "deeper")) is None


def test_field_names_are_in_model_order():
    assert schema.field_names(DateSpan) == ["start", "end", "weekday", "approximate", "derivation"]
    assert schema.field_names(None) == []


def test_references_list_every_id_with_its_path_and_kind():
    treaty = Treaty.model_validate({
        "id": "t", "title": "T", "kind": "treaty", "date": {"start": "2000", "sources": ["s3"]}, "parties": ["russia", "china"],
        "signatories": [{"person": "vladimir-putin", "sources": ["s4"]}], "status": "in-force", "status_note": {"text": "x", "sources": ["s1"]},
        "supersedes": [{"treaty": "t-old", "sources": ["s5"]}], "topics": ["space"], "sources": ["s2"],
    })
    assert list(schema.references(treaty)) == [
        (("topics", 0), "topics", "space"),
        (("sources", 0), "sources", "s2"),
        # nested models after the record's own fields
        (("date", "sources", 0), "sources", "s3"),
        (("signatories", 0, "person"), "people", "vladimir-putin"),
        (("signatories", 0, "sources", 0), "sources", "s4"),
        (("status_note", "sources", 0), "sources", "s1"),
        (("supersedes", 0, "treaty"), "treaties", "t-old"),
        (("supersedes", 0, "sources", 0), "sources", "s5"),
    ]
