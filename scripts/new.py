#!/usr/bin/env python3
"""Start a new record: write data/<kind>/<id>.yaml, valid and commented, to fill in.

Usage: python scripts/new.py KIND ID [--source SOURCE_ID] [--data DIR] [--today YYYY-MM-DD]
       (or: make new KIND=events ID=putin-moscow-2025 SOURCE=reuters-2023)

The file is generated from the kind's model in briefing/model.py, so it always has
exactly the fields the validator expects: every required field with a placeholder
of the right type (marked ``# TODO``), which the validator refuses, located, until it
is replaced with what the sources say; every optional field commented out with its
type, and ``reviewed:`` set to today. Kinds whose records cite sources need
``--source``, an existing id from data/sources, which the placeholders cite.

Exit status: 0 written; 1 refused (malformed or taken id, unknown source), nothing
written; 2 the command line was not understood.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
import textwrap
import types
import typing
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

# Run as `python scripts/new.py` from the repository root: make `briefing` importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.messages import did_you_mean  # noqa: E402
from briefing.model import ID_PATTERN, KINDS, KIND_NAMES, PLACEHOLDER_ADVICE, Ref, kind_named  # noqa: E402

MAX_ID_LENGTH = 80
# Scaffold lines stay this short, well inside the YAML linter's limit.
MAX_LINE = 100


class Refused(Exception):
    """The record cannot be started as asked; the message says what to do instead."""


@dataclass(frozen=True)
class Request:
    """What to scaffold, and the values the placeholders are built from."""

    kind: str
    record_id: str
    source: str | None
    today: datetime.date


@dataclass(frozen=True)
class Slot:
    """One field of a model: its name and type, and whether and how it may be left out."""

    name: str
    annotation: object
    required: bool
    default: object


@dataclass(frozen=True)
class Leaf:
    """A placeholder for one scalar, and the hint that tells the editor what belongs there."""

    value: object
    hint: str


def main(argv: list[str] | None = None) -> int:
    """Write the scaffold, or explain why not without writing anything."""
    arguments = _parse_arguments(argv)
    request = Request(arguments.kind, arguments.id, arguments.source, arguments.today)
    path = arguments.data / request.kind / f"{request.record_id}.yaml"
    try:
        _check_request(request, path, arguments.data)
        text = scaffold(request)
    except Refused as refusal:
        print(f"new.py: {refusal}", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    print(f"wrote {path}: replace every TODO with what the sources say, then run make validate")
    return 0


def scaffold(request: Request) -> str:
    """The commented YAML text of a new record, checked against its model before it is returned."""
    model = KINDS[request.kind]
    lines = _header(request, model) + _render_model(model, request, indent="", commented=False)
    text = "\n".join(lines) + "\n"
    try:
        model.model_validate(yaml.safe_load(text))
    except ValidationError as error:
        # The placeholders are meant to be refused until replaced; anything else means a
        # model this generator does not yet understand.
        if not _only_placeholders(error):
            raise RuntimeError(f"the {request.kind} scaffold does not validate:\n{error}") from error
    return text


# --- Checks before anything is written ---------------------------------------------------------


def _check_request(request: Request, path: Path, data: Path) -> None:
    """Refuse a malformed or taken id, and a source that is missing or does not exist."""
    _check_id(request.record_id)
    if path.exists():
        raise Refused(f"{path} already exists: edit that file, or choose another id")
    if request.source is not None and not (data / "sources" / f"{request.source}.yaml").exists():
        raise Refused(f"there is no source {request.source!r}; {_known_sources(data)}")
    if request.source is None and _cites_sources(KINDS[request.kind]):
        raise Refused(f"{request.kind} cite their sources: pass --source ID; {_known_sources(data)}")


def _check_id(record_id: str) -> None:
    """An id is the file name and the page address: lowercase words joined by single hyphens."""
    if re.fullmatch(ID_PATTERN, record_id) and len(record_id) <= MAX_ID_LENGTH:
        return
    suggestion = re.sub(r"[^a-z0-9]+", "-", record_id.lower()).strip("-")[:MAX_ID_LENGTH].strip("-")
    advice = f"; did you mean {suggestion!r}?" if suggestion else ""
    raise Refused(
        f"malformed id {record_id!r}: use lowercase letters, digits and single hyphens, "
        f"at most {MAX_ID_LENGTH} characters, like putin-pyongyang-2024{advice}"
    )


def _cites_sources(model: type[BaseModel]) -> bool:
    """Whether the required fields of ``model`` (at any depth) cite a source."""
    for field in model.model_fields.values():
        if not field.is_required():
            continue
        shape = _without_wrappers(field.rebuild_annotation())
        inner = _item_type(shape) or shape
        if _refers_to(inner) == "sources" or (_is_model(inner) and _cites_sources(inner)):
            return True
    return False


# How many source ids an error message lists before pointing at the folder instead.
KNOWN_SOURCES_SHOWN = 8


def _known_sources(data: Path) -> str:
    """The ids an editor may pass to --source, or where to start when there are none."""
    known = sorted(path.stem for path in (data / "sources").glob("*.yaml"))
    if not known:
        return "add the article first: python scripts/new.py sources ID"
    if len(known) <= KNOWN_SOURCES_SHOWN:
        return "known sources: " + ", ".join(known)
    # A book cites hundreds of sources: a few, and where the rest are listed.
    shown = ", ".join(known[:KNOWN_SOURCES_SHOWN])
    return f"{len(known)} known sources, listed in {data / 'sources'}/ (the first: {shown}, ...)"


# --- Rendering: the model's fields, in the model's order, as YAML lines ---------------------


def _header(request: Request, model: type[BaseModel]) -> list[str]:
    """The editor-support modeline, then how to fill the file in."""
    return [
        f"# yaml-language-server: $schema=../../schemas/{request.kind}.schema.json",
        f"# A new record of {request.kind}, generated by scripts/new.py from {model.__name__} in briefing/model.py.",
        "# Replace every value marked TODO with what the sources say; uncomment the optional",
        "# fields the sources support and delete the rest. Then run: make validate",
        "# The rules of the house (sourcing, wording, dates, names) are in CONTRIBUTING.md.",
    ]


def _render_model(model: type[BaseModel], request: Request, indent: str, commented: bool) -> list[str]:
    """One block of lines per field, in the model's order."""
    lines: list[str] = []
    for name, field in model.model_fields.items():
        slot = Slot(name, field.rebuild_annotation(), field.is_required() or name == "reviewed",
                    None if field.is_required() else field.get_default(call_default_factory=True))
        lines += _render_field(slot, request, indent, commented)
    return lines


def _render_field(slot: Slot, request: Request, indent: str, commented: bool) -> list[str]:
    """``name: value`` for scalars, ``name:`` and a block for models.

    An optional field is rendered whole and then commented out with one ``# `` at
    its own indentation, so an editor's "toggle comment" restores valid YAML.
    """
    if not slot.required and not commented:
        return [f"{indent}# {line}" for line in _render_field(slot, request, "", commented=True)]
    shape = _without_wrappers(slot.annotation)
    item = _item_type(shape)
    if _is_model(shape):
        return [f"{indent}{slot.name}:"] + _render_model(shape, request, indent + "  ", commented)
    if _is_model(item):
        return [f"{indent}{slot.name}:"] + _as_list_item(_render_model(item, request, indent + "    ", commented))
    return _line(indent, slot, _leaf(slot, request), commented)


def _as_list_item(block: list[str]) -> list[str]:
    """Mark a model's block as one list item: a dash before its first key, comments above it aligned."""
    first = next(index for index, line in enumerate(block) if not line.lstrip().startswith("#"))
    key_line = block[first].lstrip()
    dash_indent = block[first][: len(block[first]) - len(key_line) - 2]
    return [line[2:] for line in block[:first]] + [f"{dash_indent}- {key_line}"] + block[first + 1:]


def _line(indent: str, slot: Slot, leaf: Leaf, commented: bool) -> list[str]:
    """A key, its placeholder and its hint: TODO where the editor must act, "optional" where not.

    A hint too long to trail a value the editor must change goes on comment lines above it.
    """
    hint = leaf.hint.removeprefix("TODO: ") if commented else leaf.hint
    if not slot.required:
        hint = f"optional; {hint}"
    line = f"{indent}{slot.name}: {_yaml_scalar(leaf.value)}"
    if not hint:
        return [line]
    if commented or len(line) + len(hint) + 4 <= MAX_LINE:
        return [f"{line}  # {hint}"]
    wrapped = textwrap.wrap(hint, MAX_LINE - len(indent) - 4, break_on_hyphens=False)
    above = [f"{indent}# {wrapped[0]}"] + [f"{indent}#   {part}" for part in wrapped[1:]]
    return above + [f"{line}  # TODO"]


def _yaml_scalar(value: object) -> str:
    """YAML for one scalar or flow list, quoted wherever a bare value would change type."""
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return dumped.removesuffix("\n...\n").strip()


# --- Placeholders: a value the model accepts, chosen without knowing the field's meaning ------


def _leaf(slot: Slot, request: Request) -> Leaf:
    """The placeholder for a scalar field, or a list of scalars, and its hint."""
    name, annotation = slot.name, slot.annotation
    if name == "id":
        return Leaf(request.record_id, "")
    if name == "reviewed":
        return Leaf(request.today.isoformat(), "the day you last checked this record against its sources")
    shape = _without_wrappers(annotation)
    if _refers_to(_item_type(shape) or shape) == "sources" and request.source:
        value = [request.source] * _min_items(annotation) if _item_type(shape) else request.source
        return Leaf(value, "ids from data/sources that say so")
    if typing.get_origin(shape) is list:
        return _list_leaf(name, shape, _min_items(annotation), request)
    if slot.default not in (None, [], ""):
        return Leaf(slot.default, _scalar_leaf(name, shape, request).hint.removeprefix("TODO: "))
    return _scalar_leaf(name, shape, request)


def _list_leaf(name: str, shape: object, count: int, request: Request) -> Leaf:
    """A list of scalars: as many example items as the model requires, at least one."""
    item = _scalar_leaf(name, _item_type(shape), request)
    values = _distinct_examples(_item_type(shape), item.value, count)
    each = item.hint.removeprefix("TODO: ")
    if each.startswith("one of"):
        return Leaf(values, "TODO: one or more of" + each.removeprefix("one of"))
    return Leaf(values, f"TODO: a list, each {each}")


def _distinct_examples(item: object, example: object, count: int) -> list[object]:
    """``count`` example items; different choices where the item type is a list of choices."""
    choices = typing.get_args(item) if typing.get_origin(item) is typing.Literal else ()
    if len(choices) >= count:
        return list(choices[:count])
    return [example] * count


def _scalar_leaf(name: str, shape: object, request: Request) -> Leaf:
    """The first candidate the type accepts: text, an id, a date, a number, a URL."""
    if typing.get_origin(shape) is typing.Literal:
        choices = typing.get_args(shape)
        if len(choices) == 1:
            return Leaf(choices[0], "the only value allowed")
        return Leaf(choices[0], "TODO: one of " + ", ".join(str(choice) for choice in choices))
    if shape is bool:
        return Leaf(False, "true or false")
    candidates = [
        (f"TODO: {name.replace('_', ' ')}", "TODO: text"),
        (f"todo-{name.replace('_', '-')}", _pattern_hint(shape)),
        (request.today.isoformat(), "TODO: a date, YYYY or YYYY-MM or YYYY-MM-DD, only as precise as the sources"),
        (0, "TODO: a number"),
        ("https://TODO", "TODO: an https:// address"),
    ]
    for value, hint in candidates:
        if _accepts(shape, value):
            return Leaf(value, hint)
    raise RuntimeError(f"no placeholder fits field {name!r} of type {shape!r}; teach scripts/new.py one")


def _pattern_hint(shape: object) -> str:
    """Say which folder an id comes from; show any other pattern as it is."""
    if _refers_to(shape):
        return f"TODO: an id from data/{_refers_to(shape)}"
    patterns = [getattr(constraint, "pattern", None) for constraint in _constraints(shape)]
    pattern = next((pattern for pattern in patterns if pattern), ID_PATTERN)
    if pattern == ID_PATTERN:
        return "TODO: an id (lowercase words joined by hyphens)"
    return f"TODO: text matching {pattern}"


def _accepts(shape: object, value: object) -> bool:
    """Whether the model's type (with its validators) takes ``value`` as written in YAML.

    Being a placeholder is the one fault a placeholder must have: the validator refuses
    it until the editor writes what the sources say.
    """
    try:
        TypeAdapter(shape).validate_python(value, strict=True)
    except ValidationError as error:
        return _only_placeholders(error)
    return True


def _only_placeholders(error: ValidationError) -> bool:
    return all(PLACEHOLDER_ADVICE in item["msg"] for item in error.errors())


# --- Reading the model's annotations --------------------------------------------------------------


def _without_wrappers(annotation: object) -> object:
    """Strip ``Optional[...]``; keep ``Annotated`` on scalars, where its validators matter."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = [member for member in typing.get_args(annotation) if member is not type(None)]
        if len(members) == 1:
            return _without_wrappers(members[0])
    if typing.get_origin(annotation) is typing.Annotated:
        base = typing.get_args(annotation)[0]
        if _is_model(base) or typing.get_origin(base) in (list, typing.Union, types.UnionType):
            return _without_wrappers(base)
    return annotation


def _item_type(shape: object) -> object:
    """The item type of a list type, or None for anything else."""
    if typing.get_origin(shape) is list:
        return _without_wrappers(typing.get_args(shape)[0])
    return None


def _constraints(annotation: object) -> list[object]:
    """The constraints attached to an ``Annotated`` type, unpacking pydantic's ``Field(...)``."""
    if typing.get_origin(annotation) is not typing.Annotated:
        return []
    constraints: list[object] = []
    for metadata in typing.get_args(annotation)[1:]:
        constraints += [metadata, *getattr(metadata, "metadata", [])]
    return constraints


def _min_items(annotation: object) -> int:
    """How many items a list must hold (at least one is shown, as an example)."""
    return max([getattr(constraint, "min_length", 1) or 1 for constraint in _constraints(annotation)] + [1])


def _refers_to(shape: object) -> str | None:
    """The kind an id field points at, from the model's ``Ref`` mark; None if it is no reference."""
    return next((constraint.kind for constraint in _constraints(shape) if isinstance(constraint, Ref)), None)


def _is_model(shape: object) -> bool:
    return isinstance(shape, type) and issubclass(shape, BaseModel)


# --- Command line -------------------------------------------------------------------------------------


def _kind(name: str) -> str:
    """The kind's folder for its plural or singular name; a usage error naming the kinds otherwise."""
    kind = kind_named(name)
    if kind is None:
        hint = did_you_mean(name, list(KIND_NAMES))
        raise argparse.ArgumentTypeError(f"no kind {name!r}; {hint + ' ' if hint else ''}the kinds are "
                                         + ", ".join(sorted(KINDS)))
    return kind


def _parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", type=_kind, metavar="KIND",
                        help="the kind, singular or plural: " + ", ".join(sorted(KINDS)))
    parser.add_argument("id", help="the new record's id, which is also its file name")
    parser.add_argument("--source", metavar="SOURCE_ID", help="an id from data/sources for the placeholders to cite")
    parser.add_argument("--data", type=Path, default=Path("data"), metavar="DIR", help="the data folder")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(),
                        metavar="YYYY-MM-DD", help="the date for reviewed: and date placeholders")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
