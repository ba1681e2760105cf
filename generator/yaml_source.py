"""Load YAML while remembering the line of every key, so errors can point at `file:line`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ContentError

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


# LibYAML's parser when PyYAML has it (it does on Linux wheels): the same nodes and marks,
# about five times faster than the pure-Python one.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):
    """SafeLoader whose timestamps stay strings: dates are validated by the models."""


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


def _build(node: yaml.Node, location: Location, lines: dict[Location, int], loader) -> Any:
    lines.setdefault(location, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str) or isinstance(key, bool):
                raise yaml.constructor.ConstructorError(
                    None, None, "mapping keys must be text", key_node.start_mark
                )
            if key in result:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            lines[(*location, key)] = key_node.start_mark.line + 1
            result[key] = _build(value_node, (*location, key), lines, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(item, (*location, index), lines, loader) for index, item in enumerate(node.value)
        ]
    return loader.construct_object(node, deep=True)


def load_yaml(path: Path, text: str | None = None) -> YamlDocument:
    """Parse one YAML file; every problem becomes a ContentError naming the file and line."""
    if text is None:
        text = read_text(path)
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Location, int] = {}
        data = _build(node, (), lines, loader) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        column = f", column {mark.column + 1}" if mark else ""
        problem = (error.problem or error.context or "invalid YAML").strip()
        raise ContentError(path, line, "", f"invalid YAML{column}: {problem}") from None
    except yaml.YAMLError as error:
        raise ContentError(path, None, "", f"invalid YAML: {error}") from None
    finally:
        loader.dispose()
    return YamlDocument(path=path, data=data, lines=lines)


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, turning every OS problem into a one-line message."""
    if not path.exists():
        raise ContentError(path, None, "", "file not found")
    if path.is_dir():
        raise ContentError(path, None, "", "is a folder, expected a YAML file")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ContentError(path, None, "", f"cannot be read: {error.strerror}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(path, line, "", "is not UTF-8 text; save it as UTF-8") from None
