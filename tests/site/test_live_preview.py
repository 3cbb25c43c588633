"""make serve's live preview (mkdocs serve --dirty): saving a YAML file rebuilds its page; search stays whole."""

from __future__ import annotations

import os
import shutil
import socket

from bench.measure import serve_rebuild_seconds
from tests.conftest import FIXTURE_DATA, build_site


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_saving_a_record_shows_the_edit_on_its_page(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    # serve_rebuild_seconds fails with TimeoutError unless the page shows each new title.
    saves = serve_rebuild_seconds(data, _free_port(), saves=2, timeout=60)
    assert len(saves) == 2
    assert "benchmarkmarker1" in sorted(data.glob("events/*.yaml"))[0].read_text("utf-8")


def test_a_dirty_rebuild_of_the_home_page_keeps_every_page_searchable(tmp_path):
    # Material's own merge drops every entry whose location starts with the rebuilt
    # page's; the home page's location is "", which starts them all.
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    site = tmp_path / "site"
    build_site(site, data_dir=data)
    full_index = (site / "search" / "search_index.json").read_bytes()
    os.utime(site / "index.html", (0, 0))  # older than docs/index.md: a dirty build redoes it
    build_site(site, data_dir=data, dirty=True)
    assert (site / "index.html").stat().st_mtime > 0
    assert (site / "search" / "search_index.json").read_bytes() == full_index
