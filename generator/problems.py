"""Pydantic's validation errors made readable: what a pattern asks for, what a typo meant."""

from __future__ import annotations

import difflib

from generator.models.base import SLUG_PATTERN
from generator.models.carrier import URL_PATTERN
from generator.models.meta import LANGUAGE_CODE_PATTERN

# Pydantic names the regular expression; a person needs to read what it asks for.
PATTERN_HINTS = {
    SLUG_PATTERN: "use only a-z, 0-9 and -, starting with a letter",
    URL_PATTERN: "must be a web address starting with https:// or http://",
    LANGUAGE_CODE_PATTERN: "must be a language code such as zh-Hans or en",
}


def misspelt_keys(details: list[tuple[tuple, dict]]) -> dict[tuple, tuple]:
    """Unknown key → the missing key of the same mapping it most resembles (`titel` → `title`)."""
    missing = {location for location, detail in details if detail["type"] == "missing"}
    renamed: dict[tuple, tuple] = {}
    for location, detail in details:
        if detail["type"] != "extra_forbidden" or not location:
            continue
        parent, key = location[:-1], str(location[-1])
        candidates = [
            str(other[-1]) for other in missing
            if other[:-1] == parent and other not in renamed.values()
        ]
        match = difflib.get_close_matches(key, candidates, n=1, cutoff=0.6)
        if match:
            renamed[location] = (*parent, match[0])
    return renamed
