""""Cite this page" (visuals/cite.py): the data's date, plain text and BibTeX."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from visuals.cite import AsOf, cite_page, cite_record, data_as_of, record_url


def test_as_of_is_the_books_data_cut_off_in_words(dataset):
    # One date, set in data/book.yaml: the same on every page, the home page and the PDF cover.
    year, month, day = dataset.edition.as_of.split("-")
    as_of = data_as_of(dataset)
    assert as_of.basis == "data cut-off"
    assert as_of.date.split() == [str(int(day)), as_of.date.split()[1], year] and as_of.date.split()[1][:3].isalpha()


def test_the_cut_off_does_not_depend_on_git_or_the_newest_source(dataset, tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(dataset.root, copy)
    assert data_as_of(replace(dataset, root=copy)) == data_as_of(dataset)


def test_a_record_page_citation_names_the_record_the_book_the_date_and_the_address(dataset):
    citation = cite_record(dataset, "events", "vostochny-summit-2023", "https://example.org/book",
                           AsOf("3 December 2026", "data cut-off"))
    title = dataset.get("events", "vostochny-summit-2023").title
    assert citation.text.startswith(f"“{title}”. In: Russia–North Korea summit diplomacy: a briefing book.")
    assert "Data as of 3 December 2026." in citation.text
    assert citation.text.endswith("https://example.org/book/events/vostochny-summit-2023/")
    assert citation.bibtex.startswith("@misc{briefing-events-vostochny-summit-2023,\n")
    assert "  year = {2026},\n" in citation.bibtex
    assert "  url = {https://example.org/book/events/vostochny-summit-2023/},\n" in citation.bibtex


def test_records_on_shared_pages_are_cited_at_their_row():
    assert record_url("https://example.org/", "statistics", "angara-rocket-height") == \
        "https://example.org/statistics/#angara-rocket-height"
    assert record_url("https://example.org", "people", "kim-jong-un") == "https://example.org/people/kim-jong-un/"


def test_bibtex_specials_are_escaped_and_braces_stay_balanced():
    citation = cite_page("Trade & aid: 100% {up} #1_a", "https://x.org/", AsOf("2019", "newest source"), "k")
    assert r"title = {{Trade \& aid: 100\% \{up\} \#1\_a}}" in citation.bibtex
    assert citation.bibtex.count("{") - citation.bibtex.count(r"\{") == \
        citation.bibtex.count("}") - citation.bibtex.count(r"\}")


def test_an_undated_as_of_gives_no_year_field():
    assert "year" not in cite_page("T", "https://x.org/", AsOf("undated", "newest source"), "k").bibtex
