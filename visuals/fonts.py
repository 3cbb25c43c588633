"""Fonts read from memory, not from their files, while Matplotlib lays out text.

Laying out a label (its width decides where the next one goes) has FreeType
load each of its glyphs, and Matplotlib hands FreeType the font as an open
file: every glyph costs a seek and a read, about six system calls a
character, which made text layout half the time of drawing the timeline and
the charts at thousands of events. FreeType reads the font from any
file-like object, so ``use_fonts_in_memory`` has Matplotlib open each font
file once and give FreeType its bytes: the same glyphs, the same layout,
the same SVG (tests/visuals/test_fonts.py), without the system calls.

This replaces ``matplotlib.font_manager._get_font``, a private function (the
one place Matplotlib opens fonts, Matplotlib pinned in requirements.txt),
with one that makes the very same ``FT2Font`` objects from the bytes.
"""

from __future__ import annotations

import io
import os
from functools import lru_cache
from pathlib import Path

from matplotlib import font_manager, ft2font


# Matplotlib's own function, for the tests that compare the two.
MATPLOTLIB_GET_FONT = font_manager._get_font


def use_fonts_in_memory() -> None:
    """Have Matplotlib read every font it lays text out with from memory (idempotent)."""
    font_manager._get_font = _get_font_from_memory


@lru_cache(64)  # as Matplotlib caches its fonts: one FT2Font per font, size changes aside
def _get_font_from_memory(font_filepaths, hinting_factor, *, _kerning_factor, thread_id):
    first_fontpath, *rest = font_filepaths
    return ft2font.FT2Font(
        _in_memory(first_fontpath), hinting_factor,
        _fallback_list=[ft2font.FT2Font(_in_memory(path), hinting_factor, _kerning_factor=_kerning_factor)
                        for path in rest],
        _kerning_factor=_kerning_factor)


@lru_cache(16)
def _font_bytes(path: str) -> bytes:
    return Path(path).read_bytes()


def _in_memory(path: str) -> io.BytesIO:
    return io.BytesIO(_font_bytes(path))


# FT2Font objects must not cross a fork (they share FreeType's library object):
# Matplotlib empties its own cache in a forked child, and so does this one.
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_get_font_from_memory.cache_clear)
