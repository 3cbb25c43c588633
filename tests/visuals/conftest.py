"""The book's real data, and small variations of it, for the visuals' tests.

The visuals are drawn from the real data (what the site shows) and from
copies with one record added or changed (the edge cases the data does not
have yet: a series in mixed units, a place with no coordinates...).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.dataset import Dataset, load_dataset
from briefing.model import KINDS

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset(ROOT / "data")


@pytest.fixture
def variant(dataset):
    """``variant(kind=[dict, ...], ...)``: the real data with those records added or replaced."""

    def make(**changes: list[dict]) -> Dataset:
        records = {kind: dict(items) for kind, items in dataset.records.items()}
        for kind, items in changes.items():
            for item in items:
                records[kind][item["id"]] = KINDS[kind].model_validate(item)
        return replace(dataset, records=records)

    return make


@pytest.fixture
def parse_svg():
    """Parse an SVG file as XML (a malformed file fails here) and return its root."""

    def parse(path: Path) -> ET.Element:
        return ET.parse(path).getroot()

    return parse


@pytest.fixture
def svg_links():
    """Every link target in an SVG, in document order."""

    def links(root: ET.Element) -> list[str]:
        return [anchor.get(XLINK_HREF) or anchor.get("href") for anchor in root.iter(f"{SVG}a")]

    return links


@pytest.fixture
def svg_text():
    """All the visible text of an SVG (its <text> elements) joined by spaces."""

    def text(root: ET.Element) -> str:
        return " ".join("".join(element.itertext()) for element in root.iter(f"{SVG}text"))

    return text
