#!/usr/bin/env python3
"""Benchmark the book's build at thousands of generated pages (not part of the tests).

    python scripts/bench.py [--sizes 1000 3000] [--runs 3] [--no-serve] [--pdf-at-scale]

For each size it generates a synthetic data set (bench/synthetic.py), builds it
with the project's real mkdocs.yml, and prints medians over ``--runs``: data
load + validation seconds, full build seconds, pages per second, peak memory,
output size, the HTML bytes of one event page, the search index bytes, a stock
MkDocs + Material site of as many hand-written pages and the ratio between the
two, the rebuild time after saving one YAML file under ``mkdocs serve``, and
the search: milliseconds from the last key typed to its results in Chromium
(median and slowest, bench/search.py) and the index's gzipped size per 100 records.
The whole-book PDF is timed for the real book (and at each size with
``--pdf-at-scale``, which takes minutes: WeasyPrint lays out every page).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import measure  # noqa: E402
from bench.search import search_figures  # noqa: E402
from bench.synthetic import generate  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    rows = [_measure_size(size, args) for size in args.sizes]
    _print_table(rows)
    _print_scaling(rows)
    work = measure.scratch()
    try:
        print(f"\nWhole-book PDF and briefs of the real book: {measure.pdf_seconds(ROOT / 'data', work):.1f} s")
        measure.build_book(ROOT / "data", work / "site")
        _print_search("the real book", search_figures(work / "site", ROOT / "data"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _print_search(what: str, figures: dict) -> None:
    print(f"Search on {what}: ready {figures['search_ready_s']:.1f} s after the page began to load; "
          f"results {figures['search_ms']:.0f} ms after the last key (median; "
          f"slowest {figures['search_max_ms']:.0f} ms); index {figures['index_gz_kb_per_100']:.1f} KB "
          "gzipped per 100 records")


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-serve", action="store_true", help="skip the live-preview rebuild timing")
    parser.add_argument("--no-baseline", action="store_true", help="skip the stock MkDocs site")
    parser.add_argument("--pdf-at-scale", action="store_true", help="also time the PDF at each size")
    return parser.parse_args(argv)


def _measure_size(size: int, args: argparse.Namespace) -> dict:
    """All figures for one size; the generated data and sites are removed afterwards."""
    work = measure.scratch()
    try:
        generate(work / "data", size)
        row = {"pages": size, "load": _median(measure.load_seconds(work / "data") for _ in range(args.runs))}
        row.update(_book_figures(work, args.runs))
        row.update({} if args.no_baseline else _baseline_figures(work, size, args.runs, row["build"]))
        if not args.no_serve:
            row["serve"] = _median(measure.serve_rebuild_seconds(work / "data", 8700 + size % 97, saves=args.runs))
        row["pdf"] = measure.pdf_seconds(work / "data", work / "pdf") if args.pdf_at_scale else None
        print(f"measured {size} pages", file=sys.stderr)
        return row
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _book_figures(work: Path, runs: int) -> dict:
    builds = [measure.build_book(work / "data", work / "site") for _ in range(runs)]
    site = work / "site"
    build = _median(run.seconds for run in builds)
    return {"build": build, "peak_mb": max(run.peak_mb for run in builds),
            "output_mb": measure.tree_bytes(site) / 2**20,
            "event_kb": measure.first_page_bytes(site, "events") / 1024,
            "index_kb": (site / "search" / "search_index.json").stat().st_size / 1024,
            "site_pages": sum(1 for _ in site.rglob("index.html")),
            **search_figures(site, work / "data")}


def _baseline_figures(work: Path, size: int, runs: int, book_build: float) -> dict:
    config = measure.write_plain_site(work / "plain", size)
    plain = _median(measure.build_plain(config, work / "plain-site").seconds for _ in range(runs))
    return {"plain": plain, "ratio": book_build / plain}


def _median(values) -> float:
    return statistics.median(list(values))


def _print_table(rows: list[dict]) -> None:
    columns = [("pages", "generated pages", "{:d}"), ("site_pages", "HTML pages", "{:d}"),
               ("load", "load+validate s", "{:.2f}"), ("build", "full build s", "{:.1f}"),
               ("pps", "pages/s", "{:.0f}"), ("peak_mb", "peak MB", "{:.0f}"),
               ("output_mb", "output MB", "{:.1f}"), ("event_kb", "event page KB", "{:.1f}"),
               ("index_kb", "search index KB", "{:.0f}"), ("plain", "stock MkDocs s", "{:.1f}"),
               ("ratio", "book/stock", "{:.2f}"), ("serve", "serve rebuild s", "{:.2f}"),
               ("pdf", "PDF s", "{:.1f}"), ("search_ready_s", "search ready s", "{:.1f}"),
               ("search_ms", "search ms", "{:.0f}"),
               ("search_max_ms", "slowest search ms", "{:.0f}"),
               ("index_gz_kb_per_100", "index gz KB/100 records", "{:.1f}")]
    for row in rows:
        row["pps"] = row["site_pages"] / row["build"]
    print("| " + " | ".join(title for _, title, _ in columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        cells = ["—" if row.get(key) is None else form.format(row[key]) for key, _, form in columns]
        print("| " + " | ".join(cells) + " |")


def _print_scaling(rows: list[dict]) -> None:
    """How the largest size compares with the smallest: linear means time grows with pages."""
    if len(rows) > 1:
        small, large = rows[0], rows[-1]
        print(f"\n{large['pages']} vs {small['pages']} pages ({large['pages'] / small['pages']:.1f}x): "
              f"build {large['build'] / small['build']:.2f}x, output {large['output_mb'] / small['output_mb']:.2f}x, "
              f"event page {large['event_kb'] / small['event_kb']:.2f}x")


if __name__ == "__main__":
    sys.exit(main())
