"""Reading built HTML pages: links, anchors, fetched resources and visible text.

``parse_html(path)`` returns a ``ParsedPage``; ``built_pages(site)`` maps each
page's site-relative URL to its file.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Elements whose URL attribute makes the browser fetch something.
FETCHING_ATTRIBUTES = {("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
                       ("iframe", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"),
                       ("object", "data"), ("image", "href"), ("use", "href")}


@dataclass
class ParsedPage:
    """What tests need from one HTML page."""

    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    fetched: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    text: str = ""
    nav_links: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._text: list[str] = []
        self._skip = 0
        self._primary_nav = 0
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self._collect(tag, attributes)
        if tag in ("script", "style", "svg"):
            self._skip += 1
        self._in_style = tag == "style"
        if tag == "nav" and "md-nav--primary" in (attributes.get("class") or ""):
            self._primary_nav = 1
        elif tag == "nav" and self._primary_nav:
            self._primary_nav += 1

    def _collect(self, tag, attributes):
        if attributes.get("id"):
            self.page.ids.add(attributes["id"])
        if tag == "a" and attributes.get("href") is not None:
            self.page.links.append(attributes["href"])
            if self._primary_nav:
                self.page.nav_links.append(attributes["href"])
        for element, name in FETCHING_ATTRIBUTES:
            if tag == element and attributes.get(name):
                self.page.fetched.append(attributes[name])
        if attributes.get("style"):
            self.page.styles.append(attributes["style"])

    def handle_endtag(self, tag):
        if tag in ("script", "style", "svg") and self._skip:
            self._skip -= 1
        if tag == "nav" and self._primary_nav:
            self._primary_nav -= 1

    def handle_data(self, data):
        if self._in_style:
            self.page.styles.append(data)
        if not self._skip:
            self._text.append(data)


def parse_html(path: Path) -> ParsedPage:
    reader = _Reader()
    reader.feed(path.read_text("utf-8"))
    reader.page.text = re.sub(r"\s+", " ", html.unescape("".join(reader._text)))
    return reader.page


def built_pages(site: Path) -> dict[str, Path]:
    """Every HTML page of a built site by its URL path ("", "events/x/", "404.html")."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        pages[relative[: -len("index.html")] if relative.endswith("index.html") else relative] = path
    return pages
