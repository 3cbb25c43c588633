"""The relevance set typed into the real search box of the built site, in Chromium.

Every query of tests/site/search_relevance.yaml must bring its page first, with
each word of the query highlighted whole in that result. The share first and
the mean reciprocal rank go to test-artifacts/search-relevance-site.txt (the
offline edition's: tests/editions/test_offline.py).
"""

from __future__ import annotations

from macros.links import site_url_of
from tests.site.search_box import relevance_report, try_relevance_set


def test_every_query_of_the_relevance_set_brings_its_page_first(local_page, site_url, artifacts_dir):
    local_page.goto(site_url)
    local_page.wait_for_load_state("networkidle")
    trials = try_relevance_set(local_page, lambda doc_path: "/" + site_url_of(doc_path, directory_urls=True))
    report = relevance_report(trials, "site")
    (artifacts_dir / "search-relevance-site.txt").write_text(report + "\n", encoding="utf-8")
    print(report)
    assert len(trials) >= 40
    assert all(trial.rank == 1 for trial in trials), report
    unmarked = {trial.query: trial.unmarked_words for trial in trials if trial.unmarked_words}
    assert unmarked == {}, "words not highlighted whole in the first result"
