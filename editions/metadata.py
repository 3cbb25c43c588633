"""What the cover of every PDF says about itself: how current the data is, and which version.

A reader holding paper cannot check the site, so the cover must say which data it
shows (the book's data cut-off, the date the site and every citation show too)
and which build of the book it is.
"""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

from briefing.dataset import Dataset
from macros.dates import format_partial_date
from visuals import cite


def data_as_of(dataset: Dataset) -> str:
    """The book's data cut-off in words, the same as the site's (visuals.cite)."""
    return cite.data_as_of(dataset).date


def book_version(root: Path) -> str:
    """``git describe`` of the checkout; a VERSION file where there is no git history."""
    try:
        described = subprocess.run(
            ["git", "describe", "--tags", "--always", "--dirty"],
            cwd=root, capture_output=True, text=True, check=True, timeout=10,
        )
        return described.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        version_file = root / "VERSION"
        return version_file.read_text("utf-8").strip() if version_file.exists() else "unversioned"


def edition_date(root: Path) -> str:
    """The day this edition's version was committed, in words; today where there is no git.

    Not the build's clock: two builds of one version are the same edition.
    """
    try:
        committed = subprocess.run(
            ["git", "log", "-1", "--format=%cs"], cwd=root, capture_output=True, text=True, check=True, timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        committed = ""
    return format_partial_date(committed or datetime.date.today().isoformat())
