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

A dirty rebuild (``make serve``'s live preview) indexes only the pages it
rebuilds. Material then keeps its last index and swaps in one page's entries,
which is wrong when several pages are rebuilt (hooks/generate.py rebuilds
those showing the changed data) and empties the index when that page is the
home page. ``BookSearchIndex`` instead merges with the index the last build
left in the site folder, page by page, for any number of pages.

Each record's names (macros/search_names.py: its title, aliases, names in
other scripts; an event's place and year) go into a ``names`` field of the
entry of its page or section, which mkdocs.yml weights above titles: the page a
name belongs to comes before the pages that mention it.

- ``on_files`` (after every plugin's configuration): puts ``BookSearchIndex``
  in the search plugin's place, with the site folder's last index if there is
  one (a full build has emptied the folder by then) and the book's names.
- ``on_post_build``: puts hooks/search_order.js at the start of Material's
  search worker, which puts the page a query names before the pages that mention it
  (the order is explained in that file).
"""

from __future__ import annotations

import json
import logging
import re
import sys
from html import escape, unescape
from pathlib import Path

from material.plugins.search.plugin import Element, Parser, SearchIndex, Section, void

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:  # the hook is loaded by path, not as a package
    sys.path.insert(0, str(REPO_ROOT))

from macros.pages import current_pages  # noqa: E402
from macros.search_names import NAMES_FIELD, search_names  # noqa: E402

log = logging.getLogger("mkdocs.plugins.briefing")

SEARCH_PLUGIN = "material/search"
# Material's search worker, and the book's order of its results (see on_post_build).
WORKERS = Path("assets") / "javascripts" / "workers"
SEARCH_ORDER = Path(__file__).with_name("search_order.js")
SEARCH_ORDER_MARK = "The book's order of search results"

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
        names = search_names(current_pages().book)
        search.search_index = BookSearchIndex(_last_entries(Path(config.site_dir)), names, **search.config)
    return files


def on_post_build(config):
    for worker in (Path(config.site_dir) / WORKERS).glob("search.*.min.js"):
        add_search_order(worker)


def add_search_order(worker: Path) -> None:
    """Put the book's result order before Material's worker code, once (a dirty rebuild keeps the file).

    Before it, so the order's listener reads each query ahead of Material's (whose
    reply goes out in the microtasks that follow its own listener); the source map
    is moved down as many lines, so it still points at Material's own code.
    """
    script = worker.read_text(encoding="utf-8")
    if SEARCH_ORDER_MARK in script:
        return
    order = SEARCH_ORDER.read_text(encoding="utf-8").rstrip("\n") + "\n"
    worker.write_text(order + script, encoding="utf-8")
    source_map = worker.with_name(worker.name + ".map")
    if source_map.is_file():
        mapping = json.loads(source_map.read_text(encoding="utf-8"))
        mapping["mappings"] = ";" * order.count("\n") + mapping["mappings"]
        source_map.write_text(json.dumps(mapping, separators=(",", ":")), encoding="utf-8")


def _last_entries(site_dir: Path) -> list[dict] | None:
    """The entries of the index the last build left in the site folder (a dirty rebuild's), if any."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_bytes())["docs"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        log.warning(f"{path}: the last search index is unreadable ({error}); "
                    "only the rebuilt pages are searchable until a full build")
        return None


class BookSearchIndex(SearchIndex):
    """Material's index, reading the renderer's own pages without ``html.parser``.

    ``last_entries``: the index of the build before this dirty one, whose
    entries stand for the pages this build does not redo.
    """

    def __init__(self, last_entries: list[dict] | None = None, names: dict[str, list[str]] | None = None,
                 **config):
        super().__init__(**config)
        self.last_entries = last_entries
        self.names = names or {}

    def generate_search_index(self, prev):
        # Material's ``prev`` merge assumes one rebuilt page; ours takes any number.
        if self.last_entries is not None:
            self.entries = merged_entries(self.last_entries, self.entries)
        return super().generate_search_index(None)

    def add_entry_from_context(self, page):
        first = len(self.entries)
        page.content = spaced_cells(page.content or "")
        sections = page_sections(page.content)
        if sections is None or (page.meta.get("search") or {}).get("exclude"):
            super().add_entry_from_context(page)
        else:
            for section in sections:
                self.create_entry_for_section(section, page.toc, page.url, page)
        self._add_names(page.file.src_uri, self.entries[first:])

    def _add_names(self, src_uri: str, entries: list[dict]) -> None:
        """Give the page's entry (and each section's that has any) the names they go by."""
        for entry in entries:
            _, _, section = entry["location"].partition("#")
            names = self.names.get(f"{src_uri}#{section}" if section else src_uri)
            if names:
                # Text like the title's: HTML-escaped, which Material's tokenizer expects.
                entry[NAMES_FIELD] = escape(" · ".join(names), quote=False)


def merged_entries(last: list[dict], rebuilt: list[dict]) -> list[dict]:
    """The last index with each rebuilt page's entries in place of its old ones; new pages at the end.

    The order stays the pages' order, so a page rebuilt unchanged leaves the
    index as it was.
    """
    fresh: dict[str, list[dict]] = {}
    for entry in rebuilt:
        fresh.setdefault(_page_of(entry), []).append(entry)
    merged, placed = [], set()
    for entry in last:
        page = _page_of(entry)
        if page not in fresh:
            merged.append(entry)
        elif page not in placed:
            merged.extend(fresh[page])
            placed.add(page)
    merged.extend(entry for page, entries in fresh.items() if page not in placed for entry in entries)
    return merged


def _page_of(entry: dict) -> str:
    """The page an entry belongs to: its location without the section anchor."""
    return entry["location"].partition("#")[0]


def spaced_cells(content: str) -> str:
    """The page with a space after each table cell, term and block that ends right before a tag.

    Material's index keeps the text of such elements but not their tags, so
    "<td>Kim Jong Un</td><td>Kim Jong-un</td>" would be indexed as "Kim Jong UnKim
    Jong-un", one word "unkim" that no query finds. A space between cells changes
    nothing on the page.
    """
    return _BLOCK_END_BEFORE_TAG.sub(r"\1 ", content)


_BLOCK_END_BEFORE_TAG = re.compile(r"(</(?:td|th|tr|thead|tbody|caption|dt|dd|div|figcaption|summary|h[1-6])>)(?=<)")


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
