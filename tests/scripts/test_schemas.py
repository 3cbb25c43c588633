"""scripts/schemas.py: writes schemas/<kind>.schema.json from the model; --check only reports."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from briefing.model import KINDS
from briefing.schema import render_json_schema

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "scripts" / "schemas.py"


def _script_module():
    spec = importlib.util.spec_from_file_location("schemas_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_check_passes_on_the_committed_schemas():
    result = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_out_of_date_lists_missing_changed_and_stale_files(tmp_path):
    script = _script_module()
    (tmp_path / "events.schema.json").write_text("{}\n")
    (tmp_path / "topics.schema.json").write_text(render_json_schema("topics"))
    (tmp_path / "summits.schema.json").write_text("{}\n")
    changes = script.out_of_date(tmp_path)
    assert changes[tmp_path / "events.schema.json"] == render_json_schema("events")
    assert changes[tmp_path / "summits.schema.json"] is None
    assert tmp_path / "topics.schema.json" not in changes
    assert len(changes) == len(KINDS)  # every kind but topics, plus the stale file


def test_applying_the_changes_leaves_nothing_out_of_date(tmp_path):
    script = _script_module()
    (tmp_path / "summits.schema.json").write_text("{}\n")
    for path, text in script.out_of_date(tmp_path).items():
        script._apply(path, text)
    assert script.out_of_date(tmp_path) == {}
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(f"{kind}.schema.json" for kind in KINDS)
