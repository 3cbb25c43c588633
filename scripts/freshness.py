#!/usr/bin/env python3
"""List the records due for another review against their sources.

Usage: python scripts/freshness.py [--stale-after DAYS] [--today YYYY-MM-DD] [--data DIR]

Prints one ``file:line:column: reviewed: warning: ...`` line per record reviewed
more than DAYS ago (default: the BRIEFING_STALE_AFTER_DAYS setting, or 365) or
never, then the figures the validator prints too. Overdue records are a reminder, not an error: the exit status
is 0 unless the data itself does not load (1) or the arguments are wrong (2).
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

# Run as `python scripts/freshness.py` from the repository root: make `briefing` importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.dataset import DataError, load_dataset  # noqa: E402
from briefing.freshness import overdue_records, review_summary, stale_after_days  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Print the overdue records; fail only when the data cannot be loaded."""
    arguments = _parse_arguments(argv)
    try:
        dataset = load_dataset(arguments.data)
    except DataError as error:
        print(error, file=sys.stderr)
        print("freshness: fix these errors first (python scripts/validate.py)", file=sys.stderr)
        return 1
    overdue = overdue_records(dataset, arguments.today, arguments.stale_after)
    for item in overdue:
        print(item.message(arguments.today, arguments.stale_after))
    print(review_summary(dataset, arguments.today, arguments.stale_after, listed_above=True))
    return 0


def _parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """The options, with the review period defaulting to the shared setting."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stale-after", type=_positive_days, default=None, metavar="DAYS",
                        help="review period in days (default: $BRIEFING_STALE_AFTER_DAYS or 365)")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(),
                        metavar="YYYY-MM-DD", help="the day to count from (default: today)")
    parser.add_argument("--data", type=Path, default=Path("data"), metavar="DIR", help="the data folder")
    arguments = parser.parse_args(argv)
    if arguments.stale_after is None:
        try:
            arguments.stale_after = stale_after_days()
        except ValueError as error:
            parser.error(str(error))
    return arguments


def _positive_days(text: str) -> int:
    """argparse type: a whole number of days, at least one."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"a whole number of days is needed, not {text!r}")
    return int(text)


if __name__ == "__main__":
    sys.exit(main())
