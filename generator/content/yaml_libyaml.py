"""The fast path of content.yaml_source: plain content YAML composed from LibYAML's events.

The pure-Python loader takes about 10 ms per content file; LibYAML's C parser reads the same
events in a fraction of that. This module builds the data and the line of every key from
those events in one flat loop (no recursion, so no nesting can exhaust a stack) and accepts
only plain documents: one implicit document of block mappings, lists and flow lists of
scalars whose tags the resolver chose, text keys without duplicates, no anchors, no aliases,
nesting within the limit. Anything else (an error, an alias, a tag, deep nesting, a number
too long to convert, ...) returns None and the pure-Python loader reads the file again: it is
the one that judges unusual input and words every error, so messages stay exactly as they are.

LibYAML 0.2.5 also reads a few things PyYAML's pure-Python scanner refuses or places
elsewhere (tabs as spaces, `?` and `:` inside flow lists, a comment right after a block
scalar's `|`, empty items, document markers); those are declined too, so both paths read every
file alike (tests/content/test_yaml_libyaml.py compares them on damaged and random files).
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import ScalarNode

AVAILABLE = bool(getattr(yaml, "__with_libyaml__", False))

# Where the two scanners differ: tabs, line breaks other than \n and \r, byte-order marks, a
# block scalar header followed by `#` without a space; and in flow lists, plain scalars holding
# `?`, `:` or `#`.
_DECLINED_TEXT = re.compile(r"[\t\x85\u2028\u2029\ufeff]|[|>][-+0-9]*#")
_DECLINED_IN_FLOW = re.compile(r"[?:#]")

_STR = "tag:yaml.org,2002:str"
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_SCALAR_CONSTRUCTORS = {
    tag: _CONSTRUCTOR.yaml_constructors[tag]
    for tag in (
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
    )
}
_NO_KEY = object()


class _Unusual(Exception):
    """Something the pure-Python loader must judge."""


class _Frame:
    """An open mapping or list: where it is and, for a mapping, the key waiting for a value."""

    __slots__ = ("container", "flow", "key", "location")

    def __init__(self, container: dict | list, location: tuple, flow: bool) -> None:
        self.container = container
        self.location = location
        self.flow = flow
        self.key: Any = _NO_KEY


def compose_plain(
    text: str, resolver: yaml.resolver.BaseResolver, max_nesting: int
) -> tuple[Any, dict[tuple, int]] | None:
    """(data, line of every key and item) of a plain document; None when anything is unusual.

    `resolver` decides the tags of plain scalars, exactly as for the pure-Python loader;
    `max_nesting` is the pure-Python loader's limit of nodes inside each other.
    """
    if not AVAILABLE or _DECLINED_TEXT.search(text):
        return None
    parser = None
    try:
        parser = yaml.cyaml.CParser(text)
        return _compose(parser, resolver, max_nesting)
    # ValueError: a 5000-digit integer, a lone surrogate that cannot be encoded for LibYAML, ...
    except (_Unusual, yaml.YAMLError, ValueError):
        return None
    finally:
        if parser is not None:
            parser.dispose()


def _compose(parser, resolver, max_nesting: int) -> tuple[Any, dict[tuple, int]]:
    lines: dict[tuple, int] = {}
    stack: list[_Frame] = []
    root: Any = None
    for event in iter(parser.get_event, None):
        kind = type(event)
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
            continue
        if kind is StreamStartEvent or kind is StreamEndEvent:
            continue
        if kind is DocumentStartEvent or kind is DocumentEndEvent:
            if event.explicit:  # `---` (a second document, %YAML, %TAG) or `...`
                raise _Unusual
            continue
        if kind is not ScalarEvent and kind is not MappingStartEvent \
                and kind is not SequenceStartEvent:
            raise _Unusual  # an alias
        if event.anchor is not None or event.tag is not None or len(stack) >= max_nesting:
            raise _Unusual
        parent = stack[-1] if stack else None
        in_flow = parent is not None and parent.flow
        if kind is MappingStartEvent and (event.flow_style or in_flow):
            raise _Unusual  # `{a: b}` and `[a: b]`
        if in_flow and kind is ScalarEvent and not event.style \
                and _DECLINED_IN_FLOW.search(event.value):
            raise _Unusual
        line = event.start_mark.line + 1
        if parent is not None and parent.key is _NO_KEY and type(parent.container) is dict:
            # The key of a mapping entry: plain text, not seen before in this mapping.
            if kind is not ScalarEvent or not event.value or event.value in parent.container:
                raise _Unusual
            if resolver.resolve(ScalarNode, event.value, event.implicit) != _STR:
                raise _Unusual
            parent.key = event.value
            lines[(*parent.location, event.value)] = line
            continue
        if parent is None:
            location: tuple = ()
        elif type(parent.container) is dict:
            location = (*parent.location, parent.key)
        else:
            location = (*parent.location, len(parent.container))
        if location not in lines:
            if kind is ScalarEvent and not event.value and not event.style:
                raise _Unusual  # an empty item: the parsers disagree on its line
            lines[location] = line
        value: Any
        if kind is ScalarEvent:
            value = _scalar(event, resolver)
        elif kind is MappingStartEvent:
            value = {}
        else:
            value = []
        if parent is None:
            root = value
        elif type(parent.container) is dict:
            parent.container[parent.key] = value
            parent.key = _NO_KEY
        else:
            parent.container.append(value)
        if kind is not ScalarEvent:
            stack.append(_Frame(value, location, bool(event.flow_style)))
    return root, lines


def _scalar(event: ScalarEvent, resolver) -> Any:
    """The value of an untagged scalar: text as it is, or what SafeConstructor makes of it."""
    tag = resolver.resolve(ScalarNode, event.value, event.implicit)
    if tag == _STR:
        return event.value
    construct = _SCALAR_CONSTRUCTORS.get(tag)
    if construct is None:  # e.g. `<<` (merge) or `=` (value): the pure-Python loader words it
        raise _Unusual
    return construct(_CONSTRUCTOR, ScalarNode(tag, event.value, event.start_mark, event.end_mark))
