"""scripts/build_pdf.py, as `make pdf` runs it: a book that cannot be joined is a located message."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from editions.joining import JoinError

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_pdf.py"


def _script():
    spec = importlib.util.spec_from_file_location("build_pdf", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_link_no_page_of_the_book_holds_ends_the_build_with_its_page_not_a_traceback(monkeypatch, capsys, tmp_path):
    script = _script()

    def build_all(job, processes):
        raise JoinError("book PDF, page 12: a link to #p-gone, an anchor no page of the book has; link to a page")
    monkeypatch.setattr(script, "build_all", build_all)
    status = script.main(["--capture", str(tmp_path / "capture.json"), "--out", str(tmp_path / "pdf")])
    error = capsys.readouterr().err
    assert status == 1 and "page 12: a link to #p-gone" in error and "Traceback" not in error
