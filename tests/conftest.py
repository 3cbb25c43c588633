"""Fixtures shared by every test folder: built sites, a local web server, a browser.

Building and browsing are slow, so each happens once per test session:

- ``build_site(site_dir, data_dir=None, check=True, env=None)``: runs
  ``mkdocs build --strict`` with the repository's real ``mkdocs.yml`` in a
  subprocess (so no build state leaks into the tests) and returns the finished
  ``subprocess.CompletedProcess``; ``data_dir`` builds other data
  (BOOK_DATA_DIR), ``check=False`` allows a failing build, ``env`` sets or (None)
  unsets environment variables. Tests reach it through the ``site_builder``
  fixture (conftest modules are not meant to be imported).
- ``site_dir`` (session): the real book, built once into a temporary folder.
- ``fixture_site_dir`` (session): the book built from tests/fixtures/site/data
  (with no repository configured, so without edit links).
- ``serve`` (session): ``serve(folder) -> "http://127.0.0.1:<port>/"``, a static
  server on localhost for any folder, stopped at the end of the session.
- ``site_url`` (session): the real book, served.
- ``browser`` (session): a Playwright persistent context of Debian's Chromium
  (never a downloaded browser). Playwright's sync API allows one instance per
  process, so every test folder must use this fixture rather than its own.
- ``local_page``: a fresh page in ``browser`` whose ``requests`` attribute lists
  every URL it asked for, to prove nothing leaves 127.0.0.1.
- ``checked_page``: a new page in ``browser`` for the accessibility checks
  (tests/site/accessibility.py), leaving no palette choice behind for other tests.
- ``artifacts_dir`` (session): test-artifacts/ at the repository root (created),
  for screenshots and other files a person should look at after a run.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "site" / "data"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]


def build_site(site_dir: Path, data_dir: Path | None = None, check: bool = True,
               env: dict[str, str | None] | None = None, dirty: bool = False) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of the real configuration into ``site_dir``.

    ``env`` adds environment variables, or removes those given as None.
    ``dirty``: ``mkdocs build --dirty`` instead, which redoes only the pages
    older than their sources (not strict: MkDocs warns that the build is dirty).
    """
    changes = {"NO_MKDOCS_2_WARNING": "1", **({"BOOK_DATA_DIR": str(data_dir)} if data_dir else {}), **(env or {})}
    env = {key: value for key, value in {**os.environ, **changes}.items() if value is not None}
    command = [sys.executable, "-m", "mkdocs", "build", "--dirty" if dirty else "--strict", "--config-file",
               str(ROOT / "mkdocs.yml"), "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        pytest.fail(f"mkdocs build failed ({result.returncode}):\n{result.stderr}", pytrace=False)
    return result


@pytest.fixture(scope="session")
def site_builder():
    """``build_site`` itself, for tests that build other data or settings."""
    return build_site


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The real book, built once per session with the real mkdocs.yml and data/."""
    folder = tmp_path_factory.mktemp("site")
    build_site(folder)
    return folder


@pytest.fixture(scope="session")
def fixture_site_dir(tmp_path_factory) -> Path:
    """The book built from the small fixture data set in tests/fixtures/site/data."""
    folder = tmp_path_factory.mktemp("fixture-site")
    build_site(folder, data_dir=FIXTURE_DATA, env={"BOOK_REPO_URL": None, "GITHUB_REPOSITORY": None})
    return folder


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def end_headers(self):
        # LinkChecker sends more than 10 requests a second only to a server that says so.
        self.send_header("LinkChecker", "allowed")
        super().end_headers()


@pytest.fixture(scope="session")
def serve():
    """A function serving a folder on 127.0.0.1 (a free port); returns its base URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(site_dir, serve) -> str:
    return serve(site_dir)


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Debian's Chromium in a fresh profile, driven by Playwright's sync API."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium", pytrace=False)
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1280, "height": 900},
        )
        yield context
        context.close()


@pytest.fixture
def local_page(browser):
    """A new browser page that records every URL it requests in ``page.requests``."""
    page = browser.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    page.close()


@pytest.fixture
def checked_page(browser):
    """A page that opens every document in the light scheme with axe-core loaded."""
    from tests.site.accessibility import checker_page

    page = checker_page(browser)
    yield page
    # The checks switch to the dark scheme, which Material stores for the next page.
    page.evaluate("try { localStorage.clear() } catch (error) {}")
    page.close()
