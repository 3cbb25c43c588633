"""The visual timeline: every leaders' meeting and visit on a time axis, each linked.

Time runs left to right at a constant scale, so the long gaps (2002 to 2019)
show as gaps. Each event is a bar as long as the time its date could cover: a
dot-sized bar for a known day, a month-long bar for a month, a year-long bar
when the sources give only the year. Meetings between Russia's and North
Korea's leaders sit in the upper band, others in the record in the lower one;
planned events are outlined, not filled. Bar and label link to the event page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from matplotlib.patches import Rectangle
from matplotlib.ticker import MultipleLocator

from briefing.dataset import Dataset
from briefing.model import Event
from visuals.dates import short_date, year_extent
from visuals.layout import FIGURE_WIDTH_IN, TextBlock
from visuals.selection import EventLinks, is_russia_north_korea, meetings_and_visits, participants_named
from visuals.svg import INK, PALETTE, book_style, new_figure, save_svg
from visuals.text import text_width_in

WIDTH_IN = FIGURE_WIDTH_IN
LANE_IN = 0.46          # one event: a name line and a date line
LABEL_SIZE = 8.5
MIN_BAR_YEARS = 0.15    # a single day still gets a visible, clickable mark
LABEL_OFFSET_YEARS = 0.12   # between a bar and its label
SEPARATION_YEARS = 0.5      # between one label and the next mark in a lane
BANDS = (
    (True, "Between Russia's and North Korea's leaders", PALETTE["blue"]),
    (False, "Other leaders' meetings and visits in the record", PALETTE["orange"]),
)


@dataclass(frozen=True)
class Mark:
    """One event as drawn: its bar (in years), its label lines, its lane and side."""

    event: Event
    start: float
    end: float
    lines: tuple[str, str]
    lane: int = 0
    label_left: bool = False


def render_timeline(dataset: Dataset, out_path: Path, link_prefix: str = "events/",
                    link_suffix: str = "/") -> Path:
    """Write the timeline SVG; marks link to ``<link_prefix><event id><link_suffix>``."""
    links = EventLinks(link_prefix, link_suffix)
    events = meetings_and_visits(dataset)
    first, last = _axis_years(events)
    scale = (WIDTH_IN - 0.3) / (last - first)  # inches per year
    bands = [(title, colour, _pack(_marks(dataset, [e for e in events if is_russia_north_korea(e) == ours]),
                                   first, last, scale))
             for ours, title, colour in BANDS]
    with book_style():
        figure = _draw(bands, first, last, links)
        description = _description(dataset, events)
        title = "Timeline of leaders' meetings and visits"
        return save_svg(figure, out_path, title, description, "timeline", role="group")


def _axis_years(events: list[Event]) -> tuple[float, float]:
    """Whole years from the year before the first event to the year after the last."""
    extents = [year_extent(event.date) for event in events]
    return float(int(min(start for start, _ in extents)) - 1), float(int(max(end for _, end in extents)) + 1)


def _marks(dataset: Dataset, events: list[Event]) -> list[Mark]:
    """Bars and two-line labels: where and who (or the title), then when (and "planned")."""
    places = dataset.kind("places")
    marks = []
    for event in events:
        start, end = year_extent(event.date)
        if end - start < MIN_BAR_YEARS:
            middle = (start + end) / 2
            start, end = middle - MIN_BAR_YEARS / 2, middle + MIN_BAR_YEARS / 2
        who = ", ".join(participants_named(dataset, event))
        # "Place · who" says most in a line; without both, the event's own title does.
        what = f"{places[event.place].name} · {who}" if event.place in places and who else event.title
        when = short_date(event.date) + (" · planned" if event.status == "planned" else "")
        marks.append(Mark(event, start, end, (what, when)))
    return marks


def _pack(marks: list[Mark], first: float, last: float, scale: float) -> list[Mark]:
    """Give each mark the first lane where its bar and label overlap nothing.

    Labels go right of the bar, or left of it when they would run off the axis.
    """
    lanes: list[_Lane] = []
    packed = []
    for mark in marks:
        label_years = max(text_width_in(line, LABEL_SIZE) for line in mark.lines) / scale + LABEL_OFFSET_YEARS
        label_left = mark.end + label_years > last
        span = (mark.start - label_years, mark.end) if label_left else (mark.start, mark.end + label_years)
        lane = next((number for number, taken in enumerate(lanes) if taken.fits(span)), len(lanes))
        if lane == len(lanes):
            lanes.append(_Lane())
        lanes[lane].add(span)
        packed.append(Mark(mark.event, mark.start, mark.end, mark.lines, lane, label_left))
    return packed


class _Lane:
    """The spans (bar and label, in years) one lane of the timeline holds."""

    def __init__(self) -> None:
        self.spans: list[tuple[float, float]] = []
        self.right = float("-inf")  # where the rightmost span ends

    def fits(self, span: tuple[float, float]) -> bool:
        """Clear of every span here by SEPARATION_YEARS.

        Marks come in date order, so most start right of all a lane holds:
        that is one comparison, not one per span (thousands at scale).
        """
        if span[0] > self.right + SEPARATION_YEARS:
            return True
        return all(span[1] + SEPARATION_YEARS < other[0] or span[0] > other[1] + SEPARATION_YEARS
                   for other in self.spans)

    def add(self, span: tuple[float, float]) -> None:
        self.spans.append(span)
        self.right = max(self.right, span[1])


def _draw(bands, first: float, last: float, links: EventLinks):
    """Band headings, then lanes of marks, then the shared year axis at the foot."""
    heading_in = 0.32
    lanes_in = [(max((mark.lane for mark in marks), default=-1) + 1) * LANE_IN for _, _, marks in bands]
    caption = _caption()
    height = sum(lanes_in) + heading_in * len(bands) + 0.45 + caption.height_in + 0.15
    figure = new_figure(WIDTH_IN, height)
    axes = figure.add_axes([0.15 / WIDTH_IN, (caption.height_in + 0.5) / height,
                            (WIDTH_IN - 0.3) / WIDTH_IN, (height - caption.height_in - 0.55) / height])
    top = sum(lanes_in) + heading_in * len(bands)  # axes y runs in inches, 0 at the axis
    axes.set_ylim(0, top)
    for (title, colour, marks), band_in in zip(bands, lanes_in):
        axes.text(first + 0.05, top - heading_in * 0.45, title, fontsize=10, fontweight="bold", va="center")
        for mark in marks:
            _draw_mark(axes, mark, top - heading_in - (mark.lane + 0.5) * LANE_IN, colour, links)
        top -= heading_in + band_in
    _draw_axis(axes, first, last)
    caption.draw(figure, height - caption.height_in - 0.1)
    return figure


def _draw_mark(axes, mark: Mark, y: float, colour: str, links: EventLinks) -> None:
    """A bar, filled if held and outlined if planned, and its linked label."""
    url = links(mark.event.id)
    planned = mark.event.status == "planned"
    bar = Rectangle((mark.start, y - 0.07), mark.end - mark.start, 0.14,
                    facecolor="none" if planned else colour, edgecolor=colour,
                    linewidth=1.2, linestyle=(0, (2, 1.5)) if planned else "-")
    bar.set_url(url)
    axes.add_patch(bar)
    x, align = ((mark.start - LABEL_OFFSET_YEARS, "right") if mark.label_left
                else (mark.end + LABEL_OFFSET_YEARS, "left"))
    axes.text(x, y + 0.02, mark.lines[0], fontsize=LABEL_SIZE, ha=align, va="bottom", url=url)
    axes.text(x, y - 0.02, mark.lines[1], fontsize=LABEL_SIZE - 0.5, ha=align, va="top", url=url, alpha=0.75)


def _draw_axis(axes, first: float, last: float) -> None:
    """Years along the foot, a faint line per year, no frame."""
    axes.set_xlim(first, last)
    axes.xaxis.set_major_locator(MultipleLocator(5 if last - first > 12 else 1))
    axes.xaxis.set_minor_locator(MultipleLocator(1))
    axes.xaxis.set_major_formatter(lambda value, _: f"{int(value)}")
    axes.grid(axis="x", which="both", color=INK, alpha=0.08, linewidth=0.8)
    axes.grid(axis="x", which="major", color=INK, alpha=0.18, linewidth=0.8)
    axes.set_yticks([])
    for side in ("left", "right", "top"):
        axes.spines[side].set_visible(False)


def _caption() -> TextBlock:
    caption = TextBlock(WIDTH_IN - 0.1, 0.05)
    # What a mouse can do is said on the page (docs/timeline.md), where paper leaves it out.
    caption.add("Each bar spans the time its date could cover: a day, a month, or a whole year when "
                "the sources give only the year. Filled: held. Outlined: planned at the time of the report.",
                8.5, alpha=0.7)
    return caption


def _description(dataset: Dataset, events: list[Event]) -> str:
    """Every mark in words, in date order, for screen readers and text search."""
    items = []
    for event in events:
        band = "Russia–North Korea" if is_russia_north_korea(event) else "other"
        status = ", planned" if event.status == "planned" else ""
        items.append(f"{short_date(event.date)}: {event.title} ({band}{status})")
    return "Timeline of leaders' meetings and visits, oldest first. " + "; ".join(items) + "."
