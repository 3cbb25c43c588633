"""Read one YAML data file into plain values, remembering where each was written.

The model validates plain dicts and lists, but an editor needs the line and
column of a mistake. So a file is *composed* into YAML nodes (which carry their
position) by libyaml when it is installed, and the values are built from those
nodes here; the nodes are kept so that any error found later — by the model or
by the integrity checks — can be pointed at the key or value it is about.

Anything the data does not need is refused with a located ``YamlError`` rather
than accepted silently: duplicate keys (PyYAML would keep the last), tags other
than the plain scalar types, keys that are not plain names, aliases that loop or
explode. Timestamps stay text, because dates may be partial (``2019``,
``2019-04``) and the model validates them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from briefing import messages

# libyaml composes several times faster than pure Python; the site loads thousands of files.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
# The scalar types a record is written with; anything else (binary, timestamps, sets, ...) is refused.
SCALAR_TAGS = frozenset(_TAG + name for name in ("str", "int", "float", "bool", "null"))
_STR, _MAP, _SEQ = _TAG + "str", _TAG + "map", _TAG + "seq"
MAX_DEPTH = 32
# More values than any record holds: aliases expanding a small file without end.
MAX_NODES = 100_000
# libyaml reports a bad character's offset in UTF-8 bytes, PyYAML in characters.
_OFFSETS_IN_BYTES = _BaseLoader is not yaml.SafeLoader
# Scalars are built with PyYAML's own safe constructors, which keep no state between calls.
_SCALARS = SafeConstructor()


class _Loader(_BaseLoader):
    """The safe loader without the timestamp resolver: ``2019-04-25`` stays text.

    libyaml asks this Python method for the type of every scalar. Most values are
    prose starting with a letter that no implicit type (number, bool, null) can
    start with, so those are answered at once, without trying each pattern.
    """

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TAG + "timestamp"]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }
    _typed_first_characters = frozenset(yaml_implicit_resolvers)

    def resolve(self, kind: type[Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode and value and value[0] not in self._typed_first_characters:
            return _STR
        return super().resolve(kind, value, implicit)


@dataclass(frozen=True)
class YamlProblem:
    """One mistake in the YAML itself, 1-based like an editor's status bar."""

    line: int
    column: int
    message: str
    field: str = ""


class YamlError(Exception):
    """The file cannot be read as a record; ``problems`` says where and why."""

    def __init__(self, problems: list[YamlProblem]):
        self.problems = problems
        super().__init__("; ".join(f"{p.line}:{p.column}: {p.message}" for p in problems))


@dataclass(frozen=True)
class Location:
    """How far a path (a pydantic ``loc``) reaches into the document, and the nodes there.

    ``path`` is the part of the requested path that exists in the file: steps
    that do not (a missing key, pydantic's union member names) are left out.
    """

    path: tuple[str | int, ...]
    key: Node | None
    node: Node

    def value_position(self) -> tuple[int, int]:
        """Where the value starts; for an empty value, where its key is."""
        if self.key is not None and isinstance(self.node, ScalarNode) and self.node.value == "":
            return position(self.key)
        return position(self.node)

    def key_position(self) -> tuple[int, int]:
        """Where the key is written (the value's position for a list item)."""
        return position(self.key if self.key is not None else self.node)


@dataclass(frozen=True)
class Document:
    """One file's record as plain values, and the node tree it was built from."""

    value: dict
    root: MappingNode

    def locate(self, loc: Sequence[str | int]) -> Location:
        """Follow ``loc`` (field names and list indices) as far as the file goes."""
        key, node, found = None, self.root, []
        for step in loc:
            child = _child(node, step)
            if child is None:
                break
            (key, node), found = child, [*found, step]
        return Location(tuple(found), key, node)


def position(node: Node) -> tuple[int, int]:
    """A node's 1-based line and column."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def parse(data: bytes) -> Document:
    """Read one record from the bytes of a file; raise YamlError on any YAML mistake."""
    text = _decode(data)
    root = _compose(text)
    builder = _Builder()
    value = builder.build(root)
    if builder.refused:
        raise YamlError(builder.problems(root))
    return Document(value, root)


def _decode(data: bytes) -> str:
    """UTF-8 text (a UTF-8 byte-order mark is tolerated), or a located encoding problem."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlError([YamlProblem(1, 1, messages.UTF16)])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _byte_position(data, error.start)
        raise YamlError([YamlProblem(line, column, messages.not_utf8(data[error.start]))]) from None


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters) of a byte offset into UTF-8 data."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def _compose(text: str) -> MappingNode:
    """The document's root node, which must be a mapping: one record per file."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        raise YamlError([_syntax_problem(error, text)]) from None
    except ReaderError as error:
        encoded = text.encode("utf-8") if _OFFSETS_IN_BYTES else text[: error.position].encode("utf-8")
        offset = error.position if _OFFSETS_IN_BYTES else len(encoded)
        line, column = _byte_position(encoded, offset)
        raise YamlError([YamlProblem(line, column, messages.control_character(error.character))]) from None
    finally:
        loader.dispose()
    if root is None:
        raise YamlError([YamlProblem(1, 1, messages.EMPTY_FILE)])
    if not isinstance(root, MappingNode):
        raise YamlError([YamlProblem(*position(root), messages.not_a_record(_kind_of_node(root)))])
    return root


def _syntax_problem(error: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    """Turn libyaml's (or PyYAML's) wording into a located, plain-English problem."""
    problem_mark = error.problem_mark or error.context_mark
    marks = {"problem": problem_mark, "context": error.context_mark or problem_mark}
    character = _character_at(text, problem_mark)
    where, message = messages.yaml_syntax(error.problem or "", error.context or "", character)
    mark = marks[where]
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return YamlProblem(line, column, message.replace("{quote}", _character_at(text, mark)))


def _character_at(text: str, mark: yaml.Mark | None) -> str:
    """The character a mark points at ('' past the end), to name it in a message."""
    if mark is None:
        return ""
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column] if mark.column < len(line) else ""


def _kind_of_node(node: Node) -> str:
    if isinstance(node, SequenceNode):
        return "a list"
    return "a single value"


def _child(node: Node, step: str | int) -> tuple[Node | None, Node] | None:
    """The (key, value) nodes one step below ``node``, or None if the file has no such step."""
    if isinstance(node, MappingNode) and isinstance(step, str):
        return next(((key, value) for key, value in node.value if key.value == step), None)
    if isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return None, node.value[step]
    return None


class _Builder:
    """Builds plain values from nodes, collecting every problem instead of stopping at one.

    This runs for every value of every file, so it is kept lean: no path is carried
    down; the few nodes with a problem are found again afterwards to name their field.

    An alias (``*name``) is the very node its anchor marks, so each collection is
    built once and reused; an alias inside its own anchor would never end, and
    aliases of aliases can expand a small file enormously ("billion laughs"):
    both are refused.
    """

    def __init__(self) -> None:
        self.refused: list[tuple[Node, str]] = []
        self._built: dict[int, tuple[object, int]] = {}  # id(node) -> (value, values it expands to)
        self._building: set[int] = set()
        self._expanded = 0

    def build(self, node: Node, depth: int = 0) -> object:
        """The value of ``node``, ``depth`` levels below the top."""
        if node.__class__ is ScalarNode:
            return node.value if node.tag == _STR else self._build_scalar(node)
        if id(node) in self._built:
            return self._reuse(node)
        if id(node) in self._building:
            return self._refuse(node, messages.ALIAS_LOOP)
        if depth >= MAX_DEPTH:
            return self._refuse(node, messages.too_deep(MAX_DEPTH))
        if node.tag not in (_MAP, _SEQ):
            return self._refuse(node, messages.unknown_tag(node.tag))
        self._building.add(id(node))
        own_size = 1 + len(node.value)  # the collection and its items; nested ones add their own
        self._expanded += own_size
        before = self._expanded
        if node.__class__ is SequenceNode:
            value: object = [
                item.value if item.__class__ is ScalarNode and item.tag == _STR else self.build(item, depth + 1)
                for item in node.value
            ]
        else:
            value = self._build_mapping(node, depth)
        self._building.discard(id(node))
        self._built[id(node)] = (value, own_size + self._expanded - before)
        return value

    def _reuse(self, node: Node) -> object:
        """An alias: the anchor's value again, counted at its full size."""
        value, size = self._built[id(node)]
        self._expanded += size
        if self._expanded > MAX_NODES:  # said once, at the alias that went over the limit
            return self._refuse(node, messages.too_big(MAX_NODES)) if self._expanded - size <= MAX_NODES else None
        return value

    def _build_mapping(self, node: MappingNode, depth: int) -> dict:
        """Keys are the names as written; a repeated key is a problem, not an overwrite."""
        mapping: dict[str, object] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                self._refuse(key_node, messages.COMPLEX_KEY)
            elif key_node.value in mapping:
                first = next(key for key, _ in node.value if key.value == key_node.value)
                self._refuse(key_node, messages.duplicate_key(key_node.value, position(first)[0]))
            elif value_node.__class__ is ScalarNode and value_node.tag == _STR:  # most values: text
                mapping[key_node.value] = value_node.value
            else:
                mapping[key_node.value] = self.build(value_node, depth + 1)
        return mapping

    def _build_scalar(self, node: ScalarNode) -> object:
        """A number, true/false or null; any other tag is refused."""
        if node.tag not in SCALAR_TAGS:
            return self._refuse(node, messages.unknown_tag(node.tag))
        try:
            return _SCALARS.yaml_constructors[node.tag](_SCALARS, node)
        except (yaml.YAMLError, ValueError, KeyError, TypeError):  # e.g. `!!int twelve`
            return self._refuse(node, messages.bad_tagged_value(node.value, node.tag))

    def _refuse(self, node: Node, message: str) -> None:
        self.refused.append((node, message))
        return None

    def problems(self, root: Node) -> list[YamlProblem]:
        """The refused nodes as located problems, each named by its field path."""
        paths: dict[int, tuple[str | int, ...]] = {}
        for node_id, path in _paths(root, (), set()):
            paths.setdefault(node_id, path)  # an aliased node is named where it is first written
        return [YamlProblem(*position(node), message, messages.field_path(paths.get(id(node), ())))
                for node, message in self.refused]


def _paths(node: Node, path: tuple[str | int, ...], seen: set[int]) -> Iterator[tuple[int, tuple[str | int, ...]]]:
    """(id of node, its field path) for every key and value node, each collection visited once."""
    yield id(node), path
    if id(node) in seen or node.__class__ is ScalarNode:
        return
    seen.add(id(node))
    if node.__class__ is SequenceNode:
        for index, item in enumerate(node.value):
            yield from _paths(item, (*path, index), seen)
        return
    for key, value in node.value:
        name = key.value if key.__class__ is ScalarNode else ""
        yield id(key), (*path, name) if name else path
        yield from _paths(value, (*path, name), seen)
