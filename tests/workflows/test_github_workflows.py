"""The GitHub Actions workflows: linted by actionlint, and doing what the editors' guide promises."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
# actionlint and shellcheck come from the pinned test requirements, next to this Python.
TOOLS = Path(sys.executable).parent


def _actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    """actionlint with shellcheck on every ``run:`` script (pyflakes is not needed: no Python steps)."""
    command = [str(TOOLS / "actionlint"), "-no-color", f"-shellcheck={TOOLS / 'shellcheck'}", "-pyflakes=",
               *map(str, paths)]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)


def _load(path: Path) -> dict:
    """A workflow as data; YAML 1.1 reads the key ``on`` as true, so it is put back."""
    workflow = yaml.safe_load(path.read_text("utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


@pytest.fixture(scope="module")
def book() -> dict:
    return _load(REPO / ".github" / "workflows" / "book.yml")


def _steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def _step_using(workflow: dict, job: str, action: str) -> list[dict]:
    return [step for step in _steps(workflow, job) if step.get("uses", "").startswith(f"{action}@")]


def test_actionlint_finds_nothing_wrong_in_any_workflow():
    assert WORKFLOWS, "no workflows in .github/workflows"
    result = _actionlint(*WORKFLOWS)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_actionlint_does_catch_a_broken_workflow(tmp_path, book):
    """The lint above proves something only if actionlint rejects a real mistake."""
    broken = tmp_path / "broken.yml"
    broken.write_text((REPO / ".github/workflows/book.yml").read_text("utf-8").replace("needs: book", "needs: bok"))
    result = _actionlint(broken)
    assert result.returncode == 1
    assert 'job "publish" needs job "bok" which does not exist' in result.stdout


def test_pull_requests_and_main_trigger_the_book(book):
    assert book["on"]["pull_request"] == {"branches": ["main"]}
    assert book["on"]["push"] == {"branches": ["main"]}
    assert book["permissions"] == {"contents": "read"}


def test_the_workflow_runs_the_readme_commands_and_no_others(book):
    """CI and editors build and test the same way: `make book`, then `make test`."""
    scripts = "\n".join(step.get("run", "") for step in _steps(book, "book"))
    targets = re.findall(r"^\s*make[ \t]+([\w-]+)", scripts, flags=re.MULTILINE)
    assert targets == ["book", "test"]
    readme = (REPO / "README.md").read_text("utf-8")
    assert all(f"make {target}" in readme for target in targets)


def test_history_is_checked_out_for_the_summary_and_the_page_dates(book):
    (checkout,) = _step_using(book, "book", "actions/checkout")
    assert checkout["with"] == {"fetch-depth": 0}


def test_a_pull_request_summary_lists_the_data_changes(book):
    (summary,) = [step for step in _steps(book, "book") if "scripts/changes.py" in step.get("run", "")]
    assert summary["run"] == '.venv/bin/python scripts/changes.py "origin/$BASE_REF" HEAD >> "$GITHUB_STEP_SUMMARY"'
    assert summary["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    assert summary["if"].startswith("${{ github.event_name == 'pull_request'")


def test_the_site_and_the_pdf_are_kept_as_artifacts(book):
    uploads = {step["with"]["name"]: step["with"]["path"] for step in _step_using(book, "book", "actions/upload-artifact")}
    assert uploads == {"site": "site/", "briefing-book-pdf": "site/briefing-book.pdf"}
    assert "briefing-book.pdf" in (REPO / "scripts" / "build_pdf.py").read_text("utf-8")


def test_main_is_published_to_github_pages_after_the_checks(book):
    (package,) = _step_using(book, "book", "actions/upload-pages-artifact")
    assert package["with"] == {"path": "site/"}
    assert "refs/heads/main" in package["if"]
    publish = book["jobs"]["publish"]
    assert publish["needs"] == "book"
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in publish["steps"]] == ["actions/deploy-pages"]
