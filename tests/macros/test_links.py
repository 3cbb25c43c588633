"""macros/links.py: the URLs MkDocs gives pages, and links between them in both URL schemes."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from mkdocs.structure.files import File

from macros.links import docs_href, href_from, site_url_of

DOCS_PATHS = ["/index.md", "/people/leader-north.md", "/events/index.md", "/sources.md", "/a/b/index.md",
              "/a/b/c.md"]


@pytest.mark.parametrize(("doc_path", "directory_url", "file_url"), [
    ("/index.md", "", "index.html"),
    ("/people/leader-north.md", "people/leader-north/", "people/leader-north.html"),
    ("/events/index.md", "events/", "events/index.html"),
    ("/sources.md", "sources/", "sources.html"),
    ("people/leader-north.md", "people/leader-north/", "people/leader-north.html"),  # leading slash optional
])
def test_site_url_of_a_page_in_both_schemes(doc_path, directory_url, file_url):
    assert site_url_of(doc_path, directory_urls=True) == directory_url
    assert site_url_of(doc_path, directory_urls=False) == file_url


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("doc_path", DOCS_PATHS)
def test_site_url_of_agrees_with_mkdocs(doc_path, directory_urls):
    url = File(doc_path.lstrip("/"), "/docs", "/site", directory_urls).url
    # MkDocs calls the home page "./" as a file and "" as a page (Page.url); pages are linked from page URLs.
    assert site_url_of(doc_path, directory_urls) == ("" if url == "./" else url)


@pytest.mark.parametrize(("page_url", "doc_path", "expected"), [
    # The site: directory URLs; the home page's URL is "".
    ("", "/people/leader-north.md", "people/leader-north/"),
    ("", "/sources.md#gazette-2020", "sources/#gazette-2020"),
    ("people/leader-north/", "/people/leader-russia.md", "../leader-russia/"),
    ("people/leader-north/", "/people/leader-north.md", "./"),
    ("people/leader-north/", "/events/index.md", "../../events/"),
    ("people/leader-north/", "/statistics.md#talks-hours", "../../statistics/#talks-hours"),
    ("events/", "/people/leader-north.md", "../people/leader-north/"),
    # The offline edition: every URL a file.
    ("index.html", "/people/leader-north.md", "people/leader-north.html"),
    ("people/leader-north.html", "/people/leader-russia.md", "leader-russia.html"),
    ("people/leader-north.html", "/index.md", "../index.html"),
    ("people/leader-north.html", "/events/index.md", "../events/index.html"),
    ("people/leader-north.html", "/sources.md#gazette-2020", "../sources.html#gazette-2020"),
    ("events/index.html", "/people/index.md", "../people/index.html"),
])
def test_href_from_a_page(page_url, doc_path, expected):
    assert href_from(page_url)(doc_path) == expected


@pytest.mark.parametrize("page_url", ["", "events/", "people/leader-north/", "a/b/c/",
                                      "index.html", "events/index.html", "people/leader-north.html", "a/b/c.html"])
@pytest.mark.parametrize("doc_path", DOCS_PATHS + ["/sources.md#gazette-2020", "/index.md#top"])
def test_every_href_leads_a_browser_to_the_page_it_names(page_url, doc_path):
    # However deep the page, the relative href resolves to the target's own URL in the same scheme.
    site = "https://example.org/book/"
    directory_urls = not page_url.endswith(".html")
    path, _, anchor = doc_path.partition("#")
    target = site + site_url_of(path, directory_urls) + (f"#{anchor}" if anchor else "")
    href = href_from(page_url)(doc_path)
    assert not href.startswith("/") and ".md" not in href
    assert urljoin(site + page_url, href) == target


def test_docs_href_leaves_the_docs_path_as_it_is():
    assert docs_href("/people/leader-north.md") == "/people/leader-north.md"
    assert docs_href("/sources.md#gazette-2020") == "/sources.md#gazette-2020"
