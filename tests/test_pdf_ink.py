"""The suite's PDF reader (tests/pdf_ink.py) reads chars straight off pdfminer for speed: on a
real sheet, what it reads must be what pdfplumber itself gives."""

from __future__ import annotations

import io

import pdfplumber

from tests.conftest import SHEETS, bundle, rendered
from tests.pdf_ink import _layout_objects


def _has_qr_code(sheet: tuple[str, str, str]) -> bool:
    scenario, carrier, _ = sheet
    return any(fact.kind == "website" and fact.url and fact.is_statement
               for fact in bundle().facts_for(scenario, carrier))


# The last sheet of the matrix with a QR code (a picture to read too).
SHEET = next(sheet for sheet in reversed(SHEETS) if _has_qr_code(sheet))


def _without_streams(images: list[dict]) -> list[dict]:
    """An image's stream object is the parse's own (compared by identity): the rest is data."""
    return [{key: value for key, value in image.items() if key != "stream"} for image in images]


def test_the_fast_reading_gives_pdfplumbers_chars_objects_and_text():
    data = rendered(*SHEET).data
    with pdfplumber.open(io.BytesIO(data)) as ours, pdfplumber.open(io.BytesIO(data)) as theirs:
        images = 0
        for mine, reference in zip(ours.pages, theirs.pages, strict=True):
            chars, others = _layout_objects(mine)
            assert chars, f"page {mine.page_number}: no text read"
            assert len(chars) == len(reference.chars)
            for char, expected in zip(chars, reference.chars, strict=True):
                assert char == {key: expected[key] for key in char}, (mine.page_number, char)
            for kind in ("rect", "line", "curve"):
                assert others.get(kind, []) == getattr(reference, f"{kind}s"), kind
            assert _without_streams(others.get("image", [])) == _without_streams(reference.images)
            images += len(reference.images)
            textmap = pdfplumber.utils.chars_to_textmap(
                chars, layout_bbox=mine.bbox, layout_width=mine.width,
                layout_height=mine.height)
            assert textmap.as_string == reference.extract_text()
    assert images, f"{SHEET}: no picture read"
