"""Short dates and the time a partial date covers (visuals/dates.py)."""

from __future__ import annotations

import pytest

from briefing.model import DateSpan
from visuals.dates import short_date, year_extent


@pytest.mark.parametrize(("span", "expected"), [
    ({"start": "2019"}, "2019"),
    ({"start": "2023-09"}, "Sep 2023"),
    ({"start": "2023-09-13"}, "13 Sep 2023"),
    ({"start": "2000-07-19", "end": "2000-07-20"}, "19–20 Jul 2000"),
    # Days of one year: the year once (the map's Moscow label fits its panel).
    ({"start": "2001-07-26", "end": "2001-08-18"}, "26 Jul – 18 Aug 2001"),
    ({"start": "2000-12-30", "end": "2001-01-02"}, "30 Dec 2000 – 2 Jan 2001"),
    ({"start": "2003", "end": "2008-12"}, "2003 – Dec 2008"),
    ({"start": "2000-09", "approximate": True}, "c. Sep 2000"),
])
def test_short_date_prints_only_what_is_known(span, expected):
    assert short_date(DateSpan.model_validate(span)) == expected


def test_no_date_reads_undated():
    assert short_date(None) == "undated"


def test_a_bare_year_covers_the_whole_year():
    assert year_extent(DateSpan(start="2019")) == (2019.0, 2020.0)


def test_a_month_covers_that_month():
    start, end = year_extent(DateSpan(start="2023-09"))
    assert start == pytest.approx(2023 + 243 / 365)
    assert end == pytest.approx(2023 + 273 / 365)


def test_a_day_covers_one_day_and_a_range_runs_to_the_end_of_its_last_day():
    start, end = year_extent(DateSpan(start="2000-07-19", end="2000-07-20"))
    assert (end - start) * 366 == pytest.approx(2)

