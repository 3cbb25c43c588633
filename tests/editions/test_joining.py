"""The book's parts, written apart as tagged PDFs, read as one book once joined.

Real WeasyPrint parts of a small book (cut and numbered by editions.paging, styled as
the book is), joined, then read with pikepdf and pdftotext as a reader's tools read them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest

from editions import pdfs
from editions.joining import OTHER_PART_LINK, JoinError, join_parts
from editions.paging import page_break_parts, part_page_style
from tests.editions.pdfread import destination_pages, outline_items, page_texts, struct_elements

CHAPTERS = ["p-alpha", "p-beta", "p-gamma"]


def _small_book() -> str:
    """Three top-level chapters of two pages or so, each linking to the next and the first."""
    sections = "".join(
        f'<section class="chapter depth-1 starts-page" id="{anchor}"><h1>Chapter {anchor}</h1>'
        f'<p>See <a href="#{CHAPTERS[(number + 1) % 3]}">the next chapter</a> and '
        f'<a href="#{CHAPTERS[0]}">the first</a>.</p>' + "<p>A paragraph of the chapter's text.</p>" * 40 + "</section>"
        for number, anchor in enumerate(CHAPTERS))
    return f'<!DOCTYPE html><html lang="en"><head><title>Small book</title></head><body class="book">{sections}</body></html>'


def _write_parts(html: str, out_dir: Path, count: int) -> list[Path]:
    """The parts as editions.pdfs lays them out and writes them, in this process."""
    job = pdfs.PdfJob(out_dir / "capture.json", out_dir, out_dir)
    parts = [pdfs.BookPart(number, piece, part_page_style(number == 0, "Small book"), out_dir)
             for number, piece in enumerate(page_break_parts(html, count))]
    pages = [pdfs._lay_out_part(job, part) for part in parts]
    for part in parts:
        pdfs._write_part(job, part.number, pages)
    return [pdfs._part_file(job, part.number) for part in parts]


@pytest.fixture(scope="module")
def joined(tmp_path_factory) -> tuple[Path, list[Path]]:
    out_dir = tmp_path_factory.mktemp("joining")
    parts = _write_parts(_small_book(), out_dir, 3)
    join_parts(parts, out_dir / "book.pdf")
    return out_dir / "book.pdf", parts


def test_the_book_has_every_part_s_pages_in_order_numbered_through(joined):
    book, parts = joined
    texts = page_texts(book)
    assert len(parts) == 3 and len(texts) == sum(len(page_texts(part)) for part in parts)
    # Page 1 is bare, as the book's cover is; every other page says "n / total", the
    # first page of a later part too.
    footers = [re.findall(r"^\s*(\d+) ?/ ?(\d+)\s*$", text, re.MULTILINE) for text in texts]
    assert footers[0] == []
    assert footers[1:] == [[(str(number), str(len(texts)))] for number in range(2, len(texts) + 1)]


def test_links_to_another_part_lead_to_their_anchors_in_the_book(joined):
    book, _ = joined
    with pikepdf.open(book) as pdf:
        destinations = destination_pages(pdf)
        targets = [(number, str(annotation.Dest)) for number, page in enumerate(pdf.pages, start=1)
                   for annotation in page.get("/Annots", []) if "/Dest" in annotation]
        addresses = [annotation.A.URI for page in pdf.pages for annotation in page.get("/Annots", []) if "/A" in annotation]
        starts = {anchor: destinations[anchor] for anchor in CHAPTERS}
    assert not [address for address in addresses if str(address).startswith(OTHER_PART_LINK)]
    # Each chapter links to the next and to the first: six links, four of them across parts.
    assert sorted(anchor for _, anchor in targets) == sorted(CHAPTERS[1:] + [CHAPTERS[0]] * 4)
    assert starts["p-alpha"] < starts["p-beta"] < starts["p-gamma"]


def test_the_book_has_one_structure_tree_whose_elements_stand_on_its_pages(joined):
    book, _ = joined
    with pikepdf.open(book) as pdf:
        pages = {page.objgen: number for number, page in enumerate(pdf.pages)}
        root = pdf.Root.StructTreeRoot
        documents = [element for element in struct_elements(pdf) if element.S == "/Document"]
        elements = list(struct_elements(pdf))
        headings = [pages[element.Pg.objgen] for element in elements if element.S == "/H1"]
        off_the_book = [element.S for element in elements if "/Pg" in element and element.Pg.objgen not in pages]
        keys = [int(page.StructParents) for page in pdf.pages]
        tree = pikepdf.NumberTree(root.ParentTree)
        missing = [key for key in keys if key not in tree]
        roots = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/StructTreeRoot"]
    assert len(documents) == 1 and len(roots) == 1
    assert len(headings) == 3 and headings == sorted(headings)
    assert off_the_book == [] and missing == [] and len(set(keys)) == len(keys)


def test_the_book_keeps_every_part_s_bookmarks_in_order_and_its_metadata(joined):
    book, _ = joined
    with pikepdf.open(book) as pdf:
        assert [title for _, title in outline_items(pdf)] == [f"Chapter {anchor}" for anchor in CHAPTERS]
        assert pdf.Root.MarkInfo.Marked is True and str(pdf.Root.Lang) == "en"
        assert pdf.open_metadata().get("{http://www.aiim.org/pdfua/ns/id/}part") == "1"


def test_a_link_to_an_anchor_no_part_has_is_refused_with_its_page(tmp_path):
    html = _small_book().replace('href="#p-beta"', 'href="#p-nowhere"')
    parts = _write_parts(html, tmp_path, 3)
    with pytest.raises(JoinError, match=r"page \d+: a link to #p-nowhere, an anchor no page of the book has"):
        join_parts(parts, tmp_path / "book.pdf")
