"""Page numbers written into the text once a layout has said where every anchor is."""

from __future__ import annotations

from editions.pages import page_reference
from weasyprint import CSS, HTML

from editions.paging import (anchor_pages, fill_page_numbers, index_pages, joined_part_pages, lay_out_with_page_numbers,
                             page_break_parts, part_pages)

PAGES = {"p-people-kim": 12, "p-events-a--xref-1": 3, "p-events-b--xref-4": 7, "p-events-c--xref-2": 7}


def test_a_reference_gets_the_page_of_its_target():
    assert fill_page_numbers(f"Kim{page_reference('p-people-kim')}.", PAGES) == (
        'Kim<span class="xref-page"> (p.\u00a0\u200712)</span>.')


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
    assert len(seen) == 3 and "(p.\u00a0\u2007\u20072)" in seen[1] and "(p.\u00a0\u2007\u20073)" in seen[2]


def test_known_pages_that_hold_cost_a_single_layout():
    seen = []

    def lay_out(html):
        seen.append(html)
        return FakeDocument([["a"], ["b"]])
    lay_out_with_page_numbers(page_reference("b"), lay_out, known_pages={"a": 1, "b": 2})
    assert len(seen) == 1 and "(p.\u00a0\u2007\u20072)" in seen[0]


def test_known_pages_that_do_not_hold_are_corrected_by_another_layout():
    layouts = iter([[["a"], [], ["b"]], [["a"], [], ["b"]]])
    seen = []

    def lay_out(html):
        seen.append(html)
        return FakeDocument(next(layouts))
    lay_out_with_page_numbers(page_reference("b"), lay_out, known_pages={"a": 1, "b": 2})
    assert len(seen) == 2 and "(p.\u00a0\u2007\u20073)" in seen[1]


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
