"""Column widths worked out from the cells' text, so the book's tables are laid out fixed."""

from __future__ import annotations

import re

import pytest
from weasyprint import HTML

from editions.render import stylesheets
from editions.tables import CELL_PADDING, FIXED_TABLE_CLASS, column_shares, with_column_widths
from tests.editions.pdfread import overlapping_words

DATES_AND_NOTES = ("<table><thead><tr><th>Date</th><th>Notes</th></tr></thead><tbody>"
                   "<tr><td>19 Jul 2000</td><td>{}</td></tr></tbody></table>")


def widths(html: str) -> list[float]:
    return [float(share) for share in re.findall(r'<col style="width: ([\d.]+)%">', html)]


def test_a_table_gets_its_class_and_one_width_per_column_adding_up_to_the_whole():
    html = with_column_widths(DATES_AND_NOTES.format("Putin arrived in Pyongyang from Beijing."))
    assert f'<table class="{FIXED_TABLE_CLASS}"><colgroup>' in html
    assert len(widths(html)) == 2 and sum(widths(html)) == pytest.approx(100, abs=0.2)


def test_columns_that_fit_on_one_line_share_the_width_as_their_longest_cells_do():
    assert column_shares([[(False, "ab"), (False, "abcdef")]]) == pytest.approx(
        [(2 + CELL_PADDING) / 12, (6 + CELL_PADDING) / 12])


def test_a_long_column_takes_the_spare_room_and_a_short_one_keeps_its_longest_word():
    notes = " ".join(["word"] * 100)
    date_share, notes_share = column_shares([[(False, "19 Jul 2000"), (False, notes)]], line=40)
    assert notes_share > date_share
    # The date's longest word ("2000") and its padding, out of the 40 characters' line.
    assert date_share * 40 >= 4 + CELL_PADDING


def test_when_not_even_the_longest_words_fit_they_set_the_shares():
    assert column_shares([[(False, "a" * 30), (False, "b" * 10)]], line=20) == pytest.approx(
        [(30 + CELL_PADDING) / 44, (10 + CELL_PADDING) / 44])


def test_a_header_counts_wider_than_the_same_text_in_a_cell():
    header, cell = column_shares([[(True, "Agreements"), (False, "Agreements")]])
    assert header > cell


def test_markup_and_entities_count_as_the_text_they_print():
    plain = widths(with_column_widths(DATES_AND_NOTES.format("Kim &amp; Putin")))
    marked = widths(with_column_widths(DATES_AND_NOTES.format('<a href="#k"><strong>Kim</strong></a> &amp; Putin')))
    assert plain == marked


def test_a_table_keeps_its_own_class_and_attributes():
    html = with_column_widths(DATES_AND_NOTES.replace("<table>", '<table class="data" id="t">').format("x"))
    assert f'<table class="{FIXED_TABLE_CLASS} data" id="t"><colgroup>' in html


@pytest.mark.parametrize("table", [
    DATES_AND_NOTES.format('<table><tr><td>inner</td></tr></table>'),
    DATES_AND_NOTES.replace("<th>Notes</th>", '<th colspan="2">Notes</th>').format("x"),
    DATES_AND_NOTES.replace("<td>19 Jul 2000</td>", "").format("x"),
    "<table></table>",
], ids=["nested", "spanning cell", "uneven rows", "empty"])
def test_a_table_it_cannot_measure_is_left_to_the_automatic_layout(table):
    assert with_column_widths(table) == table


def test_laid_out_no_longest_word_runs_into_the_next_column(tmp_path):
    """The widths hold in a real layout; a column set narrower than its longest word
    does run into the next, so the check would see it."""
    long_word = "Komsomolsk-on-Amur-Shipyard-Directorate"
    table = DATES_AND_NOTES.replace("19 Jul 2000", long_word).format("more words to fill the line " * 6)
    narrow = table.replace("<table>", '<table class="fixed-columns"><colgroup><col style="width: 10%"><col></colgroup>')
    for html, overlaps in ((with_column_widths(table), False), (narrow, True)):
        pdf = tmp_path / "table.pdf"
        HTML(string=f"<html lang='en'><body>{html}</body></html>").write_pdf(
            pdf, stylesheets=list(stylesheets("content.css", "book.css", paper="a4")))
        assert bool(overlapping_words(pdf)) is overlaps
