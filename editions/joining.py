"""The book's parts, written side by side as tagged PDFs, joined into the one book.

WeasyPrint lays out and writes one document per process, so the book is written in parts
(editions.paging cuts it where a chapter opens a page) and joined here with pikepdf
(qpdf). Appending pages is not enough for a book read on screen and by screen readers:
across the seam it needs one structure tree (PDF/UA), whose parent-tree keys the later
parts count on from the earlier; one name tree of link destinations and one outline
(pikepdf's ``add_pages_from`` carries the outline); and its links to another part,
which WeasyPrint could only write as addresses, made links into the book again.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from urllib.parse import unquote

import pikepdf
from pikepdf import Array, Dictionary, Name, NameTree, NumberTree, String

# How a part writes a link to an anchor in another part (editions.paging): an address
# WeasyPrint keeps as it is, made an internal link again once every part is in the book.
OTHER_PART_LINK = "book-part:"


class JoinError(ValueError):
    """The parts do not make one book (a link to an anchor no part has)."""


def join_parts(parts: list[Path], target: Path) -> None:
    """Write ``target``: the parts' pages in order, with one structure, outline and set of links."""
    with ExitStack() as opened:
        # qpdf copies a foreign stream's data when the book is saved: every part stays open.
        book, *others = [opened.enter_context(pikepdf.open(path)) for path in parts]
        for part in others:
            _append_part(book, part)
        _resolve_other_part_links(book)
        book.save(target, object_stream_mode=pikepdf.ObjectStreamMode.generate)


def _append_part(book: pikepdf.Pdf, part: pikepdf.Pdf) -> None:
    first_page = len(book.pages)
    key_offset = _next_parent_key(book)
    # pikepdf carries the pages with their bookmarks (the part starts at a top-level
    # chapter, so its top-level bookmarks are the book's) and the destinations its own
    # links use; the structure tree and the other parts' destinations are left to us.
    book.add_pages_from(part)
    for page in book.pages[first_page:]:
        _shift_struct_parents(page, key_offset)
    # Copied after the pages, so their references land on the pages already copied.
    _join_structure(book, part, key_offset)
    _join_destinations(book, part)


def _next_parent_key(book: pikepdf.Pdf) -> int:
    """Parent-tree keys are the pages' and annotations' StructParents: unique in a file."""
    return max(NumberTree(book.Root.StructTreeRoot.ParentTree).keys(), default=-1) + 1


def _shift_struct_parents(page: pikepdf.Page, offset: int) -> None:
    if "/StructParents" in page.obj:
        page.obj.StructParents = int(page.obj.StructParents) + offset
    for annotation in page.obj.get("/Annots", []):
        if "/StructParent" in annotation:
            annotation.StructParent = int(annotation.StructParent) + offset


def _join_structure(book: pikepdf.Pdf, part: pikepdf.Pdf, key_offset: int) -> None:
    """The part's document element's children become the book's, in order; the part's
    parent tree joins the book's, each key moved by ``key_offset``."""
    book_document = _document_element(book.Root.StructTreeRoot)
    part_document = book.copy_foreign(_document_element(part.Root.StructTreeRoot))
    entries = {key + key_offset: _copied(book, parents)
               for key, parents in NumberTree(part.Root.StructTreeRoot.ParentTree).items()}
    _rehome([*part_document.K, *_elements(entries.values())], part_document, book_document)
    book_document.K.extend(part_document.K)
    book_tree = NumberTree(book.Root.StructTreeRoot.ParentTree)
    for key, parents in entries.items():
        book_tree[key] = _instead(parents, part_document, book_document)


def _document_element(struct_tree_root: Dictionary) -> Dictionary:
    """WeasyPrint's tree has one root element, the document: /K holds it or a list of it."""
    kids = struct_tree_root.K
    return kids if isinstance(kids, Dictionary) else kids[0]


def _elements(entries) -> list:
    """The structure elements of parent-tree values: an element, or a list per marked-content id."""
    return [element for parents in entries for element in (parents if isinstance(parents, Array) else [parents])]


def _rehome(elements: list, old: Dictionary, new: Dictionary) -> None:
    """Each element whose parent chain ends at ``old`` ends at ``new`` instead. Not only
    the document's children: WeasyPrint also hangs page-level /NonStruct elements, which
    only their own children reach, under the document."""
    seen: set = set()
    for element in elements:
        while isinstance(element, Dictionary) and element.is_indirect and element.objgen not in seen:
            seen.add(element.objgen)
            if _same(element.get("/P"), old):
                element.P = new
                break
            element = element.get("/P")


def _instead(parents, old: Dictionary, new: Dictionary):
    """A parent-tree value with ``new`` where it names ``old`` (marked content of the document itself)."""
    if isinstance(parents, Array):
        return Array([new if _same(parent, old) else parent for parent in parents])
    return new if _same(parents, old) else parents


def _copied(book: pikepdf.Pdf, value):
    """A value of another PDF in the book; qpdf copies only indirect objects (and what they hold)."""
    if isinstance(value, Array) and not value.is_indirect:
        return Array([_copied(book, item) for item in value])
    # Numbers and names come back from pikepdf as Python values: nothing to copy.
    return book.copy_foreign(value) if getattr(value, "is_indirect", False) else value


def _same(one, other: Dictionary) -> bool:
    return isinstance(one, Dictionary) and one.is_indirect and one.objgen == other.objgen


def _join_destinations(book: pikepdf.Pdf, part: pikepdf.Pdf) -> None:
    """Every anchor of the part, by name, for the links from other parts to it; the first
    part to name an anchor keeps it."""
    book_names = NameTree(book.Root.Names.Dests)
    for name, destination in NameTree(part.Root.Names.Dests).items():
        if name not in book_names:
            book_names[name] = _copied(book, destination)


def _resolve_other_part_links(book: pikepdf.Pdf) -> None:
    """Each link written as an address into another part becomes a link to its anchor."""
    anchors = NameTree(book.Root.Names.Dests)
    for number, page in enumerate(book.pages, start=1):
        for annotation in page.obj.get("/Annots", []):
            if (anchor := _other_part_anchor(annotation)) is None:
                continue
            if anchor not in anchors:
                raise JoinError(f"book PDF, page {number}: a link to #{anchor}, an anchor no page of the book has; "
                                "link to a page the book includes, or remove the link")
            del annotation["/A"]
            annotation.Dest = String(anchor)
            # What WeasyPrint gives an internal link as its description, for screen readers.
            annotation.Contents = String(anchor)


def _other_part_anchor(annotation: Dictionary) -> str | None:
    action = annotation.get("/A")
    if action is None or action.get("/S") != Name.URI:
        return None
    address = str(action.URI)
    return unquote(address[len(OTHER_PART_LINK):]) if address.startswith(OTHER_PART_LINK) else None
