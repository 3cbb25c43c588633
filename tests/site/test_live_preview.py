"""make serve's live preview (mkdocs serve --dirty): saving a YAML file rebuilds its page."""

from __future__ import annotations

import shutil
import socket

from bench.measure import serve_rebuild_seconds
from tests.conftest import FIXTURE_DATA


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_saving_a_record_shows_the_edit_on_its_page(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    # serve_rebuild_seconds fails with TimeoutError unless the page shows each new title.
    saves = serve_rebuild_seconds(data, _free_port(), saves=2, timeout=60)
    assert len(saves) == 2
    assert "benchmarkmarker1" in sorted(data.glob("events/*.yaml"))[0].read_text("utf-8")
