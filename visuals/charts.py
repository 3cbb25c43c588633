"""Statistics as charts: one SVG per series, and one figure card per lone statistic.

Statistics that share a ``series:`` and measure the same thing (the same unit,
or the same currency at another scale, "million" vs "billion US dollars") are
drawn as one bar chart. A series whose figures measure different things (tons
and containers) and a statistic on its own become *figure cards*: each figure
large, with its unit, label and period, and no axis that would invite a false
comparison. Every SVG carries the source and who asserts each figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.dataset import Dataset
from briefing.model import Statistic
from visuals.dates import short_date
from visuals.layout import FIGURE_WIDTH_IN, TextBlock
from visuals.svg import INK, PALETTE, book_style, new_figure, save_svg
from visuals.text import asserted_line, format_number, format_value, source_line, text_width_in

WIDTH_IN = FIGURE_WIDTH_IN
BAR_HEIGHT_IN = 0.42
MUTED = 0.7             # opacity of secondary text (currentColor at 70 %)
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Words left dangling at the end of a shared label prefix ("... meetings with").
_DANGLING = {"with", "in", "at", "of", "to", "for", "from", "and", "on", "by", "the"}


@dataclass(frozen=True)
class ChartGroup:
    """The statistics one SVG shows: a whole series, or one statistic on its own."""

    key: str
    statistics: tuple[Statistic, ...]


def render_statistic_charts(dataset: Dataset, out_dir: Path) -> dict[str, Path]:
    """Write ``<key>.svg`` for every series (key: series id) and lone statistic (key: its id)."""
    with book_style():
        return {group.key: _render_group(dataset, group, out_dir / f"{group.key}.svg")
                for group in chart_groups(dataset)}


def chart_groups(dataset: Dataset) -> list[ChartGroup]:
    """Series first by series id, then lone statistics by id: a stable order for pages."""
    series: dict[str, list[Statistic]] = {}
    alone: list[Statistic] = []
    for statistic in sorted(dataset.kind("statistics").values(), key=lambda item: item.id):
        if statistic.series:
            series.setdefault(statistic.series, []).append(statistic)
        else:
            alone.append(statistic)
    groups = [ChartGroup(key, tuple(members)) for key, members in sorted(series.items())]
    return groups + [ChartGroup(statistic.id, (statistic,)) for statistic in alone]


def _render_group(dataset: Dataset, group: ChartGroup, path: Path) -> Path:
    # Comparable figures share an axis; anything else is shown figure by figure.
    if len(group.statistics) > 1 and common_scale(group.statistics):
        return _render_bars(dataset, group, path)
    return _render_cards(dataset, group, path)


# --- Titles and units --------------------------------------------------------------


def series_title(statistics: tuple[Statistic, ...]) -> tuple[str, list[str]]:
    """A title from what the labels share, and what sets each label apart.

    "Kim Jong Un's meetings with X since March 2018" for several X gives the
    title "Kim Jong Un's meetings since March 2018" and the bar labels X. With
    nothing shared, the title is the series id in words and labels stay whole.
    """
    words = [statistic.label.split() for statistic in statistics]
    prefix = _common_prefix(words)
    suffix = _common_prefix([list(reversed(item[len(prefix):])) for item in words])[::-1]
    middles = [" ".join(item[len(prefix):len(item) - len(suffix)]) for item in words]
    while prefix and prefix[-1].lower() in _DANGLING:
        prefix = prefix[:-1]
    if len(statistics) < 2 or len(prefix) < 2 or not all(middles):
        labels = [statistic.label for statistic in statistics]
        return _words_of_id(statistics[0].series or statistics[0].id, labels), labels
    return _capitalised(" ".join(prefix + suffix)), [_capitalised(middle) for middle in middles]


def _common_prefix(word_lists: list[list[str]]) -> list[str]:
    shared: list[str] = []
    for column in zip(*word_lists):
        if any(word != column[0] for word in column):
            break
        shared.append(column[0])
    return shared


def _words_of_id(identifier: str, labels: list[str]) -> str:
    """"north-korean-munitions-to-russia" -> "North Korean munitions to Russia".

    A word is capitalised when the labels capitalise it (or its stem) mid-sentence,
    which catches names without a dictionary of them.
    """
    names = {word.casefold() for label in labels for word in label.split()[1:] if word[:1].isupper()}
    words = [word.capitalize() if any(_same_stem(word, name) for name in names) else word
             for word in identifier.split("-")]
    return _capitalised(" ".join(words))


def _same_stem(word: str, name: str) -> bool:
    # "korean" and "korea" are one name; short words ("us", "to") must match exactly.
    if len(word) < 4 or len(name) < 4:
        return word == name
    return word.startswith(name) or name.startswith(word)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def common_scale(statistics: tuple[Statistic, ...]) -> tuple[str, list[float]] | None:
    """The unit one axis can show them all in, and each value in it; None if incomparable.

    "50 million US dollars" and "1 billion US dollars" share "US dollars" and are
    drawn in millions (the smaller scale); "tons" and "containers" share nothing.
    """
    scaled = [_split_scale(statistic.unit) for statistic in statistics]
    if len({base for _, base in scaled}) != 1:
        return None
    smallest = min(scaled, key=lambda item: SCALES.get(item[0], 1))[0]
    factor = SCALES.get(smallest, 1)
    values = [statistic.value * SCALES.get(scale, 1) / factor for statistic, (scale, _) in zip(statistics, scaled)]
    return " ".join(part for part in (smallest, scaled[0][1]) if part), values


def _split_scale(unit: str) -> tuple[str, str]:
    first, _, rest = unit.partition(" ")
    return (first, rest) if first in SCALES and rest else ("", unit)


# --- Bar charts ------------------------------------------------------------------------


def _render_bars(dataset: Dataset, group: ChartGroup, path: Path) -> Path:
    """Horizontal bars on one axis; bounds and estimates hatched and said in words."""
    statistics = _chart_order(group.statistics)
    title, labels = series_title(statistics)
    unit, values = common_scale(statistics)
    subtitle, labels = _period_text(statistics, labels)
    header = TextBlock(WIDTH_IN - 0.1, 0.05).add(title, 13, weight="bold")
    if subtitle:
        header.add(subtitle, 9.5, alpha=MUTED)
    caption = _caption(dataset, statistics)
    label_width = max(text_width_in(line, 10) for label in labels for line in label.split("\n")) + 0.2
    value_width = max(text_width_in(format_value(s), 9.5) for s in statistics) + 0.25
    plot_height = len(statistics) * BAR_HEIGHT_IN
    height = header.height_in + 0.25 + plot_height + 0.6 + caption.height_in + 0.1
    figure = new_figure(WIDTH_IN, height)
    header.draw(figure, 0.05)
    caption.draw(figure, height - caption.height_in - 0.1)
    axes = figure.add_axes([label_width / WIDTH_IN, (caption.height_in + 0.1 + 0.6) / height,
                            (WIDTH_IN - label_width - value_width) / WIDTH_IN, plot_height / height])
    _draw_bars(axes, statistics, labels, values, unit)
    description = _bars_description(title, subtitle, statistics, labels, caption)
    return save_svg(figure, path, title, description, f"chart-{group.key}")


def _chart_order(statistics: tuple[Statistic, ...]) -> tuple[Statistic, ...]:
    """Oldest first when every figure has its own date; otherwise largest first."""
    starts = [statistic.period.start if statistic.period else None for statistic in statistics]
    if None not in starts and len(set(starts)) == len(starts):
        return tuple(sorted(statistics, key=lambda statistic: statistic.period.start))
    _, values = common_scale(statistics)
    ranked = sorted(zip(values, range(len(statistics))), key=lambda pair: (-pair[0], pair[1]))
    return tuple(statistics[position] for _, position in ranked)


def _period_text(statistics: tuple[Statistic, ...], labels: list[str]) -> tuple[str, list[str]]:
    """One shared period as a subtitle; different periods under each bar's label."""
    periods = {(short_date(s.period) if s.period else None, s.period_note) for s in statistics}
    if len(periods) == 1:
        date, note = periods.pop()
        return " · ".join(part for part in (date, note) if part), labels
    dates = [short_date(s.period) if s.period else "no date given" for s in statistics]
    # A label that already names its date ("In 1999") needs no second line.
    return "", [label if date in label else f"{label}\n{date}" for label, date in zip(labels, dates)]


def _draw_bars(axes, statistics, labels: list[str], values: list[float], unit: str) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    positions = list(range(len(statistics)))[::-1]  # first statistic at the top
    for position, statistic, value in zip(positions, statistics, values):
        exact = statistic.qualifier == "exactly"
        # A bound or an estimate is hatched, so the bar's end does not read as exact.
        axes.barh(position, value, height=0.62, color=PALETTE["blue"] if exact else PALETTE["blue"] + "55",
                  edgecolor=PALETTE["blue"], hatch=None if exact else "///", linewidth=1)
        axes.annotate(format_value(statistic), (value, position), xytext=(5, 0), textcoords="offset points",
                      va="center", fontsize=9.5, annotation_clip=False)
    axes.set_yticks(positions, labels, fontsize=10)
    axes.set_xlim(0, max(values) * 1.02)
    axes.set_xlabel(unit, fontsize=9.5)
    axes.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=all(float(v).is_integer() for v in values)))
    axes.xaxis.set_major_formatter(FuncFormatter(lambda tick, _: format_number(tick)))
    axes.grid(axis="x", color=INK, alpha=0.18, linewidth=0.8)
    axes.set_axisbelow(True)
    axes.spines["left"].set_visible(False)
    axes.tick_params(axis="y", length=0)


def _bars_description(title, subtitle, statistics, labels, caption: TextBlock) -> str:
    """The chart in words, for screen readers: every bar's label and value."""
    bars = "; ".join(f"{label.replace(chr(10), ', ')}: {format_value(statistic)}"
                     for label, statistic in zip(labels, statistics))
    parts = [f"Bar chart: {title}.", subtitle, bars + ".", _caption_text(caption)]
    return " ".join(part for part in parts if part)


# --- Figure cards ----------------------------------------------------------------------


def _render_cards(dataset: Dataset, group: ChartGroup, path: Path) -> Path:
    """Each figure large with its unit, side by side: for figures no axis can compare."""
    statistics = group.statistics
    title = series_title(statistics)[0] if len(statistics) > 1 else statistics[0].label
    header = TextBlock(WIDTH_IN - 0.1, 0.05).add(title, 13, weight="bold")
    gutter = 0.3
    card_width = (WIDTH_IN - 0.1 - gutter * (len(statistics) - 1)) / len(statistics)
    cards = [_card(statistic, card_width, 0.05 + number * (card_width + gutter), len(statistics) > 1)
             for number, statistic in enumerate(statistics)]
    caption = _caption(dataset, statistics)
    cards_height = max(card.height_in for card in cards)
    height = header.height_in + 0.15 + cards_height + 0.2 + caption.height_in + 0.1
    figure = new_figure(WIDTH_IN, height)
    header.draw(figure, 0.05)
    for card in cards:
        card.draw(figure, 0.05 + header.height_in + 0.15)
    caption.draw(figure, height - caption.height_in - 0.1)
    description = " ".join([f"Figure card: {title}."] + [_card_text(s) for s in statistics] + [_caption_text(caption)])
    return save_svg(figure, path, title, description, f"chart-{group.key}")


def _card(statistic: Statistic, width_in: float, left_in: float, with_label: bool) -> TextBlock:
    """The figure (qualifier and number), its unit, its label and its period."""
    card = TextBlock(width_in, left_in)
    card.add(format_value(statistic, with_unit=False), 24, weight="bold", color=PALETTE["blue"])
    card.add(statistic.unit, 11)
    if with_label:
        card.gap(0.04).add(statistic.label, 10)
    period = short_date(statistic.period) if statistic.period else "no date given"
    card.gap(0.04).add(" · ".join(part for part in (period, statistic.period_note) if part), 9, alpha=MUTED)
    return card


def _card_text(statistic: Statistic) -> str:
    period = short_date(statistic.period) if statistic.period else "no date given"
    return f"{statistic.label}: {format_value(statistic)} ({period})."


# --- Captions --------------------------------------------------------------------------


def _caption(dataset: Dataset, statistics: tuple[Statistic, ...]) -> TextBlock:
    """Source, who asserts the figures, their caveats, and what hatching means."""
    caption = TextBlock(WIDTH_IN - 0.1, 0.05)
    style = {"alpha": MUTED}
    caption.add(source_line(dataset, [source for s in statistics for source in s.sources]), 8.5, **style)
    caption.add(asserted_line(statistics), 8.5, **style)
    for caveat in dict.fromkeys(caveat for statistic in statistics for caveat in statistic.caveats):
        caption.add(f"Note: {caveat}", 8.5, **style)
    if len(statistics) > 1 and common_scale(statistics) and any(s.qualifier != "exactly" for s in statistics):
        caption.add("Hatched bars: the source gives a bound or an estimate, not an exact figure.", 8.5, **style)
    return caption


def _caption_text(caption: TextBlock) -> str:
    """The caption's lines joined back into sentences, for the SVG's description."""
    return " ".join(line.text for line in caption.lines if line.text).replace("- ", "-")
