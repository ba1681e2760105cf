"""Pydantic's validation errors made readable: what a pattern asks for, what a typo meant."""

from __future__ import annotations

import difflib
import typing

from pydantic import BaseModel

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


def _model_at(model: type[BaseModel], parent: tuple) -> type[BaseModel] | None:
    """The nested model that validates the mapping at `parent` (list indices pass through)."""
    for part in parent:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(str(part))
        if field is None:
            return None
        nested = [kind for kind in _kinds(field.annotation) if _is_model(kind)]
        if len(nested) != 1:
            return None
        model = nested[0]
    return model


def _kinds(annotation: object) -> list[object]:
    """The types inside Optional[...], list[...] and unions."""
    arguments = typing.get_args(annotation)
    if not arguments:
        return [annotation]
    return [kind for argument in arguments for kind in _kinds(argument)]


def _is_model(kind: object) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def meant_key(model: type[BaseModel], location: tuple, present: object) -> str | None:
    """An unknown key → the optional key of its model it most resembles, unless already used
    (`pasport_number` → `passport_number`); required keys are matched by misspelt_keys."""
    owner = _model_at(model, location[:-1])
    if owner is None:
        return None
    used = set(present) if isinstance(present, dict) else set()
    candidates = [name for name in owner.model_fields if name not in used]
    match = difflib.get_close_matches(str(location[-1]), candidates, n=1, cutoff=0.6)
    return match[0] if match else None
