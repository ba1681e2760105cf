"""The application page and the phrasebook page of one sheet, as the templates show them.

A draft line is a list of segments: Russian text, or a slot that holds a profile value or,
when the profile has none, a blank write-in line with the field's label under it.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass

from generator.content.loading import ContentBundle
from generator.models.application import CARRIER_FIELD, Draft
from generator.models.profile import Profile
from generator.models.text import STAFF_LANGUAGE, Text
from generator.view.sheet import Pair, Span

READING_LANGUAGE = "ru-Latn"  # BCP 47: Russian written in Latin letters


@dataclass(frozen=True)
class Slot:
    name: str
    value: Span | None  # None: a blank write-in line
    label: Span  # in the user's language, printed under a blank


@dataclass(frozen=True)
class DraftView:
    id: str
    title: Pair
    gloss: Span
    addressee: list[list[Span | Slot]]
    body: list[list[Span | Slot]]


@dataclass(frozen=True)
class ApplicationPageView:
    heading: Pair
    note: Pair
    date: Pair
    signature: Pair
    drafts: list[DraftView]


@dataclass(frozen=True)
class PhraseView:
    ru: Span
    reading: Span
    user: Span


@dataclass(frozen=True)
class PhrasebookView:
    heading: Pair
    hint: Pair
    phrases: list[PhraseView]


def _pair_maker(language: str) -> Callable[[Text], Pair]:
    def pair(text: Text) -> Pair:
        return Pair(Span(text[language], language), Span(text[STAFF_LANGUAGE], STAFF_LANGUAGE))

    return pair


def build_application(
    bundle: ContentBundle, scenario_id: str, carrier_id: str, language: str, profile: Profile
) -> ApplicationPageView | None:
    """The drafts for this scenario, filled from the profile; None when it has none."""
    content = bundle.applications
    refund_to_phone = profile.refund is not None and profile.refund.phone is not None
    drafts = content.drafts_for(scenario_id, refund_to_phone)
    if not drafts:
        return None
    pair = _pair_maker(language)
    carrier = bundle.carriers[carrier_id]
    carrier_name = None if carrier.generic else carrier.name[STAFF_LANGUAGE]

    def value_of(name: str) -> Span | None:
        if name == CARRIER_FIELD:
            return Span(carrier_name, STAFF_LANGUAGE) if carrier_name else None
        value = profile.value_of(name)
        if value is None:
            return None
        # A name in the user's own script is marked with that language (Han glyph forms).
        return Span(value, language if name == "name_native" else STAFF_LANGUAGE)

    def line(template: str) -> list[Span | Slot]:
        segments: list[Span | Slot] = []
        for literal, name, _, _ in string.Formatter().parse(template):
            if literal:
                segments.append(Span(literal, STAFF_LANGUAGE))
            if name is not None:
                segments.append(Slot(name, value_of(name), pair(content.fields[name]).user))
        return segments

    def draft_view(draft: Draft) -> DraftView:
        return DraftView(
            id=draft.id,
            title=pair(draft.title),
            gloss=Span(draft.gloss[language], language),
            addressee=[line(text) for text in draft.addressee],
            body=[line(text) for text in draft.body],
        )

    return ApplicationPageView(
        heading=pair(content.heading),
        note=pair(content.note),
        date=pair(content.date),
        signature=pair(content.signature),
        drafts=[draft_view(draft) for draft in drafts],
    )


def build_phrasebook(
    bundle: ContentBundle, language: str, scenario_id: str | None = None
) -> PhrasebookView:
    """The phrases for one sheet: every phrase when `scenario_id` is None."""
    content = bundle.phrasebook
    pair = _pair_maker(language)
    phrases = []
    chosen = content.phrases if scenario_id is None else content.phrases_for(scenario_id)
    for phrase in chosen:
        both = pair(phrase.text)
        phrases.append(PhraseView(both.ru, Span(phrase.reading, READING_LANGUAGE), both.user))
    return PhrasebookView(
        heading=pair(content.heading),
        hint=pair(content.reading_hint),
        phrases=phrases,
    )
