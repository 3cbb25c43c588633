#!/usr/bin/env python3
"""Put a finished build in place of the last one: site/ and dist/ change only when all of it built.

Usage: python scripts/publish.py --stage DIR --pdf DIR --archive ZIP [--site site] [--dist dist]

``make book`` builds the site, the offline bundle and the PDFs into build/ (a
staging area) and calls this last. It assembles the new site/ (the staged site
with the PDFs and the bundle beside it) and the new dist/ next to the old ones,
then swaps each in with a rename, so a reader never sees a half-written folder.
A failed or interrupted build never reaches this step: the last good book stays.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    arguments = _parse_arguments(argv)
    missing = [str(path) for path in (arguments.stage, arguments.pdf, arguments.archive) if not path.exists()]
    if missing:
        print(f"publish: nothing published, the build is incomplete (missing {', '.join(missing)}); "
              f"the last good book is still in {arguments.site}/ and {arguments.dist}/", file=sys.stderr)
        return 1
    site = _assemble(arguments.site, lambda new: _site_with_paper(new, arguments))
    dist = _assemble(arguments.dist, lambda new: shutil.copy2(arguments.archive, new / arguments.archive.name))
    for folder, new in ((arguments.site, site), (arguments.dist, dist)):
        swap(folder, new)
    print(f"publish: {arguments.site}/ and {arguments.dist}/ now hold the new book")
    return 0


def _site_with_paper(new: Path, arguments: argparse.Namespace) -> None:
    """The staged site, with the PDFs and the offline bundle it links to beside its pages."""
    shutil.copytree(arguments.stage, new, dirs_exist_ok=True)
    shutil.copytree(arguments.pdf, new, dirs_exist_ok=True)
    shutil.copy2(arguments.archive, new / arguments.archive.name)


def _assemble(folder: Path, fill) -> Path:
    """A fresh folder beside ``folder`` (same file system, so the swap is a rename), filled."""
    new = folder.with_name(f".{folder.name}.new")
    shutil.rmtree(new, ignore_errors=True)
    new.mkdir(parents=True)
    fill(new)
    return new


def swap(folder: Path, new: Path) -> None:
    """Replace ``folder`` by ``new``: two renames, then the old copy is removed."""
    old = folder.with_name(f".{folder.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    new.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


def _parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stage", type=Path, required=True, help="the staged site (mkdocs build output)")
    parser.add_argument("--pdf", type=Path, required=True, help="the folder of PDFs to publish beside the pages")
    parser.add_argument("--archive", type=Path, required=True, help="the offline bundle (zip)")
    parser.add_argument("--site", type=Path, default=Path("site"), help="the published site folder")
    parser.add_argument("--dist", type=Path, default=Path("dist"), help="the published downloads folder")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
