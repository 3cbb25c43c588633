"""What the model says about its own shape, read from briefing/model.py alone.

Three users need the same facts and must not keep their own copies of them:
the loader (which fields a mapping may have, for "did you mean" hints), the
integrity checks (which fields hold ids of other records, and of which kind,
wherever they are nested), and editors' IDEs (a JSON Schema per kind).
"""

from __future__ import annotations

import functools
import json
import typing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pydantic import BaseModel

from briefing.model import KINDS, Record, Ref

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class FieldShape:
    """One field: the model its value (or each list item) is, and the kind its ids refer to."""

    name: str
    model: type[Record] | None
    ref: str | None


@functools.cache
def shape(model: type[Record]) -> tuple[FieldShape, ...]:
    """The fields of ``model`` with their nested model and reference kind, in model order."""
    return tuple(
        FieldShape(name, _first_model(info.annotation), _first_ref([*info.metadata, info.annotation]))
        for name, info in model.model_fields.items()
    )


def field_names(model: type[Record] | None) -> list[str]:
    """The keys a mapping of ``model`` may have ([] when there is no model there)."""
    return [field.name for field in shape(model)] if model else []


def model_at(model: type[Record], path: Sequence[str | int]) -> type[Record] | None:
    """The model of the mapping at ``path`` (list indices are skipped), or None for a scalar."""
    current: type[Record] | None = model
    for step in path:
        if isinstance(step, int):
            continue
        field = next((field for field in shape(current) if field.name == step), None) if current else None
        current = field.model if field else None
    return current


@functools.cache
def links(model: type[Record]) -> tuple[FieldShape, ...]:
    """Only the fields holding nested models or references: all that the walks below visit."""
    return tuple(field for field in shape(model) if field.model is not None or field.ref is not None)


def walk(record: Record, path: FieldPath = ()) -> Iterator[tuple[FieldPath, Record]]:
    """``record`` and every model nested in it, each with its path from the top."""
    yield path, record
    for field, item_path, item in _items(record, path):
        if field.model is not None and isinstance(item, BaseModel):
            yield from walk(item, item_path)


def references(record: Record) -> Iterator[tuple[FieldPath, str, str]]:
    """Every id in ``record`` that names another record: (path, kind it refers to, id)."""
    for path, model in walk(record):
        yield from own_references(model, path)


def own_references(model: Record, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str, str]]:
    """The ids in ``model``'s own fields (not in the models nested in it), for one-pass walks."""
    for field, item_path, item in _items(model, path):
        if field.ref is not None and isinstance(item, str):
            yield item_path, field.ref, item


def _items(model: Record, path: FieldPath) -> Iterator[tuple[FieldShape, FieldPath, object]]:
    """Each linking field's value, or each item of a list value, with its path."""
    for field in links(type(model)):
        value = getattr(model, field.name)
        if isinstance(value, list):
            yield from ((field, (*path, field.name, index), item) for index, item in enumerate(value))
        elif value is not None:
            yield field, (*path, field.name), value


def _parts(annotation: object) -> Iterator[object]:
    """Every type and ``Annotated`` mark inside an annotation (through lists, unions, Annotated)."""
    if typing.get_origin(annotation) is typing.Annotated:
        base, *marks = typing.get_args(annotation)
        yield from marks
        yield from _parts(base)
        return
    yield annotation
    for argument in typing.get_args(annotation):
        yield from _parts(argument)


def _first_model(annotation: object) -> type[Record] | None:
    return next((part for part in _parts(annotation) if isinstance(part, type) and issubclass(part, Record)), None)


def _first_ref(annotations: list[object]) -> str | None:
    marks = (part for annotation in annotations for part in _parts(annotation))
    return next((mark.kind for mark in marks if isinstance(mark, Ref)), None)


# --- JSON Schema for editors ---------------------------------------------------------------------


def json_schema(kind: str) -> dict:
    """The JSON Schema of one kind's files, for editors' YAML language servers."""
    schema = KINDS[kind].model_json_schema()
    return {"$schema": JSON_SCHEMA_DIALECT, "$comment": f"Generated from briefing/model.py by scripts/schemas.py; "
            f"do not edit. Files: data/{kind}/<id>.yaml", **schema}


def render_json_schema(kind: str) -> str:
    """The text of ``schemas/<kind>.schema.json``: the same bytes for the same model."""
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def schema_file_name(kind: str) -> str:
    return f"{kind}.schema.json"
