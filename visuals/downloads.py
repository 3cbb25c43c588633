"""The data itself, for analysts: one JSON file, a CSV table per kind, and the JSON Schemas.

- ``briefing-book.json``: every record of every kind, as the model dumps it
  (all fields, defaults included), records sorted by id;
- ``csv/<kind>.csv`` (and all of them in ``briefing-book-csv.zip``): one row
  per record. A nested record (a date, coordinates, a summary statement) is
  spread over dotted columns (``date.start``, ``date.end``...); a list of ids
  or country codes is one cell, space-separated (ids never contain spaces);
  any other list (aliases, caveats, participants...) is one cell of JSON.
  The columns come from the model, so every kind's header is the same
  whatever the data holds. UTF-8 with a byte-order mark, so that spreadsheet
  programs show Hangul and Cyrillic correctly;
- ``schemas/<kind>.schema.json``: copies of the editors' schemas.

``records_from_csv`` reads a table back into records: the round-trip tests
use it, and so can anyone who wants the CSV as typed data again.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import types
import typing
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from briefing.dataset import Dataset
from briefing.model import KINDS, Record
from briefing.schema import schema_file_name, shape

JSON_NAME = "briefing-book.json"
ZIP_NAME = "briefing-book-csv.zip"
FORMAT = "briefing-book-data/1"
CSV_ENCODING = "utf-8-sig"
# A fixed timestamp inside the zip: the same data gives the same bytes.
ZIP_DATE = (2000, 1, 1, 0, 0, 0)

Form = Literal["text", "number", "bool", "ids", "json"]


@dataclass(frozen=True)
class Column:
    """One CSV column: the path to its value in a record, and how the cell encodes it."""

    path: tuple[str, ...]
    form: Form

    @property
    def name(self) -> str:
        return ".".join(self.path)


def write_downloads(dataset: Dataset, out_dir: Path, schema_dir: Path, as_of: str | None = None) -> dict[str, Path]:
    """Write the JSON, the CSV tables (and their zip) and the schema copies; return them by name."""
    _check_schemas(schema_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {"json": _write_json(dataset, out_dir / JSON_NAME, as_of)}
    for kind in KINDS:
        written[f"csv/{kind}"] = _write_csv(dataset, kind, out_dir / "csv" / f"{kind}.csv")
    written["zip"] = _write_zip([written[f"csv/{kind}"] for kind in KINDS], out_dir / ZIP_NAME)
    for kind in KINDS:
        written[f"schemas/{kind}"] = _copy_schema(schema_dir, kind, out_dir / "schemas")
    return written


# --- JSON ----------------------------------------------------------------------------------


def dataset_as_json(dataset: Dataset, as_of: str | None = None) -> dict:
    """The whole data set as plain JSON values: kind -> records sorted by id."""
    records = {kind: [record.model_dump(mode="json") for _, record in sorted(dataset.kind(kind).items())]
               for kind in KINDS}
    header = {"format": FORMAT} | ({"as_of": as_of} if as_of else {})
    return header | {"records": records}


def _write_json(dataset: Dataset, path: Path, as_of: str | None) -> Path:
    text = json.dumps(dataset_as_json(dataset, as_of), ensure_ascii=False, indent=1)
    path.write_text(text + "\n", encoding="utf-8")
    return path


# --- CSV ------------------------------------------------------------------------------------


def csv_columns(model: type[Record], prefix: tuple[str, ...] = ()) -> list[Column]:
    """The columns of a kind's table, in model order, nested records spread out."""
    columns: list[Column] = []
    for field in shape(model):
        path = (*prefix, field.name)
        annotation = model.model_fields[field.name].annotation
        if _is_list(annotation):
            columns.append(Column(path, "ids" if field.ref or _is_literal_list(annotation) else "json"))
        elif field.model is not None:
            columns.extend(csv_columns(field.model, path))
        else:
            columns.append(Column(path, _scalar_form(annotation)))
    return columns


def _write_csv(dataset: Dataset, kind: str, path: Path) -> Path:
    columns = csv_columns(KINDS[kind])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(column.name for column in columns)
    for _, record in sorted(dataset.kind(kind).items()):
        writer.writerow(_encode(_value_at(record, column.path), column.form) for column in columns)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buffer.getvalue(), encoding=CSV_ENCODING)
    return path


def _value_at(record: BaseModel, path: tuple[str, ...]) -> object:
    value: object = record
    for name in path:
        value = getattr(value, name) if value is not None else None
    return value


def _encode(value: object, form: Form) -> str:
    """A value as cell text; an absent value is an empty cell."""
    if value is None or (form == "ids" and not value):
        return ""
    if form == "bool":
        return "true" if value else "false"
    if form == "ids":
        return " ".join(value)
    if form == "json":
        return json.dumps([_plain(item) for item in value], ensure_ascii=False) if value else ""
    return str(value)


def _plain(item: object) -> object:
    return item.model_dump(mode="json") if isinstance(item, BaseModel) else item


def records_from_csv(path: Path, kind: str) -> list[Record]:
    """Read a table written by ``write_downloads`` back into validated records."""
    model = KINDS[kind]
    columns = {column.name: column for column in csv_columns(model)}
    with path.open(encoding=CSV_ENCODING, newline="") as handle:
        return [model.model_validate(_nest({name: _decode(text, columns[name].form)
                                            for name, text in row.items() if text != ""}))
                for row in csv.DictReader(handle)]


def _decode(text: str, form: Form) -> object:
    if form == "bool":
        return text == "true"
    if form == "number":
        return float(text) if any(mark in text for mark in ".eE") else int(text)
    if form == "ids":
        return text.split(" ")
    if form == "json":
        return json.loads(text)
    return text


def _nest(flat: dict[str, object]) -> dict:
    """{"date.start": "2019"} -> {"date": {"start": "2019"}}."""
    nested: dict = {}
    for name, value in flat.items():
        *parents, last = name.split(".")
        target = nested
        for parent in parents:
            target = target.setdefault(parent, {})
        target[last] = value
    return nested


# --- The annotations that decide a column's form ------------------------------------------------


def _arms(annotation: object) -> list[object]:
    """The alternatives of an annotation, through Annotated and Optional/Union."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _arms(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [arm for argument in typing.get_args(annotation) for arm in _arms(argument)]
    return [annotation]


def _is_list(annotation: object) -> bool:
    return any(typing.get_origin(arm) is list for arm in _arms(annotation))


def _is_literal_list(annotation: object) -> bool:
    items = [typing.get_args(arm)[0] for arm in _arms(annotation) if typing.get_origin(arm) is list]
    return any(typing.get_origin(inner) is Literal for item in items for inner in _arms(item))


def _scalar_form(annotation: object) -> Form:
    arms = [arm for arm in _arms(annotation) if arm is not type(None)]
    if bool in arms:
        return "bool"
    if any(arm in (int, float) for arm in arms):
        return "number"
    return "text"


# --- Zip and schemas ------------------------------------------------------------------------------


def _write_zip(paths: list[Path], path: Path) -> Path:
    """All tables in one archive, with fixed dates and order so that it builds reproducibly."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in paths:
            info = zipfile.ZipInfo(f"csv/{table.name}", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, table.read_bytes())
    return path


def _check_schemas(schema_dir: Path) -> None:
    """Every kind's schema must exist before anything is written: a missing one is an error, not a broken link."""
    missing = [name for name in map(schema_file_name, KINDS) if not (schema_dir / name).is_file()]
    if missing:
        raise FileNotFoundError(f"missing in {schema_dir}: {', '.join(missing)} (run scripts/schemas.py)")


def _copy_schema(schema_dir: Path, kind: str, out_dir: Path) -> Path:
    source = schema_dir / schema_file_name(kind)
    out_dir.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copyfile(source, out_dir / source.name))
