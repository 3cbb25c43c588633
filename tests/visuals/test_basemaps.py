"""visuals/basemaps.py: coastlines kept between builds give the very map read afresh."""

from __future__ import annotations

import logging
import pickle

from visuals import basemaps
from visuals.map import DETAIL, OVERVIEW, render_map


def test_a_map_from_kept_coastlines_is_the_map_read_afresh(dataset, tmp_path):
    fresh = render_map(dataset, tmp_path / "fresh.svg")
    cache = tmp_path / "cache"
    first = render_map(dataset, tmp_path / "first.svg", cache_dir=cache)  # reads GSHHG, keeps it
    assert len(list(cache.glob("basemap-*.pickle"))) == 2  # one per panel
    kept = render_map(dataset, tmp_path / "kept.svg", cache_dir=cache)
    assert fresh.read_bytes() == first.read_bytes() == kept.read_bytes()


def test_each_panel_and_each_change_of_projection_has_its_own_file():
    detail, overview = DETAIL.basemap_arguments, OVERVIEW.basemap_arguments
    assert basemaps.cache_key(detail) != basemaps.cache_key(overview)
    assert basemaps.cache_key(detail) != basemaps.cache_key({**detail, "resolution": "c"})
    assert basemaps.cache_key(detail) == basemaps.cache_key(dict(reversed(list(detail.items()))))


def test_an_unreadable_file_is_read_afresh_and_replaced(tmp_path, caplog):
    path = tmp_path / f"basemap-{basemaps.cache_key(DETAIL.basemap_arguments)}.pickle"
    path.write_bytes(b"half a pickle")
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.briefing"):
        made = basemaps.panel_basemap(DETAIL.basemap_arguments, tmp_path)
    assert "unreadable" in caplog.text
    assert made.coastpolygons and made.cntrysegs
    replaced = pickle.loads(path.read_bytes())
    assert len(replaced.cntrysegs) == len(made.cntrysegs)


def test_a_cache_folder_that_cannot_be_made_only_costs_time(tmp_path, caplog):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.briefing"):
        made = basemaps.panel_basemap(DETAIL.basemap_arguments, blocked / "map")
    assert made.coastpolygons and "could not be written" in caplog.text
