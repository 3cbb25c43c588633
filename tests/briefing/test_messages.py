"""briefing.messages: pydantic's and libyaml's errors in plain English, with what to do."""

from __future__ import annotations

import pytest
import yaml
from pydantic import BaseModel, StrictInt, ValidationError

from briefing import messages
from briefing.model import Coordinates, DateSpan, Event, Participant, Source, Statistic, Topic


def _error(model: type[BaseModel], data: dict) -> dict:
    """The pydantic error ``data`` is written to give: the last (for a union), other fields' absence aside."""
    with pytest.raises(ValidationError) as raised:
        model.model_validate(data)
    errors = raised.value.errors(include_url=False)
    return ([error for error in errors if error["type"] != "missing"] or errors)[-1]


class Count(BaseModel):
    """A whole-number field, as a model might add (the book's figures also allow fractions)."""

    count: StrictInt


TOPIC = {"id": "labour", "title": "Labour", "description": "Workers.", "sources": ["a"]}
STATISTIC = {"id": "workers", "label": "Workers", "value": 1, "unit": "people", "asserted_by": "a report", "sources": ["a"]}
PARTICIPANT = {"person": "kim-jong-un", "role": "guest", "sources": ["a"]}


def test_field_paths_read_like_the_yaml():
    assert messages.field_path(("participants", 0, "person")) == "participants[0].person"
    assert messages.field_path(("sources", 2)) == "sources[2]"
    assert messages.field_path(()) == ""


def test_did_you_mean_names_the_closest_choice_or_nothing():
    assert messages.did_you_mean("locaton", ["location", "title"]) == "did you mean `location`?"
    assert messages.did_you_mean("colour", ["location", "title"]) == ""


SCHEMA_CASES = [
    (Topic, {"id": "labour", "title": "Labour", "sources": ["a"]}, None, (), "is required but missing; add `description:` here"),
    (Topic, {**TOPIC, "titel": "x"}, "x", ("id", "title", "description"), "is not a field here; did you mean `title`?"),
    (Topic, {**TOPIC, "colour": "red"}, "red", ("id", "title"), "is not a field here; remove it, or use one of: id, title"),
    (Topic, {**TOPIC, "title": None}, "", (), "is empty; write the text after the colon"),
    (Topic, {**TOPIC, "title": 2019}, "2019", (), 'must be text, but YAML reads `2019` as a number; put it in quotes: "2019"'),
    (Topic, {**TOPIC, "title": False}, "off", (), 'must be text, but YAML reads `off` as true/false; put it in quotes: "off"'),
    (Topic, {**TOPIC, "title": ["a"]}, None, (), "must be text, not a list"),
    (Statistic, {**STATISTIC, "value": "12"}, "12", (), "must be a number, but `12` is written as text; remove the quotes"),
    (Count, {"count": "twelve"}, "twelve", (), "must be a number written in digits, not the text `twelve`"),
    (Statistic, {**STATISTIC, "value": "many"}, "many", (), "must be a number written in digits, not the text `many`"),
    (Statistic, {**STATISTIC, "value": None}, "", (), "is empty; write a number after the colon"),
    (Statistic, {**STATISTIC, "value": float("nan")}, ".nan", (), "must be an ordinary number, not `.nan`"),
    (Event, {"headline": "maybe"}, "maybe", (), "must be true or false, not the text `maybe`"),
    (Topic, {**TOPIC, "aliases": "Work"}, "Work", (), "must be a list, not the text `Work`; write it as [Work]"),
    (Topic, {**TOPIC, "aliases": None}, "", (),
     "is empty; write a list under `aliases:` as `- item` lines or as [a, b], or remove the line"),
    (Topic, {**TOPIC, "aliases": {"a": "b"}}, None, (),
     "must be a list, not a group of `key: value` fields; start each item with `- `"),
    (Event, {"date": "2019"}, "2019", ("start", "end"),
     "must be `key: value` fields (start, end) indented under `date:`, not the text `2019`"),
    (Statistic, {**STATISTIC, "sources": []}, None, (), "must list at least 1 item; add one"),
    (Statistic, {**STATISTIC, "id": ""}, "", (), "is empty; write a value"),
    (Statistic, {**STATISTIC, "id": "x" * 81}, "x" * 81, (), "is longer than 80 characters; shorten it"),
    (Statistic, {**STATISTIC, "id": "Kim Jong Un"}, "Kim Jong Un", (),
     "`Kim Jong Un` is not a valid id; use lowercase letters, digits and single hyphens, e.g. `kim-jong-un`"),
    (Source, {"url": "ftp://x"}, "ftp://x", (), "must be an https:// address, not `ftp://x`"),
    (Topic, {**TOPIC, "reviewed": "2026"}, "2026", (), "must be a full date YYYY-MM-DD, not `2026`"),
    (Participant, {**PARTICIPANT, "role": "gest"}, "gest", (), "`gest` is not allowed; did you mean `guest`?"),
    (Statistic, {**STATISTIC, "qualifier": "roughly"}, "roughly", (),
     "`roughly` is not allowed; use one of: exactly, about, more than, at least, some, nearly"),
    (DateSpan, {"start": "2019-04-31"}, "2019-04-31", (), "`2019-04-31` is not a real calendar date; check the day"),
    (Coordinates, {"lat": 1, "lon": -200.5, "reference": "https://x"}, "-200.5", (), "must be at least -180, not -200.5"),
    (Coordinates, {"lat": 91, "lon": 1, "reference": "https://x"}, "91", (), "must be at most 90, not 91"),
]


@pytest.mark.parametrize(("model", "data", "written", "fields", "message"), SCHEMA_CASES)
def test_each_pydantic_error_type_gets_a_plain_message(model, data, written, fields, message):
    assert messages.schema_message(_error(model, data), written, fields) == message


def test_every_entry_of_the_message_table_is_exercised_above():
    exercised = {_error(model, data)["type"] for model, data, *_ in SCHEMA_CASES}
    assert exercised == set(messages.SCHEMA_MESSAGES)


def test_an_error_type_without_an_entry_falls_back_to_pydantics_words_and_the_schemas():
    error = {"type": "uuid_parsing", "loc": ("id",), "msg": "Input should be a valid UUID", "input": "x"}
    assert messages.schema_message(error) == "input should be a valid UUID; see schemas/ for the fields of each kind"


# --- YAML syntax: libyaml's and PyYAML's wording lead to the same advice -----------------------------------

# Broken YAML, and the start of the advice it must get.
BROKEN_YAML = {
    "tab": ("a:\n\tb: c\n", "a tab is used for indentation"),
    "colon": ("a: b: c\n", "YAML reads `: ` here as a new key"),
    "unclosed quote": ("a: 'b\nc: d\n", "this quoted value is never closed"),
    "unclosed list": ("a: [b, c\nd: e\n", "this `[...]` list is never closed"),
    "unclosed mapping": ("a: {b: c\nd: e\n", "this `{...}` mapping is never closed"),
    "indentation": ("a:\n  b: c\n d: e\n", "this line is indented differently"),
    "list item": ("a:\n  - b\n - c\n", "this line is indented differently"),
    "no colon": ("a: b\nc\n", "this line is not `key: value`"),
    "second document": ("a: b\n---\nc: d\n", "a second YAML document starts here"),
    "reserved": ("a: `b`\n", "a value cannot start with a backtick"),
    "undefined alias": ("a: *b\n", "a value starting with `*` is read as an alias"),
    "escape": ('a: "\\q"\n', "a backslash in a double-quoted value starts an unknown escape"),
}


def _syntax_advice(loader: type, text: str) -> tuple[str, str]:
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        loader(text).get_single_node()
    error = raised.value
    mark = error.problem_mark or error.context_mark
    line = text.split("\n")[mark.line]
    character = line[mark.column] if mark.column < len(line) else ""
    return messages.yaml_syntax(error.problem or "", error.context or "", character)


@pytest.mark.parametrize("case", sorted(BROKEN_YAML))
def test_libyaml_and_pure_python_yaml_get_the_same_fitting_advice(case):
    text, advice = BROKEN_YAML[case]
    loaders = [yaml.SafeLoader] + ([yaml.CSafeLoader] if yaml.__with_libyaml__ else [])
    for loader in loaders:
        assert _syntax_advice(loader, text)[1].startswith(advice), loader
    assert len({_syntax_advice(loader, text) for loader in loaders}) == 1


def test_an_unforeseen_yaml_error_still_says_where_to_look():
    assert messages.yaml_syntax("found something odd", "", "x") == (
        "problem", "YAML cannot read this line (found something odd); check its quoting and indentation")
