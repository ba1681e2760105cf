import pytest

from generator.render.paper import (
    BOX_HEIGHT_MM,
    BOX_WIDTH_MM,
    FOOTER_GAP_MM,
    FOOTER_HEIGHT_MM,
    PAPERS,
)


@pytest.mark.parametrize("name", list(PAPERS))
def test_margins_centre_the_box_and_are_at_least_10_mm(name):
    paper = PAPERS[name]
    assert paper.side_margin_mm * 2 + BOX_WIDTH_MM == pytest.approx(paper.width_mm)
    body = paper.height_mm - paper.top_margin_mm - paper.bottom_margin_mm
    assert body + FOOTER_GAP_MM + FOOTER_HEIGHT_MM == pytest.approx(BOX_HEIGHT_MM)
    footer = FOOTER_GAP_MM + FOOTER_HEIGHT_MM
    assert paper.top_margin_mm == pytest.approx(paper.bottom_margin_mm - footer)
    assert min(paper.side_margin_mm, paper.top_margin_mm) >= 10


def test_page_css_names_the_size_and_margins():
    css = PAPERS["letter"].page_css()
    assert "size: 215.9mm 279.4mm" in css
    assert "margin: 10.20mm 12.95mm 19.70mm 12.95mm" in css
    assert "@bottom-center { padding-top: 1.5mm; }" in css
