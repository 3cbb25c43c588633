"""Reading the HTML the renderer writes, as a browser would: a small element tree.

``parse(html)`` returns the root ``Node`` of a fragment. Text comes out with
entities decoded and blanks collapsed, as a reader sees it; the heading
permalinks ("¶", shown on hover) are left out of it. Helpers pick out what the
tests look for: elements by tag, id or class, a page's sections (the elements
between one ``<h2>`` and the next), table rows, links, footnotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements with no end tag.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Data text written to do harm, as Markdown, HTML, attributes, Jinja or script links.
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JavaScript :alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click][1]\n\n[1]: vbscript:msgbox(1)",
    "[click](data:text/html;base64,PHNjcmlwdD4=)",
    "Sign { onclick=alert(1) }",
    "{{ 7 * 7 }} and {% if true %}x{% endif %}",
    "Fish & chips <b>bold</b>",
    "javascript:alert(1)",
    " \tJaVaScRiPt:alert(1)",
    'x" onmouseover="alert(1)',
]
# URL schemes that would run a script if a link used them.
SCRIPT_SCHEMES = {"javascript", "vbscript", "data"}

_C0_AND_SPACE = "".join(map(chr, range(0x21)))


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def iter(self):
        """This element and every element inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, class_: str | None = None, **attrs: str) -> list[Node]:
        """Elements inside this one (not itself) with the tag, class and attribute values given."""
        return [node for node in list(self.iter())[1:]
                if (tag is None or node.tag == tag) and (class_ is None or class_ in node.classes)
                and all(node.attrs.get(name) == value for name, value in attrs.items())]

    def find(self, tag: str | None = None, class_: str | None = None, **attrs: str) -> Node:
        """The first such element; fails the test if there is none."""
        found = self.find_all(tag, class_, **attrs)
        assert found, f"no <{tag or '*'}> with class {class_!r} and {attrs} in {self.text[:200]!r}"
        return found[0]

    @property
    def text(self) -> str:
        """The text a reader sees: entities decoded, blanks (and line breaks) collapsed, no permalinks."""
        return " ".join(self._raw_text().split())

    def _raw_text(self) -> str:
        if "headerlink" in self.classes:
            return ""
        if self.tag == "br":
            return "\n"
        return "".join(child if isinstance(child, str) else child._raw_text() for child in self.children)

    @property
    def links(self) -> list[tuple[str, str]]:
        """(href, text) of every link inside this element, in order."""
        return [(node.attrs["href"], node.text) for node in self.find_all("a")
                if node.attrs.get("href") is not None and "headerlink" not in node.classes]

    @property
    def elements(self) -> list[tuple[str, tuple[str, ...]]]:
        """Every element inside as (tag, attribute names): the page's structure without its text."""
        return [(node.tag, tuple(sorted(node.attrs))) for node in list(self.iter())[1:]]

    @property
    def top(self) -> list[Node]:
        """The elements directly inside this one."""
        return [child for child in self.children if isinstance(child, Node)]


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self._open = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self._open[-1].children.append(node)
        if tag not in VOID:
            self._open.append(node)

    def handle_startendtag(self, tag, attrs):
        self._open[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag):
        # Close up to the matching open element; a stray end tag is ignored, as browsers do.
        for depth in range(len(self._open) - 1, 0, -1):
            if self._open[depth].tag == tag:
                del self._open[depth:]
                return

    def handle_data(self, data):
        self._open[-1].children.append(data)


def parse(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(str(html))
    builder.close()
    return builder.root


def headings(root: Node, level: int = 2) -> list[str]:
    """The text of every heading of one level, in order."""
    return [node.text for node in root.find_all(f"h{level}")]


def section(root: Node, title: str, level: int = 2) -> Node:
    """The elements after the heading ``title`` up to the next heading of its level or higher."""
    stops = {f"h{n}" for n in range(1, level + 1)}
    collected: list[Node | str] = []
    inside = False
    for child in root.children:
        if isinstance(child, Node) and child.tag in stops:
            if inside:
                break
            inside = child.tag == f"h{level}" and child.text == title
            continue
        if inside:
            collected.append(child)
    assert inside, f"no <h{level}> {title!r}: {headings(root, level)}"
    return Node("#section", children=collected)


def rows(table: Node) -> list[list[str]]:
    """The text of each body cell, row by row."""
    return [[cell.text for cell in row.find_all("td")] for row in table.find("tbody").find_all("tr")]


def header(table: Node) -> list[str]:
    return [cell.text for cell in table.find("thead").find_all("th")]


def footnote_refs(root: Node) -> list[tuple[str, str]]:
    """(id of the reference, footnote it points at) for every footnote reference."""
    return [(sup.attrs["id"], sup.find("a", class_="footnote-ref").attrs["href"])
            for sup in root.find_all("sup") if sup.find_all("a", class_="footnote-ref")]


def scheme(href: str) -> str:
    """The scheme a browser would find in an href (after dropping tabs and newlines)."""
    url = re.sub(r"[\t\n\r]", "", href).lstrip(_C0_AND_SPACE)
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    return match.group(1).lower() if match else ""
