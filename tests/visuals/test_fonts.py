"""visuals/fonts.py: fonts read from memory lay text out exactly as fonts read from files."""

from __future__ import annotations

import io

from matplotlib import font_manager, ft2font

from visuals import fonts
from visuals.charts import render_statistic_charts
from visuals.text import text_width_in
from visuals.timeline import render_timeline


def test_the_visuals_are_the_same_whichever_way_the_fonts_are_read(dataset, tmp_path, monkeypatch):
    from_memory = render_timeline(dataset, tmp_path / "memory.svg").read_bytes()
    charts_from_memory = {key: path.read_bytes() for key, path in
                          render_statistic_charts(dataset, tmp_path / "memory-charts").items()}
    monkeypatch.setattr(font_manager, "_get_font", fonts.MATPLOTLIB_GET_FONT)  # Matplotlib's own way
    text_width_in.cache_clear()
    assert render_timeline(dataset, tmp_path / "files.svg").read_bytes() == from_memory
    assert {key: path.read_bytes() for key, path in
            render_statistic_charts(dataset, tmp_path / "files-charts").items()} == charts_from_memory
    text_width_in.cache_clear()


def test_freetype_is_given_the_fonts_bytes_not_their_files(monkeypatch):
    given = []
    real = ft2font.FT2Font
    monkeypatch.setattr(ft2font, "FT2Font", lambda font, *args, **kwargs: given.append(font) or real(font, *args,
                                                                                                    **kwargs))
    fonts._get_font_from_memory.cache_clear()
    text_width_in.cache_clear()
    assert text_width_in("Harbour summit · Ivan Testov", 8) > 1
    assert given and all(isinstance(font, io.BytesIO) for font in given)
    fonts._get_font_from_memory.cache_clear()
    text_width_in.cache_clear()
