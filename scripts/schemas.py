#!/usr/bin/env python3
"""Write the JSON Schema of every kind of record to schemas/, from briefing/model.py.

Usage: python scripts/schemas.py [--check]

Editors' IDEs use schemas/<kind>.schema.json to complete and check data/<kind>/*.yaml
as it is typed. The files are generated, never edited: run this after changing the
model, and commit the result. ``--check`` changes nothing; it lists the files that
are out of date and exits 1 if there are any (the tests do the same).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Run as `python scripts/schemas.py` from the repository root: make `briefing` importable.
REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from briefing.model import KINDS  # noqa: E402
from briefing.schema import render_json_schema, schema_file_name  # noqa: E402

SCHEMA_DIR = REPO_ROOT / "schemas"


def out_of_date(folder: Path = SCHEMA_DIR) -> dict[Path, str | None]:
    """Each schema file that differs from the model, with its new text (None: to delete)."""
    wanted = {folder / schema_file_name(kind): render_json_schema(kind) for kind in KINDS}
    stale = {path: None for path in folder.glob("*.schema.json") if path not in wanted}
    changed = {path: text for path, text in wanted.items() if not path.is_file() or path.read_text("utf-8") != text}
    return {**changed, **stale}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report out-of-date files; exit 1 if any")
    check = parser.parse_args(argv).check
    changes = out_of_date()
    for path, text in sorted(changes.items()):
        action = "out of date" if check else "wrote" if text is not None else "removed"
        print(f"{action}: {path.relative_to(REPO_ROOT)}")
        if not check:
            _apply(path, text)
    if check and changes:
        print("run `python scripts/schemas.py` and commit schemas/", file=sys.stderr)
    return 1 if check and changes else 0


def _apply(path: Path, text: str | None) -> None:
    if text is None:
        path.unlink()
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


if __name__ == "__main__":
    sys.exit(main())
