"""Load every record under ``data/`` into one validated, immutable data set.

This is the single entry point the site, the PDF, the scripts and the tests use.
A data mistake never surfaces as a traceback: it is raised as ``DataError`` with
one located ``Problem`` per mistake, all of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from briefing.model import KINDS, Record


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

    def kind(self, kind: str) -> dict[str, Record]:
        return self.records[kind]

    def get(self, kind: str, record_id: str) -> Record:
        return self.records[kind][record_id]


class _TextDatesLoader(yaml.SafeLoader):
    """SafeLoader that keeps 2019-04-25 as text, for the partial-date validator."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_dataset(root: Path) -> Dataset:
    """Read, parse and validate ``root/<kind>/*.yaml``; raise DataError on any mistake."""
    records: dict[str, dict[str, Record]] = {kind: {} for kind in KINDS}
    files: dict[tuple[str, str], Path] = {}
    problems: list[Problem] = []
    for kind, model in KINDS.items():
        for path in sorted((root / kind).glob("*.yaml")):
            try:
                record = model.model_validate(yaml.load(path.read_text("utf-8"), Loader=_TextDatesLoader))
            except (yaml.YAMLError, ValidationError) as error:
                problems.append(Problem(str(path), 1, 1, "", str(error).splitlines()[0]))
                continue
            records[kind][record.id] = record
            files[(kind, record.id)] = path
    if problems:
        raise DataError(problems)
    return Dataset(root=root, records=records, files=files)
