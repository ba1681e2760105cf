"""The pre-cut fonts: what they hold, that sheets use them, and that rare characters still
render from the system font behind them."""

from __future__ import annotations

import io

import pdfplumber
import pypdf
import pytest
from click.testing import CliRunner
from fontTools.ttLib import TTFont

from generator.cli.doctor import content_characters
from generator.cli.main import cli
from generator.render import pdf as pdf_module
from generator.render.fonts import CUTS, FONTS_DIR, cut_characters, level1_hanzi
from generator.render.html import TEMPLATES_DIR
from generator.render.pdf import html_to_pdf
from generator.render.pipeline import RenderRequest, render
from tests.conftest import bundle, rendered

RARE_NAME = "王堃"  # 堃 (U+5803): a name character outside GB2312 level 1, so outside the cut


def font_names(data: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return {str(font.get_object()["/BaseFont"]).split("+", 1)[1]
            for page in reader.pages for font in page["/Resources"]["/Font"].values()}


def test_level_one_tables_have_their_published_sizes():
    assert len(level1_hanzi("gb2312")) == 3755
    assert len(level1_hanzi("big5")) == 5401


def test_every_cut_holds_every_character_of_the_content_it_has():
    content = content_characters(bundle())
    for cut in CUTS:
        cmap = TTFont(str(FONTS_DIR / cut.file_name), lazy=True).getBestCmap()
        assert len(cmap) > 4500
        expected = cut_characters(cut, content)
        # ₽ and a few symbols are in no Noto Sans CJK face: DejaVu Sans carries them.
        missing = sorted(char for char in expected if ord(char) not in cmap
                         and char in content and char != "₽")
        assert not missing, f"{cut.file_name} lacks {missing}: run `sim-checklist fonts`"
        assert ord("堃") not in cmap


def test_the_sheet_uses_the_pre_cut_font_and_stays_small():
    data = rendered().data
    names = font_names(data)
    assert {"Sim-Noto-SC", "Sim-Noto-SC-Bold"} <= names
    assert not any(name.startswith("Noto-Sans-CJK") for name in names)
    assert len(data) < 200_000


def test_a_rare_character_renders_from_the_system_font_and_extracts():
    html = render(RenderRequest(output_format="html"), bundle()).data.decode()
    html = html.replace("</body>", f'<p lang="zh-Hans">{RARE_NAME}</p></body>')
    data, warnings = html_to_pdf(html, TEMPLATES_DIR, title="t", language="zh-Hans")
    assert warnings == []
    with pdfplumber.open(io.BytesIO(data)) as document:
        assert RARE_NAME in document.pages[-1].extract_text()
    names = font_names(data)
    assert "Sim-Noto-SC" in names and "Noto-Sans-CJK-SC" in names


@pytest.fixture
def no_harfbuzz_subset(monkeypatch):
    monkeypatch.setattr(pdf_module, "harfbuzz_subset_loaded", lambda: False)
    monkeypatch.setattr(pdf_module, "_start_up_warnings_given", False)


@pytest.mark.usefixtures("no_harfbuzz_subset")
def test_without_harfbuzz_subsetting_the_first_render_warns_once_with_the_fix():
    page = '<html lang="ru"><body><p lang="ru">Номер</p></body></html>'
    _, first = html_to_pdf(page, TEMPLATES_DIR, title="t", language="ru")
    _, second = html_to_pdf(page, TEMPLATES_DIR, title="t", language="ru")
    assert len(first) == 1 and "apt-get install -y libharfbuzz-subset0" in first[0]
    assert second == []


@pytest.mark.usefixtures("no_harfbuzz_subset")
def test_render_command_prints_the_harfbuzz_warning(tmp_path):
    result = CliRunner().invoke(cli, ["render", "-o", str(tmp_path / "s.pdf")],
                                prog_name="sim-checklist")
    assert result.exit_code == 0, result.output
    assert "warning: HarfBuzz subsetting" in result.output
    assert "sudo apt-get install -y libharfbuzz-subset0" in result.output


def test_doctor_fails_with_the_fix_when_the_fonts_are_not_cut(monkeypatch, tmp_path):
    from generator.render import fonts

    monkeypatch.setattr(fonts, "FONTS_DIR", tmp_path)
    result = CliRunner().invoke(cli, ["doctor"], prog_name="sim-checklist")
    assert result.exit_code == 1
    assert "✗ pre-cut fonts: not built" in result.output
    assert "fix: sim-checklist fonts" in result.output


def test_render_cuts_the_fonts_first_when_set_up_has_not(monkeypatch, tmp_path):
    from generator.cli import main as cli_module
    from generator.render import fonts

    calls = []
    monkeypatch.setattr(fonts, "FONTS_DIR", tmp_path / "none")
    monkeypatch.setattr(cli_module, "_build_fonts",
                        lambda *args, **kwargs: calls.append(args) or [])
    result = CliRunner().invoke(cli, ["render", "-o", str(tmp_path / "s.pdf")],
                                prog_name="sim-checklist")
    assert result.exit_code == 0, result.output
    assert "Cutting the fonts once" in result.output
    assert len(calls) == 1


def test_traditional_text_uses_the_traditional_cut():
    html = render(RenderRequest(output_format="html"), bundle()).data.decode()
    html = html.replace("</body>", '<p lang="zh-Hant">護照號碼與機主姓名</p></body>')
    data, warnings = html_to_pdf(html, TEMPLATES_DIR, title="t", language="zh-Hans")
    assert warnings == []
    assert "Sim-Noto-TC" in font_names(data)
    with pdfplumber.open(io.BytesIO(data)) as document:
        assert "護照號碼與機主姓名" in document.pages[-1].extract_text()
