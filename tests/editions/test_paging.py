"""Page numbers written into the text once a layout has said where every anchor is."""

from __future__ import annotations

from editions.pages import page_reference
from editions.paging import fill_page_numbers, index_pages, lay_out_with_page_numbers

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
