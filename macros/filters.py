"""Every filter and helper the page templates use, registered in one place.

Data text reaches a page only through this module. ``escape_text`` is the
Jinja ``finalize`` hook of the template environment, so *every* ``{{ value }}``
of plain data is escaped unless a helper here has already built it into
Markdown (``Markup``). That is the defence in depth behind the validator:
even a record that slipped past it cannot add HTML, attributes or scripts.
"""

from __future__ import annotations

import logging
import re
from typing import Iterable

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from briefing.model import COUNTRY_NAMES, DateSpan, Statement, Statistic
from macros.dates import format_span

log = logging.getLogger("mkdocs.plugins.briefing")

# What data text may not do once it is Markdown: open an HTML tag or entity,
# carry attr_list attributes ("{onclick=...}"), or be a script link.
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;"}
_ESCAPABLE = re.compile("[&<>{}]")
# A script URL scheme, even with blanks inside it (browsers drop tabs and newlines
# from URLs). A zero-width space before its colon leaves the text readable but
# makes it no scheme at all, so a link to it is only a harmless relative link.
_SCRIPT_SCHEME = re.compile(r"(?i)\b((?:j\s*a\s*v\s*a|v\s*b)\s*s\s*c\s*r\s*i\s*p\s*t|d\s*a\s*t\s*a)\s*:")
_NO_SCHEME = "\u200b:"
_LINK_LABEL = re.compile(r"[\[\]]")

# Kinds with a page per record, and kinds shown as sections of one page.
PAGE_KINDS = ("events", "people", "treaties", "topics", "places")
SECTION_PAGES = {"statistics": "statistics.md", "sources": "sources.md", "glossary": "glossary.md"}


def escape_text(value: object) -> Markup:
    """Data text as Markdown that cannot become HTML, Jinja, attributes or a script link."""
    if isinstance(value, Markup):
        return value
    if value is None:
        raise TypeError("a template printed None: guard optional fields with {% if %}")
    text = _ESCAPABLE.sub(lambda match: _ESCAPES[match.group()], str(value))
    return Markup(_SCRIPT_SCHEME.sub(lambda match: match.group(1) + _NO_SCHEME, text))


def page_path(kind: str, record_id: str) -> str:
    """The docs-relative link to a record: its own page, or its row on a shared page."""
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
    """A Markdown link to a record, titled from the data; plain text if it is missing."""
    record = context["book"].dataset.records.get(kind, {}).get(record_id)
    if record is None:
        # The validator should have caught this; strict builds fail on the warning.
        log.warning(f"no {kind} record '{record_id}' to link to")
        return escape_text(text or record_id)
    label = _LINK_LABEL.sub(lambda match: "\\" + match.group(), escape_text(text or record_title(record)))
    return Markup(f"[{label}]({page_path(kind, record_id)})")


@pass_context
def cite(context: Context, source_ids: Iterable[str]) -> Markup:
    """Footnote references to sources; the page's footnotes are written at its end."""
    return context["citations"].cite(source_ids)


@pass_context
def statement(context: Context, item: Statement) -> Markup:
    """A sourced statement: its text, its footnotes, and its note in italics."""
    sentence = escape_text(item.text) + cite(context, item.sources)
    if item.note:
        sentence += Markup(" *(") + escape_text(item.note) + Markup(")*")
    return sentence


def date(span: DateSpan | None, weekday: bool = True) -> Markup:
    """A date at its precision ("2019", "June 2024"), or "undated"; lists leave the weekday out."""
    return escape_text(format_span(span, weekday=weekday) if span else "undated")


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
    return f"{qualifier}{value} {item.unit}"


def humanise(value: str) -> str:
    """An id-like value as words: "state-visit" -> "state visit"."""
    return value.replace("-", " ")


def one_line(value: object) -> Markup:
    """Escaped text on one line that cannot split a table cell, for tables and lists."""
    return Markup(" ".join(escape_text(value).split()).replace("|", "&#124;"))


FILTERS = {
    "text": escape_text, "one_line": one_line, "date": date, "country": country,
    "countries": countries, "quantity": quantity, "humanise": humanise,
    "statement": statement, "cite": cite,
}
GLOBALS = {"link": link, "page_path": page_path, "title_of": record_title}


def register(environment: Environment) -> Environment:
    """Install the filters and helpers, and escape every plain value printed."""
    environment.filters.update(FILTERS)
    environment.globals.update(GLOBALS)
    environment.finalize = escape_text
    return environment
