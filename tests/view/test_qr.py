import base64
import io

import pytest
from PIL import Image

from generator.view.qr import QUIET_ZONE_MODULES, qr_code


@pytest.mark.parametrize("url", ["https://mts.ru/", "https://moskva.beeline.ru/customers/"])
def test_png_has_one_pixel_per_module_and_a_quiet_zone(url):
    code = qr_code(url)
    assert code.url == url
    header, payload = code.data_url.split(",", 1)
    assert header == "data:image/png;base64"
    image = Image.open(io.BytesIO(base64.b64decode(payload))).convert("L")
    assert image.size == (code.modules + 2 * QUIET_ZONE_MODULES,) * 2
    border = [image.getpixel((x, y)) for x in range(image.width) for y in range(QUIET_ZONE_MODULES)]
    assert min(border) == 255, "the quiet zone is light"
    assert image.getpixel((QUIET_ZONE_MODULES, QUIET_ZONE_MODULES)) == 0, "finder pattern"
    # The printed symbol's size is measured on the PDF: tests/sheets/test_print_rules.py.
