"""Paper sizes: A4 unless the reader asks for US Letter."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from briefing.dataset import load_dataset
from editions.book import Cover
from editions.briefs import brief_html
from editions.render import stylesheets, write_pdf

ROOT = Path(__file__).resolve().parents[2]


def page_size(pdf: Path) -> str:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return re.search(r"^Page size:\s+(.*)$", info, re.MULTILINE).group(1)


@pytest.mark.parametrize(("paper", "size"), [("a4", "595.276 x 841.89 pts (A4)"), ("letter", "612 x 792 pts (letter)")])
def test_a_brief_is_printed_on_the_paper_asked_for(tmp_path, paper, size):
    dataset = load_dataset(ROOT / "data")
    event = next(iter(dataset.kind("events").values()))
    target = tmp_path / f"{paper}.pdf"
    write_pdf(brief_html(dataset, event, Cover("Book", "2024", "v1", "1 May 2024")), target, stylesheets("content.css", "brief.css", paper=paper))
    assert page_size(target) == size


def test_an_unknown_paper_size_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="a4, letter"):
        stylesheets("content.css", paper="a5")
