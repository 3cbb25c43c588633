"""Build the PDFs: the whole book from the offline build's page record, a brief per event.

Both the command line (scripts/build_pdf.py) and the tests build through here.
"""

from __future__ import annotations

import json
from pathlib import Path

from briefing.dataset import Dataset
from editions.book import Cover, book_html
from editions.briefs import brief_html
from editions.metadata import book_version, data_as_of
from editions.render import stylesheets, write_pdf

ROOT = Path(__file__).resolve().parent.parent
BOOK_FILE = "briefing-book.pdf"
BRIEFS_FOLDER = "briefs"


def read_capture(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


def cover_of(capture: dict, dataset: Dataset) -> Cover:
    return Cover(title=capture["site_name"], as_of=data_as_of(dataset), version=book_version(ROOT))


def build_book_pdf(capture: dict, cover: Cover, out_dir: Path, paper: str = "a4") -> Path:
    """``out_dir/briefing-book.pdf``: cover, contents, every page of the site."""
    target = out_dir / BOOK_FILE
    styles = stylesheets("content.css", "book.css", paper=paper)
    write_pdf(book_html(capture, cover, paper), target, styles, base_dir=Path(capture["site_dir"]))
    return target


def build_briefs(dataset: Dataset, cover: Cover, out_dir: Path, paper: str = "a4") -> list[Path]:
    """``out_dir/briefs/<event-id>.pdf`` for every event."""
    styles = stylesheets("content.css", "brief.css", paper=paper)
    targets = []
    for event in dataset.kind("events").values():
        target = out_dir / BRIEFS_FOLDER / f"{event.id}.pdf"
        write_pdf(brief_html(dataset, event, cover.title, cover.as_of, cover.version), target, styles)
        targets.append(target)
    return targets
