"""What any text field may hold, for every model (content now, the personal profile later).

Printed text must read exactly as the file says: no control characters, no bidirectional
overrides that reorder what the shop assistant sees, no broken (surrogate) characters, and a
length limit per field. `unsafe_strings(...)` screens
a whole YAML document, keys included, before any model sees it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

# U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates) reorder text on the page
# without being visible; left-to-right/right-to-left marks (U+200E/U+200F) stay allowed.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
NEWLINE = "\n"


def _is_noncharacter(char: str) -> bool:
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def char_problem(char: str, *, multiline: bool = True) -> str | None:
    """Why one character may not be printed, as the end of a sentence; None when it may."""
    if char == NEWLINE and multiline:
        return None
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


# Every character char_problem refuses, as one character class, so a text is screened by one
# regular-expression search instead of a Python loop over its characters (the content has
# thousands of texts; tests/models/test_text_policy.py checks the class against char_problem for
# every code point). Cc is U+0000–U+001F and U+007F–U+009F, Cs the surrogates U+D800–U+DFFF;
# the noncharacters are U+FDD0–U+FDEF and the last two code points of every plane.
_REFUSED = (
    "\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(sorted(BIDI_CONTROLS))
    + "".join(chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000))
)
_REFUSED_IN_LINES = re.compile(f"[\x00-\x09\x0b-\x1f{_REFUSED}]")  # a line break is fine
_REFUSED_IN_ONE_LINE = re.compile(f"[\x00-\x1f{_REFUSED}]")


def text_problem(value: str, *, multiline: bool = True) -> str | None:
    """Why `value` may not be printed, as the end of a sentence; None when it may."""
    refused = _REFUSED_IN_LINES if multiline else _REFUSED_IN_ONE_LINE
    found = refused.search(value)
    return None if found is None else char_problem(found.group(), multiline=multiline)


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
