#!/usr/bin/env python3
"""Build the offline edition of the site, or zip it.

    python scripts/build_offline.py build [--site-dir build/offline] [--capture build/capture.json]
    python scripts/build_offline.py zip [--site-dir build/offline] [--include build/pdf]
                                        [--archive dist/briefing-book-offline.zip]

``build`` is a second strict build of mkdocs.yml for ``file://`` (Material's offline
plugin, added in code) that also records every page for the PDF. ``zip`` packs the
folder, and the files of each ``--include`` folder as if they were in it (the PDFs),
under one top folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's banner is not a build problem

from mkdocs.exceptions import Abort  # noqa: E402

from editions.offline import build_offline, zip_site  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    started = time.perf_counter()
    if args.command == "build":
        try:
            build_offline(args.config, args.site_dir, args.capture)
        except Abort as error:
            print(f"offline build failed: {error}", file=sys.stderr)
            return 1
        print(f"{args.site_dir}: offline site, {time.perf_counter() - started:.1f} s")
    else:
        zip_site(args.site_dir, args.archive, args.include)
        print(f"{args.archive}: {args.archive.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s")
    return 0


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["build", "zip"])
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "build" / "offline")
    parser.add_argument("--capture", type=Path, default=ROOT / "build" / "capture.json")
    parser.add_argument("--include", type=Path, action="append", default=[])
    parser.add_argument("--archive", type=Path, default=ROOT / "dist" / "briefing-book-offline.zip")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
