#!/usr/bin/env python3
"""Build the whole-book PDF and one brief per event.

    python scripts/build_pdf.py --capture build/capture.json --out site [--paper letter]

``--capture`` is the page record of the offline build (scripts/build_offline.py); the
data itself is read from ``--data`` for the covers and the briefs. Writes
``<out>/briefing-book.pdf`` and ``<out>/briefs/<event-id>.pdf``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.dataset import DataError, load_dataset  # noqa: E402
from editions.book import Cover, book_html  # noqa: E402
from editions.briefs import brief_html  # noqa: E402
from editions.metadata import book_version, data_as_of  # noqa: E402
from editions.render import PAPER_SIZES, stylesheets, write_pdf  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    try:
        dataset = load_dataset(args.data)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    capture = json.loads(args.capture.read_text("utf-8"))
    cover = Cover(title=capture["site_name"], as_of=data_as_of(dataset), version=book_version(ROOT))

    started = time.perf_counter()
    book = args.out / "briefing-book.pdf"
    styles = stylesheets("content.css", "book.css", paper=args.paper)
    write_pdf(book_html(capture, cover, args.paper), book, styles, base_dir=Path(capture["site_dir"]))
    print(f"{book}: {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    styles = stylesheets("content.css", "brief.css", paper=args.paper)
    for event in dataset.kind("events").values():
        html = brief_html(dataset, event, cover.title, cover.as_of, cover.version)
        write_pdf(html, args.out / "briefs" / f"{event.id}.pdf", styles)
    print(f"{args.out / 'briefs'}: {len(dataset.kind('events'))} briefs, {time.perf_counter() - started:.1f} s")
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
