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
# (Plain substrings of the lowercased page: one case-insensitive regex of alternatives
# took a third of the time spent indexing a page.)
_UNSUPPORTED = ("<object", "<!", "<?", "data-search-exclude", "linenodiv")
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
    if not content.lstrip().startswith("<h1 "):
        return None
    lowered = content.lower()
    if any(marker in lowered for marker in _UNSUPPORTED):
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
    """The section's text as Material's parser collects it (see its Parser class).

    This runs over every tag of every record page, so the loop is kept flat:
    tag names folded once, entities decoded only where there are any.
    """
    text: list[str] = []
    open_tags: list[str] = []
    in_pre = 0  # <pre> elements open: their whitespace is kept
    for closing, tag, self_closing, data in _TOKEN.findall(body):
        if data:
            if "&" in data:
                data = unescape(data)
            if not in_pre:
                data = " " if data.isspace() else data.replace("\n", " ")
            if not data.isspace():
                text.append(escape(data, quote=False) if _ESCAPED.search(data) else data)
            elif not text or not text[-1].isspace() or in_pre:
                text.append(data)  # whitespace collapses, except inside <pre>
            continue
        tag = tag.lower()
        if self_closing or tag in VOID:
            continue
        if not closing:
            open_tags.append(tag)
            in_pre += tag == "pre"
            if tag in KEPT:
                text.append(f"<{tag}>")
        elif not open_tags or open_tags[-1] != tag:
            return None  # not well nested: Material's parser decides
        else:
            open_tags.pop()
            in_pre -= tag == "pre"
            if tag in KEPT:
                _close(text, tag)
    return text


# Characters html.escape would change (quotes are left as they are).
_ESCAPED = re.compile("[&<>]")


def _close(text: list[str], tag: str) -> None:
    # Material drops an element with nothing but whitespace since the first <tag> of the section.
    index = text.index(f"<{tag}>")
    if any(not item.isspace() for item in text[index + 1:]):
        text.append(f"</{tag}>")
    else:
        del text[index:]
