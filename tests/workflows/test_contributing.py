"""CONTRIBUTING.md: an editor following only the guide adds an event with a new person and gets both pages.

The guide's YAML examples are labelled with the file they belong in (``# data/<kind>/<id>.yaml``,
or ``..., under quotes:`` for an addition to a list). These tests replay the guide on a copy
of the data: the examples must validate, the sample error must be what the validator prints,
and the book built from the result must have the new event's and the new person's pages.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import build_site

REPO = Path(__file__).resolve().parents[2]
GUIDE = (REPO / "CONTRIBUTING.md").read_text("utf-8")
LABEL = re.compile(r"# (data/[a-z]+/[a-z0-9-]+\.yaml)(?:, under ([a-z_]+):)?")
# The records the guide's worked example creates: they are taken out of the data first.
NEW_PERSON, NEW_EVENT = "data/people/dmitry-medvedev.yaml", "data/events/kim-jong-il-medvedev-2011.yaml"


def _examples() -> list[tuple[str, str | None, str]]:
    """(file, list it is added to or None for a whole record, YAML text) for every labelled example."""
    examples = []
    for block in re.findall(r"^ *```yaml\n(.*?)^ *```", GUIDE, re.MULTILINE | re.DOTALL):
        label, _, body = textwrap.dedent(block).partition("\n")
        if LABEL.fullmatch(label):
            path, under = LABEL.fullmatch(label).groups()
            examples.append((path, under, body))
    return examples


def _follow_the_guide(root: Path) -> None:
    """A copy of the book's data at ``root/data`` with every example of the guide written in."""
    shutil.copytree(REPO / "data", root / "data")
    for path in (NEW_PERSON, NEW_EVENT):
        (root / path).unlink()
    for path, under, body in _examples():
        target = root / path
        if under is None:
            target.write_text(body, "utf-8")
        else:
            text = target.read_text("utf-8")
            assert f"\n{under}:\n" in text, f"{path} has no {under}: list to add the guide's example to"
            target.write_text(text.replace(f"\n{under}:\n", f"\n{under}:\n{textwrap.indent(body, '  ')}", 1), "utf-8")


def _validate(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "scripts" / "validate.py"), "data"], cwd=root,
                          capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def guided(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("guided")
    _follow_the_guide(root)
    return root


def test_the_guide_shows_every_kind_it_walks_through():
    labelled = {(path.split("/")[1], under) for path, under, _ in _examples()}
    assert labelled == {("sources", None), ("people", None), ("events", None), ("events", "quotes"),
                        ("statistics", None)}


def test_the_records_the_guide_writes_validate(guided):
    result = _validate(guided)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.fullmatch(r"\d+ records in 8 kinds: OK", result.stdout.splitlines()[-1])


def test_the_guides_sample_error_is_what_the_validator_prints(tmp_path):
    _follow_the_guide(tmp_path)
    event = tmp_path / NEW_EVENT
    event.write_text(event.read_text("utf-8").replace("person: dmitry-medvedev", "person: dmitry-medvedew"), "utf-8")
    (sample,) = re.findall(r"```text\n(.*?)\n```", GUIDE, re.DOTALL)
    result = _validate(tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [sample]


def test_following_the_guide_builds_pages_for_the_new_event_and_person(guided, tmp_path):
    build_site(tmp_path / "site", data_dir=guided / "data")
    event_page = (tmp_path / "site" / "events" / "kim-jong-il-medvedev-2011" / "index.html").read_text("utf-8")
    person_page = (tmp_path / "site" / "people" / "dmitry-medvedev" / "index.html").read_text("utf-8")
    assert "Kim Jong Il meets Dmitry Medvedev" in event_page
    assert "people/dmitry-medvedev/" in event_page
    assert "Дмитрий Медведев" in person_page


def test_every_make_command_the_guide_names_is_in_the_makefile():
    makefile = (REPO / "Makefile").read_text("utf-8")
    targets = set(re.findall(r"^([A-Za-z][\w.-]*)\s*:(?!=)", makefile, re.MULTILINE))
    named = set(re.findall(r"\bmake ([a-z][\w-]*)", GUIDE))
    assert {"book", "test", "validate", "serve", "new", "changes", "freshness"} <= named
    assert sorted(named - targets) == []


def test_the_site_shows_the_guide_itself():
    page = (REPO / "docs" / "guide" / "contributing.md").read_text("utf-8")
    assert page.rstrip().endswith('--8<-- "CONTRIBUTING.md"')
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    assert "guide/contributing.md" in config
    assert "pymdownx.snippets" in config
