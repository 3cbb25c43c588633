"""MkDocs hook: build the record pages on two processor cores, not one.

MkDocs builds page after page in one process. A ``mkdocs build`` of this book
is almost all record pages (those outside the navigation: every event,
person, treaty...), which depend on nothing but the data, so this hook hands
a share of them to a forked worker process that renders and writes them while
MkDocs goes on with the rest:

- ``on_config`` (once the data is loaded) and ``on_files`` (once the site
  folder is emptied): has the timeline, map and charts drawn, and the data
  downloads written, ahead in processes of their own (all through
  macros/ahead.py);
- ``on_nav`` (last, when the navigation is final): forks the worker. The
  worker runs MkDocs' own steps for its pages (read, render, theme, write),
  sends back their search-index entries and its warning count, and exits. In
  this process the worker's pages are marked excluded, so MkDocs skips them;
- ``on_pre_template`` / ``on_post_template``: lists them again while the
  sitemap is rendered;
- ``on_post_build`` (before the search plugin writes its index): waits for
  the worker, adds its search entries, and fails the build if it failed or
  warned (so ``--strict`` still sees every warning).

It stays serial under ``mkdocs serve`` (a threaded server must not fork) and
in a dirty build, when
``extra.build_workers`` is 1 (the offline edition, whose plugins record pages
in-process) or where ``os.fork`` does not exist. Links from other pages to
anchors on the worker's pages are not checked in this process (the pages'
own links are, in the worker). tests/site/test_parallel.py
checks that both ways build the same site.
"""

from __future__ import annotations

import gc
import logging
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

# The worker's part of the record pages: nearly all, as this process also builds
# the hand-written pages (which wait for the drawings) and writes the search index.
# Measured at 3,000 pages: 0.6 -> 25 s, 0.75 -> 25 s, 0.9 -> 21 s, 1.0 -> 23 s.
WORKER_SHARE = 0.9
# The search plugin's name in config.plugins, whose index the worker's entries join.
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
    """Fork the worker for a share of the pages outside the navigation."""
    _state["worker"] = None
    if not _parallel(config):
        return nav
    share = _worker_share(files)
    if share:
        for file in share:
            if file.page is None:  # as MkDocs does for pages outside the navigation
                Page(None, file, config)
        _state["worker"] = _fork(share, nav, config, files)
        for file in share:
            file.inclusion = InclusionLevel.EXCLUDED  # MkDocs skips them here
        _state["share"] = share
    return nav


def _parallel(config) -> bool:
    workers = int(config.extra.get("build_workers") or 1)
    # A dirty build keeps the downloads it finds (hooks/generate.py): none to write ahead.
    return (workers > 1 and _state.get("command") == "build" and not _state.get("dirty")
            and hasattr(os, "fork"))


def _worker_share(files) -> list:
    """WORKER_SHARE of the pages outside the navigation, spread evenly over every kind."""
    outside_nav = [file for file in files.documentation_pages() if file.inclusion.is_not_in_nav()]
    return [file for number, file in enumerate(outside_nav)
            if int((number + 1) * WORKER_SHARE) > int(number * WORKER_SHARE)]


def _fork(share: list, nav, config, files) -> ahead.Job:
    # Objects made so far go to the collector's permanent generation: its scans
    # would otherwise write to every one of them, copying the whole shared heap.
    gc.freeze()
    return ahead.start(lambda: _run_worker(share, nav, config, files))


def _run_worker(share: list, nav, config, files) -> dict:
    """Build ``share`` as MkDocs would; its search entries and how many warnings it logged."""
    warnings = _WarningCounter()
    logging.getLogger("mkdocs").addHandler(warnings)
    return {"entries": _build_share(share, nav, config, files), "warnings": warnings.count}


def _build_share(share: list, nav, config, files) -> list[dict]:
    """Read, render, theme and write each page of ``share``; their new search entries."""
    search = config.plugins.get(SEARCH_PLUGIN)
    before = len(search.search_index.entries) if search else 0
    for file in share:
        mkdocs_build._populate_page(file.page, config, files)
    env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
    doc_files = files.documentation_pages()
    for file in share:
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


def on_pre_template(template, template_name: str, config):
    # The sitemap lists every page: include the worker's while it is rendered.
    _set_share_inclusion(InclusionLevel.NOT_IN_NAV)
    return template


def on_post_template(output_content: str, template_name: str, config) -> str:
    _set_share_inclusion(InclusionLevel.EXCLUDED)
    return output_content


def _set_share_inclusion(level: InclusionLevel) -> None:
    if _state.get("worker"):
        for file in _state["share"]:
            file.inclusion = level


@event_priority(100)  # before the search plugin writes its index
def on_post_build(config) -> None:
    """Wait for the worker; add its search entries; fail if it failed or warned."""
    worker, _state["worker"] = _state.get("worker"), None
    if worker is None:
        return
    try:
        report = ahead.finish(worker)
    except ahead.JobFailed as failure:
        raise Abort(f"The worker building {len(_state['share'])} pages failed:\n{failure}")
    finally:
        _set_share_inclusion(InclusionLevel.NOT_IN_NAV)
    search = config.plugins.get(SEARCH_PLUGIN)
    if search:
        search.search_index.entries.extend(report["entries"])
    if report["warnings"]:
        log.warning(f"The worker building pages logged {report['warnings']} warning(s), shown above.")


def on_build_error(error) -> None:
    """Stop a worker still running when the build fails elsewhere."""
    worker, _state["worker"] = _state.get("worker"), None
    if worker is not None:
        ahead.cancel(worker)


# Per-build state: this module is loaded afresh with each configuration.
_state: dict = {"command": None, "dirty": False, "worker": None, "share": []}
