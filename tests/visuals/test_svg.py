"""The shared SVG conventions (visuals/svg.py): accessible, theme-following, inlinable, reproducible."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from visuals.svg import INK, PALETTE, book_style, inline_markup, new_figure, save_svg

SVG = "{http://www.w3.org/2000/svg}"


def _draw(path, title="A title", description="A description"):
    with book_style():
        figure = new_figure(3, 2)
        axes = figure.add_axes([0.2, 0.2, 0.7, 0.7])
        axes.bar([0, 1], [3, 4], color=PALETTE["blue"], hatch="//")
        axes.set_title("Heading text")
        axes.text(0, 1, "a link", url="events/x/")
        return save_svg(figure, path, title, description, "sample")


def test_title_and_description_come_first_the_title_names_the_image_the_description_describes_it(
        tmp_path, parse_svg):
    root = parse_svg(_draw(tmp_path / "a.svg"))
    assert [child.tag for child in root[:2]] == [f"{SVG}title", f"{SVG}desc"]
    assert (root[0].text, root[1].text) == ("A title", "A description")
    # The name is short and the description is not read a second time as part of it.
    assert root.get("aria-labelledby") == "sample-title"
    assert root.get("aria-describedby") == "sample-desc"
    assert root.get("role") == "img"


def test_text_stays_text(tmp_path, svg_text, parse_svg):
    assert "Heading text" in svg_text(parse_svg(_draw(tmp_path / "a.svg")))


def test_ink_becomes_current_color_and_the_background_is_transparent(tmp_path):
    markup = _draw(tmp_path / "a.svg").read_text("utf-8")
    assert INK not in markup
    assert "currentColor" in markup
    # Matplotlib's white figure and axes backgrounds must not be drawn.
    assert not re.search(r"fill:\s*#ffffff", markup)


def test_every_id_is_prefixed_and_every_reference_resolves(tmp_path, parse_svg):
    root = parse_svg(_draw(tmp_path / "a.svg"))
    ids = {element.get("id") for element in root.iter() if element.get("id")}
    assert ids and all(element_id.startswith("sample-") for element_id in ids)
    markup = (tmp_path / "a.svg").read_text("utf-8")
    references = set(re.findall(r"url\(#([^)]+)\)", markup)) | set(re.findall(r'href="#([^"]+)"', markup))
    assert references and references <= ids


def test_the_same_figure_gives_the_same_bytes(tmp_path):
    assert _draw(tmp_path / "a.svg").read_bytes() == _draw(tmp_path / "b.svg").read_bytes()


def test_inline_markup_has_no_xml_declaration_and_keeps_its_links(tmp_path):
    markup = inline_markup(_draw(tmp_path / "a.svg"))
    assert markup.startswith('<svg xmlns="http://www.w3.org/2000/svg" ')
    assert '<a href="events/x/">' in markup
    assert "xlink" not in markup


def test_a_mark_linked_like_a_label_is_left_to_the_pointer_and_a_mark_linked_alone_is_kept(tmp_path, parse_svg):
    with book_style():
        figure = new_figure(3, 2)
        axes = figure.add_axes([0.2, 0.2, 0.7, 0.7])
        axes.scatter([0], [0]).set_urls(["events/x/"])
        axes.scatter([1], [1]).set_urls(["events/y/"])
        axes.text(0, 1, "the label of x", url="events/x/")
        root = parse_svg(save_svg(figure, tmp_path / "a.svg", "A title", "A description", "sample", role="group"))
    links = {(link.get("href"), "".join(link.itertext()).strip(), link.get("aria-hidden"), link.get("tabindex"))
             for link in root.iter(f"{SVG}a")}
    assert links == {("events/x/", "", "true", "-1"), ("events/x/", "the label of x", None, None),
                     ("events/y/", "", None, None)}


def test_markup_does_not_depend_on_prefixes_registered_elsewhere(tmp_path):
    # WeasyPrint registers namespaces globally; an HTML parser only knows <svg>, not <ns0:svg>.
    ET.register_namespace("", "http://www.w3.org/1999/xhtml")
    try:
        markup = inline_markup(_draw(tmp_path / "a.svg"))
    finally:
        ET._namespace_map.pop("http://www.w3.org/1999/xhtml", None)
    assert markup.startswith('<svg xmlns="http://www.w3.org/2000/svg" ') and "ns0:" not in markup


def test_path_coordinates_are_rounded_to_a_tenth(tmp_path, parse_svg):
    root = parse_svg(_draw(tmp_path / "a.svg"))
    numbers = [number for path in root.iter(f"{SVG}path") for number in re.findall(r"\d+\.\d+", path.get("d", ""))]
    assert numbers and all(len(number.split(".")[1]) == 1 for number in numbers)
