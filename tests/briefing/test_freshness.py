"""Freshness: records not reviewed within the period are reported as warnings, never errors."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from briefing.dataset import load_dataset
from briefing.freshness import (
    DEFAULT_STALE_AFTER_DAYS,
    STALE_AFTER_VARIABLE,
    overdue_records,
    stale_after_days,
    warning_lines,
)
from briefing.model import KINDS

TODAY = datetime.date(2026, 11, 24)


def _write_topic(root: Path, topic_id: str, reviewed: str | None) -> None:
    """A minimal valid topic, citing the one source the data set holds (see ``dataset``)."""
    lines = [f"id: {topic_id}", f"title: {topic_id.title()}", "description: A theme the book follows.",
             "sources: [src-a]"]
    if reviewed:
        lines.append(f"reviewed: {reviewed}")
    (root / "topics").mkdir(parents=True, exist_ok=True)
    (root / "topics" / f"{topic_id}.yaml").write_text("\n".join(lines) + "\n", "utf-8")


@pytest.fixture
def dataset(tmp_path: Path):
    """Four topics: never reviewed, reviewed 400 days ago, exactly a year ago, and last week."""
    (tmp_path / "book.yaml").write_text("as_of: 2026-11-24\n", "utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "src-a.yaml").write_text(
        "id: src-a\ntitle: An article\nkind: seed-article\npublished: {start: 2019}\nlanguage: en\nreviewed: 2026-11-17\n", "utf-8")
    _write_topic(tmp_path, "never", None)
    _write_topic(tmp_path, "old", "2025-10-20")
    _write_topic(tmp_path, "boundary", "2025-11-24")
    _write_topic(tmp_path, "recent", "2026-11-17")
    return load_dataset(tmp_path)


def test_overdue_lists_never_reviewed_first_then_the_oldest(dataset):
    overdue = overdue_records(dataset, TODAY, 365)
    assert [(item.record_id, item.age_days, item.line) for item in overdue] == [
        ("never", None, 1),
        ("old", 400, 5),
    ]


def test_a_record_reviewed_exactly_one_period_ago_is_not_yet_overdue(dataset):
    assert "boundary" not in [item.record_id for item in overdue_records(dataset, TODAY, 365)]
    assert "boundary" in [item.record_id for item in overdue_records(dataset, TODAY, 364)]


def test_warning_lines_locate_stale_records_and_count_the_never_reviewed(dataset, tmp_path):
    assert warning_lines(dataset, TODAY, 365) == [
        f"{tmp_path}/topics/old.yaml:5:1: reviewed: warning: last reviewed 2025-10-20, 400 days ago "
        "(limit 365); check the record against its sources, then set reviewed: 2026-11-24",
        "warning: 1 records have no reviewed: date; scripts/freshness.py lists them",
    ]


def test_a_long_period_leaves_only_the_never_reviewed(dataset):
    assert warning_lines(dataset, TODAY, 1000) == [
        "warning: 1 records have no reviewed: date; scripts/freshness.py lists them"
    ]


def test_the_period_is_a_setting_with_a_default_of_a_year():
    assert stale_after_days({}) == DEFAULT_STALE_AFTER_DAYS == 365
    assert stale_after_days({STALE_AFTER_VARIABLE: " 90 "}) == 90


@pytest.mark.parametrize("setting", ["a year", "-5", "0", "1.5"])
def test_a_malformed_period_setting_is_explained(setting):
    with pytest.raises(ValueError, match=f"{STALE_AFTER_VARIABLE} must be a whole number of days"):
        stale_after_days({STALE_AFTER_VARIABLE: setting})


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_takes_an_optional_full_review_date(kind):
    field = KINDS[kind].model_fields["reviewed"]
    assert not field.is_required()
    review_date = TypeAdapter(field.rebuild_annotation())
    assert review_date.validate_python("2026-02-28") == "2026-02-28"
    for partial_or_impossible in ("2026", "2026-02", "2026-02-30"):
        with pytest.raises(ValidationError):
            review_date.validate_python(partial_or_impossible)
