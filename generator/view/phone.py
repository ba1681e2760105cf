"""The phone page of one sheet (`render --format phone`): built on the same SheetView as the
PDF, so it shows the same content under the same confidence rules, plus what only a screen
has: tick boxes kept on the device, tappable `tel:` links, the switch to the staff view."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from generator.models.text import STAFF_LANGUAGE, Text
from generator.models.ui import PhoneStrings
from generator.view.phone_qr import PhoneQrView, phone_qr
from generator.view.sheet import CONTACT_KINDS, Contact, Pair, SheetView, Span

__all__ = ["PhoneQrView", "build_phone", "phone_qr", "storage_key"]

STORAGE_PREFIX = "sim-checklist"
# The contacts a phone can dial: a hotline, the short number, the balance code (USSD).
DIALLED_KINDS = ("hotline", "hotline_short", "balance_code")


@dataclass(frozen=True)
class Tick:
    id: str  # stable while the item's Russian text stays the same: its stored state follows it
    text: Pair


@dataclass(frozen=True)
class PhoneSection:
    id: str
    title: Pair
    trigger: Pair
    ticks: list[Tick]


@dataclass(frozen=True)
class PhoneContact:
    contact: Contact
    href: str | None  # tel:… or the official site; None where no firm value may be shown


@dataclass(frozen=True)
class PhoneView:
    sheet: SheetView
    storage_key: str  # localStorage key: scenario, carrier and language codes, nothing personal
    sections: list[PhoneSection]
    contacts: list[PhoneContact]
    show_staff: Pair
    back_to_checklist: Pair
    ticks_kept: Pair
    staff_contacts: Pair
    # Each part the phone page shows, with its page on the printed sheet: the checklist's "hand
    # page 2 to the staff" then leads to the part labelled so on the phone.
    printed_pages: dict[str, Pair]
    drafts_in_pdf: Pair | None  # the sheet has drafts: they are in the PDF only


def storage_key(sheet: SheetView) -> str:
    return f"{STORAGE_PREFIX}:{sheet.scenario_id}-{sheet.carrier_id}-{sheet.language}"


def tick_id(section_id: str, item: Pair) -> str:
    digest = hashlib.sha256(item.ru.text.encode("utf-8")).hexdigest()[:10]
    return f"{section_id}-{digest}"


def tel_href(value: str) -> str | None:
    """`tel:` URI of a dialled number or code (RFC 3966): digits, +, * and # (as %23)."""
    dialled = re.sub(r"[^0-9+*#]", "", value)
    if not re.search(r"[0-9]", dialled):
        return None
    return "tel:" + dialled.replace("#", "%23")


def _pair(text: Text, language: str) -> Pair:
    return Pair(Span(text[language], language), Span(text[STAFF_LANGUAGE], STAFF_LANGUAGE))


def _href(kind: str, contact: Contact) -> str | None:
    if contact.value is None:  # unconfirmed or missing: a question or a write-in, never a link
        return None
    if kind == "website":
        return str(contact.url) if contact.url else None
    if kind in DIALLED_KINDS:
        return tel_href(contact.value)
    return None


def _with_page(label: Text, page: int, language: str) -> Pair:
    """`label` with its {page} filled in, in the user's language and Russian."""
    return Pair(*(Span(label[lang].replace("{page}", str(page)), lang)
                  for lang in (language, STAFF_LANGUAGE)))


def build_phone(sheet: SheetView, strings: PhoneStrings) -> PhoneView:
    language = sheet.language
    sections = []
    for number, section in enumerate(sheet.sections, 1):
        items = list(section.items)
        if number == len(sheet.sections):
            items.append(sheet.all_done)
        sections.append(PhoneSection(
            id=section.id,
            title=section.title,
            trigger=section.trigger,
            ticks=[Tick(tick_id(section.id, item), item) for item in items],
        ))
    contacts = [
        PhoneContact(contact, _href(kind, contact))
        for kind, contact in zip(CONTACT_KINDS, sheet.carrier.contacts, strict=True)
    ]
    return PhoneView(
        sheet=sheet,
        storage_key=storage_key(sheet),
        sections=sections,
        contacts=contacts,
        show_staff=_pair(strings.show_staff, language),
        back_to_checklist=_pair(strings.back_to_checklist, language),
        ticks_kept=_pair(strings.ticks_kept, language),
        staff_contacts=_pair(strings.staff_contacts, language),
        printed_pages={part: _with_page(strings.printed_page, page, language)
                       for page, part in enumerate(sheet.parts, 1)},
        drafts_in_pdf=(_with_page(strings.drafts_in_pdf, sheet.parts.index("application") + 1,
                                  language) if "application" in sheet.parts else None),
    )
