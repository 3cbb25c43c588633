"""The data downloads (visuals/downloads.py): complete, and equal to the YAML they come from."""

from __future__ import annotations

import csv
import json
import zipfile

import pytest

from briefing.model import KINDS
from briefing.schema import render_json_schema
from visuals.downloads import CSV_ENCODING, csv_columns, records_from_csv, write_downloads

ROOT_SCHEMAS = "schemas"


@pytest.fixture(scope="module")
def schema_dir(tmp_path_factory):
    """The editors' schemas as scripts/schemas.py writes them."""
    folder = tmp_path_factory.mktemp("schemas")
    for kind in KINDS:
        (folder / f"{kind}.schema.json").write_text(render_json_schema(kind), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def downloads(dataset, schema_dir, tmp_path_factory):
    return write_downloads(dataset, tmp_path_factory.mktemp("downloads"), schema_dir, as_of="2024-06-19")


def test_the_json_equals_the_yaml_record_for_record(dataset, downloads):
    data = json.loads(downloads["json"].read_text("utf-8"))
    assert data["format"] == "briefing-book-data/1" and data["as_of"] == "2024-06-19"
    assert set(data["records"]) == set(KINDS)
    for kind, model in KINDS.items():
        expected = [record.model_dump(mode="json") for _, record in sorted(dataset.kind(kind).items())]
        assert data["records"][kind] == expected, kind
        # ... and it validates back into the very same records.
        assert [model.model_validate(item) for item in data["records"][kind]] == \
            [record for _, record in sorted(dataset.kind(kind).items())]


def test_each_csv_table_reads_back_into_the_same_records(dataset, downloads):
    for kind in KINDS:
        assert records_from_csv(downloads[f"csv/{kind}"], kind) == \
            [record for _, record in sorted(dataset.kind(kind).items())], kind


def test_the_csv_key_columns_equal_the_yaml(dataset, downloads):
    with downloads["csv/events"].open(encoding=CSV_ENCODING, newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert set(rows) == set(dataset.kind("events"))
    vostochny = rows["vostochny-summit-2023"]
    assert (vostochny["date.start"], vostochny["place"], vostochny["countries"]) == \
        ("2023-09-13", "vostochny-cosmodrome", "russia north-korea")
    assert json.loads(vostochny["participants"])[0]["person"] == "vladimir-putin"
    with downloads["csv/statistics"].open(encoding=CSV_ENCODING, newline="") as handle:
        values = {row["id"]: (row["value"], row["unit"], row["qualifier"]) for row in csv.DictReader(handle)}
    assert values["munitions-containers-to-russia"] == ("10000", "shipping containers", "more than")


def test_every_table_has_the_models_columns_even_when_the_data_leaves_them_empty(downloads):
    with downloads["csv/places"].open(encoding=CSV_ENCODING, newline="") as handle:
        header = next(csv.reader(handle))
    assert header == [column.name for column in csv_columns(KINDS["places"])]
    assert {"coordinates.lat", "coordinates.lon", "coordinates.reference"} <= set(header)


def test_the_zip_holds_every_table(downloads):
    with zipfile.ZipFile(downloads["zip"]) as archive:
        assert sorted(archive.namelist()) == sorted(f"csv/{kind}.csv" for kind in KINDS)
        assert archive.read("csv/events.csv") == downloads["csv/events"].read_bytes()


def test_the_schemas_are_copied_unchanged(downloads, schema_dir):
    for kind in KINDS:
        assert downloads[f"schemas/{kind}"].read_bytes() == (schema_dir / f"{kind}.schema.json").read_bytes()


def test_a_missing_schema_stops_the_build(dataset, tmp_path):
    with pytest.raises(FileNotFoundError, match="events.schema.json"):
        write_downloads(dataset, tmp_path / "out", tmp_path / "no-schemas")


def test_downloads_are_the_same_bytes_on_every_build(dataset, schema_dir, downloads, tmp_path):
    again = write_downloads(dataset, tmp_path, schema_dir, as_of="2024-06-19")
    assert all(again[name].read_bytes() == path.read_bytes() for name, path in downloads.items())
