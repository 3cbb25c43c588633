"""Reading the built PDFs as a reader's tools do: poppler for the text, pikepdf for the objects.

Shared by the tests of tests/editions/ (pytest fixtures build the PDFs; these only read).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pikepdf

XMP_PDFUA_PART = "{http://www.aiim.org/pdfua/ns/id/}part"
XMP_TITLE = "{http://purl.org/dc/elements/1.1/}title"


def pdftotext(pdf: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pdfinfo(pdf: Path, *options: str) -> str:
    return subprocess.run(["pdfinfo", *options, str(pdf)], capture_output=True, text=True, check=True).stdout


def page_count(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", pdfinfo(pdf), re.MULTILINE).group(1))


def one_line(text: str) -> str:
    """Text with its line breaks and hyphenation undone, for phrase searches."""
    return " ".join(text.replace("\u00ad", "").split())


def page_texts(pdf: Path) -> list[str]:
    """The text of every page, in order (pdftotext ends each page with a form feed)."""
    return pdftotext(pdf, "-layout").split("\f")[:-1]


def struct_elements(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every element of the structure tree, depth first, in the tree's (reading) order."""
    stack = [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        kids = node.get("/K")
        kids = [kids] if isinstance(kids, pikepdf.Dictionary) else list(kids or [])
        elements = [kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem"]
        if node.get("/Type") == "/StructElem":
            yield node
        stack.extend(reversed(elements))


def outline_items(pdf: pikepdf.Pdf) -> list[tuple[int, str]]:
    """Every bookmark as (depth, title), in order; depth 1 is the top level."""
    with pdf.open_outline() as outline:
        return list(_walk_outline(outline.root, 1))


def _walk_outline(items, depth: int) -> Iterator[tuple[int, str]]:
    for item in items:
        yield depth, item.title
        yield from _walk_outline(item.children, depth + 1)


def link_annotations(pdf: pikepdf.Pdf) -> Iterator[tuple[int, pikepdf.Dictionary]]:
    """Every link annotation with the number (from 1) of its page."""
    for number, page in enumerate(pdf.pages, start=1):
        for annotation in page.get("/Annots", []):
            if annotation.get("/Subtype") == "/Link":
                yield number, annotation


def page_heading(html: str) -> str:
    """The text of a captured page's h1, without its permalink sign."""
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL).group(1)
    return unescape(re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", "", heading)).strip()


def destination_pages(pdf: pikepdf.Pdf) -> dict[str, int]:
    """Every named destination (an id of the book's HTML) and its page number, from 1.

    A name leads to a destination or, as the PDF standard also allows, to a dictionary
    holding it as /D (how pikepdf carries those of a joined part's pages)."""
    numbers = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}
    targets = pikepdf.NameTree(pdf.Root.Names.Dests).items()
    return {name: numbers[(target.D if isinstance(target, pikepdf.Dictionary) else target)[0].objgen]
            for name, target in targets}


def word_boxes(pdf: Path) -> list[tuple[float, list[tuple[float, float, float, float, str]]]]:
    """Per page: its width, and each word's box (x min, y min, x max, y max) and text."""
    html = pdftotext(pdf, "-bbox")
    pages = []
    for page in re.finditer(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>', html, re.DOTALL):
        words = [(float(x0), float(y0), float(x1), float(y1), unescape(text)) for x0, y0, x1, y1, text in
                 re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page.group(2))]
        pages.append((float(page.group(1)), words))
    return pages


def overlapping_words(pdf: Path) -> list[tuple[int, str, str]]:
    """(page, word, the word it runs into): two words of one line drawn over each other,
    as when a table cell's word is wider than its column and runs into the next."""
    found = []
    for number, (_, words) in enumerate(word_boxes(pdf), start=1):
        lines: dict[float, list] = {}
        for word in words:
            lines.setdefault(round(word[1], 1), []).append(word)
        for line in lines.values():
            line.sort()
            found += [(number, left[4], right[4]) for left, right in zip(line, line[1:]) if left[2] > right[0] + 0.5]
    return found
