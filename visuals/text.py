"""Words the visuals print: figures with their qualifier, source lines, wrapped captions.

A figure is never shown without its qualifier ("more than 10,000"), and a
caption always names the source and who asserts the figure: the visuals say
no more, and no less, than the data.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache
from typing import Iterable

from matplotlib.font_manager import FontProperties
from matplotlib.textpath import text_to_path

from briefing.dataset import Dataset
from briefing.model import Statistic
from visuals.dates import short_date
from visuals.svg import STYLE


def format_number(value: int | float) -> str:
    """10000 -> "10,000"; 2.2 -> "2.2"; 42.7 -> "42.7" (never a trailing ".0")."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,}"
    return f"{int(value):,}"


def format_value(statistic: Statistic, with_unit: bool = True) -> str:
    """"more than 10,000 shipping containers": the figure as the source qualifies it."""
    qualifier = "" if statistic.qualifier == "exactly" else f"{statistic.qualifier} "
    unit = f" {unit_for(statistic)}" if with_unit else ""
    return f"{qualifier}{format_number(statistic.value)}{unit}"


def unit_for(statistic: Statistic) -> str:
    """The unit as the figure reads it: "1 meeting", not "1 meetings" (one-word plurals only)."""
    unit = statistic.unit
    if statistic.value == 1 and " " not in unit and unit.endswith("s") and not unit.endswith("ss"):
        return unit[:-1]
    return unit


def source_line(dataset: Dataset, source_ids: Iterable[str]) -> str:
    """"Source: <title>, <outlet>, <date>." for each distinct source, in order of first use."""
    sources = dataset.kind("sources")
    entries = []
    for source_id in dict.fromkeys(source_ids):
        source = sources[source_id]
        # Citation titles often end "(AFP, 2019)"; the date is added only when missing.
        date = short_date(source.published) if source.published else "undated"
        year = source.published.start[:4] if source.published else "undated"
        parts = [source.title, source.outlet, None if year in source.title else date]
        entries.append(", ".join(part for part in parts if part))
    label = "Source" if len(entries) == 1 else "Sources"
    return f"{label}: " + "; ".join(entries) + "."


def asserted_line(statistics: Iterable[Statistic]) -> str:
    """"Figures asserted by: AFP." — who stands behind each figure, once each."""
    asserters = list(dict.fromkeys(statistic.asserted_by for statistic in statistics))
    noun = "Figure" if len(asserters) == 1 else "Figures"
    return f"{noun} asserted by: " + "; ".join(asserters) + "."


def wrap(text: str, width_in: float, size: float) -> list[str]:
    """Lines of ``text`` that fit ``width_in`` inches at ``size`` points (DejaVu Sans metrics)."""
    average_char_in = text_width_in("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ 0123456789", size) / 47
    return textwrap.wrap(text, width=max(10, int(width_in / average_char_in)))


@lru_cache(maxsize=4096)
def text_width_in(text: str, size: float, weight: str = "normal") -> float:
    """How wide ``text`` is drawn, in inches, for laying out margins before drawing."""
    font = FontProperties(family=STYLE["font.sans-serif"], size=size, weight=weight)
    width, _, _ = text_to_path.get_text_width_height_descent(text, font, ismath=False)
    return width / 72
