"""Dates for graphics: short labels and the stretch of time a partial date covers.

A chart has no room for "Wednesday 13 September 2023" and must not pretend a
bare "2019" is a day: ``short_date`` prints only the known parts, abbreviated,
and ``year_extent`` gives the whole interval a partial date could mean, so the
timeline can draw a year-only date as a year-long span rather than a point.
"""

from __future__ import annotations

import calendar

from briefing.model import DateSpan

MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _parts(value: str) -> list[int]:
    return [int(part) for part in value.split("-")]


def short_date(span: DateSpan | None) -> str:
    """"2019", "Sep 2023", "13 Sep 2023", "19–20 Jul 2000", "26 Jul – 18 Aug 2001", "2003 – Dec 2008"."""
    if span is None:
        return "undated"
    text = _short_range(span.start, span.end)
    return f"c. {text}" if span.approximate else text


def _short_range(start: str, end: str | None) -> str:
    if not end or end == start:
        return _short_partial(start)
    first, last = _parts(start), _parts(end)
    # Days of one month share the month and year: "19–20 Jul 2000".
    if len(first) == len(last) == 3 and first[:2] == last[:2]:
        return f"{first[2]}–{_short_partial(end)}"
    # Days of one year share the year: "26 Jul – 18 Aug 2001".
    if len(first) == len(last) == 3 and first[0] == last[0]:
        return f"{first[2]} {MONTH_ABBREVIATIONS[first[1] - 1]} – {_short_partial(end)}"
    return f"{_short_partial(start)} – {_short_partial(end)}"


def _short_partial(value: str) -> str:
    parts = _parts(value)
    if len(parts) == 1:
        return str(parts[0])
    month = MONTH_ABBREVIATIONS[parts[1] - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def year_extent(span: DateSpan) -> tuple[float, float]:
    """The interval, in fractional years, that the date (range) could cover."""
    return _year_fraction(span.start, at_end=False), _year_fraction(span.end or span.start, at_end=True)


def _year_fraction(value: str, at_end: bool) -> float:
    """The start (or end) of a partial date as a year with a fraction: 2023-09 -> 2023.67."""
    parts = _parts(value)
    year = parts[0]
    days_in_year = 366 if calendar.isleap(year) else 365
    if len(parts) == 1:
        return year + (1.0 if at_end else 0.0)
    month = parts[1]
    first_day = sum(calendar.monthrange(year, m)[1] for m in range(1, month))
    if len(parts) == 2:
        days = first_day + (calendar.monthrange(year, month)[1] if at_end else 0)
    else:
        days = first_day + parts[2] - (0 if at_end else 1)
    return year + days / days_in_year

