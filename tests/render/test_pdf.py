import io

import pdfplumber
import pytest

from generator.errors import RenderError
from generator.render import pdf as pdf_module
from generator.render.html import TEMPLATES_DIR
from generator.render.paper import PAPERS
from generator.render.pdf import html_to_pdf
from generator.render.pipeline import RenderRequest, render
from tests.conftest import bundle

PAGE = '<html lang="ru"><body><p lang="ru">{}</p></body></html>'


def test_a_character_no_font_has_fails_the_render_naming_it(caplog):
    with pytest.raises(RenderError, match=r"U\+10FFFD"):
        html_to_pdf(PAGE.format("Номер \U0010fffd"), TEMPLATES_DIR, title="t", language="ru")
    caplog.clear()  # the warning WeasyPrint logged is the point of this test


def test_remote_and_outside_files_are_not_fetched(tmp_path, caplog):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not an image")
    html = PAGE.format(f'<img src="{secret.as_uri()}"><img src="http://192.0.2.1/x.png">')
    pdf, warnings = html_to_pdf(html, TEMPLATES_DIR, title="t", language="ru")
    assert pdf.startswith(b"%PDF")
    assert sum("blocked" in warning for warning in warnings) == 2
    caplog.clear()  # the refusals WeasyPrint logged are the point of this test


def _glyphs(pdf: bytes) -> list[tuple]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [[(c["text"], round(c["x0"], 2), round(c["top"], 2), round(c["size"], 2),
                  c["fontname"]) for c in page.chars] for page in document.pages]


@pytest.mark.parametrize("paper", list(PAPERS))
def test_the_stylesheet_handed_to_the_pdf_step_lays_out_as_the_inline_one(paper):
    """render() writes the HTML without its <style> and hands the PDF step the stylesheet,
    parsed once a process; the cascade must not change. The control: the self-contained
    `--format html` file, which WeasyPrint reads inline as any other page."""
    html = render(RenderRequest(paper=paper, output_format="html"), bundle()).data.decode()
    assert "<style>" in html  # the HTML file stays self-contained
    parsed_before = pdf_module._parsed_once.cache_info()
    fast = render(RenderRequest(paper=paper), bundle()).data
    fast_again = render(RenderRequest(paper=paper), bundle()).data
    parsed = pdf_module._parsed_once.cache_info()
    assert parsed.hits - parsed_before.hits >= 1
    assert parsed.misses - parsed_before.misses <= 1
    inline, _ = html_to_pdf(html, TEMPLATES_DIR, title="t", language="zh-Hans")
    assert pdf_module._parsed_once.cache_info().misses == parsed.misses
    assert _glyphs(fast) == _glyphs(inline) == _glyphs(fast_again)
