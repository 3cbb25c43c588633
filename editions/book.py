"""The whole book as one HTML document, ready for WeasyPrint: cover, contents, chapters.

Chapters are the site's own pages, captured during the offline build (``capture``), in
the order of the site's navigation; sections of the navigation become parts of the book.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from markupsafe import Markup

from editions.pages import ChapterRewriter, linked_paths, page_anchor
from editions.templates import render

_STARTS_WITH_H1 = re.compile(r"^\s*<h1[\s>]")


@dataclass(frozen=True)
class Cover:
    """What the cover says: the book's title, how current its data is, which build it is."""

    title: str
    as_of: str
    version: str


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


def book_html(capture: dict, cover: Cover, paper: str) -> str:
    """The book as one HTML document, from the record of an offline build."""
    entries = list(book_entries(capture))
    return render("book.html.j2", cover=cover, entries=entries, paper=paper)


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
        html = ChapterRewriter(path, self.page_paths, self.site_url).rewrite(self.pages[path]["html"])
        title = self.pages[path]["title"]
        return Entry(depth, title, page_anchor(path), Markup(html), bool(_STARTS_WITH_H1.match(html)))


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "section"
