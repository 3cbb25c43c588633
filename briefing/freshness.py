"""Which records are due for another look against their sources.

Each record may carry ``reviewed: YYYY-MM-DD``, the day an editor last checked it
against its sources. A record reviewed longer ago than a configurable period, or
never, is *overdue*. Being overdue is a reminder, never an error: nothing here
fails a build. The validator prints ``review_summary``, one line of figures, and
``scripts/freshness.py`` lists every overdue record above the same line.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from briefing.dataset import Dataset

DEFAULT_STALE_AFTER_DAYS = 365
# The setting, for builds and editors who want another period than a year.
STALE_AFTER_VARIABLE = "BRIEFING_STALE_AFTER_DAYS"
_REVIEWED_KEY = re.compile(r"^reviewed\s*:")


@dataclass(frozen=True)
class Overdue:
    """One record not reviewed within the period, located like a validator message."""

    kind: str
    record_id: str
    path: Path
    line: int
    reviewed: datetime.date | None
    age_days: int | None

    def message(self, today: datetime.date, stale_after_days: int) -> str:
        """Say what is overdue and what to do, in the validator's one-line format."""
        if self.reviewed is None:
            why = "never reviewed"
        else:
            why = f"last reviewed {self.reviewed.isoformat()}, {self.age_days} days ago (limit {stale_after_days})"
        return (
            f"{self.path}:{self.line}:1: reviewed: warning: {why}; check the record against "
            f"its sources, then set reviewed: {today.isoformat()}"
        )


def stale_after_days(environ: Mapping[str, str] = os.environ) -> int:
    """The review period in days: the BRIEFING_STALE_AFTER_DAYS setting, or a year."""
    setting = environ.get(STALE_AFTER_VARIABLE, "").strip()
    if not setting:
        return DEFAULT_STALE_AFTER_DAYS
    if not setting.isdigit() or int(setting) < 1:
        raise ValueError(f"{STALE_AFTER_VARIABLE} must be a whole number of days, not {setting!r}")
    return int(setting)


def overdue_records(dataset: Dataset, today: datetime.date, stale_after_days: int) -> list[Overdue]:
    """Every record reviewed more than ``stale_after_days`` before ``today``, or never.

    Never-reviewed records come first, then the longest-unreviewed, so a report
    reads as a to-do list.
    """
    overdue = [
        _overdue_record(dataset, kind, record_id, today)
        for kind, records in dataset.records.items()
        for record_id in records
    ]
    due = [item for item in overdue if item.age_days is None or item.age_days > stale_after_days]
    return sorted(due, key=lambda item: (item.reviewed is not None, item.reviewed or today, item.kind, item.record_id))


def review_summary(dataset: Dataset, today: datetime.date | None = None, stale_after: int | None = None,
                   listed_above: bool = False) -> str:
    """One line of figures: how many records were checked within the period, how many are due.

    A figure rather than a warning per record: a pull request cannot review the whole
    book, and warnings printed on every build teach editors to ignore warnings.
    ``listed_above``: the report has just listed the records due (scripts/freshness.py).
    """
    today = today or datetime.date.today()
    stale_after = stale_after if stale_after is not None else stale_after_days()
    total = sum(len(records) for records in dataset.records.values())
    overdue = overdue_records(dataset, today, stale_after)
    checked = f"{total - len(overdue)} of {total} records checked against their sources in the last {stale_after} days"
    if not overdue:
        return f"Reviews: {checked}"
    never = sum(1 for item in overdue if item.reviewed is None)
    where = "listed above" if listed_above else "make freshness lists them"
    return f"Reviews: {checked}; {len(overdue)} due ({never} never reviewed): {where}"


def _overdue_record(dataset: Dataset, kind: str, record_id: str, today: datetime.date) -> Overdue:
    """Age one record's review; the line is where ``reviewed:`` is written, if it is."""
    path = dataset.files[(kind, record_id)]
    written = getattr(dataset.get(kind, record_id), "reviewed", None)
    reviewed = datetime.date.fromisoformat(written) if written else None
    age_days = (today - reviewed).days if reviewed else None
    return Overdue(kind, record_id, path, _line_of_reviewed(path), reviewed, age_days)


def _line_of_reviewed(path: Path) -> int:
    """The 1-based line of the top-level ``reviewed:`` key, or 1 when it is absent."""
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if _REVIEWED_KEY.match(line):
            return number
    return 1
