"""Every filter and helper the page templates use, registered in one place.

The templates write HTML (see macros/render.py), and data text reaches a page
only through this module. ``escape_text`` is the Jinja ``finalize`` hook of the
template environment, so *every* ``{{ value }}`` of plain data is escaped
unless a helper here has already built it into markup (``Markup``). That is the
defence in depth behind the validator: even a record that slipped past it
cannot add HTML, attributes, Jinja or scripts.
"""

from __future__ import annotations

import html
import logging
import re
from typing import Iterable

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markdown.extensions.toc import slugify, unique
from markupsafe import Markup

from briefing.model import COUNTRY_NAMES, LANGUAGE_NAMES, DateSpan, Statement, Statistic
from macros.dates import format_partial_date, format_placed, format_span

log = logging.getLogger("mkdocs.plugins.briefing")

# What data text may not do on a page: open an HTML tag, an entity or an
# attribute value, or (inside a hand-written page) a Jinja expression or an
# attr_list ("{onclick=...}").
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "{": "&#123;", "}": "&#125;"})
# A script URL scheme, even with blanks inside it (browsers drop tabs and newlines
# from URLs). A zero-width space before its colon leaves the text readable but
# makes it no scheme at all, should any text ever end up in a link.
_SCRIPT_SCHEME = re.compile(r"(?i)\b((?:j\s*a\s*v\s*a|v\s*b)\s*s\s*c\s*r\s*i\s*p\s*t|d\s*a\s*t\s*a)\s*:")
_NO_SCHEME = "\u200b:"
_TAG = re.compile(r"<[^>]*>")

# Kinds with a page per record, and kinds shown as sections of one page.
PAGE_KINDS = ("events", "people", "treaties", "topics", "places")
SECTION_PAGES = {"statistics": "statistics.md", "sources": "sources.md", "glossary": "glossary.md"}


def escape_text(value: object) -> Markup:
    """Data text as HTML that cannot become markup, Jinja, attributes or a script link."""
    if isinstance(value, Markup):
        return value
    if value is None:
        raise TypeError("a template printed None: guard optional fields with {% if %}")
    # Every value of every page passes here: one C pass, and the scheme search only
    # where a scheme could be (it needs a colon).
    text = str(value).translate(_ESCAPES)
    if ":" in text:
        text = _SCRIPT_SCHEME.sub(lambda match: match.group(1) + _NO_SCHEME, text)
    return Markup(text)


def page_path(kind: str, record_id: str) -> str:
    """The docs path of a record: its own page, or its row on a shared page."""
    if kind in SECTION_PAGES:
        return f"/{SECTION_PAGES[kind]}#{record_id}"
    return f"/{kind}/{record_id}.md"


def record_title(record: object) -> str:
    """What a record is called, whatever its kind names that field."""
    for name in ("name", "title", "label", "term"):
        if hasattr(record, name):
            return getattr(record, name)
    raise TypeError(f"{type(record).__name__} has no title field")


@pass_context
def link(context: Context, kind: str, record_id: str, text: str | None = None) -> Markup:
    """A link to a record, titled from the data; plain text if it is missing."""
    record = context["book"].dataset.records.get(kind, {}).get(record_id)
    if record is None:
        # The validator should have caught this; strict builds fail on the warning.
        log.warning(f"no {kind} record '{record_id}' to link to")
        return escape_text(text or record_id)
    href = escape_text(context["resolve_href"](page_path(kind, record_id)))
    return Markup(f'<a href="{href}">') + escape_text(text or record_title(record)) + Markup("</a>")


@pass_context
def href(context: Context, doc_path: str) -> Markup:
    """A fixed link of a template ("/events/index.md"), relative to the page rendered."""
    return escape_text(context["resolve_href"](doc_path))


@pass_context
def heading(context: Context, level: int, text: str, anchor: str | None = None) -> Markup:
    return heading_markup(level, text, context["anchors"], anchor)


def heading_markup(level: int, text: str, anchors: set[str], anchor: str | None = None) -> Markup:
    """A heading with an id unique on its page and a permalink, as Python-Markdown's toc writes it.

    ``anchors`` holds the page's ids so far. The MkDocs hook reads the table of
    contents back from these headings (hooks/generate.py).
    """
    label = escape_text(text)
    anchor = anchor or unique(slugify(html.unescape(_TAG.sub("", label)), "-") or "section", anchors)
    anchors.add(anchor)
    target = escape_text(anchor)
    return Markup(f'<h{level} id="{target}">{label}<a class="headerlink" href="#{target}" '
                  f'title="Permanent link">&para;</a></h{level}>')


@pass_context
def cite(context: Context, source_ids: Iterable[str]) -> Markup:
    """Footnote references to sources; the page's footnotes are written at its end."""
    return context["citations"].cite(source_ids)


@pass_context
def statement(context: Context, item: Statement) -> Markup:
    """A sourced statement: its text, its footnotes, and its note in italics."""
    sentence = escape_text(item.text) + cite(context, item.sources)
    if item.note:
        sentence += Markup(" <em>(") + escape_text(item.note) + Markup(")</em>")
    return sentence


def date(span: DateSpan | None, weekday: bool = True) -> Markup:
    """A date at its precision ("2019", "June 2024"), or "undated"; lists leave the weekday out."""
    return escape_text(format_span(span, weekday=weekday) if span else "undated")


def placed_date(span: DateSpan | None) -> Markup:
    """A date in a chronological list: "2024, date not given" where the day is unknown."""
    return escape_text(format_placed(span))


def partial_date(value: str) -> Markup:
    """A bare partial date in words ("2 December 2026"): the cut-off, the day a source was read."""
    return escape_text(format_partial_date(value))


def language(code: str) -> str:
    """A language code as its English name ("ru" -> "Russian")."""
    return LANGUAGE_NAMES.get(code, code)


def country(code: str | None) -> str:
    return COUNTRY_NAMES.get(code, code) if code else ""


def countries(codes: Iterable[str]) -> str:
    """Country names as a reader writes them: "Russia, China and North Korea"."""
    names = [country(code) for code in codes]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def quantity(item: Statistic) -> str:
    """A figure as stated, e.g. "more than 10,000 shipping containers"."""
    value = f"{item.value:,}" if isinstance(item.value, int) else f"{item.value:,g}"
    qualifier = "" if item.qualifier == "exactly" else f"{item.qualifier} "
    # The data names units in the plural; one of them is singular ("1 meeting"), while
    # a unit of several words keeps its own number ("1 billion US dollars").
    unit = item.unit[:-1] if item.value == 1 and " " not in item.unit and item.unit.endswith("s") else item.unit
    return f"{qualifier}{value} {unit}"


def statistics_anchor(topic_id: str) -> str:
    """The id of a topic's section on the statistics page ("topic-other" for untagged figures)."""
    return f"topic-{topic_id or 'other'}"


def humanise(value: str) -> str:
    """An id-like value as words: "state-visit" -> "state visit"."""
    return value.replace("-", " ")


def one_line(value: object) -> Markup:
    """Escaped text on one line, for table cells and lists."""
    return Markup(" ".join(escape_text(value).split()))


FILTERS = {
    "text": escape_text, "one_line": one_line, "date": date, "country": country,
    "countries": countries, "quantity": quantity, "humanise": humanise,
    "statement": statement, "cite": cite, "partial_date": partial_date, "language": language,
    "placed_date": placed_date,
}
GLOBALS = {"link": link, "href": href, "heading": heading, "page_path": page_path, "title_of": record_title,
           "statistics_anchor": statistics_anchor}


def register(environment: Environment) -> Environment:
    """Install the filters and helpers, and escape every plain value printed."""
    environment.filters.update(FILTERS)
    environment.globals.update(GLOBALS)
    environment.finalize = escape_text
    return environment
