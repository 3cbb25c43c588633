"""Column widths for the book's tables, so WeasyPrint can use the fixed table layout.

With ``table-layout: auto`` WeasyPrint measures every cell's shortest and longest line
before it lays out a table, in both layouts of every part of the book (editions.paging):
on this book about a tenth of the whole PDF build. The same measure, taken here from
the cells' text in characters, gives each column its width in a ``<colgroup>``, and
the fixed layout then sets the table straight away. It follows the auto layout's rule
(CSS 2.1, 17.5.2.2): every column gets its longest word, and the rest of the line is
shared in proportion to how much more than that each column's longest cell wants.
"""

from __future__ import annotations

import re
from html import unescape

# A table's line in characters of its 8.5 pt text: 174 mm of A4 text width (a little
# more on Letter); only the proportions matter, as the table spans the text width.
TABLE_LINE = 110
# Each cell's padding, as characters, so a column of short numbers is not squeezed.
CELL_PADDING = 2
# A header's bold text is about this much wider than the same text set regular.
HEADER_WIDTH = 1.1
FIXED_TABLE_CLASS = "fixed-columns"

_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.DOTALL)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<(t[hd])\b([^>]*)>(.*?)</t[hd]>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_OPENING = re.compile(r"<table\b([^>]*)>")


def with_column_widths(html: str) -> str:
    """``html`` with each plain table (no nested table, no spanning cell, rows of one
    length) given its column widths and the class that lays it out fixed."""
    return _TABLE.sub(lambda match: _table_with_widths(match.group(0)), html)


def _table_with_widths(table: str) -> str:
    rows = _rows(table)
    if rows is None:
        return table
    columns = "".join(f'<col style="width: {share:.1%}">' for share in column_shares(rows))
    opening = _OPENING.match(table)
    return f"{_with_class(opening.group(1))}<colgroup>{columns}</colgroup>{table[opening.end():]}"


def _rows(table: str) -> list[list[tuple[bool, str]]] | None:
    """Each row's cells as (is a header, plain text); None for a table this cannot measure."""
    if table.count("<table") > 1 or "colspan" in table or "rowspan" in table:
        return None
    rows = [[(tag == "th", _plain_text(content)) for tag, _, content in _CELL.findall(row)]
            for row in _ROW.findall(table)]
    if not rows or len({len(row) for row in rows}) != 1 or not rows[0]:
        return None
    return rows


def _plain_text(html: str) -> str:
    return " ".join(unescape(_TAG.sub(" ", html)).split())


def _with_class(attributes: str) -> str:
    if 'class="' in attributes:
        return "<table" + attributes.replace('class="', f'class="{FIXED_TABLE_CLASS} ', 1) + ">"
    return f'<table class="{FIXED_TABLE_CLASS}"{attributes}>'


def column_shares(rows: list[list[tuple[bool, str]]], line: float = TABLE_LINE) -> list[float]:
    """Each column's share of the table's width, from its cells (is a header, text)."""
    least = [max(_cell_width(header, cell, longest_word=True) for header, cell in column) for column in zip(*rows)]
    most = [max(_cell_width(header, cell) for header, cell in column) for column in zip(*rows)]
    if sum(most) <= line or sum(least) >= line:
        # All fits on one line each (the spare room goes by the same proportion), or
        # not even the longest words do: the longest cells, or words, set the shares.
        widths = most if sum(most) <= line else least
    else:
        spare = (line - sum(least)) / (sum(most) - sum(least))
        widths = [low + (high - low) * spare for low, high in zip(least, most)]
    return [width / sum(widths) for width in widths]


def _cell_width(header: bool, text: str, longest_word: bool = False) -> float:
    """A cell's width in characters: its whole text on one line, or its longest word."""
    length = max((len(word) for word in text.split()), default=0) if longest_word else len(text)
    return length * (HEADER_WIDTH if header else 1) + CELL_PADDING
