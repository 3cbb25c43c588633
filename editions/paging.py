"""Page numbers carried by the text: "(p. 23)" after a cross-reference, the index's pages.

WeasyPrint's ``target-counter()`` can print them, but a number it learns late changes
the width of its line, and re-paginating for ~3,000 of them took the book from one
layout to five. Instead the book is laid out once with placeholders, the page of every
anchor is read from that layout, and the numbers, as wide as the placeholders, are
written into the HTML for a second layout; should a number still move a page break,
the pages are read again and the book laid out once more.
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


def lay_out_with_page_numbers(html: str, lay_out) -> Document:
    """``lay_out(html) -> Document``, repeated until the numbers in the text are right."""
    document = lay_out(html)
    for _ in range(MAX_LAYOUTS - 1):
        pages = anchor_pages(document)
        document = lay_out(fill_page_numbers(html, pages))
        if anchor_pages(document) == pages:
            break
    return document
