"""Hypothesis strategies for hostile and broken input, shared by the property tests.

The personal-profile tests can reuse them: `printable_text()` for names and numbers,
`any_text()` for what a careless or hostile file may hold, `mutated_yaml()` for broken files.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from bidi import get_display
from hypothesis import strategies as st

# Letters, marks, numbers, punctuation, symbols and spaces: what a person can type and see.
PRINTABLE_CATEGORIES = ("L", "M", "N", "P", "S", "Zs")


def printable_text(min_size: int = 1, max_size: int = 20) -> st.SearchStrategy[str]:
    return st.text(
        st.characters(categories=PRINTABLE_CATEGORIES), min_size=min_size, max_size=max_size
    )


def any_text(min_size: int = 0, max_size: int = 20) -> st.SearchStrategy[str]:
    """Anything a string can hold: control characters, lone surrogates, line separators."""
    return st.text(
        st.characters(categories=("L", "M", "N", "P", "S", "Z", "C")),
        min_size=min_size,
        max_size=max_size,
    )


def _comparable(text: str) -> str:
    """Text as a PDF's extracted text can be compared with it: invisible format characters
    (soft hyphen, joiners, direction marks) and white space dropped, compatibility forms (ﬁ,
    full-width letters) folded."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(char for char in text if unicodedata.category(char) != "Cf" and
                   not char.isspace())


def appears_in(text: str, extracted: str) -> bool:
    """Whether `text`, printed on one line of a left-to-right paragraph, is in `extracted`.

    Extraction yields the visual order, so right-to-left runs (Arabic, Hebrew) come out
    reversed; python-bidi gives that order for the comparison.
    """
    page = _comparable(extracted)
    forms = {_comparable(text), _comparable(get_display(text, base_dir="L"))}
    return any(form in page for form in forms)


def u_codes(text: str) -> set[str]:
    return {f"U+{ord(char):04X}" for char in text}


# -- random damage to a YAML file ---------------------------------------------------------


def _paths(data: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*path, index))
    return found


def _parent(data: Any, path: tuple) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


REPLACEMENTS = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**6), 10**6), st.floats(allow_nan=True),
    any_text(max_size=8), st.lists(st.integers(), max_size=3),
    st.dictionaries(printable_text(max_size=5), st.integers(), max_size=2),
)


@st.composite
def mutated_data(draw, data: Any) -> tuple[str, Any]:
    """Parsed YAML with one key deleted or one value replaced by another type."""
    paths = [path for path in _paths(data) if path]
    path = draw(st.sampled_from(paths))
    parent = _parent(data, path)
    if draw(st.booleans()):
        del parent[path[-1]]
        return f"delete {path}", data
    parent[path[-1]] = draw(REPLACEMENTS)
    return f"replace {path}", data


@st.composite
def mutated_text(draw, text: str) -> tuple[str, str]:
    """The file's text truncated, with junk inserted, or with one line dropped."""
    kind = draw(st.sampled_from(["truncate", "insert", "drop-line", "indent"]))
    position = draw(st.integers(0, len(text)))
    if kind == "truncate":
        return f"truncate at {position}", text[:position]
    if kind == "insert":
        junk = draw(st.one_of(
            any_text(min_size=1, max_size=12),
            st.sampled_from([": ", "- ", "&a ", "*a", "{", "[", "'", '"', "\t", "!!binary ",
                             "? ", "---\n", "...\n", "%YAML 1.1\n", "<<: *a\n", "\\x00"]),
        ))
        return f"insert {junk!r} at {position}", text[:position] + junk + text[position:]
    lines = text.splitlines(keepends=True)
    index = draw(st.integers(0, max(len(lines) - 1, 0)))
    if kind == "drop-line":
        return f"drop line {index + 1}", "".join(lines[:index] + lines[index + 1:])
    lines[index] = "  " + lines[index] if lines else ""
    return f"indent line {index + 1}", "".join(lines)


CONTENT_PROBLEM = re.compile(r"^\S.*?(:\d+)?: ")
