#!/usr/bin/env python3
"""Build the whole-book PDF and one brief per event.

    python scripts/build_pdf.py [--capture build/capture.json] [--out site] [--paper letter]

``--capture`` is the page record of the offline build (scripts/build_offline.py); the
data itself is read from ``--data`` for the cover and the briefs. Writes
``<out>/briefing-book.pdf`` and ``<out>/briefs/<event-id>.pdf``, and prints how long each took.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.dataset import DataError, load_dataset  # noqa: E402
from editions.pdfs import build_book_pdf, build_briefs, cover_of, read_capture  # noqa: E402
from editions.render import PAPER_SIZES  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    try:
        dataset = load_dataset(args.data)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    capture = read_capture(args.capture)
    cover = cover_of(capture, dataset)

    started = time.perf_counter()
    book = build_book_pdf(capture, cover, args.out, args.paper)
    print(f"{book}: {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    briefs = build_briefs(dataset, cover, args.out, args.paper)
    print(f"{args.out / 'briefs'}: {len(briefs)} briefs, {time.perf_counter() - started:.1f} s")
    return 0


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--capture", type=Path, default=ROOT / "build" / "capture.json")
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "site")
    parser.add_argument("--paper", choices=sorted(PAPER_SIZES), default="a4")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
