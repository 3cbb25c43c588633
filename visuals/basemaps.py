"""The map panels' projections, with their coastlines and borders, read once per machine.

Making a ``Basemap`` reads every coastline of the world at its resolution and
clips it to the panel, in Python; the country borders are read the same way
when first drawn. For the book's two fixed panels that is about 2.5 s of every
build, spent on the same result each time. ``panel_basemap(arguments,
cache_dir)`` keeps that result as a pickle in ``cache_dir`` (the project's
``.cache/map``, as Material's plugins keep theirs in ``.cache``), named by a
hash of the arguments and of the versions of Python and of every package the
pickle holds objects of: any change reads GSHHG afresh, and so does a file
that cannot be read. Unpickling runs code, so the folder holds the build's
own files only; it is never committed (.gitignore) and ``make clean`` empties it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import platform
import tempfile
import warnings
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.briefing")

# Packages whose objects (projections, GEOS shapes, arrays) a kept basemap holds.
PICKLED_PACKAGES = ("basemap", "basemap_data", "pyproj", "numpy")


@contextmanager
def _importing_basemap():
    """Basemap's compiled GEOS module was built against another numpy: harmless, but noisy on import."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="numpy.ndarray size changed", category=RuntimeWarning)
        yield


def basemap_class():
    """Basemap, imported only when a map is drawn (it is the slowest import of the book)."""
    with _importing_basemap():
        from mpl_toolkits.basemap import Basemap
    return Basemap


def panel_basemap(arguments: dict, cache_dir: Path | None):
    """``Basemap(**arguments)`` with its borders read, from ``cache_dir`` when kept there.

    The basemap has no axes: the caller sets ``ax`` before drawing with it.
    """
    path = cache_dir / f"basemap-{cache_key(arguments)}.pickle" if cache_dir else None
    kept = _load(path) if path else None
    if kept is not None:
        return kept
    made = _read(arguments)
    if path:
        _keep(made, path)
    return made


def cache_key(arguments: dict) -> str:
    """A name for what ``arguments`` give with this Python and these packages."""
    versions = [platform.python_version()] + [metadata.version(package) for package in PICKLED_PACKAGES]
    return hashlib.sha256(repr((sorted(arguments.items()), versions)).encode("utf-8")).hexdigest()[:24]


def _read(arguments: dict):
    made = basemap_class()(**arguments)
    # drawcountries() reads the borders on first use, into ``cntrysegs``, as here:
    # read now, they are kept with the coastlines.
    made.cntrysegs, _ = made._readboundarydata("countries")
    return made


def _load(path: Path):
    try:
        with path.open("rb") as kept, _importing_basemap():  # unpickling imports it
            return pickle.load(kept)
    except FileNotFoundError:
        return None
    except Exception as error:  # a truncated or foreign file: read GSHHG again, and replace it
        log.info(f"Map cache {path} is unreadable ({error}); reading the coastlines again")
        return None


def _keep(made, path: Path) -> None:
    """Write the pickle under a temporary name, then rename it: a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".basemap-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(made, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError as error:  # a read-only checkout still builds, only slower
        log.info(f"Map cache {path} could not be written ({error})")
