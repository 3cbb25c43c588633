"""Run LinkChecker (a kept link and anchor checker) over a served edition of the book.

Shared by tests/site/test_links.py (the online site) and tests/editions/test_links.py
(the offline bundle). Served over HTTP by tests/conftest.py's ``serve``, whose
responses allow LinkChecker more than its default ten requests a second.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

CONFIG = """\
[checking]
threads=8
maxrequestspersecond=500
[filtering]
checkextern=0
{ignore}
[AnchorCheck]
[output]
status=0
"""


def broken_links(base_url: str, workdir: Path, ignore: tuple[str, ...] = ()) -> tuple[int, list[str]]:
    """(URLs checked, every broken link or anchor as "page: link: why"), from LinkChecker's report."""
    config = workdir / "linkcheckerrc"
    patterns = "ignore=\n" + "".join(f"  {pattern}\n" for pattern in ignore) if ignore else ""
    config.write_text(CONFIG.format(ignore=patterns), "utf-8")
    command = [str(Path(sys.executable).with_name("linkchecker")), "--config", str(config), "--no-status",
               "-o", "text", base_url]
    assert shutil.which(command[0]), "linkchecker is not installed (requirements-test.txt)"
    report = subprocess.run(command, capture_output=True, text=True, timeout=1800).stdout
    checked = re.search(r"(\d+) links in \d+ URLs checked", report)
    assert checked, report[-2000:]
    return int(checked.group(1)), _problems(report)


def _problems(report: str) -> list[str]:
    """Each entry of the report that is an error or a warning, in one line."""
    problems = []
    for block in report.split("\n\n"):
        fields = dict(re.findall(r"^(URL|Parent URL|Result|Warning)\s+(.*)$", block, re.MULTILINE))
        if fields.get("Result", "").startswith("Error") or "Warning" in fields:
            problems.append(f"{fields.get('Parent URL', '?')}: {fields.get('URL', '?')}: "
                            f"{fields.get('Warning') or fields.get('Result')}")
    return problems
