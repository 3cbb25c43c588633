"""briefing.dataset: loading data/ into records, and every mistake as one located line.

Each case under tests/fixtures/broken/ is a tiny data folder with one kind of
mistake; its exact messages, lines and columns are asserted here, as an editor
would read them from ``python scripts/validate.py`` run in that folder.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.dataset import NO_DATA_FOLDER, DataError, Dataset, Problem, load_dataset
from briefing.model import KINDS, Event, Person

REPO_ROOT = Path(__file__).resolve().parents[2]
BROKEN = REPO_ROOT / "tests" / "fixtures" / "broken"

# What the validator says about each broken fixture, exactly. Long lines are kept whole
# so that each message reads here as it does on the editor's screen.
EXPECTED = {
    "edition-missing": [
        "data/book.yaml:1:1: as_of: the book's data cut-off is missing; create this file with the line `as_of: YYYY-MM-DD`, the day the record was last brought up to date",
    ],
    "integrity-date-without-source": [
        "data/events/summit.yaml:5:3: date.sources: is required but missing; add `sources:` here",
    ],
    "integrity-source-after-cut-off": [
        "data/sources/tass-2026.yaml:6:10: published.start: `2026-12-10` is after the book's data cut-off `2026-12-03`; move `as_of` in book.yaml forward, or correct the date",
        "data/sources/tass-2026.yaml:9:7: read: `2026-12-11` is after the book's data cut-off `2026-12-03`; move `as_of` in book.yaml forward, or correct the date",
    ],
    "integrity-source-not-checkable": [
        "data/sources/tass-2024.yaml:1:1: url: a source that is not a seed article needs its address (`url: https://...`), so that a reader can open it",
        "data/sources/tass-2024.yaml:1:1: publisher: a source that is not a seed article needs who published it at that address (`publisher: ...`)",
        "data/sources/tass-2024.yaml:1:1: read: a source that is not a seed article needs the day it was read (`read: YYYY-MM-DD`)",
    ],
    "html-img-onerror": [
        "data/events/summit.yaml:9:9: summary.text: raw HTML is not allowed (`<img src=x onerror=alert(1)>`); write plain text or Markdown",
    ],
    "html-javascript-link": [
        "data/events/summit.yaml:12:11: details[0].text: `javascript:` links are not allowed (`javascript:alert(1)).`); write plain text or Markdown",
    ],
    "html-script-tag": [
        "data/topics/sanctions.yaml:3:14: description: raw HTML is not allowed (`<script>`); write plain text or Markdown",
    ],
    "integrity-duplicate-id": [
        "data/topics/un-sanctions.yaml:1:5: id: `sanctions` is already the id of topics/sanctions.yaml; ids must be unique: write `un-sanctions`, as the file is named, or rename the file",
    ],
    "integrity-end-before-start": [
        "data/events/summit.yaml:6:8: date.end: `2019-03-31` is before the start `2019-04`; correct one of the two dates",
    ],
    "integrity-id-not-file-name": [
        "data/topics/sanctions.yaml:1:5: id: `sanction` is not the file name: write `sanctions`, as the file is named, or rename the file",
    ],
    "integrity-places-in-a-loop": [
        "data/places/primorye.yaml:5:9: within: the places form a loop (primorye → vladivostok → primorye); break it in one of them",
    ],
    "integrity-self-reference": [
        "data/events/summit.yaml:11:11: related[0]: `summit` is this event itself; remove it",
    ],
    "integrity-supersession-mismatch": [
        "data/treaties/treaty-2024.yaml:12:14: supersedes[0]: treaties/treaty-2000.yaml does not list `treaty-2024` in its superseded_by; add it there, or remove `treaty-2000` here",
    ],
    "integrity-unknown-nested-references": [
        "data/events/summit.yaml:12:13: agreements[0].treaty: no treaty has the id `friendship-treaty`; add treaties/friendship-treaty.yaml, or correct the id",
        "data/events/summit.yaml:18:15: quotes[0].sources[0]: no source has the id `src-b`; did you mean `src-a`?",
        "data/events/summit.yaml:19:11: related[0]: no event has the id `summit-2023`; did you mean `summit`?",
        "data/events/summit.yaml:20:10: topics[0]: no topic has the id `sanction`; did you mean `sanctions`?",
    ],
    "integrity-unknown-person": [
        "data/events/summit.yaml:12:13: participants[0].person: no person has the id `kim-jong-um`; did you mean `kim-jong-un`?",
    ],
    "integrity-unknown-source": [
        "data/places/vladivostok.yaml:5:18: sources[1]: no source has the id `tass-2019`; add sources/tass-2019.yaml, or correct the id",
    ],
    "integrity-unknown-speaker": [
        "data/events/summit.yaml:12:14: quotes[0].speaker: no person has the id `vladimir-putin`; add people/vladimir-putin.yaml, or correct the id",
    ],
    "integrity-wrong-kind": [
        "data/events/summit.yaml:12:13: participants[0].person: no person has the id `vladivostok` (`vladivostok` is a place); use an id from people/",
    ],
    "layout-subfolder": [
        "data/topics/old:1:1: subfolders are not read; move its files up into data/topics/",
    ],
    "layout-unknown-kind-folder": [
        "data/event:1:1: `event` is not a kind of record, so nothing in it is read; did you mean `events`?",
    ],
    "layout-yml-extension": [
        "data/topics/sanctions.yml:1:1: only .yaml files are read; rename it to sanctions.yaml",
    ],
    "schema-bad-date": [
        "data/events/summit.yaml:5:10: date.start: `25/04/2019` is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
    ],
    "schema-bad-id": [
        "data/topics/sanctions.yaml:1:5: id: `UN Sanctions` is not a valid id; use lowercase letters, digits and single hyphens, e.g. `un-sanctions`",
    ],
    "schema-choice": [
        "data/places/vladivostok.yaml:3:10: country: `atlantis` is not allowed; use one of: russia, soviet-union, north-korea, south-korea, china, united-states, japan, vietnam, ukraine",
    ],
    "schema-choice-typo": [
        "data/events/summit.yaml:3:7: kind: `sumit` is not allowed; did you mean `summit`?",
    ],
    "schema-empty-list": [
        "data/places/vladivostok.yaml:5:10: sources: must list at least 1 item; add one",
    ],
    "schema-empty-text": [
        "data/topics/sanctions.yaml:2:8: title: the text is empty; write it, or remove the field if it is optional",
    ],
    "schema-empty-value": [
        "data/topics/sanctions.yaml:2:1: title: is empty; write the text after the colon",
    ],
    "schema-infinite-number": [
        "data/statistics/workers.yaml:3:8: value: must be an ordinary number, not `.inf`",
    ],
    "schema-list-item-not-a-mapping": [
        "data/events/summit.yaml:12:5: participants[0]: must be `key: value` fields (person, role, note, sources) indented in this list item, not the text `kim-jong-un`",
    ],
    "schema-missing-field": [
        "data/topics/sanctions.yaml:1:1: description: is required but missing; add `description:` here",
        "data/topics/sanctions.yaml:1:1: sources: is required but missing; add `sources:` here",
    ],
    "schema-missing-nested-field": [
        "data/events/summit.yaml:12:5: participants[0].role: is required but missing; add `role:` here",
    ],
    "schema-no-such-month": [
        "data/events/summit.yaml:5:10: date.start: `2019-13` has no month 13; write a month from 01 to 12",
    ],
    "schema-not-a-calendar-date": [
        "data/events/summit.yaml:5:10: date.start: `2019-02-30` is not a real calendar date; check the day",
    ],
    "schema-not-a-list": [
        "data/places/vladivostok.yaml:5:10: sources: must be a list, not the text `src-a`; write it as [src-a]",
    ],
    "schema-not-a-mapping": [
        "data/events/summit.yaml:4:7: date: must be `key: value` fields (start, end, weekday, approximate, derivation, sources) indented under `date:`, not the text `2019-04-25`",
    ],
    "schema-not-https": [
        "data/sources/src-a.yaml:6:6: url: must be an https:// address, not `http://example.org/article`",
    ],
    "schema-not-true-or-false": [
        "data/events/summit.yaml:11:11: headline: must be true or false, not the text `yes please`",
    ],
    "schema-number-as-text": [
        "data/statistics/workers.yaml:3:8: value: must be a number, but `10000` is written as text; remove the quotes",
    ],
    "schema-out-of-range": [
        "data/places/vladivostok.yaml:7:8: coordinates.lat: must be at most 90, not 143.1",
    ],
    "schema-placeholder": [
        "data/topics/sanctions.yaml:3:11: aliases[0]: `TBD` is a placeholder, not data (in `TBD`); write what the sources say, or remove the field if it is optional",
        "data/topics/sanctions.yaml:4:14: description: `Lorem ipsum` is a placeholder, not data (in `Lorem ipsum dolor sit amet.`); write what the sources say, or remove the field if it is optional",
    ],
    "schema-review-date-not-full": [
        "data/topics/sanctions.yaml:4:11: reviewed: must be a full date YYYY-MM-DD, not `2026-01`",
    ],
    "schema-text-read-as-boolean": [
        'data/topics/sanctions.yaml:2:8: title: must be text, but YAML reads `no` as true/false; put it in quotes: "no"',
    ],
    "schema-text-read-as-number": [
        'data/topics/sanctions.yaml:2:8: title: must be text, but YAML reads `2019` as a number; put it in quotes: "2019"',
    ],
    "schema-unknown-field": [
        "data/topics/sanctions.yaml:4:1: colour: is not a field here; remove it, or use one of: id, title, aliases, description, sources, reviewed",
    ],
    "schema-unknown-field-typo": [
        "data/events/summit.yaml:11:1: palce: is not a field here; did you mean `place`?",
    ],
    "schema-words-for-number": [
        "data/statistics/workers.yaml:3:8: value: must be a number written in digits, not the text `ten thousand`",
    ],
    "yaml-alias-loop": [
        "data/topics/sanctions.yaml:3:10: aliases: this value contains an alias (`*name`) of itself, which never ends; write the value out in full",
    ],
    "yaml-bad-indentation": [
        "data/topics/sanctions.yaml:3:14: YAML reads `: ` here as a new key; if the colon is part of the text, put the whole value in quotes, otherwise fix this line's indentation",
    ],
    "yaml-colon-in-value": [
        "data/topics/sanctions.yaml:2:17: YAML reads `: ` here as a new key; if the colon is part of the text, put the whole value in quotes, otherwise fix this line's indentation",
    ],
    "yaml-complex-key": [
        "data/topics/sanctions.yaml:2:1: a key must be a plain field name, not a list or mapping; write `name: value`",
    ],
    "yaml-control-character": [
        "data/topics/sanctions.yaml:2:12: the invisible control character U+0007 is not allowed in YAML; delete it",
    ],
    "yaml-duplicate-key": [
        "data/topics/sanctions.yaml:4:1: title: `title` is written twice in the same mapping (first on line 2); keep one of them",
    ],
    "yaml-empty-file": [
        "data/topics/sanctions.yaml:1:1: the file is empty; write the record's `key: value` fields, or delete the file",
    ],
    "yaml-inconsistent-indentation": [
        "data/events/summit.yaml:4:2: this line is indented differently from the lines above; line it up with the keys it belongs with",
    ],
    "yaml-invalid-utf8": [
        "data/topics/sanctions.yaml:3:29: byte 0xE0 is not UTF-8 (the file was probably saved as Latin-1 or Windows-1252); save the file as UTF-8",
    ],
    "yaml-missing-colon": [
        "data/topics/sanctions.yaml:2:1: this line is not `key: value`; add the key and its colon, or indent the line under the key it continues",
    ],
    "yaml-not-a-mapping": [
        "data/topics/sanctions.yaml:1:1: a data file holds one record as `key: value` lines, but this one holds a list; write the record's fields",
    ],
    "yaml-reserved-character": [
        "data/topics/sanctions.yaml:3:14: a value cannot start with `@`; put the whole value in quotes",
    ],
    "yaml-tab-indentation": [
        "data/topics/sanctions.yaml:4:1: a tab is used for indentation, but YAML allows only spaces; replace the tab with spaces",
    ],
    "yaml-two-documents": [
        "data/topics/sanctions.yaml:4:1: a second YAML document starts here; keep one record per file and remove the `---`",
    ],
    "yaml-unclosed-list": [
        "data/topics/sanctions.yaml:3:10: this `[...]` list is never closed; add `]`, or quote items containing `,` `:` `[` `]`",
    ],
    "yaml-unclosed-quote": [
        'data/topics/sanctions.yaml:2:8: this quoted value is never closed; add the closing " quote',
    ],
    "yaml-unknown-tag": [
        "data/topics/sanctions.yaml:2:8: title: the YAML tag `!!binary` is not used in the data; remove it and write a plain value",
    ],
    "yaml-utf16": [
        "data/topics/sanctions.yaml:1:1: the file is saved as UTF-16; save it as UTF-8 (the encoding every data file uses)",
    ],
}


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_each_broken_fixture_gets_its_exact_located_messages(case, monkeypatch):
    monkeypatch.chdir(BROKEN / case)
    with pytest.raises(DataError) as raised:
        load_dataset(Path("data"))
    assert [str(problem) for problem in raised.value.problems] == EXPECTED[case]


def test_every_broken_fixture_has_expected_messages():
    assert sorted(path.name for path in BROKEN.iterdir()) == sorted(EXPECTED)


def test_the_shipped_data_validates():
    data = REPO_ROOT / "data"
    if not any(data.glob("*/*.yaml")):
        pytest.skip("data/ holds no records yet")
    dataset = load_dataset(data)
    assert sum(len(records) for records in dataset.records.values()) == len(list(data.glob("*/*.yaml")))


# --- The Dataset a successful load returns ----------------------------------------------------------

SOURCE = "id: src-a\ntitle: A test article\nkind: seed-article\npublished:\n  start: 2019-04-25\nlanguage: en\n"
EDITION = "as_of: 2026-12-03\n"
PERSON = (BROKEN / "integrity-unknown-person" / "data" / "people" / "kim-jong-un.yaml").read_text("utf-8")


def _write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def test_a_valid_folder_loads_into_records_by_kind_and_id(tmp_path):
    _write(tmp_path, "book.yaml", EDITION)
    _write(tmp_path, "sources/src-a.yaml", SOURCE)
    _write(tmp_path, "people/kim-jong-un.yaml", PERSON)
    dataset = load_dataset(tmp_path)
    assert isinstance(dataset, Dataset)
    assert set(dataset.records) == set(KINDS)
    assert isinstance(dataset.get("people", "kim-jong-un"), Person)
    assert dataset.get("sources", "src-a").published.start == "2019-04-25"
    assert dataset.files[("people", "kim-jong-un")] == tmp_path / "people" / "kim-jong-un.yaml"
    assert dataset.kind("events") == {}


def test_mistakes_in_several_files_are_all_reported_in_file_order(tmp_path):
    _write(tmp_path, "book.yaml", EDITION)
    _write(tmp_path, "sources/src-a.yaml", SOURCE)
    _write(tmp_path, "topics/b.yaml", "id: b\ntitle: B\nsources: [src-a]\n")
    _write(tmp_path, "topics/a.yaml", "id: a\ntitle: [A]\ndescription: A.\nsources: [src-a]\n")
    with pytest.raises(DataError) as raised:
        load_dataset(tmp_path)
    assert [(Path(p.path).name, p.line, p.column, p.field) for p in raised.value.problems] == [
        ("a.yaml", 2, 8, "title"),
        ("b.yaml", 1, 1, "description"),
    ]
    assert str(raised.value).count("\n") == 1


def test_a_reference_to_a_record_with_its_own_mistakes_is_not_reported_twice(tmp_path):
    _write(tmp_path, "book.yaml", EDITION)
    _write(tmp_path, "sources/src-a.yaml", SOURCE)
    _write(tmp_path, "people/kim-jong-un.yaml", PERSON.replace("country: north-korea", "country: korea"))
    event = (BROKEN / "integrity-unknown-person" / "data" / "events" / "summit.yaml").read_text("utf-8")
    _write(tmp_path, "events/summit.yaml", event.replace("kim-jong-um", "kim-jong-un"))
    with pytest.raises(DataError) as raised:
        load_dataset(tmp_path)
    assert [(Path(p.path).name, p.field) for p in raised.value.problems] == [("kim-jong-un.yaml", "country")]


def test_a_missing_data_folder_is_a_problem_not_a_traceback(tmp_path):
    with pytest.raises(DataError) as raised:
        load_dataset(tmp_path / "nowhere")
    assert raised.value.problems == [
        Problem(str(tmp_path / "nowhere"), 1, 1, "", NO_DATA_FOLDER)
    ]


def test_windows_line_endings_keep_the_positions(tmp_path):
    _write(tmp_path, "book.yaml", EDITION)
    (tmp_path / "topics").mkdir()
    (tmp_path / "topics" / "a.yaml").write_bytes(b"id: a\r\ntitle: A\r\ndescription: A.\r\ncolour: red\r\nsources: [a]\r\n")
    with pytest.raises(DataError) as raised:
        load_dataset(tmp_path)
    assert (raised.value.problems[0].line, raised.value.problems[0].column) == (4, 1)


def test_hidden_files_and_other_files_in_kind_folders_are_left_alone(tmp_path):
    _write(tmp_path, "book.yaml", EDITION)
    _write(tmp_path, "topics/.gitkeep", "")
    _write(tmp_path, "topics/README.md", "Topics.\n")
    _write(tmp_path, ".cache/x.yaml", "junk: [")
    assert load_dataset(tmp_path).records["topics"] == {}


# --- Property: whatever is in the files, the loader answers with problems, never a traceback -----------

VALID_EVENT = (BROKEN / "integrity-unknown-person" / "data" / "events" / "summit.yaml").read_text("utf-8")
YAML_PIECES = list(":-[]{}#&*!|>'\"%@`,?\t\n ") + ["\n  ", "\n- ", ": ", "---", "...", "~", "null", "yes",
                                                      "2019-13-45", "1e999", ".nan", "<script>", "\x00", "\ufeff"]
EVENT_FIELDS = list(Event.model_fields) + ["start", "end", "person", "role", "text", "sources", "speaker"]

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
structures = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(EVENT_FIELDS), children, max_size=4),
    max_leaves=12,
)


@st.composite
def mutated_event(draw) -> bytes:
    """The valid event with a few YAML-significant characters inserted, deleted or swapped."""
    text = VALID_EVENT
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 3))
        text = text[:at] + draw(st.sampled_from(YAML_PIECES)) + text[at + cut:]
    return text.encode("utf-8", "surrogatepass")


@st.composite
def event_with_wrong_types(draw) -> bytes:
    """The valid event with some fields (top level or nested) replaced by random structures."""
    record = yaml.safe_load(VALID_EVENT)
    mappings = [record, record["participants"][0]]
    for _ in range(draw(st.integers(1, 3))):
        draw(st.sampled_from(mappings))[draw(st.sampled_from(EVENT_FIELDS))] = draw(structures)
    return yaml.safe_dump(record, allow_unicode=True).encode("utf-8")


file_contents = st.one_of(
    st.binary(max_size=300),
    mutated_event(),
    event_with_wrong_types(),
    structures.map(lambda value: yaml.safe_dump(value).encode("utf-8")),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=file_contents)
def test_any_file_content_gives_a_dataset_or_located_problems_never_another_exception(content):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _write(root, "book.yaml", EDITION)
        _write(root, "sources/src-a.yaml", SOURCE)
        _write(root, "people/kim-jong-un.yaml", PERSON)
        (root / "events").mkdir()
        (root / "events" / "summit.yaml").write_bytes(content)
        try:
            load_dataset(root)
        except DataError as error:
            assert error.problems
            for problem in error.problems:
                assert problem.line >= 1 and problem.column >= 1
                assert "\n" not in str(problem)
