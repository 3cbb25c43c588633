"""The fixture book (tests/fixtures/site/data), loaded once for the rendering tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.book import Book, open_book

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "site" / "data"


@pytest.fixture(scope="session")
def book() -> Book:
    return open_book(FIXTURE_DATA, ROOT)
