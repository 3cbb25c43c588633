"""The book's structure: the site's navigation, with each record after its kind's index."""

from __future__ import annotations

import re
from html import escape

from editions.book import Cover, book_entries, book_html


def page(title: str, body: str = "") -> dict:
    return {"title": title, "html": f'<h1 id="top">{escape(title)}</h1>{body}'}


CAPTURE = {
    "site_name": "The book",
    "site_dir": "/nonexistent",
    "site_url": None,
    "nav": [
        {"path": "index.html"},
        {"path": "events/index.html"},
        {"title": "Reference", "children": [{"path": "sources.html"}]},
    ],
    "pages": {
        "index.html": page("Home", '<a href="events/b.html">B</a>'),
        "events/index.html": page("Events", '<a href="b.html">B</a> <a href="a.html">A</a>'),
        "events/a.html": page("Event A", '<a href="../sources.html#s1">source</a>'),
        "events/b.html": page("Event B"),
        "events/c.html": page("Event C, listed nowhere"),
        "sources.html": page("Sources", '<p id="s1">One</p>'),
        "about.html": page("About"),
    },
}


def test_entries_follow_the_navigation_with_records_after_their_index_in_its_order():
    outline = [(entry.depth, entry.title) for entry in book_entries(CAPTURE)]
    assert outline == [
        (1, "Home"),
        (1, "Events"),
        (2, "Event B"),
        (2, "Event A"),
        (2, "Event C, listed nowhere"),
        (1, "Reference"),
        (2, "Sources"),
        (1, "About"),  # in no navigation and under no index: still in the book, at the end
    ]


def test_a_part_without_a_page_of_its_own_gets_a_heading_and_no_content():
    reference = next(entry for entry in book_entries(CAPTURE) if entry.title == "Reference")
    assert reference.html == "" and reference.anchor.startswith("s-1-")


def test_every_link_in_the_book_has_a_target_in_the_book():
    html = book_html(CAPTURE, Cover("The book", "June 2024", "v1.2"), "a4")
    ids = set(re.findall(r'id="([^"]+)"', html))
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert targets and targets <= ids
    assert "p-sources--s1" in targets


def test_the_cover_says_title_date_of_the_data_and_version():
    html = book_html(CAPTURE, Cover("The book", "June 2024", "v1.2"), "letter")
    cover = re.search(r'<section class="cover">(.*?)</section>', html, re.DOTALL).group(1)
    assert "The book" in cover and "June 2024" in cover and "v1.2" in cover


def test_titles_from_the_site_are_escaped_on_the_cover_and_in_the_contents():
    capture = {**CAPTURE, "pages": {**CAPTURE["pages"], "about.html": page("A <b> & C")}}
    html = book_html(capture, Cover("<i>Title</i>", "2024", "v1"), "a4")
    assert "<i>Title</i>" not in html and "&lt;i&gt;Title&lt;/i&gt;" in html
    assert '<a href="#p-about">A &lt;b&gt; &amp; C<span class="toc-page"' in html
