""""Cite this page": a plain-text and a BibTeX citation for any record's page.

What the reader cites is the data behind a page, so a citation carries the
data's "as of" date: the book's data cut-off, ``as_of`` in ``data/book.yaml``.
It is set by the editors when they bring the record up to date, is the same on
every page, on the home page and on the PDF cover, and no source the book cites
may be published or read after it (briefing.integrity checks that).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.dataset import Dataset
from macros.dates import format_partial_date

# Kinds shown as rows of one shared page, and that page (the site's scheme).
SECTION_PAGES = {"statistics": "statistics", "sources": "sources", "glossary": "glossary"}

BOOK_TITLE = "Russia–North Korea summit diplomacy: a briefing book"
BIBTEX_SPECIALS = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
                   "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


@dataclass(frozen=True)
class AsOf:
    """The data's date in words, and what it is ("data cut-off")."""

    date: str
    basis: str


@dataclass(frozen=True)
class Citation:
    text: str
    bibtex: str


def data_as_of(dataset: Dataset) -> AsOf:
    """The book's data cut-off, in words ("2 December 2026"), as every edition prints it."""
    return AsOf(format_partial_date(dataset.edition.as_of), "data cut-off")


def cite_page(title: str, url: str, as_of: AsOf, key: str, book_title: str = BOOK_TITLE) -> Citation:
    """The citation of one page: ``title`` of the record, its absolute ``url``, the data's date.

    ``key`` names the BibTeX entry (e.g. "briefing-events-vostochny-summit-2023").
    """
    text = f"“{title}”. In: {book_title}. Data as of {as_of.date}. {url}"
    year = [("year", as_of.date[-4:])] if as_of.date[-4:].isdigit() else []
    fields = [("title", _braced(title)), ("booktitle", _braced(book_title)), *year,
              ("url", url), ("note", _braced(f"Data as of {as_of.date} ({as_of.basis})"))]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return Citation(text=text, bibtex=f"@misc{{{key},\n{body}\n}}\n")


def cite_record(dataset: Dataset, kind: str, record_id: str, site_url: str, as_of: AsOf,
                book_title: str = BOOK_TITLE) -> Citation:
    """The citation of a record's page on the site published at ``site_url``."""
    record = dataset.get(kind, record_id)
    title = next(getattr(record, name) for name in ("name", "title", "label", "term") if hasattr(record, name))
    return cite_page(title, record_url(site_url, kind, record_id), as_of, citation_key(kind, record_id), book_title)


def record_url(site_url: str, kind: str, record_id: str) -> str:
    """The absolute address of a record: ``events/<id>/``, or its row ``statistics/#<id>``."""
    base = site_url.rstrip("/") + "/"
    if kind in SECTION_PAGES:
        return f"{base}{SECTION_PAGES[kind]}/#{record_id}"
    return f"{base}{kind}/{record_id}/"


def citation_key(kind: str, record_id: str) -> str:
    """A BibTeX key unique in the book: ids are unique per kind, and keys allow '-'."""
    return f"briefing-{kind}-{record_id}"


def _braced(text: str) -> str:
    """Text safe inside a BibTeX field: specials escaped, capitals kept as written."""
    escaped = "".join(BIBTEX_SPECIALS.get(character, character) for character in text)
    return "{" + escaped + "}"
