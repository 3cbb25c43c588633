"""Page numbers carried by the text: "(p. 23)" after a cross-reference, the contents' and
the index's pages, the "5 / 188" at a page's foot.

WeasyPrint's ``target-counter()`` can print them, but a number it learns late changes
the width of its line, and re-paginating for ~3,000 of them took the book from one
layout to five. Instead the book is laid out once with placeholders as wide as any
number ("000": Noto Sans's digits and its figure space are all one width), the page
of every anchor is read from that layout, and the numbers are written into the
placeholders' text boxes of the same layout before it is drawn (number_pages): no
line and no page break can move, so one layout serves. The index is the exception:
an entry's list of pages is as long as it is, so the index is laid out last, its
numbers written into its HTML (fill_index_pages).

WeasyPrint lays out one document per process, so the book is laid out in parts, in
parallel: it is cut where a top-level chapter opens a page anyway, each part is laid
out on its own, and its pages are counted on from the parts before it; its running
heads come from part_page_style and its foot from the numbers. Each part is written as
a PDF and editions.joining makes them one. A link to another part is written as an
address (editions.joining.OTHER_PART_LINK), since WeasyPrint drops a link to an anchor
its document lacks.
"""

from __future__ import annotations

import re
from html import escape

from markupsafe import Markup
from weasyprint import Document
from weasyprint.formatting_structure.boxes import TextBox

from editions.joining import OTHER_PART_LINK

# The placeholder of a number, and what pads a shorter one to its width. Three digits:
# a book of 1,000 pages or more prints its numbers a digit wider than their place.
NUMBER_PLACEHOLDER, FIGURE_SPACE = "000", "\u2007"
# A part's foot until its numbers are known: "page / pages" (book.css has the same words).
FOOTER_PLACEHOLDER = f"{NUMBER_PLACEHOLDER} / {NUMBER_PLACEHOLDER}"
# A document laid out whole with an index: its pages, once more if the index moved them.
MAX_LAYOUTS = 3
_REFERENCE = re.compile(r'<span class="xref-page" data-page-of="([^"]+)">[^<]*</span>')
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
                  f'data-pages-of="{escape(" ".join(link_ids))}">{NUMBER_PLACEHOLDER}</span>')


def contents_page(anchor: str) -> Markup:
    """The contents' placeholder for the page a chapter starts on."""
    return Markup(f'<span class="toc-page" data-page-of="{escape(anchor)}">{NUMBER_PLACEHOLDER}</span>')


def anchor_pages(document: Document) -> dict[str, int]:
    """Where each anchor (id) of a laid-out document starts: its page number, from 1.

    An element split across pages has its anchor on each of them; the first counts.
    """
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


def without_unplaced_references(html: str) -> str:
    """``html`` without the references to anchors it does not have: no page to print."""
    anchors = set(_ID.findall(html))
    return _REFERENCE.sub(lambda match: match.group(0) if match.group(1) in anchors else "", html)


def number_pages(document: Document, pages: dict[str, int], first_page: int = 1, total: int | None = None) -> None:
    """Write the numbers into the placeholders of a laid-out ``document``, before it is drawn.

    ``pages``: where every anchor of the book is; ``first_page``: the book's number of
    the document's first page; ``total``: the book's page count, for the foot of a part
    (a document laid out whole counts its own pages). Each number takes its placeholder's
    text box, as wide as the placeholder, so nothing the layout placed can move.
    """
    for number, page in enumerate(document.pages, start=first_page):
        for box in _text_boxes(page):
            text = _numbered_text(box, pages, number, total)
            if text is not None:
                # The text a text box draws is its layout's (Pango's, shaped anew when drawn).
                box.text = box.pango_layout.text = text


def _text_boxes(page) -> list[TextBox]:
    """A laid-out page's text boxes, margins included. WeasyPrint has no public way to
    them: this reads its page box (``_page_box``), pinned with WeasyPrint in
    requirements.in and checked by the tests of the printed numbers."""
    return [box for box in page._page_box.descendants() if isinstance(box, TextBox)]


def _numbered_text(box: TextBox, pages: dict[str, int], page_number: int, total: int | None) -> str | None:
    """The text of ``box`` with its number, or None when it holds no placeholder."""
    if NUMBER_PLACEHOLDER not in box.text:
        return None
    if box.text == FOOTER_PLACEHOLDER:
        return None if total is None else f"{_padded(page_number)} / {str(total).ljust(3, FIGURE_SPACE)}"
    kind = box.element.get("class") if box.element is not None else None
    if kind not in ("xref-page", "toc-page"):
        return None
    page = pages.get(box.element.get("data-page-of"))
    if page is None:
        return " " * len(box.text)
    if kind == "toc-page":
        return box.text.replace(NUMBER_PLACEHOLDER, _padded(page), 1)
    return _reference(box.text, page)


def _padded(number: int) -> str:
    """``number`` right-aligned in the placeholder's width, with figure spaces."""
    return str(number).rjust(len(NUMBER_PLACEHOLDER), FIGURE_SPACE)


def _reference(text: str, page: int) -> str:
    """" (p. 23)" in place of " (p. 000)": the padding goes before the parenthesis, not
    inside it ("(p.   5)"), and, being no-break, after the plain space where a narrow
    column may break the line."""
    padding = FIGURE_SPACE * max(0, len(NUMBER_PLACEHOLDER) - len(str(page)))
    return text.replace("(", padding + "(", 1).replace(NUMBER_PLACEHOLDER, str(page), 1)


def fill_index_pages(html: str, pages: dict[str, int]) -> str:
    """The index's placeholders in ``html`` replaced by the pages they stand for."""
    return _INDEX_PAGES.sub(lambda match: _index_entry(pages, match.group(1), match.group(2).split()), html)


def _index_entry(pages: dict[str, int], own_anchor: str, link_ids: list[str]) -> str:
    """"<b>120</b>, 5, 9, 11": the entry's own page first, then every other page once, in order."""
    own = pages.get(own_anchor)
    others = sorted({pages[link_id] for link_id in link_ids if link_id in pages} - {own})
    numbers = ([f"<strong>{own}</strong>"] if own else []) + [str(number) for number in others]
    return f'<span class="index-pages">{", ".join(numbers)}</span>'


def is_index_part(part: str) -> bool:
    """Whether ``part`` has the index: laid out once the other parts' pages are known."""
    return _INDEX_PAGES.search(part) is not None


def lay_out_numbered(html: str, lay_out) -> Document:
    """``lay_out(html) -> Document`` with the numbers written in: a document laid out
    whole, in one process (the editors' guide). With an index, it is laid out again with
    the index's pages until they hold."""
    html = without_unplaced_references(html)
    document = lay_out(html)
    if is_index_part(html):
        for _ in range(MAX_LAYOUTS - 1):
            pages = anchor_pages(document)
            document = lay_out(fill_index_pages(html, pages))
            if anchor_pages(document) == pages:
                break
    number_pages(document, anchor_pages(document))
    return document


def page_break_parts(html: str, count: int) -> list[str]:
    """The book cut into at most ``count`` whole documents of about equal work, each cut
    where a top-level chapter starts, so each part paginates as it does in the book and
    its bookmarks stand at the outline's first level; the index, if any, is one more
    part, the last (is_index_part). References to anchors the book lacks are dropped."""
    html = without_unplaced_references(html)
    body_at = _BODY.search(html).end()
    closing_at = html.rindex("</body>")
    head, tail = html[:body_at], html[closing_at:]
    pieces = [piece for piece in _OPENS_CHAPTER.split(html[body_at:closing_at]) if piece]
    index = [piece for piece in pieces if is_index_part(piece)]
    groups = _groups_of_equal_work([piece for piece in pieces if not is_index_part(piece)], count)
    bodies = ["".join(group) for group in groups + [index] if group]
    return [head + (_links_to_other_parts(body) if len(bodies) > 1 else body) + tail for body in bodies]


def _groups_of_equal_work(pieces: list[str], count: int) -> list[list[str]]:
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
    return groups


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


def part_page_style(first_part: bool, title: str) -> str:
    """CSS for a part laid out on its own: its foot a placeholder (number_pages writes
    the book's numbers in); a later part, whose first page is no cover, shows the running
    heads there too and names the book, whose title only the cover sets (string-set)."""
    footer = f'@bottom-center {{ content: "{FOOTER_PLACEHOLDER}"; }}'
    if first_part:
        return f"@page {{ {footer} }}"
    heads = f"@top-left {{ content: {_css_string(title)}; }} @top-right {{ content: string(chapter); }}"
    return f"@page {{ {footer} {heads} }}\n@page :first {{ {footer} {heads} }}"


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
