"""Record every page's article HTML, in navigation order, while MkDocs builds the site.

The PDF is assembled from this record rather than from the data, so the paper edition
shows exactly what the site shows (same macros, same footnotes, same wording) and
cannot drift from it.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


class CapturePlugin(BasePlugin):
    """Writes ``{"site_name", "site_dir", "nav": [...]}`` to ``target`` after the build.

    Each nav entry is a section ``{"title", "children"}`` or a page
    ``{"title", "path", "html"}``, where ``path`` is the page's output file relative to
    the site directory (the build uses file URLs, so links resolve against it).
    """

    def __init__(self, target: Path):
        super().__init__()
        self.target = target
        self.pages: dict[str, dict] = {}
        self.nav: Navigation | None = None

    def on_nav(self, nav, /, *, config, files):
        self.nav = nav
        return nav

    # Last of all content handlers, so every other plugin's and hook's change is in.
    @event_priority(-100)
    def on_page_content(self, html, /, *, page, config, files):
        self.pages[page.file.dest_uri] = {"title": page.title, "html": html}
        return html

    def on_post_build(self, *, config):
        record = {
            "site_name": config.site_name,
            "site_dir": str(Path(config.site_dir).resolve()),
            "site_url": config.site_url or None,
            "nav": self._capture_items(self.nav.items if self.nav else []),
            "pages": self.pages,
        }
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.target.write_text(json.dumps(record, ensure_ascii=False), "utf-8")

    def _capture_items(self, items) -> list[dict]:
        """Sections and pages in navigation order; external links have no place on paper."""
        captured = []
        for item in items:
            if isinstance(item, Section):
                captured.append({"title": item.title, "children": self._capture_items(item.children)})
            elif isinstance(item, Page) and item.file.dest_uri in self.pages:
                captured.append({"path": item.file.dest_uri})
        return captured
