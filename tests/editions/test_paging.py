"""Page numbers written into the text once a layout has said where every anchor is."""

from __future__ import annotations

import re

from weasyprint import CSS, HTML

from editions.joining import OTHER_PART_LINK
from editions.pages import PAGE_PLACEHOLDER, page_reference
from editions.paging import (FOOTER_PLACEHOLDER, NUMBER_PLACEHOLDER, anchor_pages, contents_page, fill_index_pages,
                             index_pages, is_index_part, joined_part_pages, lay_out_numbered, number_pages,
                             page_break_parts, part_first_pages, part_page_style, part_pages)
from editions.render import write_document
from tests.editions.pdfread import pdftotext, word_boxes

PAGES = {"p-people-kim": 12, "p-events-a--xref-1": 3, "p-events-b--xref-4": 7, "p-events-c--xref-2": 7}
STYLES = [CSS(string="@page { size: A6; @bottom-center { content: counter(page) ' / ' counter(pages); } } "
                     "body { font-family: 'Noto Sans'; } .starts-page { break-before: page; }")]


def _numbered(body: str, tmp_path, styles=STYLES, **numbers) -> tuple[str, list]:
    """``body`` laid out once, its placeholders numbered from that layout, written: the
    text pdftotext reads and the words' boxes."""
    document = HTML(string=f'<html lang="en"><body>{body}</body></html>').render(stylesheets=styles)
    number_pages(document, anchor_pages(document), **numbers)
    write_document(document, tmp_path / "numbered.pdf")
    return pdftotext(tmp_path / "numbered.pdf"), word_boxes(tmp_path / "numbered.pdf")


def test_a_reference_and_a_contents_entry_get_the_page_of_their_target(tmp_path):
    body = (f'<p>Kim{page_reference("kim")} and the <a href="#kim">contents{contents_page("kim")}</a>.</p>'
            '<h1 class="starts-page" id="kim">Kim</h1>')
    text, _ = _numbered(body, tmp_path)
    assert re.search(r"Kim\s*\(p\.\s2\) and the\s+contents\s*2\s*\.", text)
    assert NUMBER_PLACEHOLDER not in text and re.search(r"\b1 ?/ ?2\b", text)


def test_a_number_takes_its_placeholder_s_place_as_a_layout_of_it_would(tmp_path):
    """Figure spaces pad a number to the placeholder's width: the page numbered in place
    has every word where a layout of the numbered text puts it, the number's too."""
    words = " ".join(f"word{number}" for number in range(40))
    body = f'<p>Kim{page_reference("kim")} {words}</p><p id="kim" class="starts-page">Kim</p>'
    text, in_place = _numbered(body, tmp_path)
    numbered_text = PAGE_PLACEHOLDER.replace("(", "\u2007\u2007(").replace(NUMBER_PLACEHOLDER, "2")
    fresh = HTML(string=f'<html lang="en"><body>{body.replace(PAGE_PLACEHOLDER, numbered_text)}</body></html>')
    write_document(fresh.render(stylesheets=STYLES), tmp_path / "laid-out.pdf")
    assert "(p. 2)" in text
    assert word_boxes(tmp_path / "laid-out.pdf") == in_place


def test_a_part_s_foot_counts_the_whole_book(tmp_path):
    styles = [*STYLES, CSS(string=part_page_style(False, "Book"))]
    text, _ = _numbered("<p>One</p><p class='starts-page'>Two</p>", tmp_path, styles, first_page=98, total=120)
    assert re.findall(r"(\d+) ?/ ?(\d+)", text) == [("98", "120"), ("99", "120")]
    assert FOOTER_PLACEHOLDER.replace(" ", "") not in text.replace(" ", "")


def test_a_reference_to_an_anchor_the_document_lacks_prints_no_number(tmp_path):
    document = lay_out_numbered(f"<html lang='en'><body><p>Kim{page_reference('nowhere')}.</p></body></html>",
                                lambda html: HTML(string=html).render(stylesheets=STYLES))
    write_document(document, tmp_path / "book.pdf")
    assert "(p." not in pdftotext(tmp_path / "book.pdf")


def test_the_placeholders_are_three_digits_wide():
    assert NUMBER_PLACEHOLDER in PAGE_PLACEHOLDER and NUMBER_PLACEHOLDER in str(contents_page("a"))


def test_an_index_entry_gives_its_own_page_first_then_each_other_page_once_in_order():
    html = str(index_pages("p-people-kim", ["p-events-b--xref-4", "p-events-a--xref-1", "p-events-c--xref-2"]))
    assert is_index_part(html)
    assert fill_index_pages(html, PAGES) == '<span class="index-pages"><strong>12</strong>, 3, 7</span>'


class FakeDocument:
    """A laid-out document as far as paging reads it: pages with the anchors on them."""

    def __init__(self, anchors_by_page: list[list[str]]):
        page_box = type("PageBox", (), {"descendants": lambda self: []})()
        self.pages = [type("Page", (), {"anchors": dict.fromkeys(anchors), "_page_box": page_box})()
                      for anchors in anchors_by_page]


def test_a_document_with_an_index_is_laid_out_again_until_the_index_s_pages_hold():
    layouts = iter([[["a"], ["b"]], [["a"], [], ["b"]], [["a"], [], ["b"]]])
    seen = []

    def lay_out(html):
        seen.append(html)
        return FakeDocument(next(layouts))
    html = f'<p id="a">A</p><p id="b">B</p>{index_pages("b", ["a"])}'
    lay_out_numbered(html, lay_out)
    # The index's numbers moved page b once (2 -> 3): a third layout, which listed 3.
    assert len(seen) == 3 and "<strong>2</strong>, 1" in seen[1] and "<strong>3</strong>, 1" in seen[2]


def test_a_document_without_an_index_is_laid_out_once():
    seen = []
    lay_out_numbered(f'<p id="b">B</p>{page_reference("b")}', lambda html: seen.append(html) or FakeDocument([["b"]]))
    assert len(seen) == 1


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


def test_the_index_is_a_part_of_its_own_the_last_laid_out_once_the_others_are():
    index = f'<section class="chapter depth-1 starts-page" id="p-book-index">{index_pages("p-a", ["p-c"])}</section>'
    html = _book(SECTIONS).replace("</body>", index + "</body>")
    parts = page_break_parts(html, 2)
    assert len(parts) == 3 and [is_index_part(part) for part in parts] == [False, False, True]
    assert 'id="p-book-index"' in parts[2] and "p-book-index" not in parts[0] + parts[1]


def test_a_later_part_keeps_its_running_heads_and_its_foot_waits_for_the_numbers(tmp_path):
    """Real WeasyPrint and pdftotext: the part's first page, though no cover, has the
    book's title and the chapter in its heads, and its foot is the placeholder."""
    styles = [CSS(string="@page { size: A6; @top-left { content: string(book-title); } "
                         "@bottom-center { content: counter(page) ' / ' counter(pages); } } "
                         "@page :first { @top-left { content: none; } @bottom-center { content: none; } } "
                         "h1 { string-set: chapter content(); }"),
              CSS(string=part_page_style(False, 'The "Book"'))]
    target = tmp_path / "part.pdf"
    HTML(string=_book([("p-c", True, 20)])).render(stylesheets=styles).write_pdf(target)
    first_page, second_page = pdftotext(target).split("\f")[:2]
    assert 'The "Book"' in first_page and "p-c" in first_page and FOOTER_PLACEHOLDER in first_page
    assert FOOTER_PLACEHOLDER in second_page


def test_the_first_part_keeps_its_cover_bare():
    style = part_page_style(True, "Book")
    assert ":first" not in style and FOOTER_PLACEHOLDER in style
