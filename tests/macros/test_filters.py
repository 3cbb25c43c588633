"""Data text is escaped on its way into a page: defence in depth behind the validator."""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

import markdown
import pytest
from jinja2 import Environment
from markupsafe import Markup

from briefing.model import Statistic
from macros import filters
from macros.citations import Citations

# The Markdown extensions of mkdocs.yml that could turn text into markup.
SITE_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables"]

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JavaScript :alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click][1]\n\n[1]: vbscript:msgbox(1)",
    "[click](data:text/html;base64,PHNjcmlwdD4=)",
    "Sign { onclick=alert(1) }",
    "{{ 7 * 7 }} and {% if true %}x{% endif %}",
    "Fish & chips <b>bold</b>",
]


def _html(text: str) -> str:
    return markdown.markdown(text, extensions=SITE_EXTENSIONS)


class _Elements(HTMLParser):
    """The tags and attributes of an HTML fragment, as a browser would see them."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(attrs)


_C0_AND_SPACE = "".join(map(chr, range(0x21)))


def _scheme(href: str) -> str:
    """The scheme a browser would find in an href (after dropping tabs and newlines)."""
    url = re.sub(r"[\t\n\r]", "", href).lstrip(_C0_AND_SPACE)
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    return match.group(1).lower() if match else ""


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_becomes_markup(text):
    elements = _Elements(_html(filters.escape_text(text)))
    # Links are Markdown the data may use; nothing else (no script, img, b, nor
    # attributes from attr_list), and no link whose scheme would run a script.
    assert set(elements.tags) <= {"p", "a"}, elements.tags
    assert [name for name, _ in elements.attributes] in ([], ["href"])
    assert all(_scheme(value) not in {"javascript", "vbscript", "data"} for _, value in elements.attributes)


def test_escaped_text_still_reads_as_written():
    html = _html(filters.escape_text("Fish & chips <b>bold</b> {{ 7 * 7 }}"))
    assert "Fish &amp; chips &lt;b&gt;bold&lt;/b&gt; &#123;&#123; 7 * 7 &#125;&#125;" in html


def test_markdown_already_built_is_not_escaped_twice():
    built = Markup("[Putin](/people/vladimir-putin.md)")
    assert filters.escape_text(built) is built


def test_printing_none_is_a_template_bug():
    with pytest.raises(TypeError):
        filters.escape_text(None)


def test_every_plain_value_a_template_prints_is_escaped():
    environment = filters.register(Environment(autoescape=True))
    output = environment.from_string("{{ value }}|{{ value | one_line }}").render(value="<i>a | b</i>")
    assert output == "&lt;i&gt;a | b&lt;/i&gt;|&lt;i&gt;a &#124; b&lt;/i&gt;"


def test_a_link_names_the_record_and_points_at_its_page(book):
    environment = filters.register(Environment(autoescape=True))
    template = environment.from_string('{{ link("people", "leader-north") }} {{ link("statistics", "talks-hours") }}')
    assert template.render(book=book) == (
        "[Pak Test-hun](/people/leader-north.md) "
        "[Length of the harbour talks](/statistics.md#talks-hours)"
    )


def test_a_link_to_a_missing_record_is_text_and_a_warning(book, caplog):
    environment = filters.register(Environment(autoescape=True))
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.briefing"):
        output = environment.from_string('{{ link("people", "nobody") }}').render(book=book)
    assert output == "nobody"
    assert "no people record 'nobody'" in caplog.text


def test_cite_writes_references_and_remembers_the_sources(book):
    citations = Citations(book.dataset)
    environment = filters.register(Environment(autoescape=True))
    output = environment.from_string("{{ ids | cite }}").render(citations=citations, ids=["gazette-2020", "courier-2021"])
    assert output == "[^gazette-2020][^courier-2021]"
    footnotes = str(citations.footnotes()).splitlines()
    assert footnotes[0].startswith("[^gazette-2020]: [Leaders meet at the harbour (Test Gazette, 2020)](/sources.md#gazette-2020)")
    assert footnotes[1].endswith("The Test Courier, 2021.")


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
