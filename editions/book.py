"""The whole book as one HTML document, ready for WeasyPrint: cover, contents, chapters.

Chapters are the site's own pages, captured during the offline build (``capture``), in
the order of the site's navigation; sections of the navigation become parts of the book.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from typing import Iterator

from markupsafe import Markup

from editions.pages import ChapterRewriter, linked_paths, page_anchor
from editions.paging import contents_page, index_pages
from editions.tables import with_column_widths
from editions.templates import render

_STARTS_WITH_H1 = re.compile(r"^\s*<h1[\s>]")
_FIRST_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
# Pages the reader's book leaves out: the editors' guide (make, git, an editor) is a PDF
# of its own, and the Data page only offers downloads, which paper cannot.
EDITORS_PAGES = ("guide/",)
# The index closes the book: the records of these folders, under these headings.
INDEXED_FOLDERS = {"people/": "People", "places/": "Places", "treaties/": "Treaties and agreements", "topics/": "Topics"}
INDEX_TITLE, INDEX_ANCHOR = "Index", "p-book-index"
WEB_ONLY_PAGES = ("data.html",)


@dataclass(frozen=True)
class Cover:
    """What the cover and imprint say: the book's title, how current its data is (the
    data cut-off), which edition and build it is, and where it is read online."""

    title: str
    as_of: str
    version: str
    edition: str = ""
    site_url: str | None = None

    @property
    def citation(self) -> str:
        """How to cite the book, in the words of a page's "Cite this page" (visuals.cite)."""
        address = f" {self.site_url}" if self.site_url else ""
        return f"{self.title}. PDF edition of {self.edition}, version {self.version}. Data as of {self.as_of}.{address}"


@dataclass(frozen=True)
class Entry:
    """One heading of the book: a part (no html of its own) or a chapter (a site page).

    ``depth`` is the level in the navigation (1 = top); it sets the heading's level in
    the contents and in the PDF outline.
    """

    depth: int
    title: str
    anchor: str
    html: Markup = Markup("")
    has_title: bool = True


@dataclass(frozen=True)
class IndexEntry:
    """One name in the index: its own chapter, and the first link to it in every other."""

    name: str
    anchor: str
    link_ids: list[str]


def book_html(capture: dict, cover: Cover, paper: str) -> str:
    """The book as one HTML document, from the record of an offline build."""
    entries = list(book_entries(capture))
    return render("book.html.j2", cover=cover, entries=entries, paper=paper, contents_page=contents_page)


def pages_under(capture: dict, prefixes: tuple[str, ...], keep: bool) -> dict:
    """The capture with only the pages under ``prefixes`` (keep) or without them."""
    def wanted(path: str) -> bool:
        return path.startswith(prefixes) == keep
    return {**capture, "nav": _nav_with(capture["nav"], wanted),
            "pages": {path: page for path, page in capture["pages"].items() if wanted(path)}}


def reader_capture(capture: dict) -> dict:
    """What the reader's book is made of: every page but the editors' and the web-only ones."""
    return pages_under(capture, EDITORS_PAGES + WEB_ONLY_PAGES, keep=False)


def _nav_with(items: list[dict], wanted) -> list[dict]:
    """Navigation items whose pages are wanted; sections left empty are dropped."""
    kept = []
    for item in items:
        if "children" in item:
            children = _nav_with(item["children"], wanted)
            kept += [{**item, "children": children}] if children else []
        elif wanted(item["path"]):
            kept.append(item)
    return kept


def heading_text(html: str, fallback: str) -> str:
    """A chapter's own h1 as plain text (so the contents say what the page says)."""
    heading = _FIRST_H1.search(html)
    text = " ".join(unescape(_TAG.sub("", heading.group(1))).split()) if heading else ""
    return text or fallback


def book_entries(capture: dict) -> Iterator[Entry]:
    """Every part and chapter: the navigation's order, with the pages it leaves out
    (the site lists records on their kind's index page, not in the sidebar) placed
    after the index page of their folder, in the order that index lists them."""
    pages = capture["pages"]
    owned = _pages_by_index(capture["nav"], pages)
    entries = _Entries(pages, owned, capture.get("site_url"))
    yield from entries.of_items(capture["nav"], 1)
    placed = set(_nav_paths(capture["nav"])) | {path for paths in owned.values() for path in paths}
    for path in pages:
        if path not in placed:
            yield entries.chapter(path, 1)
    if index := entries.index():
        yield index


def _nav_paths(items: list[dict]) -> Iterator[str]:
    for item in items:
        if "children" in item:
            yield from _nav_paths(item["children"])
        else:
            yield item["path"]


def _pages_by_index(nav: list[dict], pages: dict[str, dict]) -> dict[str, list[str]]:
    """For each folder index page in the navigation, the pages under it that are not."""
    in_nav = set(_nav_paths(nav))
    indexes = sorted((path for path in in_nav if path.endswith("/index.html")), key=len, reverse=True)
    owned: dict[str, list[str]] = {index: [] for index in indexes}
    for path in pages:
        # The deepest index whose folder holds the page owns it.
        owner = next((index for index in indexes if path.startswith(index.removesuffix("index.html"))), None)
        if path not in in_nav and owner:
            owned[owner].append(path)
    for index, paths in owned.items():
        link_order = {path: rank for rank, path in enumerate(linked_paths(index, pages[index]["html"]))}
        paths.sort(key=lambda path: (link_order.get(path, len(link_order)), path))
    return owned


class _Entries:
    """Makes the entries of navigation items, each page rewritten for the book once."""

    def __init__(self, pages: dict[str, dict], owned: dict[str, list[str]], site_url: str | None):
        self.pages = pages
        self.owned = owned
        self.site_url = site_url
        self.page_paths = set(pages)
        self.titles: dict[str, str] = {}
        # For each page, the first link to it in each chapter that links to it, in book order.
        self.links_to: dict[str, dict[str, str]] = {}

    def of_items(self, items: list[dict], depth: int) -> Iterator[Entry]:
        for item in items:
            if "children" not in item:
                yield from self.with_owned(item["path"], depth)
                continue
            children = item["children"]
            # A section whose first page is its index (navigation.indexes) is that page:
            # the part heading is the index page, and the section is not named twice.
            if children and "children" not in children[0] and children[0]["path"].endswith("index.html"):
                yield from self.with_owned(children[0]["path"], depth)
                children = children[1:]
            else:
                yield Entry(depth, item["title"], f"s-{depth}-{_slug(item['title'])}")
            yield from self.of_items(children, depth + 1)

    def with_owned(self, path: str, depth: int) -> Iterator[Entry]:
        yield self.chapter(path, depth)
        for child in self.owned.get(path, []):
            yield self.chapter(child, depth + 1)

    def chapter(self, path: str, depth: int) -> Entry:
        rewriter = ChapterRewriter(path, self.page_paths, self.site_url)
        html = with_column_widths(rewriter.rewrite(self.pages[path]["html"]))
        self.titles[path] = title = heading_text(html, self.pages[path]["title"])
        for target, link_id in rewriter.cross_references:
            self.links_to.setdefault(target, {}).setdefault(rewriter.anchor, link_id)
        return Entry(depth, title, page_anchor(path), Markup(html), bool(_STARTS_WITH_H1.match(html)))

    def index(self) -> Entry | None:
        """The book's last chapter: every person, place, treaty and topic with the page
        of its own chapter and of each chapter that refers to it; None if there are none."""
        groups = [(heading, sorted(self._index_entries(folder), key=lambda entry: entry.name.casefold()))
                  for folder, heading in INDEXED_FOLDERS.items()]
        groups = [(heading, entries) for heading, entries in groups if entries]
        if not groups:
            return None
        return Entry(1, INDEX_TITLE, INDEX_ANCHOR, Markup(render("index.html.j2", title=INDEX_TITLE, groups=groups, index_pages=index_pages)))

    def _index_entries(self, folder: str) -> Iterator[IndexEntry]:
        for path, title in self.titles.items():
            if path.startswith(folder) and not path.endswith("index.html"):
                yield IndexEntry(title, page_anchor(path), list(self.links_to.get(path, {}).values()))


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "section"
