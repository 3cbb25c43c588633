"""Turn one captured site page into a chapter of the PDF book.

A site page's HTML is written for the web: links point at other HTML files, ids are
only unique within the page, and there are permalink anchors, back-links and scripts
that mean nothing on paper. This module rewrites a page so that, inside one PDF, its
ids are unique, its links jump to the right place, and the screen-only parts are gone.
It streams the HTML through the standard library's parser and re-emits it, so markup
it does not care about (inline SVG icons, tables, abbreviations) passes through as is.
"""

from __future__ import annotations

import posixpath
import re
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

# Elements of the web page that have no meaning on paper; "screen-only" lets the site
# mark more (the browser's print stylesheet hides the same class).
# "Cite this page" (a relative address and BibTeX) and the download buttons and lists
# only work on the web; the imprint says how to cite the book instead.
DROPPED_CLASSES = {
    "headerlink", "footnote-backref", "md-content__button", "md-source-file", "md-button", "book-data-file", "screen-only",
    "book-cite", "book-downloads", "book-data-downloads",
}
DROPPED_TAGS = {"script", "style", "form", "button", "input", "template", "noscript"}
# The charts' SVG text is set in Matplotlib's font; on paper it takes the body's.
CHART_FONT, BOOK_FONT = "'DejaVu Sans'", "'Noto Sans'"
# Where a page number goes until the layout knows it (editions.paging fills it in).
# A plain space before it: in a narrow table column the reference goes to the next
# line rather than over the next cell.
PAGE_PLACEHOLDER = " (p.\u00a0000)"
# A Hangul word (a run of syllables or jamo): kept whole across line ends on paper.
_HANGUL_WORD = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+")
_HREF = re.compile(r'href="([^"]*)"')
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def site_path(page_path: str, relative: str) -> str:
    """Where a relative link on ``page_path`` points, as a path from the site root."""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), relative))
    return posixpath.join(joined, "index.html") if relative.endswith("/") else joined


def linked_paths(page_path: str, html: str) -> list[str]:
    """Every page a page links to, in the order the links first appear."""
    found: dict[str, None] = {}
    for href in _HREF.findall(html):
        parts = urlsplit(href)
        if not parts.scheme and parts.path and not href.startswith("//"):
            found.setdefault(site_path(page_path, parts.path))
    return list(found)


def page_anchor(path: str) -> str:
    """The id of a page's chapter: ``events/vostochny-2023.html`` -> ``p-events-vostochny-2023``."""
    stem = path.removesuffix(".html").removesuffix("/index").replace("/", "-")
    return "p-" + (stem or "index")


class ChapterRewriter(HTMLParser):
    """Re-emit one page's HTML with ids, links and images made to work inside the book.

    ``page_paths`` holds every page that is in the book, as paths relative to the site
    root; a link to any other file of the site becomes an absolute link to the online
    site when ``site_url`` is known, and plain text otherwise.
    """

    def __init__(self, path: str, page_paths: set[str], site_url: str | None):
        super().__init__(convert_charrefs=False)
        self.path = path
        self.anchor = page_anchor(path)
        self.page_paths = page_paths
        self.site_url = site_url
        self.out: list[str] = []
        self.dropping: list[str] = []  # open tags inside a dropped element
        # For each <a> not closed yet (innermost last), the anchor of the other page of the
        # book it points to, or None: once it closes, the page number follows it on paper.
        self.open_links: list[str | None] = []
        self.svg_depth = 0  # inside an inline SVG, text is drawn, not laid out as HTML
        # Each link to another page of the book: (the page, the link's id), for the index.
        self.cross_references: list[tuple[str, str]] = []

    def rewrite(self, html: str) -> str:
        self.feed(html)
        self.close()
        return "".join(self.out)

    # --- parser callbacks: drop what is screen-only, rewrite the rest ------------------

    def handle_starttag(self, tag, attrs):
        if self.dropping or self._is_dropped(tag, dict(attrs)):
            if tag not in VOID_TAGS:
                self.dropping.append(tag)
            return
        if tag == "a":
            href = dict(attrs).get("href")
            # In an SVG a link is drawn, and no text can follow it.
            is_reference = self._is_cross_reference(href) and not self.svg_depth
            target = self._resolve_link(href).lstrip("#") if is_reference else None
            self.open_links.append(target)
        self.svg_depth += tag == "svg"
        self.out.append(self._render_tag(tag, attrs))

    def handle_startendtag(self, tag, attrs):
        if not self.dropping and not self._is_dropped(tag, dict(attrs)):
            self.out.append(self._render_tag(tag, attrs, closed=True))

    def handle_endtag(self, tag):
        if self.dropping:
            # Close the innermost matching open tag; stray end tags inside are ignored.
            if tag in self.dropping:
                while self.dropping.pop() != tag:
                    pass
            return
        self.out.append(f"</{tag}>")
        self.svg_depth -= tag == "svg" and self.svg_depth > 0
        if tag == "a" and self.open_links and (target := self.open_links.pop()):
            self.out.append(page_reference(target))

    def handle_data(self, data):
        if not self.dropping:
            self.out.append(data if self.svg_depth else keep_hangul_words(data))

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")

    # --- rewriting ------------------------------------------------------------------

    def _is_dropped(self, tag: str, attrs: dict) -> bool:
        classes = set((attrs.get("class") or "").split())
        return tag in DROPPED_TAGS or bool(classes & DROPPED_CLASSES)

    def _render_tag(self, tag: str, attrs: list, closed: bool = False) -> str:
        rendered = []
        for name, value in attrs:
            if value is None:  # a boolean attribute such as ``open`` or ``hidden``
                rendered.append(f" {name}")
            elif (value := self._rewrite_attribute(tag, name, value)) is not None:
                rendered.append(f' {name}="{escape(value, quote=True)}"')
        if tag == "details" and not any(name == "open" for name, _ in attrs):
            rendered.append(" open")  # collapsed blocks are printed open
        if tag == "a" and self._is_cross_reference(dict(attrs).get("href")):
            rendered.append(self._cross_reference_id(dict(attrs)))
        return f"<{tag}{''.join(rendered)}{' /' if closed else ''}>"

    def _rewrite_attribute(self, tag: str, name: str, value: str) -> str | None:
        """The attribute's value in the book, or None to leave the attribute out."""
        if name == "id":
            return f"{self.anchor}--{value}"
        if name == "href" and tag == "a":
            return self._resolve_link(value)
        if name == "src":
            return self._resolve_resource(value)
        if name == "srcset":
            return None  # the book embeds one resolution, the one in src
        if name == "style":
            return value.replace(CHART_FONT, BOOK_FONT)
        return value

    def _cross_reference_id(self, attrs: dict) -> str:
        """Note the link for the index; one without an id gets one, so the index can name its page."""
        own_id = attrs.get("id")
        link_id = f"{self.anchor}--{own_id}" if own_id else f"{self.anchor}--xref-{len(self.cross_references) + 1}"
        self.cross_references.append((site_path(self.path, urlsplit(attrs["href"]).path), link_id))
        return "" if own_id else f' id="{link_id}"'

    def _is_cross_reference(self, href: str | None) -> bool:
        """A link to another page of the book (not to a place on the same page)."""
        parts = urlsplit(href or "")
        if parts.scheme or not parts.path or (href or "").startswith("//"):
            return False
        target = site_path(self.path, parts.path)
        return target in self.page_paths and target != self.path

    def _resolve_link(self, href: str) -> str | None:
        """In-book anchor for a page of the book, absolute URL for anything else."""
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//"):
            return href
        if not parts.path:
            return f"#{self.anchor}--{parts.fragment}" if parts.fragment else f"#{self.anchor}"
        target = site_path(self.path, parts.path)
        if target in self.page_paths:
            anchor = page_anchor(target)
            return f"#{anchor}--{parts.fragment}" if parts.fragment else f"#{anchor}"
        return self.site_url.rstrip("/") + "/" + target if self.site_url else None

    def _resolve_resource(self, src: str) -> str:
        """Images load from the built site, so make their paths relative to its root."""
        parts = urlsplit(src)
        return src if parts.scheme or src.startswith("//") else site_path(self.path, parts.path)


def keep_hangul_words(html_text: str) -> str:
    """HTML text with each Hangul word in a span that the line breaker keeps whole."""
    return _HANGUL_WORD.sub(lambda word: f'<span class="hangul">{word.group(0)}</span>', html_text)


def page_reference(anchor: str) -> str:
    """"(p. 23)" for the page ``anchor`` lands on, as a placeholder editions.paging fills."""
    return f'<span class="xref-page" data-page-of="{escape(anchor, quote=True)}">{PAGE_PLACEHOLDER}</span>'
