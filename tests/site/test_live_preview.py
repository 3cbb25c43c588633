"""make serve's live preview (mkdocs serve --dirty): a save rebuilds the pages that show what changed."""

from __future__ import annotations

import json
import os
import shutil
import socket
import time
import urllib.request

from bench.measure import serve_rebuild_seconds, serving, wait_for
from macros.filters import PAGE_KINDS
from tests.conftest import FIXTURE_DATA, build_site

MARKER = "renamedmarker"


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


def _has_marker_index(text: str) -> bool:
    """The search index is whole (not caught mid-write) and has the new title."""
    try:
        return MARKER in json.dumps(json.loads(text)["docs"])
    except ValueError:
        return False


def _preview_after_renaming(data, event_id: str, urls: list[str]) -> tuple[dict[str, str], list[dict]]:
    """Under ``mkdocs serve --dirty``, give an event a new title; the pages at ``urls`` and the search entries after."""
    event = data / "events" / f"{event_id}.yaml"
    with serving(data, _free_port(), timeout=60) as base_url:
        time.sleep(1)  # a modification time newer than the first build's pages
        event.write_text(event.read_text("utf-8").replace("title: ", f"title: {MARKER} ", 1), "utf-8")
        # The index is written last, once every page of the rebuild is.
        index = wait_for(f"{base_url}search/search_index.json", _has_marker_index, 60)
        pages = {url: urllib.request.urlopen(base_url + url, timeout=10).read().decode("utf-8") for url in urls}
    # Under serve the site's address is the preview's: citations carry it, a build's only the path.
    return pages, json.loads(index.replace(base_url.rstrip("/"), ""))["docs"]


def _generated_urls(site_dir) -> list[str]:
    return sorted(path.relative_to(site_dir).parent.as_posix() + "/"
                  for kind in PAGE_KINDS for path in (site_dir / kind).rglob("index.html"))


def _generated_entries(entries: list[dict]) -> list[dict]:
    return [entry for entry in entries if entry["location"].split("/")[0] in PAGE_KINDS]


def test_a_save_rebuilds_every_generated_page_that_shows_the_record_and_keeps_search_whole(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    build_site(tmp_path / "before", data_dir=data)
    urls = _generated_urls(tmp_path / "before")
    previewed, preview_entries = _preview_after_renaming(data, "harbour-summit-2020", urls)
    full_site = tmp_path / "full"
    build_site(full_site, data_dir=data)  # what a full build of the saved data gives

    showing = [url for url in urls if MARKER in (full_site / url / "index.html").read_text("utf-8")]
    assert {"events/harbour-summit-2020/", "people/leader-north/", "places/harbour-city/", "events/"} <= set(showing)
    assert [url for url in showing if MARKER not in previewed[url]] == []
    full_entries = json.loads((full_site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    preview, full = _generated_entries(preview_entries), _generated_entries(full_entries)
    assert [entry["location"] for entry in preview] == [entry["location"] for entry in full]
    assert [new for new, rebuilt in zip(full, preview) if new != rebuilt] == []
    assert len(preview_entries) == len(full_entries)  # the hand-written pages are still searchable


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
