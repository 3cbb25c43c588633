"""The build's pages: render functions joined with the build's figures and links.

Both MkDocs adapters use one ``BookPages`` per build: the hook
(hooks/generate.py) renders every record and index page with it, the macros
(macros/__init__.py) the data-driven parts of the hand-written pages. Each
call takes the URL of the page being built, so every link is relative to it.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from macros import ahead, render
from macros.blocks import HeldBlocks
from macros.book import Book
from macros.figures import DOWNLOADS_DIR, Figures, brief_link
from macros.links import href_from
from visuals.downloads import write_downloads


class BookPages:
    """One build's book and figures (visuals, citation date, commit dates: each made once)."""

    def __init__(self, book: Book, site_url: str | None):
        self.book = book
        self.figures = Figures(book, site_url)
        self.blocks = HeldBlocks()  # the macros' HTML, out of the hand-written pages' Markdown
        self._downloads: ahead.Job | None = None

    def record(self, kind: str, record_id: str, page_url: str) -> Markup:
        """The whole page of one event, person, treaty, topic or place."""
        extras = {"last_updated": self.figures.last_updated(kind, record_id),
                  "citation": self.figures.citation(kind, record_id),
                  "brief": brief_link(record_id, page_url) if kind == "events" else None}
        return render.render_entity_page(self.book, kind, record_id, extras, href_from(page_url))

    def kind_index(self, kind: str, page_url: str) -> Markup:
        """The index page of one kind of record, with the date of its newest change."""
        return render.render_kind_index(self.book, kind, href_from(page_url)) + self.figures.kind_updated(kind)

    def write_downloads(self, site_dir: Path) -> None:
        """The data as JSON and CSV, with the schemas, in the site's downloads/ folder."""
        if self._downloads is not None:
            job, self._downloads = self._downloads, None
            if ahead.finish_or_none(job) is not None:
                return
        schemas = self.book.repo_root / "schemas"
        write_downloads(self.book.dataset, site_dir / DOWNLOADS_DIR, schemas, self.book.as_of)

    def write_downloads_ahead(self, site_dir: Path) -> None:
        """Start writing the downloads in a forked process; ``write_downloads`` waits for it."""
        self._downloads = ahead.start(lambda: self.write_downloads(site_dir) or True)


_current: list[BookPages] = []


def use_pages(pages: BookPages) -> None:
    """Make ``pages`` the build's (one build at a time per process; the hook sets it first)."""
    _current[:] = [pages]


def current_pages() -> BookPages:
    if not _current:
        raise RuntimeError("no book loaded: the hooks/generate.py hook must run before the macros")
    return _current[0]


_built: list[Book] = []


def remember_built(book: Book) -> None:
    """Note that the site folder now holds the pages of ``book`` (the hook calls this when a build ends)."""
    _built[:] = [book]


def last_built() -> Book | None:
    """The book of this process's last finished build, if any: a live-preview rebuild compares its data.

    A build that failed wrote its pages partly or not at all, so it is never the one compared.
    """
    return _built[0] if _built else None
