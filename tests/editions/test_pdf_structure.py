"""Every PDF (the book and each brief) is tagged for assistive technology, as PDF/UA-1 asks.

Read with pikepdf from the PDFs the session built: the structure tree, /MarkInfo, the
document language, the PDF/UA identifier in the XMP metadata, the title shown as the
window title, alternative text on every figure, headings as structure in page order,
and the bookmarks.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from tests.editions.pdfread import XMP_PDFUA_PART, XMP_TITLE, outline_items, struct_elements

HEADINGS = {"/H1", "/H2", "/H3", "/H4", "/H5", "/H6"}


@pytest.fixture(scope="module")
def every_pdf(editions) -> list[Path]:
    return [editions.book_pdf, *editions.briefs]


def opened(paths: list[Path]):
    """Each PDF opened with pikepdf, closed after use."""
    for path in paths:
        with pikepdf.open(path) as pdf:
            yield path.name, pdf


def test_every_pdf_is_marked_tagged_and_in_english(every_pdf):
    for name, pdf in opened(every_pdf):
        root = pdf.Root
        assert "/StructTreeRoot" in root, name
        assert root.MarkInfo.get("/Marked") is True, name
        assert str(root.get("/Lang", "")) == "en", name


def test_every_pdf_declares_pdf_ua_1_and_shows_its_title_as_window_title(every_pdf):
    for name, pdf in opened(every_pdf):
        metadata = pdf.open_metadata()
        assert metadata.get(XMP_PDFUA_PART) == "1", name
        assert metadata.get(XMP_TITLE) and str(pdf.docinfo.get("/Title", "")) == metadata.get(XMP_TITLE), name
        assert pdf.Root.ViewerPreferences.get("/DisplayDocTitle") is True, name


def test_every_figure_has_alternative_text(every_pdf):
    for name, pdf in opened(every_pdf):
        figures = [element for element in struct_elements(pdf) if element.S == "/Figure"]
        assert [str(figure.get("/Alt", "")) for figure in figures if not str(figure.get("/Alt", "")).strip()] == [], name


def test_headings_are_structure_in_the_order_of_the_pages(every_pdf):
    for name, pdf in opened(every_pdf):
        page_numbers = {page.objgen: number for number, page in enumerate(pdf.pages)}
        headings = [element for element in struct_elements(pdf) if element.S in HEADINGS]
        assert any(heading.S == "/H1" for heading in headings), name
        # Reading order: the tree meets the headings page by page, never going back.
        pages = [page_numbers[heading.Pg.objgen] for heading in headings]
        assert pages == sorted(pages), name


def test_every_pdf_keeps_its_bookmarks(every_pdf):
    for name, pdf in opened(every_pdf):
        assert outline_items(pdf), name
