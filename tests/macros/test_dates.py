"""Dates print at the precision the sources give, never more."""

from __future__ import annotations

import pytest

from briefing.model import DateSpan
from macros.dates import format_partial_date, format_span, year_of


@pytest.mark.parametrize(("value", "expected"), [
    ("2019", "2019"),
    ("2024-06", "June 2024"),
    ("2023-09-13", "13 September 2023"),
    ("2000-07-01", "1 July 2000"),
])
def test_a_partial_date_prints_only_what_is_known(value, expected):
    assert format_partial_date(value) == expected


@pytest.mark.parametrize(("span", "expected"), [
    (DateSpan(start="2023-09-13", weekday="Wednesday"), "Wednesday 13 September 2023"),
    (DateSpan(start="2019", weekday="Thursday"), "a Thursday in 2019"),
    (DateSpan(start="2000-07-19", end="2000-07-20"), "19–20 July 2000"),
    (DateSpan(start="2000-07-19", end="2000-07-20", weekday="Wednesday"), "Wednesday 19–20 July 2000"),
    (DateSpan(start="2023-09", end="2024-02"), "September 2023 – February 2024"),
    (DateSpan(start="1995", approximate=True), "about 1995"),
    (DateSpan(start="2024-06-19", end="2024-06-19"), "19 June 2024"),
])
def test_a_span_reads_as_a_reader_writes_it(span, expected):
    assert format_span(span) == expected


def test_citations_can_leave_the_weekday_out():
    assert format_span(DateSpan(start="2019", weekday="Friday"), weekday=False) == "2019"


def test_events_group_under_their_year_or_undated():
    assert year_of(DateSpan(start="2023-09-13")) == "2023"
    assert year_of(None) == "Undated"
