"""MkDocs hook: index the pages the book renders itself without a general HTML parser.

Material's search plugin splits each page into sections with ``html.parser``:
at thousands of record pages that is the largest single cost of a build. The
record and index pages are HTML the renderer wrote (macros/templates), in a
known, regular shape, so ``page_sections`` reads them with one regular
expression and Material's own rules (kept tags, whitespace, permalinks), and
hands the sections to Material's own entry code. Any page outside that shape
(one not opening with its h1, a comment, an exclusion marker...) goes to
Material's parser as before. tests/site/test_search_index.py checks that both
give the same entries for every page of the book.

- ``on_files`` (after every plugin's configuration): puts ``BookSearchIndex``
  in the search plugin's place.
"""

from __future__ import annotations

import re
from html import escape, unescape

from material.plugins.search.plugin import Element, Parser, SearchIndex, Section, void

SEARCH_PLUGIN = "material/search"

# Material's own lists: the tags it keeps in the indexed text (all others are
# dropped, their text kept) and the void tags that never close.
KEPT = frozenset(Parser().keep)
VOID = frozenset(void)
# What only Material's parser handles: objects, excluded blocks, comments and
# declarations, and line-number tables.
_UNSUPPORTED = re.compile(r"<(?:object|!|\?)|data-search-exclude|linenodiv", re.IGNORECASE)
# Scripts and styles (an inline SVG carries one) are raw text Material never indexes:
# dropped whole before reading tags.
_RAW_TEXT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_HEADING = re.compile(r'<h([1-6]) id="([^"]*)"[^>]*>(.*?)</h\1>', re.DOTALL)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>|([^<]+)")


def on_files(files, config):
    search = config.plugins.get(SEARCH_PLUGIN)
    if search is not None and getattr(search.config, "enabled", True):
        search.search_index = BookSearchIndex(**search.config)
    return files


class BookSearchIndex(SearchIndex):
    """Material's index, reading the renderer's own pages without ``html.parser``."""

    def add_entry_from_context(self, page):
        sections = page_sections(page.content or "")
        if sections is None or (page.meta.get("search") or {}).get("exclude"):
            return super().add_entry_from_context(page)
        for section in sections:
            self.create_entry_for_section(section, page.toc, page.url, page)


def page_sections(content: str) -> list[Section] | None:
    """Material's sections of a rendered page; None if the page is not of that shape.

    The shape: an h1 first, every heading at the top level with an id and only
    text and a permalink inside, no markup that Material's parser treats specially.
    """
    if not content.lstrip().startswith("<h1 ") or _UNSUPPORTED.search(content):
        return None
    content = _RAW_TEXT.sub("", content)
    headings = list(_HEADING.finditer(content))
    sections = []
    for number, heading in enumerate(headings):
        title = _PERMALINK.sub("", heading.group(3))
        if "<" in _TAG_FREE.sub("", title):
            return None  # markup in a heading: left to Material's parser
        end = headings[number + 1].start() if number + 1 < len(headings) else len(content)
        section = Section(Element(f"h{heading.group(1)}"), 1)
        section.id = heading.group(2) if number else None
        section.title = [escape(unescape(_TEXT_ONLY.sub("", title).replace("\n", " ")), quote=False)]
        section.text = _section_text(content[heading.end():end])
        if section.text is None:
            return None
        sections.append(section)
    return sections


_TAG_FREE = re.compile(r"</?(?:abbr|span|em|strong|a)\b[^>]*>")
_TEXT_ONLY = re.compile(r"<[^>]*>")


def _section_text(body: str) -> list[str] | None:
    """The section's text as Material's parser collects it (see its Parser class)."""
    text: list[str] = []
    open_tags: list[str] = []
    for closing, tag, self_closing, data in _TOKEN.findall(body):
        if data:
            _add_data(text, data, "pre" in open_tags)
        elif self_closing or tag.lower() in VOID:
            continue
        elif not closing:
            open_tags.append(tag.lower())
            if tag.lower() in KEPT:
                text.append(f"<{tag.lower()}>")
        elif not open_tags or open_tags[-1] != tag.lower():
            return None  # not well nested: Material's parser decides
        else:
            open_tags.pop()
            if tag.lower() in KEPT:
                _close(text, tag.lower())
    return text


def _add_data(text: list[str], data: str, in_pre: bool) -> None:
    data = unescape(data)
    if not in_pre:
        data = " " if data.isspace() else data.replace("\n", " ")
    if data.isspace():
        # Whitespace collapses, except inside <pre>.
        if not text or not text[-1].isspace() or in_pre:
            text.append(data)
    else:
        text.append(escape(data, quote=False))


def _close(text: list[str], tag: str) -> None:
    # Material drops an element with nothing but whitespace since the first <tag> of the section.
    index = text.index(f"<{tag}>")
    if any(not item.isspace() for item in text[index + 1:]):
        text.append(f"</{tag}>")
    else:
        del text[index:]
