"""The one place a content text becomes what a sheet prints: the (user language, Russian) pair,
each half a span that carries its `lang`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from generator.content.claims import is_printed, weakest
from generator.models import Confidence, Fact
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
    # A sentence resting on a likely fact: the "check at the counter" mark printed with it.
    verify: Pair | None = None


def pairing(language: str) -> Callable[[Text], Pair]:
    """The function that turns a text into its (`language`, Russian) pair."""

    def pair(text: Text) -> Pair:
        return Pair(Span(text[language], language), Span(text[STAFF_LANGUAGE], STAFF_LANGUAGE))

    return pair


def as_firm_as(text: Pair, fact_ids: Iterable[str], facts: dict[str, Fact], mark: Pair
               ) -> Pair | None:
    """`text` as firm as the weakest of its facts on this sheet (content/claims.py): plain,
    with the verify `mark` (likely), or None: never printed (unconfirmed)."""
    confidence = weakest(fact_ids, facts)
    if not is_printed(confidence):
        return None
    return replace(text, verify=mark) if confidence is Confidence.LIKELY else text
