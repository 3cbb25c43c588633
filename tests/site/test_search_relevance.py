"""The relevance set typed into the real search box of the built site, in Chromium.

Every query of tests/site/search_relevance.yaml must bring its page first, with
each word of the query highlighted whole in that result; so must every name the
data gives a record (its title, aliases, names in other scripts). The share first and
the mean reciprocal rank go to test-artifacts/search-relevance-site.txt (the
offline edition's: tests/editions/test_offline.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.book import open_book
from macros.filters import page_path, record_title
from macros.links import site_url_of
from macros.search_names import record_names
from tests.site.search_box import relevance_report, try_relevance_set

ROOT = Path(__file__).resolve().parents[2]


def _site_path(doc_path: str) -> str:
    return "/" + site_url_of(doc_path, directory_urls=True)


@pytest.fixture
def home(local_page, site_url):
    local_page.goto(site_url)
    local_page.wait_for_load_state("networkidle")
    return local_page


def _every_name_in_the_data() -> list[dict]:
    """Each name of each person, place, treaty and topic, and each event's title, with its page.

    An alias that is another record's title goes to that record ("Six-party talks", a topic's
    alias, is the event's title), and an event's place and year is left out: two events may
    share one ("Vladivostok 2019").
    """
    book = open_book(ROOT / "data", ROOT)
    titles = {record_title(record).casefold(): {"query": record_title(record),
                                                "page": page_path(kind, record.id).lstrip("/")}
              for kind in ("people", "places", "treaties", "topics", "events")
              for record in book.dataset.kind(kind).values()}
    queries = {name.casefold(): {"query": name, "page": page_path(kind, record.id).lstrip("/")}
               for kind in ("people", "places", "treaties", "topics")
               for record in book.dataset.kind(kind).values() for name in record_names(kind, record, book)}
    queries.update(titles)
    return list(queries.values())


def test_every_query_of_the_relevance_set_brings_its_page_first(home, artifacts_dir):
    trials = try_relevance_set(home, _site_path)
    report = relevance_report(trials, "site")
    (artifacts_dir / "search-relevance-site.txt").write_text(report + "\n", encoding="utf-8")
    print(report)
    assert len(trials) >= 40
    assert all(trial.rank == 1 for trial in trials), report
    unmarked = {trial.query: trial.unmarked_words for trial in trials if trial.unmarked_words}
    assert unmarked == {}, "words not highlighted whole in the first result"


def test_every_name_in_the_data_brings_its_own_page_first(home, artifacts_dir):
    # Not a sample: every title, alias and name in another script the data holds, as it is written.
    trials = try_relevance_set(home, _site_path, _every_name_in_the_data())
    report = relevance_report(trials, "site, every name in the data")
    (artifacts_dir / "search-relevance-every-name.txt").write_text(report + "\n", encoding="utf-8")
    print(report)
    assert all(trial.rank == 1 for trial in trials), report
