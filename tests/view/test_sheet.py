"""The view decides what the sheet shows: here, when the carrier page gets a QR code."""

import shutil

from generator.content.loading import DEFAULT_CONTENT_DIR, load_content
from generator.render.pipeline import RenderRequest, build_view


def test_a_stated_website_gets_a_qr_code_of_its_url_and_the_generic_sheet_none():
    assert build_view(RenderRequest(carrier="mts")).carrier.qr.code.url == "https://mts.ru/"
    assert build_view(RenderRequest(carrier="generic")).carrier.qr is None


def test_an_unconfirmed_website_gets_no_qr_code(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, content)
    mts = content / "carriers" / "mts.yaml"
    text = mts.read_text(encoding="utf-8")
    stated = "    url: https://mts.ru/\n"
    assert stated in text
    mts.write_text(text.replace(stated, stated + (
        "    question:\n"
        "      zh-Hans: 官方网站是哪个？\n"
        "      zh-Hant: 官方網站是哪個？\n"
        "      en: Which is the official website?\n"
        "      ru: Какой у вас официальный сайт?\n"
    ), 1).replace("confidence: confirmed", "confidence: unconfirmed", 1), encoding="utf-8")
    view = build_view(RenderRequest(carrier="mts", content_dir=content), load_content(content))
    assert view.carrier.qr is None
