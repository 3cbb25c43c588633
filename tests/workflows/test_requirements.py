"""The pinned requirements: every package with its hashes, installed with --require-hashes.

requirements.in and requirements-test.in are what editors change (requirements-pip.in
pins pip itself); ``make lock`` (uv) writes the requirements*.txt files from them, each pin with the
hashes of its files, and ``make book`` / ``make test`` install those with
``--require-hashes``, so a file changed on the package index is refused.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==(\S+)", re.MULTILINE)


def _pins(name: str) -> dict[str, str]:
    return {package.lower().replace("_", "-"): version for package, version in PIN.findall((REPO / name).read_text("utf-8"))}


def _locked(name: str) -> dict[str, list[str]]:
    """Each pin of a generated file with the hashes listed under it."""
    text = (REPO / name).read_text("utf-8")
    entries = re.split(r"^(?=[A-Za-z0-9])", text, flags=re.MULTILINE)
    return {PIN.match(entry).group(1).lower().replace("_", "-"): re.findall(r"--hash=sha256:([0-9a-f]{64})", entry)
            for entry in entries if PIN.match(entry)}


@pytest.mark.parametrize(("source", "locked"), [("requirements-pip.in", "requirements-pip.txt"),
                                                ("requirements.in", "requirements.txt"),
                                                ("requirements-test.in", "requirements-test.txt")])
def test_every_pin_is_locked_with_its_hashes(source, locked):
    wanted = _pins(source) | (_pins("requirements.in") if "-r requirements.in" in (REPO / source).read_text() else {})
    pins, hashes = _pins(locked), _locked(locked)
    assert {name: pins.get(name) for name in wanted} == wanted  # the same versions as asked for
    assert set(pins) == set(wanted)  # and nothing unpinned slipped in
    assert [name for name, found in hashes.items() if not found] == []


def test_the_makefile_installs_with_required_hashes_and_can_refresh_the_lock():
    makefile = (REPO / "Makefile").read_text("utf-8")
    assert "$(PIP) --require-hashes -r requirements-pip.txt" in makefile
    assert "$(PIP) --require-hashes -r requirements.txt" in makefile
    assert "$(PIP) --require-hashes -r requirements-test.txt" in makefile
    assert re.search(r"^lock:", makefile, re.MULTILINE) and "--generate-hashes" in makefile


def test_the_pinned_pip_is_the_one_that_installed_the_book():
    """venv's own pip (23.2) refuses hashed pins with extras once a newer release is out, so
    make book installs the pip of requirements-pip.txt first and installs the rest with it."""
    wanted = _pins("requirements-pip.txt")["pip"]
    result = subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True, text=True, timeout=60)
    assert result.stdout.startswith(f"pip {wanted} "), result.stdout
    makefile = (REPO / "Makefile").read_text("utf-8")
    assert re.search(r"^\$\(VENV\)/\.requirements: requirements\.txt \$\(VENV\)/\.pip$", makefile, re.MULTILINE)


def test_a_file_whose_hash_differs_is_refused(tmp_path):
    """pip, as the Makefile calls it, refuses a download that does not match its pin's hash."""
    pin = next(line for line in (REPO / "requirements.txt").read_text().splitlines() if line.startswith("webencodings=="))
    bad = tmp_path / "tampered.txt"
    bad.write_text(pin.rstrip(" \\") + " --hash=sha256:" + "0" * 64 + "\n", "utf-8")
    result = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--require-hashes", "-d",
                             str(tmp_path / "out"), "-r", str(bad)], capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "DO NOT MATCH THE HASHES" in result.stderr
    assert not any((tmp_path / "out").glob("*.whl"))  # nothing kept
