"""HTML to PDF with WeasyPrint, at the paper size the reader asked for.

WeasyPrint is the paged-media engine: it gives the pages their numbers, the running
headers (``string-set``), the PDF outline (``bookmark-level``) and embeds subsets of
the fonts it uses; the numbers in the text are editions.paging's.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from weasyprint import CSS, HTML, Document
from weasyprint.text.fonts import FontConfiguration

from editions.paging import lay_out_numbered
from editions.templates import STYLES

PAPER_SIZES = {"a4": "A4", "letter": "letter"}
# Every PDF is tagged for screen readers and says it conforms to PDF/UA-1 in its XMP.
PDF_VARIANT = "pdf/ua-1"


@cache
def _fonts() -> FontConfiguration:
    return FontConfiguration()


@cache
def stylesheets(*names: str, paper: str) -> tuple[CSS, ...]:
    """Parsed once per process: the briefs are many documents with the same styles."""
    if paper not in PAPER_SIZES:
        raise ValueError(f"unknown paper size {paper!r}: use one of {', '.join(PAPER_SIZES)}")
    parsed = [CSS(filename=str(STYLES / name), font_config=_fonts()) for name in names]
    # Last, so the reader's paper size wins over the size each stylesheet declares.
    parsed.append(CSS(string=f"@page {{ size: {PAPER_SIZES[paper]}; }}", font_config=_fonts()))
    return tuple(parsed)


def lay_out(html: str, styles: tuple[CSS, ...], base_dir: Path | None = None) -> Document:
    """One WeasyPrint layout of ``html``; relative image paths resolve against ``base_dir``."""
    base_url = base_dir.resolve().as_uri() + "/" if base_dir else None
    return HTML(string=html, base_url=base_url).render(stylesheets=list(styles), font_config=_fonts())


def write_pdf(html: str, target: Path, styles: tuple[CSS, ...], base_dir: Path | None = None,
              page_numbers: bool = False) -> Document:
    """Render ``html`` to ``target``; returns the layout, for where its anchors landed.

    ``page_numbers``: the HTML has page-number placeholders (editions.paging) to fill in.
    """
    def lay_out_html(source: str) -> Document:
        return lay_out(source, styles, base_dir)
    document = lay_out_numbered(html, lay_out_html) if page_numbers else lay_out_html(html)
    write_document(document, target)
    return document


def write_document(document: Document, target: Path) -> None:
    """A laid-out document as a tagged PDF: PDF/UA-1, /Lang from <html lang>, the <title>
    as the window title."""
    target.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(target, pdf_variant=PDF_VARIANT)
