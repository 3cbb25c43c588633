"""macros/figures.py: relative links for both URL schemes, commit dates from one git pass, citations."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from macros import ahead
from macros.figures import (NO_HISTORY, NOT_COMMITTED, Figures, brief_link, citation_block,
                            last_commit_dates, paper_links)
from visuals.cite import Citation


@pytest.mark.parametrize(("page_url", "expected"), [
    ("events/summit/", '"../../briefs/summit.pdf"'),        # the site: directory URLs
    ("events/summit.html", '"../briefs/summit.pdf"'),       # the offline edition: file URLs
])
def test_brief_link_is_relative_to_the_page(page_url, expected):
    assert f'href={expected}' in brief_link("summit", page_url)
    assert 'class="md-button"' in brief_link("summit", page_url)


def test_paper_links_from_the_home_page():
    links = str(paper_links(""))
    assert 'href="briefing-book.pdf"' in links and 'href="briefing-book-offline.zip"' in links


def test_offline_home_page_offers_the_pdf_but_not_the_bundle_it_is_part_of():
    links = str(paper_links("index.html"))
    assert 'href="briefing-book.pdf"' in links and "offline.zip" not in links


def test_citation_block_keeps_bibtex_braces_and_escapes_html():
    citation = Citation(text="A <b>page</b>. Data as of 2026-01-02.", bibtex="@misc{key,\n  title = {A & B},\n}")
    block = str(citation_block(citation))
    assert "A &lt;b&gt;page&lt;/b&gt;. Data as of 2026-01-02." in block
    assert "title = {A &amp; B}" in block
    assert block.startswith('<details class="quote book-cite">') and "<summary>Cite this page</summary>" in block


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_COMMITTER_DATE": "2024-03-05T12:00:00",
                        "PATH": "/usr/bin:/bin"})


def test_commit_dates_come_from_the_last_commit_touching_each_file(tmp_path):
    data = tmp_path / "data" / "events"
    data.mkdir(parents=True)
    (data / "old.yaml").write_text("id: old\n")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "first")
    (data / "new.yaml").write_text("id: new\n")  # untracked
    dates = last_commit_dates(tmp_path, tmp_path / "data")
    assert dates == {"data/events/old.yaml": "2024-03-05"}


def test_no_repository_gives_no_history(tmp_path):
    assert last_commit_dates(tmp_path, tmp_path) is None


def test_figures_say_why_a_page_has_no_date(book, tmp_path):
    figures = Figures(book, None)
    kind, record_id = "events", next(iter(book.dataset.kind("events")))
    figures.history = None
    assert figures.last_updated(kind, record_id) == NO_HISTORY
    figures.history = {}
    assert figures.last_updated(kind, record_id) == NOT_COMMITTED


@pytest.mark.parametrize(("page_url", "links"), [
    ("timeline/", ("../events/", "/")),            # the site
    ("timeline.html", ("events/", ".html")),       # the offline edition
])
def test_visual_links_suit_both_url_schemes(book, page_url, links):
    assert Figures(book, None)._event_links(page_url) == links


def test_drawings_made_ahead_in_another_process_are_the_ones_pages_show(book, monkeypatch):
    ahead, direct = Figures(book, None), Figures(book, None)
    ahead.draw_ahead()
    drawn_here = []
    monkeypatch.setattr("visuals.map.render_map", lambda *args, **kwargs: drawn_here.append(args))
    # The map comes from the other process (not drawn again here) and equals a direct drawing.
    shown = str(ahead.map("map/"))
    assert drawn_here == []
    monkeypatch.undo()
    assert shown == str(direct.map("map/"))
    assert str(ahead.timeline("timeline/")) == str(direct.timeline("timeline/"))


def test_a_failed_drawing_ahead_is_drawn_again_in_this_process(book, monkeypatch):
    figures = Figures(book, None)
    monkeypatch.setattr(Figures, "charts_by_topic", lambda self: 1 / 0)  # the other process fails
    figures.draw_ahead()
    monkeypatch.undo()
    assert "<svg" in str(figures.map("map/"))


def test_only_what_is_drawn_ahead_waits_for_its_process(book, monkeypatch):
    # A citation needs the data's date, not the map: it must not wait for the map to be drawn.
    monkeypatch.setattr("visuals.map.render_map", lambda *args, **kwargs: time.sleep(30))  # then fails the test
    figures = Figures(book, None)
    figures.draw_ahead()
    map_job = figures._ahead["map"]
    try:
        assert "Data as of" in str(figures.citation("events", next(iter(book.dataset.kind("events")))))
        assert os.waitpid(map_job.pid, os.WNOHANG) == (0, 0)  # the map is still being drawn
        assert "<svg" in str(figures.timeline("timeline/"))  # the other process, not the map's
        assert os.waitpid(map_job.pid, os.WNOHANG) == (0, 0)
    finally:
        ahead.cancel(map_job)
