"""Page numbers carried by the text: "(p. 23)" after a cross-reference, the index's pages.

WeasyPrint's ``target-counter()`` can print them, but a number it learns late changes
the width of its line, and re-paginating for ~3,000 of them took the book from one
layout to five. Instead the book is laid out once with placeholders, the page of every
anchor is read from that layout, and the numbers, as wide as the placeholders, are
written into the HTML for a second layout; should a number still move a page break,
the pages are read again and the book laid out once more.

WeasyPrint lays out one document per process, so the book is laid out in parts, in
parallel: it is cut where a top-level chapter opens a page anyway, each part is laid
out on its own, and its pages are counted on from the parts before it. Each part is
laid out again with the numbers, and its own page numbering (part_page_style), and
written; editions.joining makes them one PDF. A link to another part is written as an
address (editions.joining.OTHER_PART_LINK), since WeasyPrint drops a link to an anchor
its document lacks.
"""

from __future__ import annotations

import re
from html import escape

from markupsafe import Markup
from weasyprint import Document

from editions.joining import OTHER_PART_LINK
from editions.pages import PAGE_PLACEHOLDER

# Two layouts suffice when no number moves a page break; one more in case one does.
MAX_LAYOUTS = 3
_REFERENCE = re.compile(r'<span class="xref-page" data-page-of="([^"]+)">[^<]*</span>')
_CONTENTS_PAGE = re.compile(r'<span class="toc-page" data-page-of="([^"]+)">[^<]*</span>')
_BODY = re.compile(r"<body[^>]*>")
# Where a part may begin: a top-level chapter, which opens a page and the outline's first level.
_OPENS_CHAPTER = re.compile(r'(?=<section class="[^"]*\bdepth-1\b[^"]*\bstarts-page\b)')
_INDEX_PAGES = re.compile(r'<span class="index-pages" data-own="([^"]+)" data-pages-of="([^"]*)">[^<]*</span>')
_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
_ID = re.compile(r'\sid="([^"]+)"')
_LOCAL_LINK = re.compile(r'href="#([^"]+)"')


def index_pages(own_anchor: str, link_ids: list[str]) -> Markup:
    """The index's placeholder for one entry: its own chapter, then the links to it."""
    return Markup(f'<span class="index-pages" data-own="{escape(own_anchor)}" '
                  f'data-pages-of="{escape(" ".join(link_ids))}">000</span>')


def contents_page(anchor: str) -> Markup:
    """The contents' placeholder for the page a chapter starts on."""
    return Markup(f'<span class="toc-page" data-page-of="{escape(anchor)}">000</span>')


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
    html = _CONTENTS_PAGE.sub(lambda match: f'<span class="toc-page">{pages.get(match.group(1), "")}</span>', html)
    return _INDEX_PAGES.sub(lambda match: _index_entry(pages, match.group(1), match.group(2).split()), html)


def _reference(page: int | None) -> str:
    """The number in the placeholder's own span, so it is set as the placeholder was, and
    as wide: Noto Sans's digits and its figure space (U+2007) are all one width, so "23"
    and one figure space take the room "000" took and no line breaks elsewhere. The
    padding goes before the parenthesis, not inside it ("(p.   5)"), and, being a no-break
    space, after the plain space where a narrow column may break the line."""
    if not page:
        return ""
    padding = "\u2007" * (len("000") - len(str(page)))
    text = PAGE_PLACEHOLDER.replace("(", padding + "(", 1).replace("000", str(page))
    return f'<span class="xref-page">{text}</span>'


def _index_entry(pages: dict[str, int], own_anchor: str, link_ids: list[str]) -> str:
    """"<b>120</b>, 5, 9, 11": the entry's own page first, then every other page once, in order."""
    own = pages.get(own_anchor)
    others = sorted({pages[link_id] for link_id in link_ids if link_id in pages} - {own})
    numbers = ([f"<strong>{own}</strong>"] if own else []) + [str(number) for number in others]
    return f'<span class="index-pages">{", ".join(numbers)}</span>'


def page_break_parts(html: str, count: int) -> list[str]:
    """The book cut into at most ``count`` whole documents of about equal work, each cut
    where a top-level chapter starts, so each part paginates as it does in the book and
    its bookmarks stand at the outline's first level."""
    body_at = _BODY.search(html).end()
    closing_at = html.rindex("</body>")
    head, tail = html[:body_at], html[closing_at:]
    pieces = [piece for piece in _OPENS_CHAPTER.split(html[body_at:closing_at]) if piece]
    weights = [_layout_work(piece) for piece in pieces]
    share = sum(weights) / max(1, count)
    groups: list[list[str]] = [[]]
    done = 0.0
    for piece, weight in zip(pieces, weights):
        # A new part once this one holds its share, counting a piece by its middle.
        if groups[-1] and len(groups) < count and done + weight / 2 > share * len(groups):
            groups.append([])
        groups[-1].append(piece)
        done += weight
    bodies = ["".join(group) for group in groups]
    return [head + (_links_to_other_parts(body) if len(bodies) > 1 else body) + tail for body in bodies]


def _layout_work(piece: str) -> float:
    """About how long ``piece`` takes to lay out and write, in characters of HTML: on this
    book a character of a chart's or the map's SVG took about half the time of one of
    text (2 processes: 640 kB of text 14.9 s; 350 kB of text and 290 kB of SVG 12.6 s)."""
    svg = sum(len(match.group(0)) for match in _SVG.finditer(piece))
    return len(piece) - svg / 2


def _links_to_other_parts(body: str) -> str:
    """``body`` with each link to an anchor it does not hold written as an address into
    another part, which WeasyPrint keeps and editions.joining makes a link again."""
    anchors = set(_ID.findall(body))
    return _LOCAL_LINK.sub(lambda match: match.group(0) if match.group(1) in anchors
                           else f'href="{OTHER_PART_LINK}{match.group(1)}"', body)


def part_page_style(first_page: int, total_pages: int, title: str) -> str:
    """CSS for a part laid out on its own: its pages numbered on from ``first_page`` of the
    book's ``total_pages``; a later part, whose first page is no cover, shows the running
    heads there too and names the book, whose title only the cover sets (string-set)."""
    footer = f'@bottom-center {{ content: counter(page) " / {total_pages}"; }}'
    if first_page == 1:
        return f"@page {{ {footer} }}"
    heads = f"@top-left {{ content: {_css_string(title)}; }} @top-right {{ content: string(chapter); }}"
    return (f"@page {{ {footer} {heads} }}\n"
            f"@page :first {{ counter-reset: page {first_page}; {footer} {heads} }}")


def _css_string(text: str) -> str:
    """``text`` as a CSS string: every character but letters, digits and spaces escaped."""
    return '"' + "".join(char if char.isalnum() or char == " " else f"\\{ord(char):x} " for char in text) + '"'


def part_pages(document: Document) -> tuple[int, dict[str, int]]:
    """What one part's layout tells the whole: its page count and its anchors' pages."""
    return len(document.pages), anchor_pages(document)


def part_first_pages(parts: list[tuple[int, dict[str, int]]]) -> list[int]:
    """The book's page number of each part's first page."""
    firsts = [1]
    for page_count, _ in parts[:-1]:
        firsts.append(firsts[-1] + page_count)
    return firsts


def joined_part_pages(parts: list[tuple[int, dict[str, int]]]) -> dict[str, int]:
    """The book's anchor pages from its parts', each part counted on from those before it."""
    pages: dict[str, int] = {}
    for first_page, (_, anchors) in zip(part_first_pages(parts), parts):
        for anchor, number in anchors.items():
            pages.setdefault(anchor, first_page - 1 + number)
    return pages


def lay_out_with_page_numbers(html: str, lay_out) -> Document:
    """``lay_out(html) -> Document``, repeated until the numbers in the text are right:
    a document laid out whole, in one process (the editors' guide)."""
    pages = anchor_pages(lay_out(html))
    for _ in range(MAX_LAYOUTS - 1):
        document = lay_out(fill_page_numbers(html, pages))
        if (laid_out := anchor_pages(document)) == pages:
            break
        pages = laid_out
    return document
