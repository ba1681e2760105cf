"""QR codes to a carrier's official page (print-rules.md rule 10), as PNG data: URLs.

One pixel per module and `image-rendering: pixelated` in the CSS keep the modules sharp at any
print size; error correction M (or better, when segno can raise it for free) and the 4-module
quiet zone inside the image keep it scannable from a creased, grey photocopy.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

import segno

QUIET_ZONE_MODULES = 4
SYMBOL_MM = 21.0  # the printed symbol, quiet zone excluded: rule 10 asks for at least 20 mm
ERROR_CORRECTION = "m"  # the floor; segno's boost_error raises it when the size allows


@dataclass(frozen=True)
class QrCode:
    url: str
    data_url: str  # data:image/png;base64,…: the fetcher never needs the network or a file
    modules: int  # symbol width in modules, quiet zone excluded

    @property
    def image_mm(self) -> float:
        """The printed image's side, quiet zone included, so that the symbol is SYMBOL_MM."""
        return round(SYMBOL_MM * (self.modules + 2 * QUIET_ZONE_MODULES) / self.modules, 2)


def qr_code(url: str) -> QrCode:
    symbol = segno.make_qr(url, error=ERROR_CORRECTION, boost_error=True)
    buffer = io.BytesIO()
    symbol.save(buffer, kind="png", scale=1, border=QUIET_ZONE_MODULES, dark="#000", light="#fff")
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    width, _ = symbol.symbol_size(scale=1, border=0)
    return QrCode(url=url, data_url=f"data:image/png;base64,{encoded}", modules=width)
