"""How fast the built book's search answers, and how large its index is.

``search_figures`` serves a built site on localhost, opens it in Debian's
Chromium and types names of the book's own records into Material's search box,
a key at a time; for each it times from the last key to the first change of
the result list that answers it (what the reader sees first), once the index
is ready (itself timed from the page's start). It also
gives the index's size, gzip-compressed as a server would send it, per hundred
records of the data.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import statistics
import threading
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from briefing.dataset import load_dataset
from macros.filters import record_title

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
SEARCH_BOX = "input[data-md-component=search-query]"
# Set by the page: when a key last went up, and when the result list first changed after it.
WATCH_RESULTS = """() => {
  const list = document.querySelector('.md-search-result__list')
  window.__keyUp = null; window.__shown = null; window.__changed = performance.now()
  document.querySelector('%s').addEventListener('keyup', () => { window.__keyUp = performance.now(); window.__shown = null }, true)
  new MutationObserver(() => {
    window.__changed = performance.now()
    if (window.__keyUp && !window.__shown) window.__shown = window.__changed
  }).observe(list, {childList: true, subtree: true})
}""" % SEARCH_BOX
# Material's count line says this once its worker has built the index ("Initializing search" before).
READY = "document.querySelector('.md-search-result__meta').textContent.includes('Type to start')"
# No change for this long: Material has answered the keys typed so far and drawn their results.
SETTLED = "performance.now() - window.__changed > 600"
ANSWER_TIMEOUT_MS = 60_000


def search_figures(site_dir: Path, data_dir: Path, queries: int = 12) -> dict:
    """Seconds until the search is ready, milliseconds from the last key to the results (median
    and slowest), and the index's size."""
    names = _record_names(data_dir, queries)
    ready_ms, latencies = _latencies(site_dir, names)
    index = (site_dir / "search" / "search_index.json").read_bytes()
    records = sum(len(records) for records in load_dataset(data_dir).records.values())
    return {"search_ready_s": ready_ms / 1000, "search_ms": statistics.median(latencies), "search_max_ms": max(latencies),
            "index_gz_kb_per_100": len(gzip.compress(index, 9)) / 1024 / records * 100}


def _record_names(data_dir: Path, count: int) -> list[str]:
    """The first two words of the titles of records of each kind with a page, in turn."""
    dataset = load_dataset(data_dir)
    kinds = [list(dataset.kind(kind).values()) for kind in ("people", "places", "events", "treaties", "topics")]
    names = [" ".join(record_title(record).split()[:2]) for group in zip(*kinds) for record in group]
    return names[:count]


def _latencies(site_dir: Path, names: list[str]) -> tuple[float, list[float]]:
    """When the search was ready after the page began to load, and each name's milliseconds."""

    url, server = _serve(site_dir)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(url)
            page.wait_for_function(READY, timeout=120_000, polling=50)
            ready = page.evaluate("performance.now()")
            page.evaluate(WATCH_RESULTS)
            latencies = [_latency(page, name) for name in names]
            browser.close()
            return ready, latencies
    finally:
        server.shutdown()


def _latency(page, name: str) -> float:
    """Enter all of ``name`` but its last key and let its results be drawn; then time the last key.

    Entered at once (one query, as an input method commits a word), so no answers to
    earlier keys are still queued in the worker: the first change after the last key
    is its answer (the rest of a long list is drawn later). A name not answered in
    ``ANSWER_TIMEOUT_MS`` counts as that long.
    """
    box = page.locator(SEARCH_BOX)
    box.click()
    box.fill(name[:-1])
    box.press("End")
    page.wait_for_function(f"window.__shown !== null && {SETTLED}", timeout=ANSWER_TIMEOUT_MS, polling=50)
    box.press(name[-1])
    try:
        page.wait_for_function("window.__shown !== null", timeout=ANSWER_TIMEOUT_MS, polling=10)
    except PlaywrightTimeout:
        return ANSWER_TIMEOUT_MS
    return page.evaluate("window.__shown - window.__keyUp")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def _serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server
