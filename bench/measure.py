"""Measurements the benchmark takes: each a plain function returning figures.

Every build runs in a child process, timed from outside and with its own peak
memory (``os.wait4``), so one measurement cannot warm or bloat the next.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.synthetic import WORDS, Writer
from briefing.dataset import load_dataset

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


@dataclass(frozen=True)
class Run:
    """One child process: how long it took and the most memory it held."""

    seconds: float
    peak_mb: float


def run_child(command: list[str], env: dict[str, str] | None = None) -> Run:
    """Run ``command`` to completion; fail loudly if it fails (a broken build measures nothing)."""
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **(env or {})},
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{child.stderr.read().decode()[-2000:]}")
    return Run(seconds, usage.ru_maxrss / 1024)


def load_seconds(data_dir: Path) -> float:
    """Read and validate every YAML file once, in this process."""
    started = time.perf_counter()
    load_dataset(data_dir)
    return time.perf_counter() - started


def build_book(data_dir: Path, site_dir: Path) -> Run:
    """The project's real configuration, pointed at ``data_dir``."""
    command = [PYTHON, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)]
    return run_child(command, {"BOOK_DATA_DIR": str(data_dir), "NO_MKDOCS_2_WARNING": "1"})


def tree_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def first_page_bytes(site_dir: Path, kind: str) -> int:
    """HTML bytes of the first record page of ``kind`` (sorted by id)."""
    pages = sorted(path for path in (site_dir / kind).glob("*/index.html"))
    return pages[0].stat().st_size


def write_plain_site(folder: Path, pages: int, seed: int = 7) -> Path:
    """A stock MkDocs + Material site of ``pages`` hand-written pages of ~600 words."""
    writer = Writer(folder, seed)
    docs = folder / "docs"
    for number in range(pages):
        section = docs / f"section-{number % 10}"
        section.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(" ".join(writer.sentence(20) for _ in range(5)) for _ in range(6))
        (section / f"page-{number:05d}.md").write_text(f"# Page {number}\n\n{body}\n", "utf-8")
    (docs / "index.md").write_text("# Plain site\n", "utf-8")
    config = folder / "mkdocs.yml"
    config.write_text("site_name: Plain\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n", "utf-8")
    return config


def build_plain(config: Path, site_dir: Path) -> Run:
    command = [PYTHON, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "--site-dir", str(site_dir)]
    return run_child(command, {"NO_MKDOCS_2_WARNING": "1"})


def pdf_seconds(data_dir: Path, work: Path) -> float:
    """Offline build (which records the pages) and then the whole-book PDF and briefs."""
    env = {"BOOK_DATA_DIR": str(data_dir), "NO_MKDOCS_2_WARNING": "1"}
    capture = work / "capture.json"
    run_child([PYTHON, "scripts/build_offline.py", "build", "--site-dir", str(work / "offline"),
               "--capture", str(capture)], env)
    return run_child([PYTHON, "scripts/build_pdf.py", "--capture", str(capture), "--data", str(data_dir),
                      "--out", str(work / "pdf")], env).seconds


def serve_rebuild_seconds(data_dir: Path, port: int, saves: int = 3, timeout: float = 120,
                          dirty: bool = True) -> list[float]:
    """Save one event's YAML ``saves`` times while ``mkdocs serve`` runs; each time, seconds until its page shows it.

    ``dirty``: ``make serve``'s live preview (``--dirty``: the pages that show
    the saved data only); otherwise every page is rebuilt on each save.
    """
    with serving(data_dir, port, timeout, dirty) as base_url:
        event = sorted((data_dir / "events").glob("*.yaml"))[0]
        url = f"{base_url}events/{event.stem}/"
        original = event.read_text("utf-8")
        return [_timed_save(event, original, url, f"benchmarkmarker{number}{sorted(WORDS)[number]}", timeout)
                for number in range(saves)]


@contextmanager
def serving(data_dir: Path, port: int, timeout: float = 120, dirty: bool = True) -> Iterator[str]:
    """``mkdocs serve`` of the book with ``data_dir``, on loopback; yields its URL once the first build is served."""
    env = {**os.environ, "BOOK_DATA_DIR": str(data_dir), "NO_MKDOCS_2_WARNING": "1"}
    command = [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base_url = f"http://127.0.0.1:{port}/"
        wait_for(base_url, lambda page: True, timeout)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=30)


def _timed_save(event: Path, original: str, url: str, marker: str, timeout: float) -> float:
    """Write the event with ``marker`` in its title; seconds until its page shows the marker."""
    time.sleep(1)  # a new modification time, and the server idle again
    started = time.perf_counter()
    event.write_text(original.replace("title: ", f"title: {marker} ", 1), "utf-8")
    wait_for(url, lambda page: marker in page, timeout)
    return time.perf_counter() - started


def wait_for(url: str, ready, timeout: float) -> str:
    """Poll ``url`` on loopback until ``ready(page)``; bounded by ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            page = urllib.request.urlopen(url, timeout=5).read().decode("utf-8", "replace")
            if ready(page):
                return page
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not become ready in {timeout} s")


def scratch() -> Path:
    """A temporary folder the caller removes with ``shutil.rmtree``."""
    return Path(tempfile.mkdtemp(prefix="book-bench-"))

