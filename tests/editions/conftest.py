"""One real build of the offline edition and the PDFs per test session, in a temp folder.

Building is what is under test, so the fixtures build from the repository's own
mkdocs.yml and data exactly as ``make book`` does, only into a temporary folder.
The browser and the served site come from tests/conftest.py.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing.dataset import Dataset, load_dataset
from editions.pdfs import BOOK_FILE, BRIEFS_FOLDER, GUIDE_FILE, read_capture

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Editions:
    """Where one build put everything, and the data it was built from."""

    dataset: Dataset
    offline_dir: Path
    capture: dict
    archive: Path
    book_pdf: Path
    briefs: list[Path]
    guide_pdf: Path


@pytest.fixture(scope="session")
def editions(tmp_path_factory) -> Editions:
    """The offline site, its zip and the PDFs, built by the scripts ``make book`` runs.

    In subprocesses, as ``make`` runs them, so no build state leaks into the tests.
    """
    root = tmp_path_factory.mktemp("editions")
    offline_dir, capture_file, pdf_dir = root / "offline", root / "capture.json", root / "pdf"
    archive = root / "dist" / "briefing-book-offline.zip"
    _run("build_offline.py", "build", "--site-dir", offline_dir, "--capture", capture_file)
    _run("build_pdf.py", "--capture", capture_file, "--out", pdf_dir)
    _run("build_offline.py", "zip", "--site-dir", offline_dir, "--include", pdf_dir, "--archive", archive)
    return Editions(
        dataset=load_dataset(ROOT / "data"),
        offline_dir=offline_dir,
        capture=read_capture(capture_file),
        archive=archive,
        book_pdf=pdf_dir / BOOK_FILE,
        briefs=sorted((pdf_dir / BRIEFS_FOLDER).glob("*.pdf")),
        guide_pdf=pdf_dir / GUIDE_FILE,
    )


def _run(script: str, *arguments: object) -> None:
    command = [sys.executable, str(ROOT / "scripts" / script), *map(str, arguments)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        pytest.fail(f"{script} failed ({result.returncode}):\n{result.stderr}", pytrace=False)
