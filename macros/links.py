"""Links between pages, as the HTML the book renders writes them.

The renderer writes HTML straight away (see macros/render.py), so no Markdown
processor is there to turn ``people/x.md`` into a URL: these functions do it,
the way MkDocs would, for both of the book's URL schemes. The page being
rendered tells the scheme: its URL ends in ``.html`` in the offline edition
(whose plugin turns directory URLs off after the configuration is read).
"""

from __future__ import annotations

from typing import Callable

from mkdocs.utils import get_relative_url

# A function from a docs path ("/people/x.md#quotes") to the href on one page.
Href = Callable[[str], str]


def site_url_of(doc_path: str, directory_urls: bool) -> str:
    """The site URL MkDocs gives the page ``doc_path``: "people/x/" or "people/x.html"."""
    stem = doc_path.lstrip("/").removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def href_from(page_url: str) -> Href:
    """Hrefs relative to the page at ``page_url`` (its URL as MkDocs gives it)."""
    directory_urls = not page_url.endswith(".html")

    def href(doc_path: str) -> str:
        path, _, anchor = doc_path.partition("#")
        url = get_relative_url(site_url_of(path, directory_urls), page_url)
        return f"{url}#{anchor}" if anchor else url
    return href


def docs_href(doc_path: str) -> str:
    """The docs path itself: what unit tests read, where no page is being built."""
    return doc_path
