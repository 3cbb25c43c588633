"""Load every record under ``data/`` into one validated, immutable data set.

This is the single entry point the site, the PDF, the scripts and the tests use.
A data mistake never surfaces as a traceback: it is raised as ``DataError`` with
one located ``Problem`` per mistake, all of them at once.

Loading goes in three steps, each adding what it alone can find: the YAML of
each file (briefing.yamlsource), each record against the model (pydantic, with
messages from briefing.messages), and the records against each other
(briefing.integrity). Every problem is pointed at the line and column of the
key or value it is about.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError
from yaml.nodes import ScalarNode

from briefing import integrity, messages, schema
from briefing.model import KINDS, Edition, Record
from briefing.yamlsource import Document, YamlError, parse, position


@dataclass(frozen=True)
class Problem:
    """One mistake in one file, printed yamllint-style."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{self.path}:{self.line}:{self.column}: {where}{self.message}"


class DataError(Exception):
    """The data cannot be built into a book; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass(frozen=True)
class Dataset:
    """All records by kind and id, and the file each came from."""

    root: Path
    records: dict[str, dict[str, Record]]
    files: dict[tuple[str, str], Path] = field(default_factory=dict)
    edition: Edition | None = None

    def kind(self, kind: str) -> dict[str, Record]:
        return self.records[kind]

    def get(self, kind: str, record_id: str) -> Record:
        return self.records[kind][record_id]


NO_DATA_FOLDER = "the data folder does not exist; run from the repository root, or give the data folder's path"
# The one file beside the kind folders: the book's data cut-off (briefing.model.Edition).
EDITION_FILE = "book.yaml"
NO_EDITION = ("the book's data cut-off is missing; create this file with the line `as_of: YYYY-MM-DD`, "
              "the day the record was last brought up to date")


@dataclass
class _Loaded:
    """What one file gave: its record if valid, and its problems.

    The file's YAML nodes are not kept: thousands of node trees held at once make
    Python's garbage collector rescan them again and again, tripling load time.
    The rare file that needs locating again, for an integrity problem, is re-read.
    """

    path: Path
    record: Record | None = None
    problems: list[Problem] = field(default_factory=list)


def load_dataset(root: Path) -> Dataset:
    """Read, parse and validate ``root/<kind>/*.yaml``; raise DataError listing every mistake.

    A record with YAML or schema mistakes is left out of the integrity checks (its
    fields cannot be trusted), but its id still counts as existing, so records that
    refer to it are not reported as well.
    """
    root = Path(root)
    if not root.is_dir():
        raise DataError([Problem(str(root), 1, 1, "", NO_DATA_FOLDER)])
    problems = list(_layout_problems(root))
    edition = _load_edition(root)
    loaded = {(kind, path.stem): _load_file(KINDS[kind], path) for kind, path in _record_files(root)}
    problems += edition.problems + [problem for result in loaded.values() for problem in result.problems]
    problems += _integrity_problems(loaded, edition.record)
    if problems:
        raise DataError(sorted(problems, key=lambda problem: (problem.path, problem.line, problem.column)))
    records: dict[str, dict[str, Record]] = {kind: {} for kind in KINDS}
    for (kind, record_id), result in loaded.items():
        records[kind][record_id] = result.record
    return Dataset(root=root, records=records, files={key: result.path for key, result in loaded.items()},
                   edition=edition.record)


def _load_edition(root: Path) -> _Loaded:
    """``data/book.yaml``, which every book needs: without a cut-off no page can say how current it is."""
    path = root / EDITION_FILE
    if not path.is_file():
        return _Loaded(path, problems=[Problem(str(path), 1, 1, "as_of", NO_EDITION)])
    return _load_file(Edition, path)


# --- Which files there are ------------------------------------------------------------------------


def _record_files(root: Path) -> Iterator[tuple[str, Path]]:
    """Every ``<kind>/<id>.yaml`` under ``root``, kind by kind, in name order."""
    for kind in KINDS:
        folder = root / kind
        if folder.is_dir():
            yield from ((kind, path) for path in sorted(folder.glob("*.yaml")) if path.is_file())


def _layout_problems(root: Path) -> Iterator[Problem]:
    """Files that would be silently skipped: a misnamed kind folder, ``.yml``, a subfolder."""
    for entry in sorted(root.iterdir()):
        if entry.name.startswith((".", "_")):
            continue
        if entry.is_dir() and entry.name not in KINDS:
            hint = messages.did_you_mean(entry.name, list(KINDS)) or f"the kinds are: {', '.join(KINDS)}"
            message = f"`{entry.name}` is not a kind of record, so nothing in it is read; {hint}"
            yield Problem(str(entry), 1, 1, "", message)
        elif entry.is_dir():
            yield from _kind_folder_problems(entry)
        elif entry.suffix.lower() in (".yaml", ".yml") and entry.name != EDITION_FILE:
            message = f"records are read from kind folders only; move it to e.g. {root}/events/"
            yield Problem(str(entry), 1, 1, "", message)


def _kind_folder_problems(folder: Path) -> Iterator[Problem]:
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield Problem(str(entry), 1, 1, "", f"subfolders are not read; move its files up into {folder}/")
        elif entry.suffix.lower() in (".yaml", ".yml") and entry.suffix != ".yaml":
            yield Problem(str(entry), 1, 1, "", f"only .yaml files are read; rename it to {entry.stem}.yaml")


# --- One file: YAML, then the model ----------------------------------------------------------------


def _load_file(model: type[Record], path: Path) -> _Loaded:
    """Parse and validate one file; every mistake becomes a located Problem, never an exception."""
    result = _Loaded(path)
    try:
        document = parse(path.read_bytes())
    except OSError as error:
        result.problems.append(Problem(str(path), 1, 1, "", f"cannot be read ({error.strerror}); check the file"))
        return result
    except YamlError as error:
        result.problems += [Problem(str(path), p.line, p.column, p.field, p.message) for p in error.problems]
        return result
    try:
        result.record = model.model_validate(document.value)
    except ValidationError as error:
        result.problems += _schema_problems(str(path), model, document, error)
    return result


def _schema_problems(path: str, model: type[Record], document: Document, error: ValidationError) -> list[Problem]:
    """One Problem per field; of the errors pydantic gives for one union field, the last (widest) one."""
    by_field: dict[str, Problem] = {}
    for details in error.errors(include_url=False):
        problem = _schema_problem(path, model, document, details)
        by_field[problem.field] = problem
    return list(by_field.values())


def _schema_problem(path: str, model: type[Record], document: Document, details: dict) -> Problem:
    """Locate one pydantic error in the file and word it for an editor."""
    error_type, location = details["type"], document.locate(details["loc"])
    if error_type == "missing":  # the key is not in the file: point at the mapping it belongs in
        field_path, (line, column) = (*location.path, details["loc"][-1]), position(location.node)
    elif error_type == "extra_forbidden":  # point at the key, which is what is wrong
        field_path, (line, column) = location.path, location.key_position()
    else:
        field_path, (line, column) = location.path, location.value_position()
    written = location.node.value if isinstance(location.node, ScalarNode) else None
    # The fields of the mapping the error is about, for "did you mean" and "expected" hints.
    mapping_path = location.path[:-1] if error_type == "extra_forbidden" else location.path
    fields = schema.field_names(schema.model_at(model, mapping_path))
    message = messages.schema_message(details, written, fields)
    return Problem(path, line, column, messages.field_path(field_path), message)


# --- All files together ---------------------------------------------------------------------------


def _integrity_problems(loaded: dict[tuple[str, str], _Loaded], edition: Edition | None) -> list[Problem]:
    """Check the valid records against each other; ids with a file count as existing either way."""
    records: dict[str, dict[str, Record]] = {kind: {} for kind in KINDS}
    known: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for (kind, record_id), result in loaded.items():
        known[kind].add(record_id)
        if result.record is not None:
            records[kind][record_id] = result.record
    findings = integrity.check(records, known, edition.as_of if edition else None)
    documents = {key: parse(loaded[key].path.read_bytes()) for key in {(f.kind, f.record_id) for f in findings}}
    return [_locate_finding(loaded[(f.kind, f.record_id)].path, documents[(f.kind, f.record_id)], f) for f in findings]


def _locate_finding(path: Path, document: Document, finding: integrity.Finding) -> Problem:
    line, column = document.locate(finding.path).value_position()
    return Problem(str(path), line, column, messages.field_path(finding.path), finding.message)
