"""Matplotlib figures saved as accessible, theme-following, deterministic SVG.

Every visual of the book goes through ``new_figure`` and ``save_svg`` so that
they share one look and one set of guarantees:

- text stays text (``svg.fonttype: none``): searchable, selectable, sharp in
  the PDF, and read by screen readers;
- "ink" (text, axes, outlines) is drawn in ``INK``, a sentinel colour that
  ``save_svg`` turns into CSS ``currentColor``: inlined in a page, the SVG
  takes the page's text colour, so it follows Material's light and dark
  schemes; data colours come from ``PALETTE``, which keeps at least 3:1
  contrast on both the light (white) and the dark (slate) background;
- the background is transparent;
- ``<title>`` and ``<desc>`` come first: the title is the root's short name
  (``aria-labelledby``), the description its long description, read once;
- a mark linked to the same page as a label (a map marker beside its event's
  line) is left to the pointer: the label is the link a keyboard or a screen
  reader reaches, so no link is nameless and none comes twice;
- ids are prefixed per visual (several SVGs inlined in one page must not
  share an id) and the file is byte-for-byte the same on every build.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib

matplotlib.use("svg")  # headless and vector-only; no display, no raster backend

import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
from matplotlib.figure import Figure  # noqa: E402

from visuals.fonts import use_fonts_in_memory  # noqa: E402

use_fonts_in_memory()  # text layout without a system call per glyph (see visuals/fonts.py)

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"

# A colour nothing else uses, replaced by currentColor on save.
INK = "#010101"
# Data colours: >= 3:1 contrast on white and on Material's slate (#1e2029).
PALETTE = {
    "blue": "#4a7fd0",
    "orange": "#d9622b",
    "purple": "#8e6cc9",
    "teal": "#1f9e89",
}

# The style every visual shares; applied per figure, never globally.
STYLE = {
    "svg.fonttype": "none",
    "svg.hashsalt": "briefing-book",  # stable clip-path and marker ids
    "font.family": ["sans-serif"],
    "font.sans-serif": ["DejaVu Sans"],  # ships with Matplotlib: the metrics layout uses
    "font.size": 10,
    "text.color": INK,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "axes.titlecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "hatch.color": PALETTE["blue"],  # hatching marks an inexact bar, in the bar's colour
    "axes.facecolor": "none",
    "figure.facecolor": "none",
    "savefig.facecolor": "none",
    "savefig.transparent": True,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "path.simplify": True,
}

_REFERENCE = re.compile(r"url\(#([^)]+)\)")
_DECIMAL = re.compile(r"-?\d+\.\d+")


def book_style():
    """The book's Matplotlib settings, for the whole drawing of one visual.

    A context, not a global change: artists read rcParams when they are made,
    so a visual is drawn *and* saved inside ``with book_style():``.
    """
    return plt.rc_context(STYLE)


def new_figure(width_in: float, height_in: float) -> Figure:
    """An empty figure (sizes in inches, 72 SVG points each), not registered with pyplot."""
    return Figure(figsize=(width_in, height_in))


def save_svg(figure: Figure, path: Path, title: str, description: str, id_prefix: str,
             role: str = "img") -> Path:
    """Write ``figure`` to ``path`` as the book's SVG, named and described for screen readers.

    ``role="img"`` makes a chart one image to assistive technology; visuals whose
    marks are links (timeline, map) pass ``role="group"`` so the links stay reachable.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with book_style():
        figure.savefig(path, format="svg", metadata={"Date": None, "Creator": None})
    root = ET.fromstring(path.read_text("utf-8").replace(INK, "currentColor"))
    _remove_metadata(root)
    _round_paths(root)
    _text_fill_opacity(root)
    _plain_hrefs(root)
    _hide_unnamed_twin_links(root)
    _prefix_ids(root, id_prefix)
    _add_title_and_description(root, title, description, id_prefix, role)
    path.write_text("<?xml version='1.0' encoding='utf-8'?>\n" + _serialise(root), encoding="utf-8")
    return path


def inline_markup(path: Path) -> str:
    """The SVG as markup to put straight into a page (no XML declaration).

    Inlined, its links work and its ink follows the page's text colour; an
    ``<img>`` would do neither.
    """
    return _serialise(ET.parse(path).getroot())


def _serialise(root: ET.Element) -> str:
    """``<svg xmlns="...">`` markup, whatever prefixes other code registered with ElementTree.

    ``ET.register_namespace`` is global: a library that registers another default
    namespace (WeasyPrint does, for PDF metadata) would turn ``<svg>`` into
    ``<ns0:svg>``, which no HTML parser treats as SVG. So the tags are written
    unqualified, with the SVG namespace declared as a plain attribute.
    """
    for element in root.iter():
        element.tag = element.tag.removeprefix(f"{{{SVG_NS}}}")
    attributes = {"xmlns": SVG_NS, **root.attrib}
    root.attrib.clear()
    root.attrib.update(attributes)
    return ET.tostring(root, encoding="unicode")


def _text_fill_opacity(root: ET.Element) -> None:
    """Muted text as ``fill-opacity``, which looks the same as Matplotlib's ``opacity``.

    WeasyPrint draws an element with ``opacity`` in a group bounded at its x
    position, which cuts off right-aligned (``text-anchor: end``) text in the PDF.
    """
    for element in root.iter(f"{{{SVG_NS}}}text"):
        style = element.get("style", "")
        if "opacity:" in style and "fill-opacity:" not in style:
            element.set("style", style.replace("opacity:", "fill-opacity:"))


def _plain_hrefs(root: ET.Element) -> None:
    # SVG 2's plain href: browsers, WeasyPrint and CairoSVG read it, and it needs no xlink prefix.
    for element in root.iter():
        if XLINK_HREF in element.attrib:
            element.set("href", element.attrib.pop(XLINK_HREF))


def _hide_unnamed_twin_links(root: ET.Element) -> None:
    """Out of the tab order and the accessibility tree: each link with no text whose page a named link opens."""
    links = list(root.iter(f"{{{SVG_NS}}}a"))
    named = {link.get("href") for link in links if "".join(link.itertext()).strip()}
    for link in links:
        if not "".join(link.itertext()).strip() and link.get("href") in named:
            link.set("aria-hidden", "true")
            link.set("tabindex", "-1")


def _remove_metadata(root: ET.Element) -> None:
    # Matplotlib's RDF block names only the tool; it adds bytes and nothing for readers.
    for metadata in root.findall(f"{{{SVG_NS}}}metadata"):
        root.remove(metadata)


def _round_paths(root: ET.Element) -> None:
    """Path coordinates to a tenth of a point: invisible on screen and paper, a third smaller."""
    for element in root.iter(f"{{{SVG_NS}}}path"):
        if "d" in element.attrib:
            element.set("d", _DECIMAL.sub(_tenth, element.get("d")))


def _tenth(match: re.Match) -> str:
    text = f"{float(match.group()):.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


def _prefix_ids(root: ET.Element, prefix: str) -> None:
    """Keep only the ids something refers to, each prefixed so that pages stay valid."""
    referenced = {name for element in root.iter() for name in _references(element)}
    for element in root.iter():
        element_id = element.get("id")
        if element_id is None:
            continue
        if element_id in referenced:
            element.set("id", f"{prefix}-{element_id}")
        else:
            del element.attrib["id"]
    for element in root.iter():
        for attribute, value in element.attrib.items():
            if value.startswith("#") and value[1:] in referenced:
                element.set(attribute, f"#{prefix}-{value[1:]}")
            elif "url(#" in value:
                element.set(attribute, _REFERENCE.sub(lambda match: f"url(#{prefix}-{match.group(1)})", value))


def _references(element: ET.Element) -> list[str]:
    # Ids used as href="#id" (markers via <use>) or url(#id) (clip paths).
    names = []
    for value in element.attrib.values():
        if value.startswith("#"):
            names.append(value[1:])
        names.extend(_REFERENCE.findall(value))
    return names


def _add_title_and_description(root: ET.Element, title: str, description: str, prefix: str,
                               role: str) -> None:
    """<title> and <desc> first, named by the root, and a class for the page to style."""
    title_element = ET.Element(f"{{{SVG_NS}}}title", id=f"{prefix}-title")
    title_element.text = title
    desc_element = ET.Element(f"{{{SVG_NS}}}desc", id=f"{prefix}-desc")
    desc_element.text = description
    root.insert(0, desc_element)
    root.insert(0, title_element)
    root.set("role", role)
    # Named by the title alone: the description, as long as the data, is read as the description.
    root.set("aria-labelledby", f"{prefix}-title")
    root.set("aria-describedby", f"{prefix}-desc")
    # The page's stylesheet sizes it (svg.book-visual { max-width: 100%; height: auto }):
    # an inline style here would also apply in WeasyPrint, which then gives each SVG a page.
    root.set("class", "book-visual")
