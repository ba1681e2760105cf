import pytest

from generator.errors import RenderError
from generator.html import TEMPLATES_DIR
from generator.pdf import html_to_pdf

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
