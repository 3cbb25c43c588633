"""Material's search box in the real book, driven as a reader types into it.

Used by the browser tests of the site (served on localhost) and of the offline
edition (opened from file://). ``type_query`` enters a query and reads
Material's answer; ``results`` are Material's result groups, one per
page, best first, each with the page's path and the text of its highlights.
``try_relevance_set`` types every query of tests/site/search_relevance.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

RELEVANCE_SET = Path(__file__).with_name("search_relevance.yaml")
SEARCH_BOX = "input[data-md-component=search-query]"
RESULT_META = ".md-search-result__meta"
# Material's count line once a query has been answered ("3 matching documents", "No matching documents").
ANSWERED = f"document.querySelector('{RESULT_META}').textContent.match(/\\d+ matching|No matching/)"


@dataclass(frozen=True)
class Result:
    """One page in the results: its path (as the site names it), its highlighted words, and the
    words it answers (Material's ``?h=``: the query without the stop words it does not search)."""

    path: str
    marks: tuple[str, ...]
    answers: tuple[str, ...]


def type_query(page, query: str, key_by_key: bool = False) -> list[Result]:
    """Empty the search box, enter ``query`` and return the results once Material has answered it.

    Entered whole, then a key pressed (what Material listens for), as an input
    method commits a word: one query, one answer. ``key_by_key`` types it a key
    at a time instead, as on a keyboard, and waits until the answers stop changing.
    """
    box = page.locator(SEARCH_BOX)
    box.click()
    box.fill("")
    box.press("End")
    page.wait_for_function(f"!({ANSWERED})")
    if key_by_key:
        box.press_sequentially(query, delay=15)
    else:
        box.fill(query)
        box.press("End")
    page.wait_for_function(ANSWERED, timeout=15_000)
    if key_by_key:
        _wait_until_settled(page)
    return results(page)


def _wait_until_settled(page, quiet_ms: int = 500, timeout_ms: int = 15_000) -> None:
    """Wait until the results have not changed for ``quiet_ms``: Material answers every key."""
    page.wait_for_function(
        """([selector, quiet]) => {
             const now = document.querySelector(selector).innerHTML, time = performance.now()
             if (window.__bookResults !== now) { window.__bookResults = now; window.__bookSince = time }
             return time - window.__bookSince >= quiet
           }""",
        arg=[".md-search-result", quiet_ms], polling=50, timeout=timeout_ms)


def words_of(query: str) -> list[str]:
    """The query's words, split as the book's search splits them (spaces and hyphens, here)."""
    return [word for word in re.split(r"[\s\-]+", query.casefold()) if word]


def results(page) -> list[Result]:
    groups = page.eval_on_selector_all(
        ".md-search-result__item",
        "items => items.map(item => [item.querySelector('a').href,"
        " Array.from(item.querySelectorAll('mark'), mark => mark.textContent)])")
    return [Result(unquote(urlsplit(href).path), tuple(marks), tuple(_answered_words(href))) for href, marks in groups]


def _answered_words(href: str) -> list[str]:
    return " ".join(parse_qs(urlsplit(href).query).get("h", [])).casefold().split()


def rank_of(found: list[Result], expected: str) -> int | None:
    """Where the page whose path ends with ``expected`` came (1 is first); None if it is missing."""
    for rank, result in enumerate(found, start=1):
        if result.path.endswith(expected):
            return rank
    return None


@dataclass(frozen=True)
class Trial:
    """One query of the relevance set, as the search box answered it."""

    query: str
    expected: str
    found: list[Result]

    @property
    def rank(self) -> int | None:
        return rank_of(self.found, self.expected)

    @property
    def unmarked_words(self) -> list[str]:
        """Words searched for that no highlight of the first result begins with (a part marked, or none)."""
        if not self.found:
            return words_of(self.query)
        marks = [mark.casefold() for mark in self.found[0].marks]
        return [word for word in words_of(self.query)
                if word in self.found[0].answers and not any(mark.startswith(word) for mark in marks)]


def relevance_set() -> list[dict]:
    """The queries of tests/site/search_relevance.yaml, each with the docs path of its page."""
    return yaml.safe_load(RELEVANCE_SET.read_text(encoding="utf-8"))


def try_relevance_set(page, path_of, queries: list[dict] | None = None) -> list[Trial]:
    """Type every query of the set (or of ``queries``, in its form); ``path_of`` turns a docs
    path into the end of the page's path."""
    return [Trial(item["query"], path_of(item["page"]), type_query(page, item["query"]))
            for item in (relevance_set() if queries is None else queries)]


def relevance_report(trials: list[Trial], edition: str) -> str:
    """The share of queries with the right page first, the mean reciprocal rank, and each miss."""
    ranks = [trial.rank for trial in trials]
    first = sum(rank == 1 for rank in ranks)
    mrr = sum(1 / rank for rank in ranks if rank) / len(trials)
    lines = [f"Search relevance, {edition}: {first} of {len(trials)} queries ({first / len(trials):.0%}) "
             f"with the right page first; mean reciprocal rank {mrr:.3f}"]
    for trial in trials:
        if trial.rank != 1:
            top = ", ".join(result.path for result in trial.found[:3]) or "no result"
            lines.append(f"  {trial.query!r}: {trial.expected} came {trial.rank or 'nowhere'}; first: {top}")
    return "\n".join(lines)
