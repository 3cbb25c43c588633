"""The footnotes of one page: every source a statement on it cites.

Templates cite sources as they go (``{{ item.sources | cite }}``); the page's
footnote definitions are written once at its end, in order of first use, each
pointing to the source's entry in the bibliography. The markup is Python-Markdown's
footnotes extension's, which the theme styles and the PDF edition reads.
"""

from __future__ import annotations

import logging
from typing import Iterable

from markupsafe import Markup

from briefing.dataset import Dataset
from macros.dates import format_span
from macros.filters import escape_text, page_path
from macros.links import Href, docs_href

log = logging.getLogger("mkdocs.plugins.briefing")


class Citations:
    """Collects the sources cited on one page, for its footnotes."""

    def __init__(self, dataset: Dataset, resolve_href: Href = docs_href):
        self._sources = dataset.kind("sources")
        self._href = resolve_href
        # Source id -> how many times the page has cited it (each citation is a backlink).
        self._cited: dict[str, int] = {}

    def cite(self, source_ids: Iterable[str]) -> Markup:
        """Footnote references: a superscript number per source, linked to its footnote."""
        references = []
        for source_id in source_ids:
            if source_id not in self._sources:
                log.warning(f"citation of unknown source '{source_id}'")
                continue
            self._cited[source_id] = self._cited.get(source_id, 0) + 1
            number = list(self._cited).index(source_id) + 1
            anchor = escape_text(_reference_id(source_id, self._cited[source_id]))
            # A bare "1" says nothing to a screen reader: the link is named as the note it opens.
            references.append(f'<sup id="{anchor}"><a class="footnote-ref" href="#fn:{escape_text(source_id)}" '
                              f'aria-label="Note {number}">{number}</a></sup>')
        return Markup("".join(references))

    def footnotes(self) -> Markup:
        """The footnote list of every source cited so far; empty if none was."""
        if not self._cited:
            return Markup("")
        items = "\n".join(self._footnote(number, source_id) for number, source_id in enumerate(self._cited, 1))
        return Markup(f'<div class="footnote">\n<hr>\n<ol>\n{items}\n</ol>\n</div>\n')

    def _footnote(self, number: int, source_id: str) -> str:
        # Title (linked to the bibliography), outlet and date: enough to find it.
        source = self._sources[source_id]
        href = escape_text(self._href(page_path("sources", source_id)))
        parts = [f'<a href="{href}">{escape_text(source.title)}</a>']
        if source.outlet or source.publisher:
            parts.append(escape_text(source.outlet or source.publisher))
        parts.append(escape_text(format_span(source.published, weekday=False) if source.published else "undated"))
        backlinks = "".join(
            f'&#160;<a class="footnote-backref" href="#{escape_text(_reference_id(source_id, count))}" '
            f'title="Jump back to footnote {number} in the text">&#8617;</a>'
            for count in range(1, self._cited[source_id] + 1))
        return f'<li id="fn:{escape_text(source_id)}">\n<p>{", ".join(parts)}.{backlinks}</p>\n</li>'


def _reference_id(source_id: str, count: int) -> str:
    """The id of the ``count``-th citation of a source: fnref:x, then fnref2:x, fnref3:x..."""
    return f"fnref:{source_id}" if count == 1 else f"fnref{count}:{source_id}"
