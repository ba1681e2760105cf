"""The @page rule of each paper: the same centred content box on A4 and on US Letter."""

import re

import pytest

from generator.render.paper import PAPERS

# Print rule 9: a 190 × 259 mm box, centred, at least 10 mm from every edge; its last 9.5 mm
# are the footer (8 mm) and the gap above it (1.5 mm), drawn in the bottom page margin.
BOX_MM = (190, 259)
FOOTER_MM = 9.5


def page_css_numbers(name: str) -> tuple[float, ...]:
    """(width, height, top, right, bottom, left) in mm, read from the paper's CSS."""
    css = PAPERS[name].page_css()
    size = re.search(r"size: ([\d.]+)mm ([\d.]+)mm;", css)
    margin = re.search(r"margin: ([\d.]+)mm ([\d.]+)mm ([\d.]+)mm ([\d.]+)mm;", css)
    assert size and margin, css
    return tuple(float(value) for value in (*size.groups(), *margin.groups()))


@pytest.mark.parametrize("name", list(PAPERS))
def test_every_paper_has_the_same_box_centred_by_construction(name):
    """The page CSS leaves the same box on every paper: a sheet laid out once fits all."""
    width, height, top, right, bottom, left = page_css_numbers(name)
    assert width - left - right == pytest.approx(BOX_MM[0], abs=0.01)
    assert height - top - bottom + FOOTER_MM == pytest.approx(BOX_MM[1], abs=0.01)
    assert left == pytest.approx(right, abs=0.01)
    assert top == pytest.approx(bottom - FOOTER_MM, abs=0.01)  # centred, the footer included
    assert min(top, right, bottom - FOOTER_MM, left) >= 10


def test_page_css_names_the_size_and_margins():
    css = PAPERS["letter"].page_css()
    assert "size: 215.9mm 279.4mm" in css
    assert "margin: 10.20mm 12.95mm 19.70mm 12.95mm" in css
    assert "@bottom-center { padding-top: 1.5mm; }" in css
