"""hooks/parallel.py: a build with a worker process writes the same site as one without.

(And hooks/theme.py: with the parts many pages share rendered once, the same site as with each afresh.)"""

from __future__ import annotations

import importlib.util
import logging
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import Abort

from macros import ahead
from tests.conftest import ROOT

from tests.site.html_pages import built_pages


def _files(folder):
    return {path.relative_to(folder).as_posix(): path for path in folder.rglob("*") if path.is_file()}


def test_the_worker_builds_the_same_site_as_one_process(site_dir, site_builder, tmp_path):
    # The one process also renders every part of the theme afresh (hooks/theme.py reuses shared ones).
    serial = tmp_path / "serial"
    site_builder(serial, env={"BOOK_BUILD_WORKERS": "1", "BOOK_THEME_CACHE": "false"})
    parallel_files, serial_files = _files(site_dir), _files(serial)
    assert parallel_files.keys() == serial_files.keys()
    # Byte for byte, the search index too: its entries are put in page order whoever built the page.
    different = [name for name in serial_files if parallel_files[name].read_bytes() != serial_files[name].read_bytes()]
    assert different == []
    assert len(built_pages(site_dir)) > 80


def _parallel_hook():
    spec = importlib.util.spec_from_file_location("parallel_hook_under_test", ROOT / "hooks" / "parallel.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook


class _Config:
    plugins: dict = {}


def _started(hook, monkeypatch, worker_builds):
    """The hook as on_nav leaves it, with a worker whose chunks are built by ``worker_builds``."""
    monkeypatch.setattr(hook, "_run_worker", lambda chunks, nav, config, files: worker_builds())
    chunks, files = hook._Chunks([]), SimpleNamespace(documentation_pages=lambda: [])
    hook._state.update(worker=hook._fork(chunks, None, _Config(), files), chunks=chunks, nav=None, files=files,
                       env=None)
    return hook


def test_chunks_are_each_taken_once_between_processes():
    hook = _parallel_hook()
    chunks = hook._Chunks(list(range(hook.CHUNK_PAGES * 5 + 3)))
    taken_by_child = ahead.finish(ahead.start(lambda: [chunks.take()[0] for _ in range(2)]))
    taken_here = []
    while (taken := chunks.take()) is not None:
        taken_here.append(taken[0])
    assert sorted(taken_by_child + taken_here) == list(range(6))
    assert len(chunks.chunks[-1]) == 3


def test_a_worker_that_fails_fails_the_build(monkeypatch):
    def broken():
        raise RuntimeError("page exploded")
    hook = _started(_parallel_hook(), monkeypatch, broken)
    with pytest.raises(Abort, match="page exploded"):
        hook.on_post_build(_Config())


def test_warnings_in_the_worker_reach_strict_mode(monkeypatch, caplog):
    def warns():
        logging.getLogger("mkdocs.plugins.test").warning("a broken link")
        return {"entries": [], "warnings": 1}
    hook = _started(_parallel_hook(), monkeypatch, warns)
    with caplog.at_level(logging.WARNING):
        hook.on_post_build(_Config())
    assert "logged 1 warning(s)" in caplog.text


def test_search_entries_follow_the_pages_order_not_the_builders():
    hook = _parallel_hook()
    pages = [SimpleNamespace(page=SimpleNamespace(url=url)) for url in ("", "events/a/", "events/b/")]
    files = SimpleNamespace(documentation_pages=lambda: pages)
    entries = [{"location": "events/b/"}, {"location": "events/a/"}, {"location": "events/a/#when"},
               {"location": "#home"}, {"location": "events/b/#who"}]
    assert [entry["location"] for entry in hook._in_page_order(entries, files)] == [
        "#home", "events/a/", "events/a/#when", "events/b/", "events/b/#who"]
