"""macros/toc.py: a page's table of contents and anchors, read back from its HTML."""

from __future__ import annotations

from macros import render
from macros.filters import heading_markup
from macros.toc import anchor_ids, headings_of
from tests.macros.page_html import parse


def _outline(tokens: list[dict]) -> list:
    """Tokens as (level, id, name, children) tuples, to compare whole trees at once."""
    return [(token["level"], token["id"], token["name"], _outline(token["children"])) for token in tokens]


def test_headings_nest_under_the_heading_before_them():
    anchors: set[str] = set()
    page = "\n".join(str(heading_markup(level, text, anchors)) + "\n<p>Text.</p>"
                     for level, text in [(1, "Title"), (2, "First"), (3, "Detail"), (3, "More"), (2, "Second")])
    assert _outline(headings_of(page)) == [
        (1, "title", "Title", [
            (2, "first", "First", [(3, "detail", "Detail", []), (3, "more", "More", [])]),
            (2, "second", "Second", []),
        ]),
    ]


def test_a_heading_name_drops_the_permalink_and_tags_but_keeps_entities():
    page = ('<h2 id="fish">Fish &amp; <em>chips</em> &lt;fresh&gt;'
            '<a class="headerlink" href="#fish" title="Permanent link">&para;</a></h2>')
    assert headings_of(page) == [{"level": 2, "id": "fish", "name": "Fish &amp; chips &lt;fresh&gt;", "children": []}]


def test_a_heading_written_by_the_renderer_reads_back_as_written():
    page = str(heading_markup(2, 'Talks & "toasts" <b>', set()))
    assert headings_of(page)[0]["name"] == "Talks &amp; &quot;toasts&quot; &lt;b&gt;"
    assert headings_of(page)[0]["id"] == "talks-toasts-b"


def test_a_heading_over_several_lines_has_a_one_line_name():
    assert headings_of('<h3 id="x">Long\n   title</h3>')[0]["name"] == "Long title"


def test_headings_without_an_id_are_not_in_the_contents():
    page = '<h2>No anchor</h2>\n<h2 id="kept">Kept</h2>\n<p id="p">Not a heading</p>'
    assert _outline(headings_of(page)) == [(2, "kept", "Kept", [])]


def test_a_rendered_page_has_its_title_and_sections_in_its_contents(book):
    page = str(render.render_entity_page(book, "events", "harbour-summit-2020"))
    (title,) = headings_of(page)
    assert (title["level"], title["name"]) == (1, "Harbour summit")
    assert [child["name"] for child in title["children"]] == [
        "Participants", "Agenda", "Outcomes", "Agreements", "Quotes", "Notable details", "Figures",
        "Before and after", "Sources cited"]


def test_anchor_ids_lists_every_id_a_link_may_point_at(book):
    page = str(render.render_statistics(book))
    ids = anchor_ids(page)
    # Headings, figure rows (linked from every other page) and footnotes.
    assert {"topic-fisheries", "topic-other", "fishing-boats", "talks-hours", "sources-cited",
            "fnref:gazette-2020", "fn:gazette-2020"} <= ids


def test_anchor_ids_are_the_ids_a_browser_finds(book):
    for page in (render.render_entity_page(book, "events", "harbour-summit-2020"), render.render_bibliography(book),
                 render.render_glossary(book), render.render_home(book)):
        assert anchor_ids(str(page)) == {node.attrs["id"] for node in parse(page).iter() if node.attrs.get("id")}
