"""Dates at the precision the sources give: "2019", "June 2024", "13 September 2023".

The data keeps partial dates as text (YYYY, YYYY-MM, YYYY-MM-DD). Printing
them through ``datetime`` would invent a day; these functions print only
what is known, and say so when a date is approximate or derived.
"""

from __future__ import annotations

from briefing.model import DateSpan

MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")


def format_partial_date(value: str) -> str:
    """One partial date in words: "2019", "June 2024" or "13 September 2023"."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = MONTHS[parts[1] - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{parts[2]} {month} {parts[0]}"


def format_span(span: DateSpan, weekday: bool = True) -> str:
    """A date or range in words, with the weekday and "about" where the data has them."""
    text = _format_range(span.start, span.end)
    if span.weekday and weekday:
        # A weekday with a full date reads "Wednesday 13 September 2023" (or, for
        # a range, names its first day); with a partial date it says only what
        # is known: "a Thursday in 2019".
        text = f"{span.weekday} {text}" if span.start.count("-") == 2 else f"a {span.weekday} in {text}"
    if span.approximate:
        text = f"about {text}"
    return text


def _format_range(start: str, end: str | None) -> str:
    """"13–14 September 2023" for a compact range, "2023 – 2024" otherwise."""
    if not end or end == start:
        return format_partial_date(start)
    start_parts, end_parts = start.split("-"), end.split("-")
    same_month = len(start_parts) == len(end_parts) == 3 and start_parts[:2] == end_parts[:2]
    if same_month:
        return f"{int(start_parts[2])}–{format_partial_date(end)}"
    return f"{format_partial_date(start)} – {format_partial_date(end)}"


def is_day_precise(span: DateSpan) -> bool:
    """Whether the sources give the day: only then is an item's place among dated ones known."""
    return span.start.count("-") == 2


def format_placed(span: DateSpan | None) -> str:
    """A date for a list in date order, saying when its place in the order is not known.

    "13 September 2023"; "September 2023, day not given"; "2024, date not given".
    """
    if span is None:
        return "undated"
    text = format_span(span, weekday=False)
    if is_day_precise(span):
        return text
    return f"{text}, {'day' if span.start.count('-') == 1 else 'date'} not given"


def year_of(span: DateSpan | None) -> str:
    """The year a date falls in, for grouping ("Undated" when there is no date)."""
    return span.start[:4] if span else "Undated"
