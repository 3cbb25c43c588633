#!/usr/bin/env python3
"""Build the whole-book PDF and one brief per event.

    python scripts/build_pdf.py [--capture build/capture.json] [--out site] [--paper letter] [--jobs N]

``--capture`` is the page record of the offline build (scripts/build_offline.py); the
data itself is read from ``--data`` for the cover and the briefs. Writes
``<out>/briefing-book.pdf``, ``<out>/briefs/<event-id>.pdf`` and the editors' guide,
``<out>/editors-guide.pdf``: the book in ``--jobs`` parts (default: one per CPU), each
laid out in a process of its own, and the guide and the briefs in one more, at the
lowest priority (and where a part's process would wait); prints how
long the book took, and the processor time of the briefs and the guide, which run in
the time the book leaves.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.dataset import DataError  # noqa: E402
from editions.joining import JoinError  # noqa: E402
from editions.pdfs import BOOK_FILE, BRIEFS_FOLDER, GUIDE_FILE, PdfJob, build_all  # noqa: E402
from editions.render import PAPER_SIZES  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    started = time.perf_counter()
    try:
        seconds = build_all(PdfJob(args.capture, args.data, args.out, args.paper), args.jobs)
    except (DataError, JoinError) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{args.out / BOOK_FILE}: {seconds['book']:.1f} s")
    print(f"{args.out / BRIEFS_FOLDER}: {seconds['brief_count']} briefs, {seconds['briefs']:.1f} s of processor time")
    print(f"{args.out / GUIDE_FILE}: {seconds['guide']:.1f} s of processor time")
    print(f"all PDFs: {time.perf_counter() - started:.1f} s in {args.jobs + 1} processes")
    return 0


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--capture", type=Path, default=ROOT / "build" / "capture.json")
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "site")
    parser.add_argument("--paper", choices=sorted(PAPER_SIZES), default="a4")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
