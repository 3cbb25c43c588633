"""hooks/parallel.py: a build with a worker process writes the same site as one without."""

from __future__ import annotations

import importlib.util
import json
import logging

import pytest
from mkdocs.exceptions import Abort

from tests.conftest import ROOT

from tests.site.html_pages import built_pages


def _files(folder):
    return {path.relative_to(folder).as_posix(): path for path in folder.rglob("*") if path.is_file()}


def test_the_worker_builds_the_same_site_as_one_process(site_dir, site_builder, tmp_path):
    serial = tmp_path / "serial"
    site_builder(serial, env={"BOOK_BUILD_WORKERS": "1"})
    parallel_files, serial_files = _files(site_dir), _files(serial)
    assert parallel_files.keys() == serial_files.keys()
    index = "search/search_index.json"
    different = [name for name in serial_files
                 if name != index and parallel_files[name].read_bytes() != serial_files[name].read_bytes()]
    assert different == []
    # The worker's entries join the index after this process's: same entries, another order.
    entries = [sorted(json.dumps(entry, sort_keys=True) for entry in json.loads(files[index].read_text())["docs"])
               for files in (parallel_files, serial_files)]
    assert entries[0] == entries[1]
    assert len(built_pages(site_dir)) > 80


def _parallel_hook():
    spec = importlib.util.spec_from_file_location("parallel_hook_under_test", ROOT / "hooks" / "parallel.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook


class _Config:
    plugins: dict = {}


def test_a_worker_that_fails_fails_the_build(monkeypatch):
    hook = _parallel_hook()

    def broken(share, nav, config, files):
        raise RuntimeError("page exploded")
    monkeypatch.setattr(hook, "_build_share", broken)
    hook._state.update(worker=hook._fork(["a page"], None, _Config(), None), share=[])
    with pytest.raises(Abort, match="page exploded"):
        hook.on_post_build(_Config())


def test_warnings_in_the_worker_reach_strict_mode(monkeypatch, caplog):
    hook = _parallel_hook()

    def warns(share, nav, config, files):
        logging.getLogger("mkdocs.plugins.test").warning("a broken link")
        return [{"location": "x/", "title": "X", "text": ""}]
    monkeypatch.setattr(hook, "_build_share", warns)
    hook._state.update(worker=hook._fork(["a page"], None, _Config(), None), share=[])
    with caplog.at_level(logging.WARNING):
        hook.on_post_build(_Config())
    assert "logged 1 warning(s)" in caplog.text
