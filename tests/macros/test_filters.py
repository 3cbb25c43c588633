"""Data text is escaped on its way into a page: defence in depth behind the validator."""

from __future__ import annotations

import logging

import pytest
from jinja2 import Environment
from markupsafe import Markup

from briefing.model import Statement, Statistic
from macros import filters
from macros.citations import Citations
from macros.links import docs_href, href_from
from tests.macros.page_html import HOSTILE, SCRIPT_SCHEMES, parse, scheme


def _reads(text: str) -> str:
    """Text as a reader compares it: no zero-width spaces, no blanks."""
    return "".join(text.replace("\u200b", "").split())


def _environment() -> Environment:
    return filters.register(Environment(autoescape=True))


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_becomes_markup(text):
    page = parse(filters.escape_text(text))
    assert page.elements == []
    assert _reads(page.text) == _reads(text)  # and still reads as written


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_an_attribute_stays_in_it_and_runs_no_script(text):
    # Templates put data in double-quoted attributes (hrefs of source URLs, gazetteer links).
    page = parse(Markup('<a href="') + filters.escape_text(text) + Markup('">link</a>'))
    assert page.elements == [("a", ("href",))]
    assert page.text == "link"
    assert scheme(page.find("a").attrs["href"]) not in SCRIPT_SCHEMES


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_a_heading_adds_nothing_to_it(text):
    page = parse(filters.heading_markup(2, text, set()))
    assert page.elements == [("h2", ("id",)), ("a", ("class", "href", "title"))]
    assert _reads(page.find("h2").text) == _reads(text)


def test_escaped_text_still_reads_as_written():
    escaped = filters.escape_text("Fish & chips <b>bold</b> {{ 7 * 7 }}")
    assert escaped == "Fish &amp; chips &lt;b&gt;bold&lt;/b&gt; &#123;&#123; 7 * 7 &#125;&#125;"


def test_a_script_scheme_is_broken_only_by_an_invisible_space():
    assert filters.escape_text("see javascript:void(0)") == "see javascript\u200b:void(0)"
    # Words that merely end in a scheme's letters are left alone.
    assert filters.escape_text("metadata: none") == "metadata: none"


def test_markup_already_built_is_not_escaped_twice():
    built = Markup('<a href="/people/vladimir-putin.md">Vladimir Putin</a>')
    assert filters.escape_text(built) is built


def test_printing_none_is_a_template_bug():
    with pytest.raises(TypeError):
        filters.escape_text(None)


def test_every_plain_value_a_template_prints_is_escaped():
    output = _environment().from_string("{{ value }}|{{ value | one_line }}").render(value="<i>a | b</i>")
    # A pipe is plain text in HTML (no Markdown table to break).
    assert output == "&lt;i&gt;a | b&lt;/i&gt;|&lt;i&gt;a | b&lt;/i&gt;"


def test_one_line_joins_the_lines_of_a_value():
    assert filters.one_line("Three\n  hours,\tnot five.\n") == "Three hours, not five."


def test_a_link_names_the_record_and_points_at_its_page(book):
    template = _environment().from_string(
        '{{ link("people", "leader-north") }} {{ link("statistics", "talks-hours") }}')
    assert template.render(book=book, resolve_href=docs_href) == (
        '<a href="/people/leader-north.md">Pak Test-hun</a> '
        '<a href="/statistics.md#talks-hours">Length of the harbour talks</a>'
    )


def test_a_link_is_relative_to_the_page_being_built(book):
    template = _environment().from_string('{{ link("people", "leader-north", "Pak") }}')
    assert template.render(book=book, resolve_href=href_from("events/harbour-summit-2020/")) == (
        '<a href="../../people/leader-north/">Pak</a>')
    assert template.render(book=book, resolve_href=href_from("events/harbour-summit-2020.html")) == (
        '<a href="../people/leader-north.html">Pak</a>')


def test_a_link_escapes_its_label_and_its_href(book):
    template = _environment().from_string('{{ link("people", "leader-north", label) }}')
    output = template.render(book=book, label="<b>Pak</b>", resolve_href=lambda path: path + '"onclick="x')
    page = parse(output)
    assert page.elements == [("a", ("href",))]
    assert page.text == "<b>Pak</b>"
    assert page.find("a").attrs["href"] == '/people/leader-north.md"onclick="x'


def test_a_link_to_a_missing_record_is_text_and_a_warning(book, caplog):
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.briefing"):
        output = _environment().from_string('{{ link("people", "nobody") }}').render(book=book,
                                                                                      resolve_href=docs_href)
    assert output == "nobody"
    assert "no people record 'nobody'" in caplog.text


def test_a_fixed_link_of_a_template_is_relative_to_the_page(book):
    template = _environment().from_string('<a href="{{ href("/events/index.md") }}">Events</a>')
    assert template.render(resolve_href=href_from("people/leader-north/")) == '<a href="../../events/">Events</a>'


def test_cite_writes_references_and_remembers_the_sources(book):
    citations = Citations(book.dataset)
    output = _environment().from_string("{{ ids | cite }}").render(citations=citations,
                                                                     ids=["gazette-2020", "courier-2021"])
    assert output == (
        '<sup id="fnref:gazette-2020"><a class="footnote-ref" href="#fn:gazette-2020" aria-label="Note 1">1</a></sup>'
        '<sup id="fnref:courier-2021"><a class="footnote-ref" href="#fn:courier-2021" aria-label="Note 2">2</a></sup>'
    )
    items = parse(citations.footnotes()).find("ol").find_all("li")
    assert [item.attrs["id"] for item in items] == ["fn:gazette-2020", "fn:courier-2021"]
    assert items[0].links[0] == ("/sources.md#gazette-2020", "Leaders meet at the harbour (Test Gazette, 2020)")
    assert items[1].text.startswith("Second summit report (Test Courier, 2021), The Test Courier, 2021.")


def test_a_statement_carries_its_footnotes_and_its_note(book):
    citations = Citations(book.dataset)
    # model_construct: the validator would refuse the "<", which the renderer must escape anyway.
    item = Statement.model_construct(text="Three <hours>.", sources=["gazette-2020"], note="as reported")
    output = _environment().from_string("{{ item | statement }}").render(citations=citations, item=item)
    assert output == ('Three &lt;hours&gt;.<sup id="fnref:gazette-2020"><a class="footnote-ref" '
                      'href="#fn:gazette-2020" aria-label="Note 1">1</a></sup> <em>(as reported)</em>')


@pytest.mark.parametrize(("text", "expected_id", "reads"), [
    ("Quotes", "quotes", "Quotes"), ("Fish & chips", "fish-chips", "Fish & chips"),
    ("<b>Bold</b> move", "bboldb-move", "<b>Bold</b> move"),                  # data: literal text
    (Markup("<em>Bold</em> move"), "bold-move", "Bold move"),                  # markup: tags left out of the id
    ("!!!", "section", "!!!"),
])
def test_a_heading_gets_an_id_from_its_text_and_a_permalink(text, expected_id, reads):
    heading = parse(filters.heading_markup(3, text, set())).find("h3")
    assert heading.attrs["id"] == expected_id
    assert heading.text == reads
    assert heading.find("a", class_="headerlink").attrs["href"] == f"#{expected_id}"


def test_repeated_headings_get_unique_ids():
    anchors: set[str] = set()
    ids = [parse(filters.heading_markup(2, "Quotes", anchors)).find("h2").attrs["id"] for _ in range(3)]
    assert ids == ["quotes", "quotes_1", "quotes_2"]
    assert anchors == set(ids)
    # An id fixed by the template is kept as given, and later headings avoid it.
    fixed = parse(filters.heading_markup(2, "Sources", anchors, "gazette-2020")).find("h2")
    assert fixed.attrs["id"] == "gazette-2020"
    assert parse(filters.heading_markup(2, "Gazette 2020", anchors)).find("h2").attrs["id"] == "gazette-2020_1"


@pytest.mark.parametrize(("codes", "expected"), [
    ([], ""), (["russia"], "Russia"), (["russia", "north-korea"], "Russia and North Korea"),
    (["russia", "china", "north-korea"], "Russia, China and North Korea"),
])
def test_countries_read_as_a_list(codes, expected):
    assert filters.countries(codes) == expected


def test_a_quantity_keeps_its_qualifier_and_unit():
    statistic = Statistic(id="s", label="L", value=10000, qualifier="more than", unit="containers",
                          asserted_by="A US statement", sources=["x"])
    assert filters.quantity(statistic) == "more than 10,000 containers"
    assert filters.quantity(statistic.model_copy(update={"value": 42.7, "qualifier": "exactly"})) == "42.7 containers"
    assert filters.quantity(statistic.model_copy(update={"value": 1, "qualifier": "exactly"})) == "1 container"
    assert filters.quantity(statistic.model_copy(update={"value": 1, "unit": "billion US dollars"})) == "more than 1 billion US dollars"
