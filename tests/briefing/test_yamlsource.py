"""briefing.yamlsource: one file's YAML as plain values, with the position of every key and value."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import yamlsource
from briefing.yamlsource import MAX_NODES, YamlError, YamlProblem, parse


def _problems(data: bytes) -> list[YamlProblem]:
    with pytest.raises(YamlError) as raised:
        parse(data)
    return raised.value.problems


# --- Values ---------------------------------------------------------------------------------------


def test_values_are_plain_python_with_dates_kept_as_text():
    document = parse(b"id: a\nstart: 2019-04-25\nmonth: 2019-04\nyear: 2019\nvalue: 1.5\nheadline: true\nnote: ~\n")
    assert document.value == {
        "id": "a", "start": "2019-04-25", "month": "2019-04", "year": 2019, "value": 1.5, "headline": True, "note": None,
    }


def test_quoted_values_stay_text():
    assert parse(b'a: "2019"\nb: \'true\'\nc: "~"\n').value == {"a": "2019", "b": "true", "c": "~"}


def test_values_yaml_types_by_their_look_are_typed_as_pyyaml_types_them():
    """The fast path for prose must not change how numbers, booleans and nulls are read."""
    text = b"a: yes\nb: No\nc: 0x1F\nd: -3\ne: +1\nf: .5\ng: null\nh: Null value\ni: on\nj: 1_000\nk: \n"
    assert parse(text).value == yaml.safe_load(text)


def test_keys_are_the_names_as_written():
    assert parse(b"1: a\ntrue: b\nnull: c\n").value == {"1": "a", "true": "b", "null": "c"}


def test_a_utf8_byte_order_mark_is_tolerated():
    assert parse(b"\xef\xbb\xbfid: a\n").value == {"id": "a"}


def test_an_alias_repeats_its_anchor_value():
    assert parse(b"a: &both [x, y]\nb: *both\n").value == {"a": ["x", "y"], "b": ["x", "y"]}


def test_libyaml_composes_when_it_is_installed():
    if not yaml.__with_libyaml__:
        pytest.skip("PyYAML was built without libyaml here")
    assert issubclass(yamlsource._Loader, yaml.CSafeLoader)


# --- Mistakes in the YAML ---------------------------------------------------------------------------


def test_every_duplicate_key_is_reported_with_the_line_of_the_first():
    assert _problems(b"id: a\nname: x\nid: b\nrole:\n  title: t\n  title: u\n") == [
        YamlProblem(3, 1, "`id` is written twice in the same mapping (first on line 1); keep one of them", "id"),
        YamlProblem(6, 3, "`title` is written twice in the same mapping (first on line 5); keep one of them", "role.title"),
    ]


def test_an_alias_inside_its_own_anchor_is_refused():
    [problem] = _problems(b"a:\n  b: &loop\n    c: *loop\n")
    # The alias is the anchor's own node: the problem is shown where the anchored value starts.
    assert (problem.line, problem.column, problem.field) == (2, 6, "a.b")
    assert problem.message == "this value contains an alias (`*name`) of itself, which never ends; write the value out in full"


def test_aliases_that_expand_without_end_are_refused_once():
    lines = [b"a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [b"a%d: &a%d [%s]" % (n, n, b", ".join([b"*a%d" % (n - 1)] * 10)) for n in range(1, 9)]
    [problem] = _problems(b"\n".join(lines) + b"\n")
    assert problem.message == f"aliases (`*name`) expand this file to more than {MAX_NODES} values; write the values out instead"


def test_nesting_beyond_any_record_is_refused():
    depth = yamlsource.MAX_DEPTH + 5
    [problem] = _problems(b"a: " + b"[" * depth + b"]" * depth + b"\n")
    assert problem.message.startswith(f"the value is nested more than {yamlsource.MAX_DEPTH} levels deep")


@pytest.mark.parametrize(("text", "message"), [
    (b"a: !!timestamp 2019-04-25\n", "the YAML tag `!!timestamp` is not used in the data; remove it and write a plain value"),
    (b"a: !!python/object:os.system x\n", "the YAML tag `!!python/object:os.system` is not used in the data; remove it and write a plain value"),
    (b"a: !!set {x}\n", "the YAML tag `!!set` is not used in the data; remove it and write a plain value"),
    (b"a: !!int twelve\n", "`twelve` cannot be read as `!!int`; remove the tag or correct the value"),
    (b"a: !!bool maybe\n", "`maybe` cannot be read as `!!bool`; remove the tag or correct the value"),
])
def test_tags_other_than_the_plain_scalar_types_are_refused(text, message):
    assert _problems(text) == [YamlProblem(1, 4, message, "a")]


def test_a_control_character_is_located_by_character_not_byte():
    assert _problems("a: ключ\x07\n".encode()) == [
        YamlProblem(1, 8, "the invisible control character U+0007 is not allowed in YAML; delete it")
    ]


def test_a_bad_byte_is_located_on_its_line():
    assert _problems(b"a: b\nc: d\xff\n") == [
        YamlProblem(2, 5, "byte 0xFF is not UTF-8 (the file was probably saved as Latin-1 or Windows-1252); save the file as UTF-8")
    ]


@pytest.mark.parametrize(("text", "found"), [(b"just words\n", "a single value"), (b"- a\n- b\n", "a list")])
def test_a_file_must_hold_a_mapping(text, found):
    assert _problems(text) == [YamlProblem(1, 1, yamlsource.messages.not_a_record(found))]


def test_a_file_of_comments_only_is_empty():
    assert _problems(b"# nothing yet\n\n") == [YamlProblem(1, 1, yamlsource.messages.EMPTY_FILE)]


# --- Locating a path (a pydantic loc) in the document ---------------------------------------------------

DOCUMENT = b"""id: summit
title:
date:
  start: 2019
participants:
  - person: kim-jong-un
    role: guest
value: 12
"""


def test_a_value_is_located_where_it_starts():
    location = parse(DOCUMENT).locate(("participants", 0, "role"))
    assert (location.path, location.value_position(), location.key_position()) == (
        ("participants", 0, "role"), (7, 11), (7, 5))


def test_an_empty_value_is_located_at_its_key():
    assert parse(DOCUMENT).locate(("title",)).value_position() == (2, 1)


def test_a_missing_key_stops_the_path_at_the_mapping_it_belongs_in():
    location = parse(DOCUMENT).locate(("participants", 0, "note"))
    assert (location.path, location.value_position()) == (("participants", 0), (6, 5))


def test_union_member_names_in_a_loc_are_dropped():
    location = parse(DOCUMENT).locate(("value", "float"))
    assert (location.path, location.value_position()) == (("value",), (8, 8))


def test_a_list_item_has_no_key_so_its_key_position_is_its_own():
    assert parse(DOCUMENT).locate(("participants", 0)).key_position() == (6, 5)


# --- Property: any bytes give a document or YamlError, never another exception --------------------------

yaml_like_text = st.text(alphabet=st.sampled_from(list("ab:-[]{}#&*!|>'\"%@`,?\t\n \\0.~") + ["\x85", "\u2028", "é"]), max_size=80)


@settings(max_examples=400, deadline=None)
@given(data=st.binary(max_size=200) | yaml_like_text.map(lambda text: text.encode("utf-8")))
def test_any_bytes_give_a_document_or_located_yaml_problems(data):
    try:
        document = parse(data)
    except YamlError as error:
        assert error.problems
        assert all(problem.line >= 1 and problem.column >= 1 and problem.message for problem in error.problems)
    else:
        assert isinstance(document.value, dict)
