"""Page numbers carried by the text: "(p. 23)" after a cross-reference, the index's pages.

WeasyPrint's ``target-counter()`` can print them, but a number it learns late changes
the width of its line, and re-paginating for ~3,000 of them took the book from one
layout to five. Instead the book is laid out once with placeholders, the page of every
anchor is read from that layout, and the numbers, as wide as the placeholders, are
written into the HTML for a second layout; should a number still move a page break,
the pages are read again and the book laid out once more.

The first layout only has to say where each anchor lands, so it is done in parts, in
parallel: the book is cut where a chapter opens a page anyway ("starts-page"), each
part is laid out on its own, and its pages are counted on from the parts before it.
Those pages are checked, not trusted: the final layout is laid out again should any
anchor land elsewhere.
"""

from __future__ import annotations

import re
from html import escape

from markupsafe import Markup
from weasyprint import Document

from editions.pages import PAGE_PLACEHOLDER

# Two layouts suffice when no number moves a page break; one more in case one does.
MAX_LAYOUTS = 3
_REFERENCE = re.compile(r'<span class="xref-page" data-page-of="([^"]+)">[^<]*</span>')
_BODY = re.compile(r"<body[^>]*>")
_STARTS_PAGE = re.compile(r'(?=<section class="[^"]*\bstarts-page\b)')
_INDEX_PAGES = re.compile(r'<span class="index-pages" data-own="([^"]+)" data-pages-of="([^"]*)">[^<]*</span>')


def index_pages(own_anchor: str, link_ids: list[str]) -> Markup:
    """The index's placeholder for one entry: its own chapter, then the links to it."""
    return Markup(f'<span class="index-pages" data-own="{escape(own_anchor)}" '
                  f'data-pages-of="{escape(" ".join(link_ids))}">000</span>')


def anchor_pages(document: Document) -> dict[str, int]:
    """Where each anchor (id) of a laid-out document starts: its page number, from 1.

    An element split across pages has its anchor on each of them; the first counts.
    """
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


def fill_page_numbers(html: str, pages: dict[str, int]) -> str:
    """The book's HTML with every placeholder replaced by the page it stands for."""
    html = _REFERENCE.sub(lambda match: _reference(pages.get(match.group(1))), html)
    return _INDEX_PAGES.sub(lambda match: _index_entry(pages, match.group(1), match.group(2).split()), html)


def _reference(page: int | None) -> str:
    """The number in the placeholder's own span, so it is set as the placeholder was, and
    as wide: Noto Sans's digits and its figure space (U+2007) are all one width, so "23"
    padded to three takes the room "000" took and no line breaks elsewhere."""
    number = str(page).rjust(len("000"), "\u2007")
    return f'<span class="xref-page">{PAGE_PLACEHOLDER.replace("000", number)}</span>' if page else ""


def _index_entry(pages: dict[str, int], own_anchor: str, link_ids: list[str]) -> str:
    """"<b>120</b>, 5, 9, 11": the entry's own page first, then every other page once, in order."""
    own = pages.get(own_anchor)
    others = sorted({pages[link_id] for link_id in link_ids if link_id in pages} - {own})
    numbers = ([f"<strong>{own}</strong>"] if own else []) + [str(number) for number in others]
    return f'<span class="index-pages">{", ".join(numbers)}</span>'


def page_break_parts(html: str, count: int) -> list[str]:
    """The book cut into at most ``count`` whole documents of about equal length, each
    cut where a section starts a page, so each part paginates as it does in the book."""
    body_at = _BODY.search(html).end()
    closing_at = html.rindex("</body>")
    head, tail = html[:body_at], html[closing_at:]
    pieces = [piece for piece in _STARTS_PAGE.split(html[body_at:closing_at]) if piece]
    share = len(html) / max(1, count)
    groups: list[list[str]] = [[]]
    done = 0
    for piece in pieces:
        # A new part once this one holds its share, counting a piece by its middle.
        if groups[-1] and len(groups) < count and done + len(piece) / 2 > share * len(groups):
            groups.append([])
        groups[-1].append(piece)
        done += len(piece)
    return [head + "".join(group) + tail for group in groups]


def part_pages(document: Document) -> tuple[int, dict[str, int]]:
    """What one part's layout tells the whole: its page count and its anchors' pages."""
    return len(document.pages), anchor_pages(document)


def joined_part_pages(parts: list[tuple[int, dict[str, int]]]) -> dict[str, int]:
    """The book's anchor pages from its parts', each part counted on from those before it."""
    pages: dict[str, int] = {}
    offset = 0
    for page_count, anchors in parts:
        for anchor, number in anchors.items():
            pages.setdefault(anchor, offset + number)
        offset += page_count
    return pages


def lay_out_with_page_numbers(html: str, lay_out, known_pages: dict[str, int] | None = None) -> Document:
    """``lay_out(html) -> Document``, repeated until the numbers in the text are right.

    ``known_pages``: where the anchors are believed to be (joined_part_pages); the first
    layout then already prints them, and is the last if they hold.
    """
    pages = known_pages if known_pages is not None else anchor_pages(lay_out(html))
    for _ in range(MAX_LAYOUTS - 1):
        document = lay_out(fill_page_numbers(html, pages))
        if (laid_out := anchor_pages(document)) == pages:
            break
        pages = laid_out
    return document
