"""The cover's facts: how current the data is, and which build of the book this is."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

from briefing.dataset import load_dataset
from editions.metadata import book_version, data_as_of, edition_date
from macros.dates import format_partial_date

ROOT = Path(__file__).resolve().parents[2]


def test_the_cover_is_as_of_the_books_data_cut_off_in_words():
    dataset = load_dataset(ROOT / "data")
    # The one date of data/book.yaml, as the site's home page and citations print it.
    assert data_as_of(dataset) == format_partial_date(dataset.edition.as_of)
    assert data_as_of(dataset).endswith(dataset.edition.as_of[:4]) and not data_as_of(dataset)[0].isalpha()


def test_version_comes_from_git_in_a_checkout():
    assert book_version(ROOT) not in ("", "unversioned")


def test_version_falls_back_to_a_version_file_outside_git(tmp_path):
    (tmp_path / "VERSION").write_text("1.4.0\n", "utf-8")
    assert book_version(tmp_path) == "1.4.0"


def test_version_says_unversioned_with_neither(tmp_path):
    assert book_version(tmp_path) == "unversioned"


def test_the_edition_is_the_day_its_version_was_committed():
    committed = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=ROOT, capture_output=True, text=True,
                               check=True).stdout.strip()
    assert edition_date(ROOT) == format_partial_date(committed)


def test_the_edition_outside_git_is_the_day_of_the_build(tmp_path):
    assert edition_date(tmp_path) == format_partial_date(datetime.date.today().isoformat())
