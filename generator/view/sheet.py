"""Turn content models into the view one sheet shows: every string as a (user, ru) pair."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.content.loading import ContentBundle
from generator.models import Confidence, Fact, Text
from generator.models.profile import EMPTY_PROFILE, Profile
from generator.view.application import (
    ApplicationPageView,
    PhrasebookView,
    build_application,
    build_phrasebook,
)
from generator.view.pairs import Pair, Span, as_firm_as, pairing
from generator.view.phone_qr import PhoneQrView
from generator.view.qr import QrCode, qr_code

# The contact facts of the carrier box, in the order they are printed.
CONTACT_KINDS = ("website", "hotline", "hotline_short", "balance_code")
ANSWER_TICKS = ("yes", "no", "done")
ANSWER_WRITE_INS = ("document_needed", "go_to", "date", "amount")


@dataclass(frozen=True)
class SectionView:
    id: str
    title: Pair
    trigger: Pair
    items: list[Pair]


@dataclass(frozen=True)
class Contact:
    label: Pair
    value: str | None  # None: a write-in line, because no firm value may be printed
    verify: bool  # likely: printed with the "verify at the counter" mark
    url: str | None = None
    question: Pair | None = None  # unconfirmed: what to ask, beside the write-in line


@dataclass(frozen=True)
class Rule:
    text: Pair
    verify: bool


@dataclass(frozen=True)
class StaffField:
    label: Pair
    value: str | None


@dataclass(frozen=True)
class StaffCardView:
    language_line: Pair
    who_i_am: Pair
    fields: list[StaffField]
    request_heading: Pair
    request: Pair
    details: list[Pair]
    questions_heading: Pair
    questions: list[Pair]
    answer_heading: Pair
    answer_ticks: list[Pair]
    answer_write_ins: list[Pair]
    write_down: Pair
    cut_line: Pair


@dataclass(frozen=True)
class QrView:
    """The QR code to the official site, shown beside the website's row."""

    code: QrCode
    alt: Span  # the user's language: the text a screen reader says for the image


@dataclass(frozen=True)
class CarrierBoxView:
    heading: Pair
    name: Pair
    contacts: list[Contact]
    qr: QrView | None
    write_in_hint: Pair
    verify_mark: Pair
    rules_heading: Pair
    rules: list[Rule]
    legend: list[Pair]


@dataclass(frozen=True)
class FooterView:
    generated: dt.date
    content_version: str
    codes: str
    facts_checked: dt.date | None
    labels: dict[str, Pair]
    rules_differ: Pair


@dataclass(frozen=True)
class SheetView:
    language: str
    title: str
    scenario_id: str
    carrier_id: str
    heading: Pair
    carrier_name: Pair
    checklist_heading: Pair
    sections: list[SectionView]
    all_done: Pair
    staff: StaffCardView
    carrier: CarrierBoxView
    footer: FooterView
    facts: list[Fact] = field(repr=False, default_factory=list)
    application: ApplicationPageView | None = None  # None: no drafts for this scenario
    phrasebook: PhrasebookView | None = None
    # Filled by the pipeline when the sheet's phone page has an address (build-all --base-url).
    phone_qr: PhoneQrView | None = None

    @property
    def checklist_marked(self) -> bool:
        """Whether a checklist item rests on a likely fact (the header then explains ▲)."""
        return any(item.verify for section in self.sections for item in section.items)

    @property
    def parts(self) -> tuple[str, ...]:
        """The parts this sheet prints, one page each, in page order (templates/parts/*)."""
        optional = {
            "questions": bool(self.staff.questions),
            "application": self.application is not None,
            "phrasebook": self.phrasebook is not None,
        }
        order = ("checklist", "staff_card", "questions", "carrier", "application", "phrasebook")
        return tuple(part for part in order if optional.get(part, True))


def build_sheet(
    bundle: ContentBundle,
    scenario_id: str,
    carrier_id: str,
    language: str,
    generated: dt.date,
    profile: Profile = EMPTY_PROFILE,
) -> SheetView:
    """The whole sheet for one scenario × carrier × user language, ready for the template."""

    pair = pairing(language)
    ui = bundle.ui
    scenario = bundle.scenarios[scenario_id]
    carrier = bundle.carriers[carrier_id]
    facts = bundle.facts_for(scenario_id, carrier_id)
    # Unconfirmed contacts are asked beside their write-in line in the carrier box; the other
    # unconfirmed facts become the staff card's questions.
    questions = [
        pair(fact.question)
        for fact in facts
        if fact.kind == "rule" and not fact.is_statement and fact.question
    ]

    by_id = {fact.id: fact for fact in facts}
    verify_mark = pair(ui.verify_mark)

    def stated(text: Text, fact_ids: list[str]) -> Pair | None:
        return as_firm_as(pair(text), fact_ids, by_id, verify_mark)

    sections = [
        SectionView(
            id=section.id,
            title=pair(getattr(ui.section_titles, section.id)),
            trigger=pair(section.trigger),
            items=[shown for item in section.items if (shown := stated(item.text, item.facts))],
        )
        for section in scenario.sections
    ]
    request = stated(scenario.staff.request.text, scenario.staff.request.facts)
    assert request is not None  # loading refuses a request that rests on an unconfirmed fact
    staff = StaffCardView(
        language_line=pair(ui.language_line),
        who_i_am=pair(ui.who_i_am),
        fields=[
            StaffField(pair(ui.holder_name), profile.name_latin),
            StaffField(pair(ui.phone_number), profile.phone),
        ],
        request_heading=pair(ui.request_heading),
        request=request,
        details=[
            shown for detail in scenario.staff.details
            if (shown := stated(detail.text, detail.facts))
        ],
        questions_heading=pair(ui.questions_heading),
        questions=questions,
        answer_heading=pair(ui.answer_heading),
        answer_ticks=[pair(getattr(ui.answers, name)) for name in ANSWER_TICKS],
        answer_write_ins=[pair(getattr(ui.answers, name)) for name in ANSWER_WRITE_INS],
        write_down=pair(ui.answers.write_down),
        cut_line=pair(ui.cut_line),
    )
    contacts = [
        _contact(kind, facts, pair(getattr(ui.fact_labels, kind)), pair) for kind in CONTACT_KINDS
    ]
    # Only a stated (confirmed or likely) website gets a QR code: its url is set only then.
    website_url = contacts[CONTACT_KINDS.index("website")].url
    carrier_box = CarrierBoxView(
        heading=pair(ui.carrier_heading),
        name=pair(carrier.name),
        contacts=contacts,
        qr=QrView(qr_code(str(website_url)), pair(ui.qr_alt).user) if website_url else None,
        write_in_hint=pair(ui.write_in_hint),
        verify_mark=verify_mark,
        rules_heading=pair(ui.rules_heading),
        rules=[
            Rule(pair(fact.text), fact.confidence is Confidence.LIKELY)
            for fact in facts
            if fact.kind == "rule" and fact.is_statement and fact.text
        ],
        legend=[pair(ui.legend_confirmed), pair(ui.legend_likely), pair(ui.legend_questions)],
    )
    footer = FooterView(
        generated=generated,
        content_version=bundle.meta.content_version,
        codes=f"{scenario_id} · {carrier_id}",
        facts_checked=min((fact.checked for fact in facts), default=None),
        labels={
            name: pair(getattr(ui.footer, name))
            for name in ("generated", "content_version", "facts_checked")
        },
        rules_differ=pair(ui.footer.rules_differ),
    )
    heading = pair(scenario.title)
    carrier_name = pair(carrier.name)
    return SheetView(
        language=language,
        title=f"{heading.user.text} · {carrier_name.user.text}",
        scenario_id=scenario_id,
        carrier_id=carrier_id,
        heading=heading,
        carrier_name=carrier_name,
        checklist_heading=pair(ui.checklist_heading),
        sections=sections,
        all_done=pair(ui.all_done),
        staff=staff,
        carrier=carrier_box,
        footer=footer,
        facts=facts,
        application=build_application(bundle, scenario_id, carrier_id, language, profile),
        phrasebook=build_phrasebook(bundle, language, scenario_id, carrier_id),
    )


def _contact(kind: str, facts: list[Fact], label: Pair, pair) -> Contact:
    fact = next((fact for fact in facts if fact.kind == kind), None)
    if fact is None:
        return Contact(label=label, value=None, verify=False)
    if not fact.is_statement:
        assert fact.question is not None  # the model requires it
        return Contact(label=label, value=None, verify=False, question=pair(fact.question))
    assert isinstance(fact.value, str)  # a list of values is always unconfirmed
    return Contact(
        label=label,
        value=fact.value,
        verify=fact.confidence is Confidence.LIKELY,
        url=fact.url,
    )
