"""The application page and the phrasebook page of one sheet, as the templates show them.

A draft line is a list of segments: Russian text, or a slot that holds a profile value or,
when the profile has none, a blank write-in line with the field's label under it.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from generator.content.loading import ContentBundle
from generator.models.application import CARRIER_FIELD, Draft, DraftLine
from generator.models.profile import Profile
from generator.models.text import STAFF_LANGUAGE
from generator.view.pairs import Pair, Span, as_firm_as, pairing

READING_LANGUAGE = "ru-Latn"  # BCP 47: Russian written in Latin letters


@dataclass(frozen=True)
class Slot:
    name: str
    value: Span | None  # None: a blank write-in line
    label: Span  # in the user's language, printed under a blank


@dataclass(frozen=True)
class VerifyMark:
    """Ends a draft's line that rests on a likely fact: the "check at the counter" mark."""

    mark: Pair


Segment = Span | Slot | VerifyMark


@dataclass(frozen=True)
class DraftView:
    id: str
    title: Pair
    gloss: Span
    addressee: list[list[Segment]]
    body: list[list[Segment]]


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
    verify: Pair | None = None  # rests on a likely fact: printed with the verify mark


@dataclass(frozen=True)
class PhrasebookView:
    heading: Pair
    hint: Pair
    phrases: list[PhraseView]


def build_application(
    bundle: ContentBundle, scenario_id: str, carrier_id: str, language: str, profile: Profile
) -> ApplicationPageView | None:
    """The drafts for this scenario, filled from the profile; None when it has none."""
    content = bundle.applications
    refund_to_phone = profile.refund is not None and profile.refund.phone is not None
    drafts = content.drafts_for(scenario_id, refund_to_phone)
    if not drafts:
        return None
    pair = pairing(language)
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

    facts = {fact.id: fact for fact in bundle.facts_for(scenario_id, carrier_id)}
    verify_mark = pair(bundle.ui.verify_mark)

    def line(draft_line: DraftLine) -> list[Segment] | None:
        # The Russian line stands in for both halves of the pair: only its firmness is asked.
        russian = Span(draft_line.text, STAFF_LANGUAGE)
        shown = as_firm_as(Pair(russian, russian), draft_line.facts, facts, verify_mark)
        if shown is None:
            return None
        segments: list[Segment] = []
        for literal, name, _, _ in string.Formatter().parse(draft_line.text):
            if literal:
                segments.append(Span(literal, STAFF_LANGUAGE))
            if name is not None:
                segments.append(Slot(name, value_of(name), pair(content.fields[name]).user))
        if shown.verify is not None:
            segments.append(VerifyMark(shown.verify))
        return segments

    def lines(draft_lines: list[DraftLine]) -> list[list[Segment]]:
        return [shown for draft_line in draft_lines if (shown := line(draft_line)) is not None]

    def draft_view(draft: Draft) -> DraftView:
        return DraftView(
            id=draft.id,
            title=pair(draft.title),
            gloss=Span(draft.gloss[language], language),
            addressee=lines(draft.addressee),
            body=lines(draft.body),
        )

    return ApplicationPageView(
        heading=pair(content.heading),
        note=pair(content.note),
        date=pair(content.date),
        signature=pair(content.signature),
        drafts=[draft_view(draft) for draft in drafts],
    )


def build_phrasebook(
    bundle: ContentBundle, language: str, scenario_id: str | None = None,
    carrier_id: str | None = None,
) -> PhrasebookView:
    """The phrases for one sheet; without a scenario and carrier a phrase that names facts
    cannot be judged, so it is left out."""
    content = bundle.phrasebook
    pair = pairing(language)
    facts = (
        {fact.id: fact for fact in bundle.facts_for(scenario_id, carrier_id)}
        if scenario_id is not None and carrier_id is not None else {}
    )
    verify_mark = pair(bundle.ui.verify_mark)
    phrases = []
    for phrase in content.phrases:
        both = as_firm_as(pair(phrase.text), phrase.facts, facts, verify_mark)
        if both is None:
            continue
        phrases.append(PhraseView(both.ru, Span(phrase.reading, READING_LANGUAGE), both.user,
                                  both.verify))
    return PhrasebookView(
        heading=pair(content.heading),
        hint=pair(content.reading_hint),
        phrases=phrases,
    )
