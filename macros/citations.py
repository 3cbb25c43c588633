"""The footnotes of one page: every source a statement on it cites.

Templates cite sources as they go (``{{ item.sources | cite }}``); the page's
footnote definitions are written once at its end, in order of first use, each
pointing to the source's entry in the bibliography.
"""

from __future__ import annotations

import logging
from typing import Iterable

from markupsafe import Markup

from briefing.dataset import Dataset
from macros.dates import format_span
from macros.filters import escape_text, page_path

log = logging.getLogger("mkdocs.plugins.briefing")


class Citations:
    """Collects the sources cited on one page, for its footnotes."""

    def __init__(self, dataset: Dataset):
        self._sources = dataset.kind("sources")
        self._cited: dict[str, None] = {}

    def cite(self, source_ids: Iterable[str]) -> Markup:
        """Footnote references, e.g. ``[^cnn-2024][^ap-2000]``."""
        references = []
        for source_id in source_ids:
            if source_id not in self._sources:
                log.warning(f"citation of unknown source '{source_id}'")
                continue
            self._cited.setdefault(source_id)
            references.append(f"[^{source_id}]")
        return Markup("".join(references))

    def footnotes(self) -> Markup:
        """The footnote definitions of every source cited so far."""
        return Markup("\n".join(self._footnote(source_id) for source_id in self._cited))

    def _footnote(self, source_id: str) -> str:
        # Title (linked to the bibliography), outlet and date: enough to find it.
        source = self._sources[source_id]
        parts = [f"[{escape_text(source.title)}]({page_path('sources', source_id)})"]
        if source.outlet:
            parts.append(escape_text(source.outlet))
        parts.append(escape_text(format_span(source.published, weekday=False)))
        return f"[^{source_id}]: " + ", ".join(parts) + "."
