"""The whole book as one HTML document, ready for WeasyPrint: cover, contents, chapters.

Chapters are the site's own pages, captured during the offline build (``capture``), in
the order of the site's navigation; sections of the navigation become parts of the book.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from markupsafe import Markup

from editions.pages import ChapterRewriter, page_anchor
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
    """Every part and chapter, in navigation order."""
    page_paths = set(_page_paths(capture["nav"]))
    yield from _entries(capture["nav"], 1, page_paths, capture.get("site_url"))


def _page_paths(items: list[dict]) -> Iterator[str]:
    for item in items:
        if "children" in item:
            yield from _page_paths(item["children"])
        else:
            yield item["path"]


def _entries(items: list[dict], depth: int, page_paths: set[str], site_url: str | None) -> Iterator[Entry]:
    for item in items:
        if "children" not in item:
            yield _chapter(item, depth, page_paths, site_url)
            continue
        children = item["children"]
        # A section whose first page is its index (navigation.indexes) is that page: the
        # part heading is the index page, and the section is not named twice.
        if children and "children" not in children[0] and children[0]["path"].endswith("index.html"):
            yield _chapter(children[0], depth, page_paths, site_url)
            children = children[1:]
        else:
            yield Entry(depth, item["title"], f"s-{depth}-{_slug(item['title'])}")
        yield from _entries(children, depth + 1, page_paths, site_url)


def _chapter(page: dict, depth: int, page_paths: set[str], site_url: str | None) -> Entry:
    html = ChapterRewriter(page["path"], page_paths, site_url).rewrite(page["html"])
    return Entry(depth, page["title"], page_anchor(page["path"]), Markup(html), bool(_STARTS_WITH_H1.match(html)))


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "section"
