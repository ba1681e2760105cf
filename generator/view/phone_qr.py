"""The printed sheet's second QR code (build-all --base-url): it opens the sheet's phone page.
Apart from view/phone so that view/sheet can hold it without an import cycle."""

from __future__ import annotations

from dataclasses import dataclass

from generator.models.text import STAFF_LANGUAGE
from generator.models.ui import PhoneStrings
from generator.view.pairs import Pair, Span
from generator.view.qr import QUIET_ZONE_MODULES, SYMBOL_MM, QrCode, qr_code

MODULE_MM = 0.7  # the printed QR code's least module size: 0.64 mm (21 mm) did not decode


@dataclass(frozen=True)
class PhoneQrView:
    """The printed sheet's second QR code: it opens this sheet's phone page."""

    code: QrCode
    label: Pair
    alt: Span
    part: str = ""  # the part (templates/parts/*) it is printed at the foot of

    @property
    def image_mm(self) -> float:
        """As the carrier's code (rule 10: a 21 mm symbol), but with modules of at least
        MODULE_MM: a phone page's address is long, and smaller modules stop decoding from a
        150 dpi scan of a page full of text."""
        modules = self.code.modules
        module = max(SYMBOL_MM / modules, MODULE_MM)
        return round(module * (modules + 2 * QUIET_ZONE_MODULES), 2)


def phone_qr(url: str, strings: PhoneStrings, language: str, part: str = "") -> PhoneQrView:
    """The QR code to `url`, the sheet's phone page (print-rules.md rule 10, as the carrier's)."""
    return PhoneQrView(
        code=qr_code(url),
        label=Pair(Span(strings.qr_label[language], language),
                   Span(strings.qr_label[STAFF_LANGUAGE], STAFF_LANGUAGE)),
        alt=Span(strings.qr_alt[language], language),
        part=part,
    )
