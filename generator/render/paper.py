"""Paper sizes and the @page rule for each: content always sits in one centred box.

The box (print-rules.md rule 9) is 190 × 259 mm, the running footer included, so a sheet
laid out once prints unclipped on A4 and on US Letter: only the margins around it change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PaperName = Literal["a4", "letter"]
DEFAULT_PAPER: PaperName = "a4"

BOX_WIDTH_MM = 190.0
BOX_HEIGHT_MM = 259.0
FOOTER_HEIGHT_MM = 8.0  # the last 8 mm of the box: the @bottom-center margin box
FOOTER_GAP_MM = 1.5  # white space between a full page's last line and the footer's rule


@dataclass(frozen=True)
class Paper:
    name: PaperName
    width_mm: float
    height_mm: float

    @property
    def side_margin_mm(self) -> float:
        return (self.width_mm - BOX_WIDTH_MM) / 2

    @property
    def top_margin_mm(self) -> float:
        return (self.height_mm - BOX_HEIGHT_MM) / 2

    @property
    def bottom_margin_mm(self) -> float:
        # The footer and the gap above it are drawn in the bottom margin, inside the box.
        return self.top_margin_mm + FOOTER_HEIGHT_MM + FOOTER_GAP_MM

    def page_css(self) -> str:
        return (
            f"@page {{ size: {self.width_mm}mm {self.height_mm}mm; "
            f"margin: {self.top_margin_mm:.2f}mm {self.side_margin_mm:.2f}mm "
            f"{self.bottom_margin_mm:.2f}mm {self.side_margin_mm:.2f}mm; "
            f"@bottom-center {{ padding-top: {FOOTER_GAP_MM}mm; }} }}\n"
        )


PAPERS: dict[str, Paper] = {
    "a4": Paper("a4", 210.0, 297.0),
    "letter": Paper("letter", 215.9, 279.4),
}
