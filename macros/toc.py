"""A page's table of contents and anchors, read back from its HTML.

Record pages never pass through Markdown, and the HTML that macros put on
hand-written pages is a raw block Markdown does not look into, so neither
reaches the toc extension. Both carry headings as that extension writes them
(``macros.filters.heading_markup``); these functions read them back, in the
token format MkDocs builds its table of contents from.
"""

from __future__ import annotations

import re

from markdown.extensions.toc import nest_toc_tokens

# A heading with an id, wherever the id stands among its attributes ({ .class } puts one first).
_HEADING = re.compile(r'<h([1-6])(?=[^>]*\sid="([^"]+)")[^>]*>(.*?)</h\1>', re.DOTALL)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_ID = re.compile(r'\sid="([^"]+)"')  # not data-id=


def headings_of(page_html: str) -> list[dict]:
    """Nested toc tokens (level, id, name, children) of every heading with an id, in order.

    ``name`` is the heading's text as HTML (entities kept, tags and permalink dropped),
    as MkDocs expects it.
    """
    flat = [{"level": int(level), "id": anchor, "name": " ".join(_TAG.sub("", _PERMALINK.sub("", inner)).split())}
            for level, anchor, inner in _HEADING.findall(page_html)]
    return nest_toc_tokens(flat)


def anchor_ids(page_html: str) -> set[str]:
    """Every id on the page: what links into it may point at."""
    return set(_ID.findall(page_html))
