"""Build the PDFs: the whole book from the offline build's page record, a brief per event.

Both the command line (scripts/build_pdf.py) and the tests build through here. WeasyPrint
lays out a document in one process, so the book is laid out in parts, one per process
(editions.paging): once to learn where its pages fall, once more with the page numbers,
each part then written as a PDF and the parts joined (editions.joining); the briefs
and the guide follow in whichever process is free.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from weasyprint import CSS

from briefing.dataset import Dataset, load_dataset
from editions.book import EDITORS_PAGES, Cover, book_html, pages_under, reader_capture
from editions.briefs import brief_html
from editions.joining import join_parts
from editions.metadata import book_version, data_as_of, edition_date
from editions.paging import (MAX_LAYOUTS, fill_page_numbers, joined_part_pages, page_break_parts, part_first_pages,
                             part_page_style, part_pages)
from editions.render import lay_out, stylesheets, write_pdf

ROOT = Path(__file__).resolve().parent.parent
BOOK_FILE = "briefing-book.pdf"
GUIDE_FILE = "editors-guide.pdf"
BRIEFS_FOLDER = "briefs"
# The book's parts while they are written, beside the book; removed once it is joined.
PARTS_FOLDER = ".book-parts"

PartPages = tuple[int, dict[str, int]]
LOGGER = logging.getLogger(__name__)


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
    # Small shares of the briefs, so the processes finish together; the guide, the longest job, first.
    shares = 2 * processes
    with ProcessPoolExecutor(max_workers=processes) as pool:
        started = time.perf_counter()
        # Where the book's pages fall, its parts laid out side by side (editions.paging).
        pages = [part.result() for part in [pool.submit(_book_part_job, job, part, processes)
                                            for part in range(processes)]]
        written = _submit_book_parts(pool, job, pages)
        # Queued behind the book's parts: they start as the first part is written.
        guide = pool.submit(_guide_job, job)
        briefs = [pool.submit(_briefs_job, job, event_ids[share::shares]) for share in range(shares)]
        _join_book(pool, job, pages, written)
        return {"book": time.perf_counter() - started, "briefs": sum(part.result() for part in briefs),
                "brief_count": len(event_ids), "guide": guide.result()}


def _submit_book_parts(pool: Executor, job: PdfJob, pages: list[PartPages]) -> list:
    return [pool.submit(_book_part_pdf_job, job, part, pages) for part in range(len(pages))]


def _join_book(pool: Executor, job: PdfJob, pages: list[PartPages], written: list) -> None:
    """Once every part's pages are where the numbers in the text say, the parts make the
    book. Should a number have moved a page break, every part is written again."""
    for layouts in range(2, MAX_LAYOUTS + 1):
        laid_out = [part.result() for part in written]
        if laid_out == pages:
            break
        if layouts == MAX_LAYOUTS:
            moved = joined_part_pages(laid_out).items() - joined_part_pages(pages).items()
            LOGGER.warning("%s: after %d layouts %d anchors still move; their page numbers may be one off",
                           BOOK_FILE, layouts, len(moved))
            break
        pages, written = laid_out, _submit_book_parts(pool, job, laid_out)
    # A part with no pages is one the book was too short to have (fewer chapters than processes).
    join_parts([_part_file(job, part) for part, (count, _) in enumerate(pages) if count], job.out_dir / BOOK_FILE)
    shutil.rmtree(job.out_dir / PARTS_FOLDER)


def _book_part_job(job: PdfJob, part: int, parts: int) -> PartPages:
    """Where the anchors of one part of the book land, counted from the part's first page."""
    capture, piece = _book_piece(job, part, parts)
    if piece is None:
        return 0, {}
    return part_pages(lay_out(piece, book_styles(job.paper), Path(capture["site_dir"])))


def _book_part_pdf_job(job: PdfJob, part: int, pages: list[PartPages]) -> PartPages:
    """One part of the book as a PDF, its page numbers filled in from ``pages`` (every
    part's, as _book_part_job found them); returns where its anchors landed this time."""
    capture, piece = _book_piece(job, part, len(pages))
    if piece is None:
        return 0, {}
    numbering = part_page_style(part_first_pages(pages)[part], sum(count for count, _ in pages), capture["site_name"])
    styles = (*book_styles(job.paper), CSS(string=numbering))
    document = write_pdf(fill_page_numbers(piece, joined_part_pages(pages)), _part_file(job, part), styles,
                         base_dir=Path(capture["site_dir"]))
    return part_pages(document)


def _book_piece(job: PdfJob, part: int, parts: int) -> tuple[dict, str | None]:
    """The capture and part ``part`` of the reader's book cut in ``parts`` (None: the book
    has fewer top-level chapters than parts)."""
    capture = read_capture(job.capture_file)
    pieces = page_break_parts(_reader_book_html(job, capture), parts)
    return capture, pieces[part] if part < len(pieces) else None


def _reader_book_html(job: PdfJob, capture: dict) -> str:
    return book_html(reader_capture(capture), cover_of(capture, load_dataset(job.data_dir)), job.paper)


def _part_file(job: PdfJob, part: int) -> Path:
    return job.out_dir / PARTS_FOLDER / f"part-{part}.pdf"


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


def build_guide_pdf(capture: dict, cover: Cover, out_dir: Path, paper: str = "a4") -> Path:
    """``out_dir/editors-guide.pdf``: the editors' guide, for editors, as a PDF of its own."""
    guide_cover = replace(cover, title=f"Editors' guide to {cover.title}")
    return _write_book(pages_under(capture, EDITORS_PAGES, keep=True), guide_cover, out_dir / GUIDE_FILE, paper)


def book_styles(paper: str) -> tuple:
    return stylesheets("content.css", "book.css", paper=paper)


def _write_book(capture: dict, cover: Cover, target: Path, paper: str) -> Path:
    """A book laid out whole, in one process (the guide: a few pages)."""
    write_pdf(book_html(capture, cover, paper), target, book_styles(paper), base_dir=Path(capture["site_dir"]),
              page_numbers=True)
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
