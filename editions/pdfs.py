"""Build the PDFs: the whole book from the offline build's page record, a brief per event.

Both the command line (scripts/build_pdf.py) and the tests build through here. WeasyPrint
lays out a document in one process, so the book is laid out in parts, each in a process
of its own that keeps its layout (editions.paging): once every part's pages are known
(the index's last, as it lists them), each part's numbers are written into its layout,
it is written as a PDF and the parts are joined (editions.joining). The guide and the
briefs take one more process, at the lowest priority, so they use only the processor
time the book leaves; they also fill a part's process while it would wait (for the
index, for the join), drawn from one queue (SpareWork).
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import queue
import shutil
import threading
import time
from contextlib import ExitStack
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from weasyprint import CSS, Document

from briefing.dataset import Dataset, load_dataset
from editions.book import EDITORS_PAGES, Cover, book_html, pages_under, reader_capture
from editions.briefs import brief_html
from editions.joining import join_parts
from editions.metadata import book_version, data_as_of, edition_date
from editions.paging import (NUMBER_PLACEHOLDER, fill_index_pages, is_index_part, joined_part_pages, number_pages,
                             page_break_parts, part_first_pages, part_page_style, part_pages)
from editions.render import lay_out, stylesheets, write_document, write_pdf

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
    """The book and every brief; returns the seconds the book took and the processor
    seconds the briefs and the guide took (they run in the time the book leaves)."""
    event_ids = sorted(load_dataset(job.data_dir).kind("events"))
    with ExitStack() as stack:
        # One process per part of the book, so a part's layout stays where it is written.
        part_workers = [stack.enter_context(ProcessPoolExecutor(max_workers=1)) for _ in range(processes)]
        # And one at the lowest priority, for the guide and the briefs in the time the book leaves.
        others = stack.enter_context(ProcessPoolExecutor(max_workers=1, initializer=os.nice, initargs=(19,)))
        spare = SpareWork(stack.enter_context(multiprocessing.Manager()), job, event_ids)
        started = time.perf_counter()
        spare.draw_in(others)
        _build_book(job, part_workers, spare)
        return {"book": time.perf_counter() - started, **spare.seconds(), "brief_count": len(event_ids)}


class SpareWork:
    """The guide and the briefs, in one queue that any process draws from while the book
    leaves it idle: the low-priority one all along, a part's while the index is laid out
    and while the parts are joined."""

    def __init__(self, manager, job: PdfJob, event_ids: list[str]):
        self.manager, self.job = manager, job
        self.left = manager.Queue()
        for item in [("guide", None)] + [("briefs", event_id) for event_id in event_ids]:
            self.left.put(item)
        self.drawing: list = []

    def draw_in(self, worker: Executor, until=None) -> None:
        """Queue, behind ``worker``'s jobs, drawing work until none is left or ``until`` is set."""
        self.drawing.append(worker.submit(_spare_job, self.job, self.left, until))

    def signal(self):
        """An event the main process sets and ``until`` waits for (the index laid out)."""
        return self.manager.Event()

    def seconds(self) -> dict[str, float]:
        """The processor seconds the guide and the briefs took, once all are written."""
        done = [drawing.result() for drawing in self.drawing]
        return {kind: sum(seconds[kind] for seconds in done) for kind in ("guide", "briefs")}


class _NoSpareWork(SpareWork):
    """Nothing to fill the time with (the book alone, as the tests build it)."""

    def __init__(self):
        self.drawing = []

    def draw_in(self, worker: Executor, until=None) -> None:
        pass

    def signal(self):
        return threading.Event()


NO_SPARE_WORK = _NoSpareWork()


@dataclass(frozen=True)
class BookPart:
    """One part of the book as its process lays it out."""

    number: int
    html: str
    page_style: str
    site_dir: Path


def _build_book(job: PdfJob, workers: list[Executor], spare: SpareWork = NO_SPARE_WORK) -> None:
    """Lay out the parts side by side, then the index (the part whose numbers are in its
    HTML), then write each part with the book's numbers, and join them; ``spare`` work
    fills the time a part's process would wait."""
    parts = _book_parts(job, len(workers))
    pages = _lay_out_book(job, workers, parts, spare)
    _warn_if_numbers_overflow(pages)
    written = [_home(part, workers).submit(_write_part, job, part.number, pages) for part in parts]
    # Behind the writing: spare work, while the parts are joined.
    for worker in workers:
        spare.draw_in(worker)
    for future in written:
        future.result()
    join_parts([_part_file(job, part.number) for part in parts], job.out_dir / BOOK_FILE)
    shutil.rmtree(job.out_dir / PARTS_FOLDER)


def _book_parts(job: PdfJob, count: int) -> list[BookPart]:
    """The reader's book cut in ``count`` parts, the index one more (editions.paging)."""
    capture = read_capture(job.capture_file)
    pieces = page_break_parts(_reader_book_html(job, capture), count)
    return [BookPart(number, piece, part_page_style(number == 0, capture["site_name"]), Path(capture["site_dir"]))
            for number, piece in enumerate(pieces)]


def _lay_out_book(job: PdfJob, workers: list[Executor], parts: list[BookPart], spare: SpareWork) -> list[PartPages]:
    """Every part's pages: the parts laid out side by side, then the index with their pages."""
    body = [part for part in parts if not is_index_part(part.html)]
    laid_out = [_home(part, workers).submit(_lay_out_part, job, part) for part in body]
    # Queued behind each later part: spare work, while the first process lays out the index.
    index_laid_out = spare.signal()
    for worker in workers[1:len(body)]:
        spare.draw_in(worker, until=index_laid_out)
    pages = [future.result() for future in laid_out]
    for part in parts[len(body):]:
        index = replace(part, html=fill_index_pages(part.html, joined_part_pages(pages)))
        pages.append(_home(part, workers).submit(_lay_out_part, job, index).result())
    index_laid_out.set()
    return pages


def _home(part: BookPart, workers: list[Executor]) -> Executor:
    """The process a part is laid out and written in: its own, the index the first."""
    return workers[0] if is_index_part(part.html) else workers[part.number]


# In a part's own process: its layout, from _lay_out_part until _write_part writes it.
_LAID_OUT: dict[int, Document] = {}


def _lay_out_part(job: PdfJob, part: BookPart) -> PartPages:
    """Lay out one part of the book, kept in this process; where its anchors landed."""
    styles = (*book_styles(job.paper), CSS(string=part.page_style))
    _LAID_OUT[part.number] = document = lay_out(part.html, styles, part.site_dir)
    return part_pages(document)


def _write_part(job: PdfJob, number: int, pages: list[PartPages]) -> None:
    """Write part ``number``, laid out in this process, with the book's page numbers
    (``pages``: every part's, in order)."""
    document = _LAID_OUT.pop(number)
    total = sum(count for count, _ in pages)
    number_pages(document, joined_part_pages(pages), part_first_pages(pages)[number], total)
    write_document(document, _part_file(job, number))


def _warn_if_numbers_overflow(pages: list[PartPages]) -> None:
    total = sum(count for count, _ in pages)
    if len(str(total)) > len(NUMBER_PLACEHOLDER):
        LOGGER.warning("%s: %d pages; numbers of more than %d digits are wider than their place",
                       BOOK_FILE, total, len(NUMBER_PLACEHOLDER))


def _reader_book_html(job: PdfJob, capture: dict) -> str:
    return book_html(reader_capture(capture), cover_of(capture, load_dataset(job.data_dir)), job.paper)


def _part_file(job: PdfJob, part: int) -> Path:
    return job.out_dir / PARTS_FOLDER / f"part-{part}.pdf"


def _spare_job(job: PdfJob, left, until=None) -> dict[str, float]:
    """Write the guide or briefs drawn from the queue ``left`` until it is empty or
    ``until`` is set; returns the processor seconds each kind took."""
    seconds = {"guide": 0.0, "briefs": 0.0}
    while until is None or not until.is_set():
        try:
            kind, event_id = left.get_nowait()
        except queue.Empty:
            break
        started = time.process_time()
        _write_spare(job, kind, event_id)
        seconds[kind] += time.process_time() - started
    return seconds


def _write_spare(job: PdfJob, kind: str, event_id: str | None) -> None:
    dataset, capture = _dataset(job.data_dir), read_capture(job.capture_file)
    cover = cover_of(capture, dataset)
    if kind == "guide":
        build_guide_pdf(capture, cover, job.out_dir, job.paper)
    else:
        build_briefs(dataset, cover, job.out_dir, job.paper, [event_id])


@cache
def _dataset(data_dir: Path) -> Dataset:
    """The data, read once per process however much spare work it does."""
    return load_dataset(data_dir)


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
