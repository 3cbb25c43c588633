"""scripts/validate.py, run as editors and the build run it: `python scripts/validate.py [DATA_DIR]`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "scripts" / "validate.py"
BROKEN = REPO_ROOT / "tests" / "fixtures" / "broken"


def _run(*arguments: str, cwd: Path = REPO_ROOT, **environment: str) -> subprocess.CompletedProcess[str]:
    """The script in a fresh interpreter (no PYTHONPATH: it must find `briefing` itself)."""
    env = {name: value for name, value in os.environ.items() if name not in ("PYTHONPATH", "BRIEFING_STALE_AFTER_DAYS")}
    return subprocess.run([sys.executable, "scripts/validate.py" if cwd == REPO_ROOT else str(SCRIPT), *arguments],
                          cwd=cwd, capture_output=True, text=True, env={**env, **environment}, check=False)


def test_with_no_arguments_it_checks_data_and_ends_with_a_summary():
    if not any((REPO_ROOT / "data").glob("*/*.yaml")):
        pytest.skip("data/ holds no records yet")
    result = _run()
    assert result.returncode == 0, result.stdout + result.stderr
    records = len(list((REPO_ROOT / "data").glob("*/*.yaml")))
    kinds = len({path.parent for path in (REPO_ROOT / "data").glob("*/*.yaml")})
    assert result.stdout.splitlines()[-1] == f"{records} records in {kinds} kinds: OK"
    assert "Traceback" not in result.stderr


def test_every_problem_is_one_line_and_the_exit_status_is_1():
    result = _run("data", cwd=BROKEN / "integrity-unknown-nested-references")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "data/events/summit.yaml:12:13: agreements[0].treaty: no treaty has the id `friendship-treaty`; add treaties/friendship-treaty.yaml, or correct the id",
        "data/events/summit.yaml:18:15: quotes[0].sources[0]: no source has the id `src-b`; did you mean `src-a`?",
        "data/events/summit.yaml:19:11: related[0]: no event has the id `summit-2023`; did you mean `summit`?",
        "data/events/summit.yaml:20:10: topics[0]: no topic has the id `sanction`; did you mean `sanctions`?",
    ]
    assert result.stderr == "4 problem(s) in 1 file(s) under data\n"


def test_malformed_yaml_is_a_located_line_not_a_traceback():
    result = _run(str(BROKEN / "yaml-invalid-utf8" / "data"))
    assert result.returncode == 1
    assert result.stdout == (
        f"{BROKEN}/yaml-invalid-utf8/data/topics/sanctions.yaml:3:29: byte 0xE0 is not UTF-8 (the file was probably "
        "saved as Latin-1 or Windows-1252); save the file as UTF-8\n"
    )
    assert "Traceback" not in result.stderr


def _minimal_book(root: Path, topic: str) -> None:
    """The smallest valid data folder: the cut-off, one seed article and one topic citing it."""
    (root / "book.yaml").write_text("as_of: 2026-11-24\n")
    (root / "sources").mkdir()
    (root / "sources" / "a.yaml").write_text(
        "id: a\ntitle: An article\nkind: seed-article\npublished: {start: 2019}\nlanguage: en\nreviewed: 2026-11-01\n")
    (root / "topics").mkdir()
    (root / "topics" / "labour.yaml").write_text(topic)


def test_it_runs_from_any_folder_given_a_data_folder(tmp_path):
    _minimal_book(tmp_path, "id: labour\ntitle: Labour\ndescription: Workers.\nsources: [a]\nreviewed: 2026-01-01\n")
    result = _run(str(tmp_path), cwd=tmp_path, BRIEFING_STALE_AFTER_DAYS="36500")
    assert (result.returncode, result.stdout) == (
        0, "Reviews: 2 of 2 records checked against their sources in the last 36500 days\n2 records in 2 kinds: OK\n")


def test_review_reminders_come_before_the_summary_and_do_not_fail(tmp_path):
    _minimal_book(tmp_path, "id: labour\ntitle: Labour\ndescription: Workers.\nsources: [a]\n")
    result = _run(str(tmp_path), BRIEFING_STALE_AFTER_DAYS="soon")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "warning: BRIEFING_STALE_AFTER_DAYS must be a whole number of days, not 'soon'",
        "2 records in 2 kinds: OK",
    ]


def test_records_due_for_review_are_one_line_of_figures_not_a_warning_each(tmp_path):
    # One topic never reviewed, the source reviewed long ago: both due, neither a warning.
    _minimal_book(tmp_path, "id: labour\ntitle: Labour\ndescription: Workers.\nsources: [a]\n")
    result = _run(str(tmp_path), BRIEFING_STALE_AFTER_DAYS="1")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[-1] == "2 records in 2 kinds: OK"
    assert lines[:-1] == ["Reviews: 0 of 2 records checked against their sources in the last 1 days; "
                          "2 due (1 never reviewed): make freshness lists them"]
    assert "warning" not in result.stdout + result.stderr
