"""Text blocks placed top-down on a figure, measured in inches.

Titles, captions and figure tiles are laid out before drawing so that the
SVG's height fits its content exactly (no clipped caption, no empty band),
whatever the length of the labels in the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from matplotlib.figure import Figure

from visuals.svg import INK
from visuals.text import wrap

# Line height as a multiple of the font size, and points per inch.
LEADING = 1.3
POINTS = 72
# The width every figure is drawn at. A page shows it at the content column's width
# (688 px in a 1280 px window), so the smallest text, 8 pt, is 12 px there (legible,
# tests/site/test_accessibility.py); it also fits an A4 or Letter page.
FIGURE_WIDTH_IN = 6.3


@dataclass(frozen=True)
class Line:
    """One line of text: its words, size, weight, colour and opacity."""

    text: str
    size: float = 10
    weight: str = "normal"
    color: str = INK
    alpha: float = 1.0
    url: str | None = None

    @property
    def height_in(self) -> float:
        return self.size * LEADING / POINTS


@dataclass
class TextBlock:
    """Lines stacked from the top, wrapped to a width, at a left offset (inches)."""

    width_in: float
    left_in: float = 0.0
    lines: list[Line] = field(default_factory=list)

    def add(self, text: str, size: float = 10, **style) -> "TextBlock":
        """Wrap ``text`` to the block's width and append its lines."""
        for wrapped in wrap(text, self.width_in, size):
            self.lines.append(Line(wrapped, size, **style))
        return self

    def gap(self, inches: float) -> "TextBlock":
        """Vertical space, as an empty line of that height."""
        self.lines.append(Line("", size=inches * POINTS / LEADING))
        return self

    @property
    def height_in(self) -> float:
        return sum(line.height_in for line in self.lines)

    def draw(self, figure: Figure, top_in: float) -> float:
        """Draw the lines from ``top_in`` inches below the figure's top; return the bottom."""
        width_in, height_in = figure.get_size_inches()
        cursor = top_in
        for line in self.lines:
            cursor += line.height_in
            if line.text:
                figure.text(self.left_in / width_in, 1 - (cursor - line.size * 0.28 / POINTS) / height_in,
                            line.text, fontsize=line.size, fontweight=line.weight, color=line.color,
                            alpha=line.alpha, url=line.url, ha="left", va="baseline")
        return cursor
