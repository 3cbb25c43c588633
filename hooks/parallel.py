"""MkDocs hook: build the record pages on two processor cores, not one.

MkDocs builds page after page in one process. A ``mkdocs build`` of this book
is almost all record pages (those outside the navigation: every event,
person, treaty...), which depend on nothing but the data. This hook takes
them out of MkDocs' own loop and builds them in chunks, in a forked worker
process and in this one, each taking the next chunk as it becomes free: so
neither waits for the other at the end, however the machine shares its cores
among them and the drawings.

- ``on_config`` (once the data is loaded) and ``on_files`` (once the site
  folder is emptied): has the timeline, map and charts drawn, and the data
  downloads written, ahead in processes of their own (all through
  macros/ahead.py);
- ``on_nav`` (last, when the navigation is final): marks the record pages
  excluded, so MkDocs' loop skips them, and forks the worker, which starts
  on the chunks at once. A page is built with MkDocs' own steps (read,
  render, theme, write);
- ``on_env``: keeps the theme's environment, for the pages built here;
- ``on_pre_template`` / ``on_post_template``: lists the record pages again
  while the sitemap is rendered;
- ``on_post_build`` (before the search plugin writes its index): once
  MkDocs has built the other pages, takes chunks here too until none is
  left; waits for the worker; puts the search entries of every page in the
  order a one-process build gives them; fails the build if the worker failed
  or warned (so ``--strict`` still sees every warning).

It stays serial under ``mkdocs serve`` (a threaded server must not fork) and
in a dirty build, when ``extra.build_workers`` is 1 (the offline edition,
whose plugins record pages in-process) or where ``os.fork`` does not exist.
Links from other pages to anchors on the record pages are not checked (the
record pages' own links are). tests/site/test_parallel.py checks that both
ways build the same site, search index included.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page

from macros import ahead
from macros.pages import current_pages

log = logging.getLogger("mkdocs.plugins.briefing")

# Pages per chunk: small enough that the two processes end close together,
# large enough that taking one costs nothing next to building it (~0.1 s).
CHUNK_PAGES = 20
# The search plugin's name in config.plugins, whose index the pages' entries join.
SEARCH_PLUGIN = "material/search"


def on_startup(command: str, dirty: bool) -> None:
    _state["command"], _state["dirty"] = command, dirty


@event_priority(50)  # after hooks/generate.py has loaded the data
def on_config(config):
    """Start drawing the map, timeline and charts as soon as the data is loaded.

    They need nothing but the data, and until the worker starts the second
    core has nothing else to do.
    """
    if _parallel(config):
        current_pages().figures.draw_ahead()
    return config


def on_files(files, config):
    # After MkDocs has emptied the site folder, which would take the downloads with it.
    if _parallel(config):
        current_pages().write_downloads_ahead(Path(config.site_dir))
    return files


@event_priority(-100)  # last: every plugin's navigation is in place before the fork
def on_nav(nav, config, files):
    """Take the record pages out of MkDocs' loop and start the worker on them."""
    _state.update(worker=None, chunks=None)
    if not _parallel(config):
        return nav
    records = [file for file in files.documentation_pages() if file.inclusion.is_not_in_nav()]
    if records:
        for file in records:
            if file.page is None:  # as MkDocs does for pages outside the navigation
                Page(None, file, config)
        chunks = _Chunks(records)
        _state.update(chunks=chunks, nav=nav, files=files)
        _state["worker"] = _fork(chunks, nav, config, files)
        chunks.set_inclusion(InclusionLevel.EXCLUDED)  # MkDocs skips them here
    return nav


def _parallel(config) -> bool:
    workers = int(config.extra.get("build_workers") or 1)
    # A dirty build keeps the downloads it finds (hooks/generate.py): none to write ahead.
    return (workers > 1 and _state.get("command") == "build" and not _state.get("dirty")
            and hasattr(os, "fork"))


class _Chunks:
    """The record pages in chunks, handed out one at a time to whichever process asks.

    The number of the next chunk lives in shared memory, made before the fork,
    so the worker and this process never take the same one.
    """

    def __init__(self, records: list):
        self.records = records
        self.chunks = [records[start:start + CHUNK_PAGES] for start in range(0, len(records), CHUNK_PAGES)]
        self._next = multiprocessing.Value("i", 0)

    def take(self) -> tuple[int, list] | None:
        """The next chunk's number and files; None once all are taken."""
        with self._next.get_lock():
            number = self._next.value
            self._next.value = number + 1
        return (number, self.chunks[number]) if number < len(self.chunks) else None

    def set_inclusion(self, level: InclusionLevel) -> None:
        for file in self.records:
            file.inclusion = level


def _fork(chunks: _Chunks, nav, config, files) -> ahead.Job:
    return ahead.start(lambda: _run_worker(chunks, nav, config, files))


def _run_worker(chunks: _Chunks, nav, config, files) -> dict:
    """Build chunks until none is left; their search entries, and how many warnings were logged."""
    warnings = _WarningCounter()
    logging.getLogger("mkdocs").addHandler(warnings)
    env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
    return {"entries": _build_chunks(chunks, nav, config, files, env), "warnings": warnings.count}


def _build_chunks(chunks: _Chunks, nav, config, files, env) -> list[dict]:
    """Read, render, theme and write every page of each chunk taken; their new search entries."""
    search = config.plugins.get(SEARCH_PLUGIN)
    before = len(search.search_index.entries) if search else 0
    doc_files = files.documentation_pages()
    while (taken := chunks.take()) is not None:
        for file in taken[1]:
            mkdocs_build._populate_page(file.page, config, files)
            mkdocs_build._build_page(file.page, config, doc_files, nav, env)
            file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
    return search.search_index.entries[before:] if search else []


class _WarningCounter(logging.Handler):
    """Counts the worker's warnings, which the parent's strict mode must see."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


def on_env(env, config, files):
    _state["env"] = env  # the theme's environment as every plugin left it, for on_post_build
    return env


def on_pre_template(template, template_name: str, config):
    # The sitemap lists every page: include the record pages while it is rendered.
    _set_records_inclusion(InclusionLevel.NOT_IN_NAV)
    return template


def on_post_template(output_content: str, template_name: str, config) -> str:
    _set_records_inclusion(InclusionLevel.EXCLUDED)
    return output_content


def _set_records_inclusion(level: InclusionLevel) -> None:
    if _state.get("worker"):
        _state["chunks"].set_inclusion(level)


@event_priority(100)  # before the search plugin writes its index
def on_post_build(config) -> None:
    """Build chunks here too, then wait for the worker; fail if it failed or warned."""
    worker, _state["worker"] = _state.get("worker"), None
    if worker is None:
        return
    chunks = _state["chunks"]
    try:
        _build_chunks(chunks, _state["nav"], config, _state["files"], _state["env"])
    except BaseException:
        ahead.cancel(worker)  # this process failed first: the worker's pages are of no use
        raise
    try:
        report = ahead.finish(worker)
    except ahead.JobFailed as failure:
        raise Abort(f"The worker building record pages failed:\n{failure}")
    finally:
        chunks.set_inclusion(InclusionLevel.NOT_IN_NAV)
    search = config.plugins.get(SEARCH_PLUGIN)
    if search:
        search.search_index.entries = _in_page_order(search.search_index.entries + report["entries"],
                                                     _state["files"])
    if report["warnings"]:
        log.warning(f"The worker building pages logged {report['warnings']} warning(s), shown above.")


def _in_page_order(entries: list[dict], files) -> list[dict]:
    """Search entries in the order of their pages, as a one-process build writes them.

    Each page's entries stay together and in order (the sort is stable), so
    the index does not depend on which process built which chunk.
    """
    order = {file.page.url: number for number, file in enumerate(files.documentation_pages()) if file.page}
    return sorted(entries, key=lambda entry: order.get(entry["location"].partition("#")[0], len(order)))


def on_build_error(error) -> None:
    """Stop a worker still running when the build fails elsewhere."""
    worker, _state["worker"] = _state.get("worker"), None
    if worker is not None:
        ahead.cancel(worker)


# Per-build state: this module is loaded afresh with each configuration.
_state: dict = {"command": None, "dirty": False, "worker": None, "chunks": None}
