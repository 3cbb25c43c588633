"""make book publishes all or nothing: a failed or interrupted build leaves the last good book.

A copy of the repository (sharing the project's .venv) is built once; then a build
that fails in the site step and a build interrupted in the PDF step must leave
site/ and dist/ exactly as they were and say so, and a good build must replace them.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
OUTPUTS = ("site", "dist")
KEPT = "nothing was published; the last good book is still in site/ and dist/"
IGNORED = shutil.ignore_patterns(".git", ".venv", "site", "dist", "build", "test-artifacts", ".pytest_cache",
                                 "__pycache__", ".hypothesis", ".cache", ".site.*", ".dist.*")


def _make_book(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", "--no-print-directory", "book"], cwd=root, capture_output=True, text=True,
                          timeout=900, check=False)


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every published file with its size and modification time: any rewrite changes it."""
    return {str(path.relative_to(root)): (path.stat().st_size, path.stat().st_mtime_ns)
            for folder in OUTPUTS for path in sorted((root / folder).rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    """A copy of the repository with a good book built in it."""
    root = tmp_path_factory.mktemp("publish") / "book"
    shutil.copytree(REPO, root, ignore=IGNORED, symlinks=True)
    (root / ".venv").symlink_to(REPO / ".venv")
    result = _make_book(root)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert (root / "site" / "index.html").is_file() and (root / "site" / "briefing-book.pdf").is_file()
    assert (root / "dist" / "briefing-book-offline.zip").is_file()
    return root


@contextmanager
def _edited(path: Path, old: str, new: str):
    """The file with one edit while the block runs, as it was afterwards."""
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    try:
        yield
    finally:
        path.write_text(text, "utf-8")


def test_a_template_that_raises_in_the_site_step_leaves_the_last_book(book):
    before = _snapshot(book)
    template = book / "macros" / "templates" / "home.html.j2"
    with _edited(template, "{{ heading(2, \"Headline summits\") }}", "{{ no_such_variable }}"):
        result = _make_book(book)
    assert result.returncode != 0
    assert "no_such_variable" in result.stdout + result.stderr
    assert f"make book: the build failed; {KEPT}" in result.stderr
    assert _snapshot(book) == before


def test_an_interrupt_during_the_pdf_step_leaves_the_last_book(book):
    before = _snapshot(book)
    topic = book / "data" / "topics" / "labour.yaml"
    with _edited(topic, "title: Labour", "title: Labour  # an edit, so that everything rebuilds"):
        build = subprocess.Popen(["make", "--no-print-directory", "book"], cwd=book, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        assert _wait_for(lambda: _running(build.pid, "build_pdf.py")), "the PDF step never started"
        os.killpg(build.pid, signal.SIGTERM)  # as a stopped CI job or a closed terminal does
        _, stderr = build.communicate(timeout=120)
    assert build.returncode != 0
    assert f"make book: interrupted; {KEPT}" in stderr
    assert _snapshot(book) == before
    assert not list(book.glob(".site.*")) and not list(book.glob(".dist.*"))


def test_a_build_that_finishes_replaces_the_book_and_leaves_nothing_beside_it(book):
    before = _snapshot(book)
    topic = book / "data" / "topics" / "labour.yaml"
    with _edited(topic, "title: Labour", "title: Labour and workers"):
        result = _make_book(book)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Labour and workers" in (book / "site" / "topics" / "labour" / "index.html").read_text("utf-8")
    assert _snapshot(book) != before
    assert not list(book.glob(".site.*")) and not list(book.glob(".dist.*"))
    assert (book / "site" / "briefs").is_dir() and (book / "site" / "briefing-book-offline.zip").is_file()


def _running(session: int, script: str) -> bool:
    """Whether a process of the build's session runs ``script``."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if os.getsid(int(proc.name)) == session and script in (proc / "cmdline").read_bytes().decode(errors="ignore"):
                return True
        except (OSError, ProcessLookupError):
            continue
    return False


def _wait_for(condition, timeout: float = 600, step: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False
