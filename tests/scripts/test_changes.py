"""scripts/changes.py: the Markdown summary of a change between two commits of a temporary repository."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "changes.py"

PERSON = """\
id: kim-jong-un
name: Kim Jong Un
aliases: [Kim Jong-un]
country: north-korea
roles:
  - title: Leader of North Korea
    sources: [afp-2019]
profile:
  - text: Met Putin in Vladivostok.
    sources: [afp-2019]
sources: [afp-2019]
"""

PLACE = """\
id: khasan
name: Khasan
country: russia
kind: border-town
sources: [choi-2019]
"""

TOPIC = """\
id: labour
title: Labour
description: North Korean workers in Russia.
"""


class Repo:
    """A throwaway git repository in which each test writes and commits data files."""

    def __init__(self, root: Path):
        self.root = root
        self.git("init", "-q", "-b", "main")

    def git(self, *arguments: str) -> str:
        result = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *arguments],
                                cwd=self.root, capture_output=True, text=True, check=True)
        return result.stdout.strip()

    def write(self, path: str, text: str) -> None:
        (self.root / path).parent.mkdir(parents=True, exist_ok=True)
        (self.root / path).write_text(text, "utf-8")

    def commit(self, message: str) -> str:
        """Commit everything in the working tree; return the short commit id changes.py prints."""
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "--short=7", "HEAD")

    def changes(self, base: str, head: str = "HEAD") -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(SCRIPT), base, head], cwd=self.root,
                              capture_output=True, text=True, check=False)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """A repository whose first commit holds a person, a place and a topic."""
    repository = Repo(tmp_path)
    repository.write("data/people/kim-jong-un.yaml", PERSON)
    repository.write("data/places/khasan.yaml", PLACE)
    repository.write("data/topics/labour.yaml", TOPIC)
    repository.commit("The first records")
    return repository


def test_added_changed_and_removed_records_with_their_field_differences(repo):
    base = repo.git("rev-parse", "--short=7", "HEAD")
    changed_person = (PERSON.replace("aliases: [Kim Jong-un]", "aliases: [Kim Jong-un, Kim Jong Un]")
                      .replace("Leader of North Korea", "Supreme leader")
                      + "native_names:\n  - {script: Hangul, name: 김정은}\nreviewed: 2026-11-24\n")
    repo.write("data/people/kim-jong-un.yaml", changed_person.replace("country: north-korea\n", ""))
    repo.write("data/topics/sanctions.yaml", "id: sanctions\ntitle: Sanctions | measures\ndescription: UN measures.\n")
    (repo.root / "data/places/khasan.yaml").unlink()
    head = repo.commit("Edit Kim, add sanctions, drop Khasan")

    result = repo.changes(base)

    assert result.returncode == 0, result.stderr
    assert result.stdout == f"""\
## Data changes

Records 1 added, 1 changed, 1 removed (`{base}`...`{head}`).

### Added

- `topics/sanctions`: Sanctions \\| measures

### Changed

#### `people/kim-jong-un`: Kim Jong Un

| Field | Before | After |
| --- | --- | --- |
| `aliases[1]` | — | Kim Jong Un |
| `country` | north-korea | — |
| `roles[0].title` | Leader of North Korea | Supreme leader |
| `native_names[0]` | — | script: Hangul; name: 김정은 |
| `reviewed` | — | 2026-11-24 |

### Removed

- `places/khasan`: Khasan
"""


def test_a_change_that_leaves_the_data_alone_says_so(repo):
    base = repo.git("rev-parse", "--short=7", "HEAD")
    repo.write("README.md", "A note.\n")
    repo.write("data/people/kim-jong-un.yaml", PERSON.replace("sources: [afp-2019]\n", "sources: [afp-2019]  # cited\n"))
    head = repo.commit("Docs, and a comment in the data")
    assert repo.changes(base).stdout == (
        f"## Data changes\n\nNo records added, changed or removed (`{base}`...`{head}`).\n"
    )


def test_only_the_branch_own_changes_count_when_the_base_has_moved_on(repo):
    repo.git("checkout", "-q", "-b", "edit-labour")
    repo.write("data/topics/labour.yaml", TOPIC.replace("in Russia.", "in Russia and China."))
    repo.commit("Widen labour")
    repo.git("checkout", "-q", "main")
    repo.write("data/topics/economy.yaml", "id: economy\ntitle: Economy\ndescription: Trade.\n")
    repo.commit("Meanwhile on main: economy")

    summary = repo.changes("main", "edit-labour").stdout

    assert "Records 0 added, 1 changed, 0 removed" in summary
    assert ("| `description` | North Korean workers in Russia. | North Korean workers in Russia and China. |"
            in summary)
    assert "economy" not in summary


def test_unreadable_yaml_and_scaffold_placeholders_are_flagged_not_fatal(repo):
    base = repo.git("rev-parse", "--short=7", "HEAD")
    repo.write("data/topics/labour.yaml", "id: labour\ntitle: [Labour\n")
    repo.write("data/topics/space.yaml", "id: space\ntitle: 'TODO: title'\ndescription: Rockets.\n")
    repo.commit("A broken edit and a scaffold")

    summary = repo.changes(base).stdout

    assert "- `topics/space`: TODO: title ⚠️ still has TODO placeholders from scripts/new.py.\n" in summary
    assert ("#### `topics/labour`: Labour ⚠️ the new version is not readable YAML: "
            "expected ',' or ']', but got '&lt;stream end&gt;' at line 3, column 1.\n" in summary)


def test_the_working_tree_is_neither_read_nor_touched(repo):
    base = repo.git("rev-parse", "HEAD")
    repo.write("data/topics/labour.yaml", "uncommitted: edit\n")
    assert "No records added, changed or removed" in repo.changes(base).stdout
    assert (repo.root / "data/topics/labour.yaml").read_text("utf-8") == "uncommitted: edit\n"


def test_an_unknown_revision_is_explained(repo):
    result = repo.changes("origin/main")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "changes.py: unknown revision 'origin/main': name a branch, tag or commit\n"


def test_outside_a_repository_the_summary_says_where_to_run_it(tmp_path):
    result = subprocess.run([sys.executable, str(SCRIPT), "main", "HEAD"], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    assert (result.returncode, result.stderr) == (
        1, f"changes.py: {tmp_path} is not in a git repository: run this from the book's clone\n")
