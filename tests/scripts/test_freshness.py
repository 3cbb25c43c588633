"""scripts/freshness.py: the report of records due for review, run as editors run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "freshness.py"


def _run(data: Path, *options: str, setting: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the report on ``data`` as of 2026-11-24, with the period setting as given (or unset)."""
    env = {name: value for name, value in os.environ.items() if name != "BRIEFING_STALE_AFTER_DAYS"}
    if setting is not None:
        env["BRIEFING_STALE_AFTER_DAYS"] = setting
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(data), "--today", "2026-11-24", *options],
        capture_output=True, text=True, env=env, check=False,
    )


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def _cited_source(root: Path) -> None:
    """The cut-off and the one (recently reviewed) source the topics cite."""
    _write(root / "book.yaml", "as_of: 2026-11-24\n")
    _write(root / "sources" / "a.yaml",
           "id: a\ntitle: An article\nkind: seed-article\npublished: {start: 2019}\nlanguage: en\nreviewed: 2026-11-20\n")


def test_the_report_lists_every_overdue_record_and_exits_0(tmp_path):
    _cited_source(tmp_path)
    _write(tmp_path / "topics" / "labour.yaml", "id: labour\ntitle: Labour\ndescription: Workers.\nsources: [a]\n")
    _write(tmp_path / "topics" / "sanctions.yaml",
           "id: sanctions\ntitle: Sanctions\ndescription: Measures.\nreviewed: 2026-01-01\nsources: [a]\n")
    result = _run(tmp_path, "--stale-after", "300")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"{tmp_path}/topics/labour.yaml:1:1: reviewed: warning: never reviewed; "
        "check the record against its sources, then set reviewed: 2026-11-24",
        f"{tmp_path}/topics/sanctions.yaml:4:1: reviewed: warning: last reviewed 2026-01-01, 327 days ago "
        "(limit 300); check the record against its sources, then set reviewed: 2026-11-24",
        "Reviews: 1 of 3 records checked against their sources in the last 300 days; 2 due (1 never reviewed): "
        "listed above",
    ]


def test_the_period_comes_from_the_setting_when_not_given(tmp_path):
    _cited_source(tmp_path)
    _write(tmp_path / "topics" / "sanctions.yaml",
           "id: sanctions\ntitle: Sanctions\ndescription: Measures.\nreviewed: 2026-01-01\nsources: [a]\n")
    result = _run(tmp_path, setting="400")
    assert (result.returncode, result.stdout) == (0, "Reviews: 2 of 2 records checked against their sources in the last 400 days\n")


def test_data_that_does_not_load_exits_1_with_the_errors(tmp_path):
    _write(tmp_path / "topics" / "labour.yaml", "id: labour\ntitle: Labour\n")
    result = _run(tmp_path)
    assert result.returncode == 1
    assert f"{tmp_path}/topics/labour.yaml:" in result.stderr
    assert "fix these errors first" in result.stderr


def test_a_period_that_is_not_a_number_of_days_is_a_usage_error(tmp_path):
    result = _run(tmp_path, "--stale-after", "soon")
    assert result.returncode == 2
    assert "a whole number of days is needed, not 'soon'" in result.stderr
