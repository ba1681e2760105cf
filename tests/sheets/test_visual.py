"""Visual regression: page 1 of every scenario (generic carrier, zh-Hans) as a small greyscale
image, compared with tests/sheets/reference/. After an intended change of layout or content:

    .venv/bin/python -m pytest tests/sheets/test_visual.py --update-references

rewrites the references; look at them before committing."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from generator.render.pipeline import RenderRequest, render
from tests.conftest import bundle

REFERENCE_DIR = Path(__file__).parent / "reference"
RESOLUTION = 30  # dpi: layout shifts show, font rasterising noise does not
# A fixed date: the footer prints the generation date, which must not fail the test tomorrow.
FIXED_DATE = dt.date(2026, 1, 1)
PIXEL_THRESHOLD = 64  # grey levels: smaller differences are anti-aliasing
MAX_CHANGED_RATIO = 0.005  # of all pixels


def first_page_image(scenario: str, tmp_path: Path) -> Image.Image:
    request = RenderRequest(scenario=scenario, carrier="generic", language="zh-Hans",
                            generated=FIXED_DATE)
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(render(request, bundle()).data)
    subprocess.run(["pdftoppm", "-gray", "-png", "-r", str(RESOLUTION), "-f", "1", "-l", "1",
                    "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    return Image.open(tmp_path / "page.png").convert("L")


SCENARIOS = [scenario for scenario in bundle().scenarios
             if "zh-Hans" in bundle().languages_for(scenario, "generic")]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_first_page_looks_like_the_reference(scenario, tmp_path, request):
    image = first_page_image(scenario, tmp_path)
    reference_path = REFERENCE_DIR / f"{scenario}-generic-zh-Hans.png"
    if request.config.getoption("--update-references"):
        REFERENCE_DIR.mkdir(exist_ok=True)
        image.save(reference_path, optimize=True)
        return
    assert reference_path.exists(), (
        f"no reference for {scenario}: run pytest tests/sheets/test_visual.py --update-references")
    reference = Image.open(reference_path).convert("L")
    assert image.size == reference.size
    difference = ImageChops.difference(image, reference).point(
        lambda value: 255 if value > PIXEL_THRESHOLD else 0)
    changed = difference.histogram()[255] / (image.width * image.height)
    if changed > MAX_CHANGED_RATIO:
        difference.save(tmp_path / "difference.png")
    assert changed <= MAX_CHANGED_RATIO, (
        f"{changed:.2%} of page 1 changed (see {tmp_path / 'difference.png'}); if intended, "
        "run pytest tests/sheets/test_visual.py --update-references"
    )
