#!/usr/bin/env python3
"""Summarise a change to the data, record by record and field by field, as Markdown.

Usage: python scripts/changes.py BASE HEAD     (or: make changes BASE=main HEAD=HEAD)

BASE and HEAD are git revisions. The summary covers what HEAD changed since it
branched from BASE (their merge base, as in ``git diff BASE...HEAD``), so a pull
request's summary shows only its own changes. Files are read from git directly
(``git ls-tree``, ``git cat-file``): nothing is checked out, and the working tree
is never touched. The Markdown is for a reviewer to read or a bot to post: in CI
it goes to the job summary.

Exit status: 0 summary printed; 1 a revision is unknown or this is not a git repository.
"""

from __future__ import annotations

import argparse
import difflib
import html
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml

# Run as `python scripts/changes.py` from the repository root: make `briefing` importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.model import KINDS  # noqa: E402

DATA = "data"
# Shown where a field, item or record did not exist on one side.
ABSENT = "—"
# The fields that name a record, in the order they are looked for.
NAME_FIELDS = ("title", "name", "label", "term", "headline")


class GitError(Exception):
    """git refused: an unknown revision, or no repository here."""


@dataclass(frozen=True)
class Difference:
    """One field (or list item) whose value differs; ``None`` side means it was absent."""

    path: str
    before: object
    after: object


@dataclass(frozen=True)
class RecordChange:
    """One record added, changed or removed, with what a reviewer needs to see of it."""

    kind: str
    record_id: str
    name: str | None
    differences: list[Difference] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Changes:
    """Everything HEAD did to the data since BASE, sorted by kind and id."""

    base: str
    head: str
    added: list[RecordChange]
    changed: list[RecordChange]
    removed: list[RecordChange]


def main(argv: list[str] | None = None) -> int:
    """Print the Markdown summary of BASE...HEAD."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the revision the change starts from, e.g. origin/main")
    parser.add_argument("head", help="the revision with the change, e.g. HEAD")
    arguments = parser.parse_args(argv)
    try:
        changes = data_changes(arguments.base, arguments.head, Path.cwd())
    except GitError as error:
        print(f"changes.py: {error}", file=sys.stderr)
        return 1
    print(render_markdown(changes), end="")
    return 0


def data_changes(base: str, head: str, repo: Path) -> Changes:
    """Compare the data files of HEAD with those of its merge base with BASE."""
    git = _Git(repo)
    head_commit = git.commit(head)
    base_commit = git.merge_base(git.commit(base), head_commit)
    before, after = git.data_blobs(base_commit), git.data_blobs(head_commit)
    # Read only the files that differ, each side once, in one git call.
    texts = git.read_blobs({blob for side, other in ((before, after), (after, before))
                            for path, blob in side.items() if other.get(path) != blob})
    return Changes(base_commit, head_commit, *_compare_records(before, after, texts))


def _compare_records(before: dict[str, str], after: dict[str, str], texts: dict[str, str]) -> tuple[list, list, list]:
    """The added, changed and removed records; a file whose data is unchanged is left out."""
    added = [_record_change(path, None, texts[after[path]]) for path in after.keys() - before.keys()]
    removed = [_record_change(path, texts[before[path]], None) for path in before.keys() - after.keys()]
    changed = [
        _record_change(path, texts[before[path]], texts[after[path]])
        for path in before.keys() & after.keys()
        if before[path] != after[path]
    ]
    changed = [change for change in changed if change.differences or change.problems]
    return _in_book_order(added), _in_book_order(changed), _in_book_order(removed)


# --- Reading the two trees from git ------------------------------------------------------------


class _Git:
    """The few git plumbing commands the summary needs, run in one repository."""

    def __init__(self, repo: Path):
        self.repo = repo
        try:
            self.run("rev-parse", "--git-dir")
        except GitError:
            raise GitError(f"{repo} is not in a git repository: run this from the book's clone") from None

    def run(self, *arguments: str, stdin: str | None = None) -> str:
        result = subprocess.run(["git", *arguments], cwd=self.repo, input=stdin,
                                capture_output=True, text=True, encoding="utf-8", check=False)
        if result.returncode != 0:
            raise GitError(result.stderr.strip().splitlines()[0] if result.stderr.strip() else "git failed")
        return result.stdout

    def commit(self, revision: str) -> str:
        """The full commit id a revision names (refusing anything that is not a commit)."""
        try:
            return self.run("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").strip()
        except GitError:
            raise GitError(f"unknown revision {revision!r}: name a branch, tag or commit") from None

    def merge_base(self, base: str, head: str) -> str:
        """Where HEAD branched from BASE, or BASE itself when the histories never met."""
        try:
            return self.run("merge-base", base, head).strip()
        except GitError:
            return base

    def data_blobs(self, commit: str) -> dict[str, str]:
        """The blob id of every ``data/<kind>/<id>.yaml`` in a commit, by path."""
        listing = self.run("ls-tree", "-r", "-z", commit, "--", f"{DATA}/")
        blobs = {}
        for entry in filter(None, listing.split("\0")):
            meta, path = entry.split("\t", 1)
            if _is_record_path(path):
                blobs[path] = meta.split()[2]
        return blobs

    def read_blobs(self, blob_ids: set[str]) -> dict[str, str]:
        """The text of many blobs in one ``git cat-file --batch`` call."""
        ordered = sorted(blob_ids)
        raw = subprocess.run(["git", "cat-file", "--batch"], cwd=self.repo, input="\n".join(ordered).encode() + b"\n",
                             capture_output=True, check=True).stdout
        texts, offset = {}, 0
        for blob_id in ordered:
            header_end = raw.index(b"\n", offset)
            size = int(raw[offset:header_end].split()[2])
            texts[blob_id] = raw[header_end + 1:header_end + 1 + size].decode("utf-8", errors="replace")
            offset = header_end + 1 + size + 1
        return texts


def _is_record_path(path: str) -> bool:
    """Only ``data/<kind>/<id>.yaml`` files are records; anything else under data/ is not."""
    parts = PurePosixPath(path).parts
    return len(parts) == 3 and parts[1] in KINDS and parts[2].endswith(".yaml")


def _in_book_order(changes: list[RecordChange]) -> list[RecordChange]:
    """Kinds in the model's order (sources first), then ids alphabetically."""
    order = list(KINDS)
    return sorted(changes, key=lambda change: (order.index(change.kind), change.record_id))


# --- Comparing two versions of one record ----------------------------------------------------------


def _record_change(path: str, before_text: str | None, after_text: str | None) -> RecordChange:
    """Parse both sides and list the differing fields; an unreadable side is reported, not raised."""
    _, kind, file_name = PurePosixPath(path).parts
    (before, before_problem), (after, after_problem) = _parse(before_text, "old"), _parse(after_text, "new")
    problems = [problem for problem in (before_problem, after_problem) if problem]
    both_readable = before_text is not None and after_text is not None and not problems
    differences = field_differences(before, after) if both_readable else []
    if after_text is not None and _has_placeholders(after):
        problems.append("still has TODO placeholders from scripts/new.py")
    name = _record_name(after) or _record_name(before)
    return RecordChange(kind, file_name.removesuffix(".yaml"), name, differences, problems)


def _parse(text: str | None, side: str) -> tuple[object, str | None]:
    """The YAML value of one side, or the reason it could not be read."""
    if text is None:
        return None, None
    try:
        return yaml.safe_load(text), None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        return None, f"the {side} version is not readable YAML: {reason}{where}"


def field_differences(before: object, after: object, path: str = "") -> list[Difference]:
    """Every differing field, by dotted path; list items are numbered from 0, as the validator numbers them."""
    before, after = _empty_like(before, after), _empty_like(after, before)
    if isinstance(before, dict) and isinstance(after, dict):
        keys = list(before) + [key for key in after if key not in before]
        return [
            difference
            for key in keys
            for difference in field_differences(before.get(key), after.get(key), _join(path, str(key)))
        ]
    if isinstance(before, list) and isinstance(after, list):
        return _list_differences(before, after, path)
    if _display(before) == _display(after):
        return []
    return [Difference(path, before, after)]


def _list_differences(before: list, after: list, path: str) -> list[Difference]:
    """Align the two lists so an inserted item reads as one addition, not as every item changing."""
    matcher = difflib.SequenceMatcher(a=[_canonical(item) for item in before], b=[_canonical(item) for item in after],
                                      autojunk=False)
    differences: list[Difference] = []
    for operation, before_start, before_end, after_start, after_end in matcher.get_opcodes():
        if operation == "replace" and before_end - before_start == after_end - after_start:
            for offset in range(before_end - before_start):
                item_path = f"{path}[{after_start + offset}]"
                differences += field_differences(before[before_start + offset], after[after_start + offset], item_path)
        elif operation != "equal":
            differences += [Difference(f"{path}[{index}]", before[index], None)
                            for index in range(before_start, before_end)]
            differences += [Difference(f"{path}[{index}]", None, after[index])
                            for index in range(after_start, after_end)]
    return differences


def _empty_like(value: object, other: object) -> object:
    """An absent list or mapping compares as an empty one, so its items are listed one by one."""
    if value is None and isinstance(other, (list, dict)):
        return type(other)()
    return value


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _canonical(value: object) -> str:
    """A stable text form of any YAML value, for comparing list items."""
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def _has_placeholders(value: object) -> bool:
    """Whether any value still holds a scaffold placeholder ("TODO: ...", "todo-...")."""
    if isinstance(value, dict):
        return any(_has_placeholders(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_placeholders(item) for item in value)
    return isinstance(value, str) and (value.startswith("todo-") or "TODO" in value)


def _record_name(record: object) -> str | None:
    """The record's title, name, label or term, whichever it has."""
    if not isinstance(record, dict):
        return None
    return next((str(record[name]) for name in NAME_FIELDS if record.get(name)), None)


# --- Markdown ----------------------------------------------------------------------------------------


def render_markdown(changes: Changes) -> str:
    """The summary: counts, then the added, changed and removed records."""
    counts = f"{len(changes.added)} added, {len(changes.changed)} changed, {len(changes.removed)} removed"
    span = f"`{changes.base[:7]}`...`{changes.head[:7]}`"
    if not (changes.added or changes.changed or changes.removed):
        return f"## Data changes\n\nNo records added, changed or removed ({span}).\n"
    lines = ["## Data changes", "", f"Records {counts} ({span}).", ""]
    lines += _render_section("Added", changes.added, with_fields=False)
    lines += _render_section("Changed", changes.changed, with_fields=True)
    lines += _render_section("Removed", changes.removed, with_fields=False)
    return "\n".join(lines)


def _render_section(title: str, records: list[RecordChange], with_fields: bool) -> list[str]:
    """A heading, then a list of records, or for changed records a sub-heading and table each."""
    if not records:
        return []
    if not with_fields:
        entries = [f"- {_render_record(record)}" for record in records]
        return [f"### {title}", "", *entries, ""]
    lines = [f"### {title}", ""]
    for record in records:
        lines += [f"#### {_render_record(record)}", ""] + _render_table(record)
    return lines


def _render_record(record: RecordChange) -> str:
    """The record's kind/id and name, then any warning about it."""
    name = f": {_cell(record.name)}" if record.name else ""
    warnings = "".join(f" ⚠️ {_cell(problem)}." for problem in record.problems)
    return f"`{record.kind}/{record.record_id}`{name}{warnings}"


def _render_table(record: RecordChange) -> list[str]:
    """One row per differing field: where, before and after."""
    if not record.differences:
        return []
    rows = [f"| `{row.path}` | {_display(row.before)} | {_display(row.after)} |" for row in record.differences]
    return ["| Field | Before | After |", "| --- | --- | --- |", *rows, ""]


def _display(value: object) -> str:
    """A value as one table cell: text as it reads, structures inline."""
    if value is None:
        return ABSENT
    return _cell(_inline(value))


def _inline(value: object, nested: bool = False) -> str:
    """Lists as ``a, b``, mappings as ``key: value; key: value``, bracketed when inside another."""
    if isinstance(value, dict):
        text = "; ".join(f"{key}: {_inline(item, nested=True)}" for key, item in value.items())
    elif isinstance(value, list):
        text = ", ".join(_inline(item, nested=True) for item in value)
    elif isinstance(value, bool):
        return "true" if value else "false"
    else:
        return "null" if value is None else str(value)
    return f"[{text}]" if nested else text


def _cell(text: str) -> str:
    """Keep a value inside its table cell and out of the page's HTML."""
    return html.escape(" ".join(text.split()), quote=False).replace("|", "\\|")


if __name__ == "__main__":
    sys.exit(main())
