"""The glossary's abbreviations, explained on hover wherever a rendered page uses them.

Hand-written Markdown gets them from the abbr extension (the hook appends the
definitions to every page); the HTML the renderer writes never passes through
Markdown, so this module wraps each term in ``<abbr title=...>`` itself, the
way that extension does: whole words only, in text, never inside a tag, an
inline SVG figure or preformatted text.
"""

from __future__ import annotations

import html
import re

from briefing.dataset import Dataset
from macros.filters import escape_text

# Markup the terms are never looked for in: tags themselves (attributes), whole
# SVG figures, code and <pre> blocks, and existing <abbr> elements.
_SKIPPED = re.compile(r"(<svg\b.*?</svg>|<pre\b.*?</pre>|<code\b.*?</code>|<abbr\b.*?</abbr>|<[^>]*>)",
                      re.DOTALL)


class Abbreviations:
    """The glossary terms of one data set, ready to mark up rendered HTML."""

    def __init__(self, dataset: Dataset):
        terms = {term.term: " ".join(term.expansion.split()) for term in dataset.kind("glossary").values()}
        # Keyed and matched as the page writes the term (macros.filters.escape_text).
        self._titles = {str(escape_text(term)): html.escape(expansion, quote=True) for term, expansion in terms.items()}
        # Longest first, so "DPRK" is not taken for a shorter term it contains.
        alternatives = "|".join(re.escape(term) for term in sorted(self._titles, key=len, reverse=True))
        self._pattern = re.compile(rf"(?<!\w)({alternatives})(?!\w)") if terms else None

    def mark_up(self, page_html: str) -> str:
        """``page_html`` with every glossary term in its text explained by an ``<abbr>``."""
        if self._pattern is None:
            return page_html
        pieces = _SKIPPED.split(page_html)
        # split() with a group alternates text (even indexes) and skipped markup (odd).
        pieces[::2] = [self._pattern.sub(self._abbr, text) for text in pieces[::2]]
        return "".join(pieces)

    def _abbr(self, match: re.Match) -> str:
        term = match.group(1)
        return f'<abbr title="{self._titles[term]}">{term}</abbr>'
