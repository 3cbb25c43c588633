"""Build the PDFs: the whole book from the offline build's page record, a brief per event.

Both the command line (scripts/build_pdf.py) and the tests build through here. The
book is one long layout and the briefs are many short ones, so they are laid out in
parallel processes: first the book's parts, one per process, to learn its page numbers
(editions.paging); then the book in one process, the briefs and the guide in the others.
"""

from __future__ import annotations

import json
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.dataset import Dataset, load_dataset
from editions.book import EDITORS_PAGES, Cover, book_html, pages_under, reader_capture
from editions.briefs import brief_html
from editions.metadata import book_version, data_as_of, edition_date
from editions.paging import joined_part_pages, page_break_parts, part_pages
from editions.render import lay_out, stylesheets, write_pdf

ROOT = Path(__file__).resolve().parent.parent
BOOK_FILE = "briefing-book.pdf"
GUIDE_FILE = "editors-guide.pdf"
BRIEFS_FOLDER = "briefs"


@dataclass(frozen=True)
class PdfJob:
    """What every process needs to know; plain paths, so it pickles."""

    capture_file: Path
    data_dir: Path
    out_dir: Path
    paper: str = "a4"


def build_all(job: PdfJob, processes: int) -> dict[str, float]:
    """The book and every brief; returns the seconds each part took in its process."""
    event_ids = sorted(load_dataset(job.data_dir).kind("events"))
    shares = max(1, processes - 1)
    with ProcessPoolExecutor(max_workers=processes) as pool:
        # First where the book's pages fall, its parts laid out side by side (editions.paging);
        # then the book itself, which the briefs and the guide need not wait for.
        started = time.perf_counter()
        parts = [pool.submit(_book_part_job, job, part, processes) for part in range(processes)]
        known_pages = joined_part_pages([part.result() for part in parts])
        book = pool.submit(_book_job, job, known_pages)
        briefs = [pool.submit(_briefs_job, job, event_ids[share::shares]) for share in range(shares)]
        guide = pool.submit(_guide_job, job)
        book.result()
        return {"book": time.perf_counter() - started, "briefs": sum(part.result() for part in briefs),
                "brief_count": len(event_ids), "guide": guide.result()}


def _book_part_job(job: PdfJob, part: int, parts: int) -> tuple[int, dict[str, int]]:
    """Where the anchors of one part of the book land, counted from the part's first page."""
    capture = read_capture(job.capture_file)
    html = book_html(reader_capture(capture), cover_of(capture, load_dataset(job.data_dir)), job.paper)
    pieces = page_break_parts(html, parts)
    if part >= len(pieces):
        return 0, {}
    return part_pages(lay_out(pieces[part], book_styles(job.paper), Path(capture["site_dir"])))


def _book_job(job: PdfJob, known_pages: dict[str, int] | None = None) -> float:
    started = time.perf_counter()
    capture = read_capture(job.capture_file)
    build_book_pdf(capture, cover_of(capture, load_dataset(job.data_dir)), job.out_dir, job.paper, known_pages)
    return time.perf_counter() - started


def _briefs_job(job: PdfJob, event_ids: list[str]) -> float:
    started = time.perf_counter()
    dataset = load_dataset(job.data_dir)
    build_briefs(dataset, cover_of(read_capture(job.capture_file), dataset), job.out_dir, job.paper, event_ids)
    return time.perf_counter() - started


def _guide_job(job: PdfJob) -> float:
    started = time.perf_counter()
    capture = read_capture(job.capture_file)
    build_guide_pdf(capture, cover_of(capture, load_dataset(job.data_dir)), job.out_dir, job.paper)
    return time.perf_counter() - started


def read_capture(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


def cover_of(capture: dict, dataset: Dataset) -> Cover:
    return Cover(title=capture["site_name"], as_of=data_as_of(dataset), version=book_version(ROOT),
                 edition=edition_date(ROOT), site_url=capture.get("site_url"))


def build_book_pdf(capture: dict, cover: Cover, out_dir: Path, paper: str = "a4",
                   known_pages: dict[str, int] | None = None) -> Path:
    """``out_dir/briefing-book.pdf``: cover, imprint, contents, every page of the site a
    reader needs (not the editors' guide, not the web-only pages). ``known_pages``:
    where its anchors were found by laying out its parts (build_all)."""
    return _write_book(reader_capture(capture), cover, out_dir / BOOK_FILE, paper, known_pages)


def build_guide_pdf(capture: dict, cover: Cover, out_dir: Path, paper: str = "a4") -> Path:
    """``out_dir/editors-guide.pdf``: the editors' guide, for editors, as a PDF of its own."""
    guide_cover = replace(cover, title=f"Editors' guide to {cover.title}")
    return _write_book(pages_under(capture, EDITORS_PAGES, keep=True), guide_cover, out_dir / GUIDE_FILE, paper)


def book_styles(paper: str) -> tuple:
    return stylesheets("content.css", "book.css", paper=paper)


def _write_book(capture: dict, cover: Cover, target: Path, paper: str,
                known_pages: dict[str, int] | None = None) -> Path:
    write_pdf(book_html(capture, cover, paper), target, book_styles(paper), base_dir=Path(capture["site_dir"]),
              page_numbers=True, known_pages=known_pages)
    return target


def build_briefs(dataset: Dataset, cover: Cover, out_dir: Path, paper: str = "a4",
                 event_ids: list[str] | None = None) -> list[Path]:
    """``out_dir/briefs/<event-id>.pdf`` for the given events (all by default)."""
    styles = stylesheets("content.css", "brief.css", paper=paper)
    events = dataset.kind("events")
    targets = []
    for event_id in events if event_ids is None else event_ids:
        target = out_dir / BRIEFS_FOLDER / f"{event_id}.pdf"
        write_pdf(brief_html(dataset, events[event_id], cover), target, styles)
        targets.append(target)
    return targets
