"""Page numbers written into the text once a layout has said where every anchor is."""

from __future__ import annotations

import re

from editions.pages import page_reference
from tests.editions.pdfread import pdftotext
from weasyprint import CSS, HTML

from editions.joining import OTHER_PART_LINK
from editions.paging import (anchor_pages, contents_page, fill_page_numbers, index_pages, joined_part_pages,
                             lay_out_with_page_numbers, page_break_parts, part_first_pages, part_page_style, part_pages)

PAGES = {"p-people-kim": 12, "p-events-a--xref-1": 3, "p-events-b--xref-4": 7, "p-events-c--xref-2": 7}


def test_a_reference_gets_the_page_of_its_target():
    assert fill_page_numbers(f"Kim{page_reference('p-people-kim')}.", PAGES) == (
        'Kim<span class="xref-page"> \u2007(p.\u00a012)</span>.')


def test_a_contents_entry_gets_the_page_its_chapter_starts_on():
    assert fill_page_numbers(str(contents_page("p-people-kim")), PAGES) == '<span class="toc-page">12</span>'


def test_an_index_entry_gives_its_own_page_first_then_each_other_page_once_in_order():
    html = str(index_pages("p-people-kim", ["p-events-b--xref-4", "p-events-a--xref-1", "p-events-c--xref-2"]))
    assert fill_page_numbers(html, PAGES) == '<span class="index-pages"><strong>12</strong>, 3, 7</span>'


class FakeDocument:
    """A laid-out document as far as paging reads it: pages with the anchors on them."""

    def __init__(self, anchors_by_page: list[list[str]]):
        self.pages = [type("Page", (), {"anchors": dict.fromkeys(anchors)})() for anchors in anchors_by_page]


def test_the_book_is_laid_out_again_until_its_numbers_hold():
    layouts = iter([[["a"], ["b"]], [["a"], [], ["b"]], [["a"], [], ["b"]]])
    seen = []

    def lay_out(html):
        seen.append(html)
        return FakeDocument(next(layouts))
    lay_out_with_page_numbers(page_reference("b"), lay_out)
    # The numbers moved page b once (2 -> 3): a third layout, which printed 3.
    assert len(seen) == 3 and "\u2007\u2007(p.\u00a02)" in seen[1] and "\u2007\u2007(p.\u00a03)" in seen[2]


def _book(sections: list[tuple[str, bool, int]]) -> str:
    """A book as book.html.j2 writes one: sections by id, page-starting or not, of n paragraphs."""
    body = "".join(
        f'<section class="chapter depth-{1 if starts else 3}{" starts-page" if starts else ""}" id="{anchor}">'
        f'<h1>{anchor}</h1>' + "<p>Text of the chapter, long enough to fill a few lines.</p>" * paragraphs + "</section>"
        for anchor, starts, paragraphs in sections)
    return f'<!DOCTYPE html><html lang="en"><head><title>T</title></head><body class="book">{body}</body></html>'


SECTIONS = [("p-a", True, 30), ("p-b", False, 50), ("p-c", True, 5), ("p-d", True, 70), ("p-e", False, 3)]


def test_the_book_is_cut_only_where_a_section_starts_a_page_and_nothing_is_lost():
    html = _book(SECTIONS)
    parts = page_break_parts(html, 2)
    assert len(parts) == 2
    assert all(part.startswith("<!DOCTYPE html>") and part.endswith("</body></html>") for part in parts)
    assert parts[1].split("<body class=\"book\">", 1)[1].startswith('<section class="chapter depth-1 starts-page" id="p-c">')
    body = lambda document: document.split('<body class="book">', 1)[1].removesuffix("</body></html>")  # noqa: E731
    assert body(parts[0]) + body(parts[1]) == body(html)
    assert page_break_parts(html, 1) == [html]


def test_the_parts_laid_out_apart_find_the_pages_the_whole_book_has():
    """Real WeasyPrint layouts: the pages counted on from part to part are the book's."""
    styles = [CSS(string=".starts-page { break-before: page; } @page { size: A6; }")]
    html = _book(SECTIONS)

    def lay_out(source):
        return HTML(string=source).render(stylesheets=styles)
    parts = [part_pages(lay_out(part)) for part in page_break_parts(html, 3)]
    whole = anchor_pages(lay_out(html))
    assert joined_part_pages(parts) == whole
    assert whole["p-d"] > whole["p-c"] > whole["p-b"] > 1


def test_parts_are_counted_on_from_the_pages_before_them():
    assert joined_part_pages([(3, {"a": 1, "b": 3}), (2, {"c": 1, "d": 2}), (4, {"e": 4})]) == {
        "a": 1, "b": 3, "c": 4, "d": 5, "e": 9}


def test_parts_start_on_the_book_pages_after_those_before_them():
    assert part_first_pages([(3, {}), (2, {}), (4, {})]) == [1, 4, 6]


def test_a_link_to_another_part_becomes_an_address_and_a_link_within_its_part_stays():
    html = _book(SECTIONS).replace("<h1>p-a</h1>", '<h1>p-a</h1><a href="#p-d">to d</a><a href="#p-b">to b</a>')
    first, second = page_break_parts(html, 2)
    assert f'href="{OTHER_PART_LINK}p-d"' in first and 'href="#p-b"' in first
    # One part is the whole book: no other part to point to.
    assert 'href="#p-d"' in page_break_parts(html, 1)[0]


def test_a_later_part_numbers_its_pages_on_from_the_book_and_keeps_its_running_heads(tmp_path):
    """Real WeasyPrint and pdftotext: the part's first page is the book's page 5 of 9,
    with the book's title and the chapter in its heads, though it is no cover."""
    styles = [CSS(string="@page { size: A6; @top-left { content: string(book-title); } "
                         "@bottom-center { content: counter(page) ' / ' counter(pages); } } "
                         "@page :first { @top-left { content: none; } @bottom-center { content: none; } } "
                         "h1 { string-set: chapter content(); }"),
              CSS(string=part_page_style(5, 9, 'The "Book"'))]
    target = tmp_path / "part.pdf"
    HTML(string=_book([("p-c", True, 20)])).render(stylesheets=styles).write_pdf(target)
    first_page, second_page = pdftotext(target).split("\f")[:2]
    assert 'The "Book"' in first_page and "p-c" in first_page and re.search(r"\b5 ?/ ?9\b", first_page)
    assert re.search(r"\b6 ?/ ?9\b", second_page)


def test_the_first_part_keeps_its_cover_bare_and_counts_the_whole_book():
    style = part_page_style(1, 9, "Book")
    assert ":first" not in style and '" / 9"' in style
