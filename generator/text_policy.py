"""What any text field may hold, for every model (content now, the personal profile later).

Printed text must read exactly as the file says: no control characters, no bidirectional
overrides that reorder what the shop assistant sees, no broken (surrogate) characters, and a
length limit per field. `bounded_text(...)` is the pydantic type; `unsafe_strings(...)` screens
a whole YAML document, keys included, before any model sees it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import AfterValidator, StringConstraints

# U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates) reorder text on the page
# without being visible; left-to-right/right-to-left marks (U+200E/U+200F) stay allowed.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
NEWLINE = "\n"


def _is_noncharacter(char: str) -> bool:
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def text_problem(value: str, *, multiline: bool = True) -> str | None:
    """Why `value` may not be printed, as the end of a sentence; None when it may."""
    for char in value:
        if char == NEWLINE and multiline:
            continue
        code = f"U+{ord(char):04X}"
        category = unicodedata.category(char)
        if char == NEWLINE:
            return "must be one line; remove the line break"
        if category == "Cc":
            return f"holds the control character {code}; remove it"
        if category == "Cs":
            return f"holds a broken character ({code}, half of a UTF-16 pair); retype it"
        if char in BIDI_CONTROLS:
            return (
                f"holds the invisible direction control {code}, which would make the printed "
                "text read differently from the file; remove it"
            )
        if _is_noncharacter(char):
            return f"holds {code}, which is not a character; remove it"
    return None


def _printable(multiline: bool):
    def check(value: str) -> str:
        problem = text_problem(value, multiline=multiline)
        if problem:
            raise ValueError(problem)
        return value

    return check


def bounded_text(max_length: int, *, min_length: int = 1, multiline: bool = False) -> Any:
    """A text field with a documented length limit that refuses unprintable characters.

    Use for any string a model takes from a file: `name: bounded_text(80)`.
    """
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length),
        AfterValidator(_printable(multiline)),
    ]


Location = tuple[str | int, ...]


def unsafe_strings(data: Any, location: Location = ()) -> Iterator[tuple[Location, str]]:
    """Every key or value in parsed YAML that may not be printed, with its location."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and (problem := text_problem(key)):
                yield (*location, key), f"the key {problem}"
            yield from unsafe_strings(value, (*location, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from unsafe_strings(item, (*location, index))
    elif isinstance(data, str) and (problem := text_problem(data)):
        yield location, problem
