"""The one place a content text becomes what a sheet prints: the (user language, Russian) pair,
each half a span that carries its `lang`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.models.text import STAFF_LANGUAGE, Text


@dataclass(frozen=True)
class Span:
    text: str
    lang: str


@dataclass(frozen=True)
class Pair:
    """One string in the user's language and in Russian, always shown together."""

    user: Span
    ru: Span


def pairing(language: str) -> Callable[[Text], Pair]:
    """The function that turns a text into its (`language`, Russian) pair."""

    def pair(text: Text) -> Pair:
        return Pair(Span(text[language], language), Span(text[STAFF_LANGUAGE], STAFF_LANGUAGE))

    return pair
