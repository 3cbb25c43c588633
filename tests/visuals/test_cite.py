""""Cite this page" (visuals/cite.py): the data's date, plain text and BibTeX."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace

import pytest

from visuals.cite import AsOf, cite_page, cite_record, data_as_of, record_url


@pytest.fixture
def committed_data(dataset, tmp_path):
    """The data in a fresh git repository, committed on a known date."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    data_dir = tmp_path / "data"
    shutil.copytree(dataset.root, data_dir)
    env = {**os.environ, "GIT_AUTHOR_DATE": "2024-06-20T12:00:00Z", "GIT_COMMITTER_DATE": "2024-06-20T12:00:00Z",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for command in (["git", "init", "-q"], ["git", "add", "data"], ["git", "commit", "-q", "-m", "data"]):
        subprocess.run(command, cwd=tmp_path, env=env, check=True)
    return replace(dataset, root=data_dir)


def test_as_of_is_the_date_of_the_last_commit_that_changed_the_data(committed_data):
    assert data_as_of(committed_data) == AsOf("2024-06-20", "last data commit")


def test_outside_git_as_of_falls_back_to_the_newest_source(dataset, tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(dataset.root, copy)
    newest = max(source.published.start for source in dataset.kind("sources").values())
    assert data_as_of(replace(dataset, root=copy)) == AsOf(newest, "newest source")


def test_a_record_page_citation_names_the_record_the_book_the_date_and_the_address(dataset):
    citation = cite_record(dataset, "events", "vostochny-summit-2023", "https://example.org/book",
                           AsOf("2024-06-20", "last data commit"))
    title = dataset.get("events", "vostochny-summit-2023").title
    assert citation.text.startswith(f"“{title}”. In: Russia–North Korea summit diplomacy: a briefing book.")
    assert "Data as of 2024-06-20." in citation.text
    assert citation.text.endswith("https://example.org/book/events/vostochny-summit-2023/")
    assert citation.bibtex.startswith("@misc{briefing-events-vostochny-summit-2023,\n")
    assert "  year = {2024},\n" in citation.bibtex
    assert "  url = {https://example.org/book/events/vostochny-summit-2023/},\n" in citation.bibtex


def test_records_on_shared_pages_are_cited_at_their_row():
    assert record_url("https://example.org/", "statistics", "angara-rocket-height") == \
        "https://example.org/statistics/#angara-rocket-height"
    assert record_url("https://example.org", "people", "kim-jong-un") == "https://example.org/people/kim-jong-un/"


def test_bibtex_specials_are_escaped_and_braces_stay_balanced():
    citation = cite_page("Trade & aid: 100% {up} #1_a", "https://x.org/", AsOf("2019", "newest source"), "k")
    assert r"title = {{Trade \& aid: 100\% \{up\} \#1\_a}}" in citation.bibtex
    assert citation.bibtex.count("{") - citation.bibtex.count(r"\{") == \
        citation.bibtex.count("}") - citation.bibtex.count(r"\}")


def test_an_undated_as_of_gives_no_year_field():
    assert "year" not in cite_page("T", "https://x.org/", AsOf("undated", "newest source"), "k").bibtex
