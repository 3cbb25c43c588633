"""The offline edition: the site built for ``file://``, with search, zipped for download.

It is a second build of the same ``mkdocs.yml`` with Material's ``offline`` plugin added
here, in code, so ``mkdocs.yml`` stays the one place the site is configured. The same
build records the pages for the PDF (``CapturePlugin``), so the paper edition costs no
build of its own.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from material.plugins.offline.plugin import OfflinePlugin
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from editions.capture import CapturePlugin

SHIM = Path(__file__).parent / "vendor" / "iframe-worker-shim.js"
SHIM_URI = "assets/javascripts/iframe-worker-shim.js"


class LocalShimPlugin(BasePlugin):
    """Ship the iframe-worker shim inside the bundle instead of linking it from unpkg.com.

    Browsers refuse Web Workers on ``file://``; Material's search runs in one, and the
    shim runs it in an iframe instead. Material links the shim from a CDN unless a
    polyfill naming ``iframe-worker`` is already configured, so this one is set first.
    """

    def on_config(self, config):
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM_URI]
        return config

    def on_files(self, files, /, *, config):
        files.append(File.generated(config, SHIM_URI, abs_src_path=str(SHIM)))
        return files


def offline_config(config_file: Path, site_dir: Path, capture: Path | None) -> MkDocsConfig:
    """``mkdocs.yml`` as the site uses it, plus the plugins of the offline build, strict."""
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    # Registration order is run order: the local shim must be configured before Material's check.
    config.plugins["editions/local-shim"] = LocalShimPlugin()
    config.plugins["material/offline"] = _enabled_offline_plugin()
    if capture is not None:
        config.plugins["editions/capture"] = CapturePlugin(capture)
    # One process (hooks/parallel.py): the capture records pages in this process's memory.
    config.extra["build_workers"] = 1
    return config


def _enabled_offline_plugin() -> OfflinePlugin:
    plugin = OfflinePlugin()
    errors, _warnings = plugin.load_config({"enabled": True})
    assert not errors, errors  # the plugin's defaults cannot be invalid
    return plugin


def build_offline(config_file: Path, site_dir: Path, capture: Path | None = None) -> None:
    """Build the offline site into ``site_dir`` (and the PDF's page record into ``capture``)."""
    config = offline_config(config_file, site_dir, capture)
    # The same start-up and shut-down events the ``mkdocs build`` command sends.
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    # The error page is for web servers: it links its assets from the server's root,
    # which from disk is the root of the file system.
    (site_dir / "404.html").unlink(missing_ok=True)


def zip_site(site_dir: Path, archive: Path, include: list[Path] = (), folder: str = "briefing-book") -> None:
    """Zip ``site_dir``, and the files of each ``include`` folder as if they were in it
    (the PDFs), into one top folder, so unzipping never scatters files."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as bundle:
        for base in (site_dir, *include):
            for path in sorted(base.rglob("*")):
                if path.is_file():
                    bundle.write(path, f"{folder}/{path.relative_to(base).as_posix()}")
