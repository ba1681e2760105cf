"""The phone page says where each of its parts is on the printed sheet, so that a checklist
item's "hand page 2 to the staff" leads somewhere on the phone; the drafts, which only the PDF
holds, are pointed to by their page. Expectations come from the content (expected_parts)."""

from __future__ import annotations

import html as html_module
import re

import pytest

from generator.content.interface import load_yaml
from generator.content.loading import DEFAULT_CONTENT_DIR
from generator.render.pipeline import RenderRequest, render
from tests.conftest import bundle, expected_parts

UI = load_yaml(DEFAULT_CONTENT_DIR / "ui.yaml").data["phone"]
# the parts the phone page shows, each labelled with its printed page
ON_THE_PHONE = ("checklist", "staff_card", "questions", "carrier", "phrasebook")


def labels(html: str) -> list[str]:
    found = re.findall(r'<span class="printed-page">(.*?)</span></span>', html, flags=re.S)
    return [html_module.unescape(re.sub(r"<[^>]+>", "", label)) for label in found]


@pytest.mark.parametrize("scenario", list(bundle().scenarios))
def test_each_part_on_the_phone_is_labelled_with_its_printed_page(scenario):
    carrier = bundle().meta.defaults.carrier
    language = bundle().meta.defaults.language
    result = render(RenderRequest(scenario=scenario, carrier=carrier, language=language,
                                  output_format="phone"), bundle())
    html = result.data.decode("utf-8")
    parts = expected_parts(scenario, carrier)
    shown = labels(html)
    for part in ON_THE_PHONE:
        if part not in parts:
            continue
        page = str(parts.index(part) + 1)
        user = UI["printed_page"][language].replace("{page}", page)
        russian = UI["printed_page"]["ru"].replace("{page}", page)
        assert f"{user} · {russian}" in shown or f"{russian} · {user}" in shown, (part, shown)
    pointer = UI["drafts_in_pdf"][language].split("{page}")[0]
    if "application" in parts:
        page = str(parts.index("application") + 1)
        assert html_module.escape(UI["drafts_in_pdf"][language].replace("{page}", page),
                                  quote=False) in html
    else:
        assert html_module.escape(pointer, quote=False) not in html
