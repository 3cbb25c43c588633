"""macros/abbreviations.py: glossary terms explained by <abbr> in rendered HTML, in text only."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from macros.abbreviations import Abbreviations
from macros.filters import escape_text
from tests.macros.page_html import parse


class _Glossary:
    """Just what Abbreviations reads of a data set: its glossary terms."""

    def __init__(self, terms: dict[str, str]):
        self._terms = {term.lower(): SimpleNamespace(term=term, expansion=expansion)
                       for term, expansion in terms.items()}

    def kind(self, kind: str) -> dict:
        assert kind == "glossary"
        return self._terms


ABBREVIATIONS = Abbreviations(_Glossary({
    "UN": "United Nations", "UN-SC": "UN Security\n  Council", "R&D": 'Research <and> "development"',
}))
UN = '<abbr title="United Nations">UN</abbr>'


@pytest.mark.parametrize(("text", "expected"), [
    ("The UN met.", f"The {UN} met."),
    ("UN", UN),
    ("UN, UN.", f"{UN}, {UN}."),
    ("(UN)", f"({UN})"),
    # Whole words only, and case matters.
    ("UNESCO and UNICEF", "UNESCO and UNICEF"),
    ("xUN UNx _UN UN_ 2UN un Un", "xUN UNx _UN UN_ 2UN un Un"),
])
def test_only_whole_words_are_explained(text, expected):
    assert ABBREVIATIONS.mark_up(text) == expected


def test_the_longest_term_wins():
    assert ABBREVIATIONS.mark_up("The UN-SC voted.") == 'The <abbr title="UN Security Council">UN-SC</abbr> voted.'


def test_a_term_and_its_title_are_escaped_like_the_text_around_them():
    marked = ABBREVIATIONS.mark_up(str(escape_text("R&D spending")))
    abbr = parse(marked).find("abbr")
    assert (abbr.text, abbr.attrs["title"]) == ("R&D", 'Research <and> "development"')
    assert parse(marked).text == "R&D spending"


def test_terms_inside_tags_are_left_alone():
    html = '<a href="/un/UN.md" title="UN">UN</a><img alt="UN">'
    assert ABBREVIATIONS.mark_up(html) == f'<a href="/un/UN.md" title="UN">{UN}</a><img alt="UN">'


@pytest.mark.parametrize("html", [
    '<svg viewBox="0 0 10 10"><title>UN</title><text x="1">UN votes</text></svg>',
    '<pre>UN\nUN</pre>',
    '<pre class="x"><code>UN</code></pre>',
    '<abbr title="United Nations Organisation">UN</abbr>',
])
def test_figures_preformatted_text_and_existing_abbreviations_are_left_alone(html):
    assert ABBREVIATIONS.mark_up(html) == html


def test_text_around_skipped_markup_is_still_explained():
    html = "<p>UN</p><svg><text>UN</text></svg><p>UN</p><pre>UN</pre>UN"
    assert ABBREVIATIONS.mark_up(html) == f"<p>{UN}</p><svg><text>UN</text></svg><p>{UN}</p><pre>UN</pre>{UN}"


def test_an_empty_glossary_changes_nothing():
    html = "<p>The UN met.</p>"
    assert Abbreviations(_Glossary({})).mark_up(html) == html


def test_the_books_glossary_is_compiled_once_with_the_book(book):
    assert book.abbreviations.mark_up("Shown on TST.") == 'Shown on <abbr title="Test State Television">TST</abbr>.'
