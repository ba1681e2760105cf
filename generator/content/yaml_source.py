"""Load YAML while remembering the line of every key, so errors can point at `file:line`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.content import yaml_libyaml
from generator.errors import ContentError
from generator.speed import switched_off

Location = tuple[str | int, ...]


@dataclass
class YamlDocument:
    """Plain Python data plus the 1-based line of each mapping key and sequence item."""

    path: Path
    data: Any
    lines: dict[Location, int] = field(default_factory=dict)

    def line_of(self, location: Location) -> int | None:
        """The line of the deepest known node on the way to `location`."""
        for depth in range(len(location), -1, -1):
            line = self.lines.get(tuple(location[:depth]))
            if line is not None:
                return line
        return None


# Content files are a few KB; these limits refuse hostile files quickly instead of hanging.
MAX_FILE_BYTES = 256 * 1024
MAX_NESTING = 40
SCALAR_TYPES = (str, int, float, bool, type(None))


# The pure-Python SafeLoader, not LibYAML's CSafeLoader: the C composer never calls the
# compose_node guard below, and content folders may come from other publishers. Plain files
# take the fast path of generator.content.yaml_libyaml (LibYAML's parser, no C composer);
# this loader reads what that path declines and words every error.
class _StrictLoader(yaml.SafeLoader):
    """SafeLoader whose timestamps stay strings: dates are validated by the models.

    It refuses aliases (`*name`): content never needs them, and a few lines of them expand
    to billions of nodes (the "billion laughs" YAML bomb). It also refuses nesting deeper
    than MAX_NESTING, which would otherwise exhaust Python's recursion limit.
    """

    _depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed; write the value out",
                self.peek_event().start_mark,
            )
        self._depth += 1
        try:
            if self._depth > MAX_NESTING:
                raise yaml.composer.ComposerError(
                    None, None, f"nested deeper than {MAX_NESTING} levels",
                    self.peek_event().start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


# Keep ISO dates as text so a typo such as 2026-13-01 becomes a validation message in the
# model, not a constructor crash; and read only true/false as booleans (YAML 1.2), so that
# keys and words like `yes`, `no` and `on` stay text.
_DROPPED_TAGS = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool"}
_StrictLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag not in _DROPPED_TAGS]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    _StrictLoader.yaml_implicit_resolvers.setdefault(_first, []).append(
        ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"))
    )


class _StrictResolver(yaml.resolver.Resolver):
    """_StrictLoader's tags for plain scalars, for the fast path (content.yaml_libyaml)."""

    yaml_implicit_resolvers = _StrictLoader.yaml_implicit_resolvers


_RESOLVER = _StrictResolver()  # no path resolvers, so it keeps no state between scalars
_PLAIN_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


def _refuse(message: str, node: yaml.Node) -> None:
    raise yaml.constructor.ConstructorError(None, None, message, node.start_mark)


def _scalar(node: yaml.Node, loader) -> Any:
    try:
        value = loader.construct_object(node, deep=True)
    except ValueError:  # e.g. an integer longer than Python's 4300-digit conversion limit
        _refuse("this value cannot be read; put it in quotes if it is text", node)
    if not isinstance(value, SCALAR_TYPES):  # !!binary and the like: never needed by content
        _refuse(f"{node.tag} values are not allowed", node)
    return value


def _build(node: yaml.Node, location: Location, lines: dict[Location, int], loader) -> Any:
    lines.setdefault(location, node.start_mark.line + 1)
    if isinstance(node, yaml.CollectionNode) and node.tag not in _PLAIN_COLLECTION_TAGS:
        _refuse(f"the tag {node.tag} is not allowed", node)  # !!set, !!omap, !!python/...
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, loader) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                _refuse("mapping keys must be text", key_node)
            if key in result:
                _refuse(f"duplicate key {key!r}", key_node)
            lines[(*location, key)] = key_node.start_mark.line + 1
            result[key] = _build(value_node, (*location, key), lines, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(item, (*location, index), lines, loader) for index, item in enumerate(node.value)
        ]
    return _scalar(node, loader)


def load_yaml(path: Path, text: str | None = None) -> YamlDocument:
    """Parse one YAML file; every problem becomes a ContentError naming the file and line."""
    if text is None:
        text = read_text(path)
    plain = None if switched_off("libyaml") else yaml_libyaml.compose_plain(
        text, _RESOLVER, MAX_NESTING)
    if plain is not None:
        data, lines = plain
        return YamlDocument(path=path, data=data, lines=lines)
    loader = None
    try:
        loader = _StrictLoader(text)  # the reader checks the characters here
        node = loader.get_single_node()
        lines: dict[Location, int] = {}
        data = _build(node, (), lines, loader) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        column = f", column {mark.column + 1}" if mark else ""
        problem = (error.problem or error.context or "invalid YAML").strip()
        raise ContentError(path, line, "", f"invalid YAML{column}: {problem}") from None
    except yaml.reader.ReaderError as error:  # a character YAML forbids, e.g. NUL
        line = text.count("\n", 0, error.position) + 1
        column = error.position - text.rfind("\n", 0, error.position)
        message = f"invalid YAML, column {column}: character U+{error.character:04X} is not allowed"
        raise ContentError(path, line, "", message) from None
    except yaml.YAMLError as error:
        summary = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ContentError(path, None, "", f"invalid YAML: {summary}") from None
    finally:
        if loader is not None:
            loader.dispose()
    return YamlDocument(path=path, data=data, lines=lines)


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, turning every OS problem into a one-line message."""
    if not path.exists():
        raise ContentError(path, None, "", "file not found")
    if path.is_dir():
        raise ContentError(path, None, "", "is a folder, expected a YAML file")
    if not path.is_file():  # a FIFO or a device such as /dev/zero would hang or never end
        raise ContentError(path, None, "", "is not a regular file, expected a YAML file")
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ContentError(path, None, "", f"cannot be read: {error.strerror}") from None
    if len(raw) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1024
        raise ContentError(path, None, "", f"is larger than {limit} KB; content files are small")
    try:
        return raw.decode("utf-8-sig")  # a byte-order mark (Windows editors) is not content
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(path, line, "", "is not UTF-8 text; save it as UTF-8") from None
