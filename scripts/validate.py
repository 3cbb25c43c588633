#!/usr/bin/env python3
"""Check the briefing book's data: every file against the model, and the records against each other.

Usage: python scripts/validate.py [DATA_DIR]        (DATA_DIR defaults to data/)

On a mistake it prints one line per problem, all of them at once, in the form
``file:line:column: field: what is wrong, and what to do`` (editors and CI can
jump to each), and exits 1. Otherwise it prints one line of review figures (the
records due are listed by scripts/freshness.py), then ``N records in K kinds: OK``,
and exits 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Run as `python scripts/validate.py` from the repository root: make `briefing` importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.dataset import DataError, Dataset, load_dataset  # noqa: E402
from briefing.freshness import review_summary  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Validate the data folder; the exit status says whether the book can be built from it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=Path("data"), help="the data folder (default: data)")
    data = parser.parse_args(argv).data
    try:
        dataset = load_dataset(data)
    except DataError as error:
        for problem in error.problems:
            print(problem)
        files = len({problem.path for problem in error.problems})
        print(f"{len(error.problems)} problem(s) in {files} file(s) under {data}", file=sys.stderr)
        return 1
    print(_review_figures(dataset))
    print(_summary(dataset))
    return 0


def _review_figures(dataset: Dataset) -> str:
    """How current the reviews are, as figures; a bad period setting is the one warning."""
    try:
        return review_summary(dataset)
    except ValueError as error:
        return f"warning: {error}"


def _summary(dataset: Dataset) -> str:
    """``N records in K kinds: OK``, counting only the kinds that have records."""
    counts = [len(records) for records in dataset.records.values() if records]
    return f"{sum(counts)} records in {len(counts)} kinds: OK"


if __name__ == "__main__":
    sys.exit(main())
