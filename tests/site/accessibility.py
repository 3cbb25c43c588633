"""The two accessibility checkers the tests run, pinned in tests/tools/ (``npm ci`` there).

- ``checker_page(context)``: a new page of a Playwright browser context ready to
  check: every document it loads starts with no stored palette (so it shows the
  light scheme the browser reports, as on a first visit) and with axe-core loaded.
- ``axe_violations(page, url)``: loads ``url``, runs axe-core for the WCAG 2.0, 2.1
  and 2.2 A and AA rules and axe's best practices in the light scheme, switches to
  the dark one with Material's palette toggle, as a reader does, and runs them again;
  one ``Violation`` an element, rule and scheme.
- ``vnu_errors(folder)``: the Nu Html Checker's errors over every HTML file in a folder.

Both name the page, the rule and the element, so a failing test says what to fix.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tests" / "tools" / "node_modules"
AXE_SCRIPT = TOOLS / "axe-core" / "axe.min.js"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
# Material's palette toggles (mkdocs.yml): the light scheme's switches to the dark one.
DARK_TOGGLE = 'label[title="Switch to dark mode"]'
SCHEMES = {"light": "default", "dark": "slate"}
_RUN_AXE = """tags => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
  .then(results => results.violations.flatMap(rule => rule.nodes.map(node => ({
    rule: rule.id, target: node.target.join(" "), summary: node.failureSummary, html: node.html}))))"""
# Colours change at once, not over Material's transitions, so axe reads the final ones.
_NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


@dataclass(frozen=True)
class Violation:
    """One element failing one axe rule on one page in one scheme."""

    url: str
    scheme: str
    rule: str
    target: str
    summary: str
    html: str

    def __str__(self) -> str:
        return f"{self.url} ({self.scheme}): {self.rule} at {self.target}\n  {self.html[:300]}\n  {self.summary}"


def tool(path: Path) -> Path:
    """A pinned checker's file, or a failure saying how to install it."""
    if not path.is_file():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: `make test` installs it (npm ci in tests/tools)",
                    pytrace=False)
    return path


def checker_page(context):
    """A page whose documents start with no stored palette (Material keeps the last) and with axe-core."""
    page = context.new_page()
    page.emulate_media(color_scheme="light")
    page.add_init_script("try { localStorage.clear() } catch (error) {}")
    page.add_init_script(path=str(tool(AXE_SCRIPT)))
    return page


def axe_violations(page, url: str) -> list[Violation]:
    """axe-core's violations on ``url`` in the light scheme, then in the dark one."""
    page.goto(url, wait_until="domcontentloaded")
    page.add_style_tag(content=_NO_TRANSITIONS)
    found = _run_axe(page, url, "light")
    page.locator(DARK_TOGGLE).click()
    return found + _run_axe(page, url, "dark")


def _run_axe(page, url: str, scheme: str) -> list[Violation]:
    shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert shown == SCHEMES[scheme], f"{url}: the {scheme} scheme showed Material's {shown!r} palette"
    return [Violation(url, scheme, **found) for found in page.evaluate(_RUN_AXE, AXE_TAGS)]


def vnu_errors(folder: Path) -> list[str]:
    """The Nu Html Checker's errors in every HTML file under ``folder``, as ``file:line: message``."""
    command = ["java", "-jar", str(tool(VNU_JAR)), "--errors-only", "--format", "json", "--skip-non-html",
               str(folder)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [f"{_file_of(message['url']).relative_to(folder.resolve())}:{message.get('lastLine', '?')}: "
            f"{message['message']}  [{message.get('extract', '').strip()[:160]}]" for message in messages]


def _file_of(url: str) -> Path:
    return Path(url2pathname(urlsplit(url).path))


def assert_no_violation(page, urls: list[str]) -> None:
    """Fail on the first of ``urls`` (visited in order) where axe-core finds anything, naming it all."""
    for url in urls:
        found = axe_violations(page, url)
        assert not found, f"{len(found)} axe-core violations on {url}:\n" + "\n".join(map(str, found[:10]))


def assert_valid_html(folder: Path) -> None:
    errors = vnu_errors(folder)
    assert not errors, f"{len(errors)} Nu Html Checker errors in {folder}:\n" + "\n".join(errors[:20])
