"""Freshness: records not reviewed within the period are counted and listed, never errors."""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from briefing.dataset import load_dataset
from briefing.freshness import (
    DEFAULT_STALE_AFTER_DAYS,
    STALE_AFTER_VARIABLE,
    overdue_records,
    review_summary,
    stale_after_days,
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


def test_an_overdue_record_is_located_like_a_validator_message(dataset, tmp_path):
    old = next(item for item in overdue_records(dataset, TODAY, 365) if item.record_id == "old")
    assert old.message(TODAY, 365) == (
        f"{tmp_path}/topics/old.yaml:5:1: reviewed: warning: last reviewed 2025-10-20, 400 days ago "
        "(limit 365); check the record against its sources, then set reviewed: 2026-11-24")


def test_the_summary_gives_the_figures_in_one_line(dataset):
    # Five records: the source and three topics reviewed, one topic never.
    assert review_summary(dataset, TODAY, 365) == (
        "Reviews: 3 of 5 records checked against their sources in the last 365 days; "
        "2 due (1 never reviewed): make freshness lists them")
    assert review_summary(dataset, TODAY, 1000) == (
        "Reviews: 4 of 5 records checked against their sources in the last 1000 days; "
        "1 due (1 never reviewed): make freshness lists them")


def test_with_nothing_due_the_summary_says_so(dataset):
    reviewed = {kind: {record_id: record for record_id, record in records.items() if record.reviewed}
                for kind, records in dataset.records.items()}
    assert review_summary(replace(dataset, records=reviewed), TODAY, 1000) == (
        "Reviews: 4 of 4 records checked against their sources in the last 1000 days")


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
