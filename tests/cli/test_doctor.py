from click.testing import CliRunner

from generator.cli import doctor
from generator.cli.main import cli
from tests.conftest import bundle


def test_doctor_passes_on_a_set_up_machine():
    result = CliRunner().invoke(cli, ["doctor"])
    assert result.exit_code == 0, result.output
    assert "✓ HarfBuzz subsetting" in result.output
    assert "cover all" in result.output


def test_doctor_fails_with_the_fix_when_a_font_is_missing(monkeypatch):
    monkeypatch.setattr(doctor, "font_file", lambda family: None)
    result = CliRunner().invoke(cli, ["doctor"])
    assert result.exit_code == 1
    assert "✗ fonts for zh-Hans, ru, en: Noto Sans CJK SC is not installed" in result.output
    assert "fix: sudo apt-get install -y fonts-noto-cjk" in result.output


def test_doctor_fails_when_harfbuzz_subsetting_is_missing(monkeypatch):
    monkeypatch.setattr(doctor, "harfbuzz_subset_available", lambda: False)
    result = CliRunner().invoke(cli, ["doctor"])
    assert result.exit_code == 1
    assert "libharfbuzz-subset0" in result.output


def test_coverage_names_characters_no_font_has():
    path = doctor.font_file("Noto Sans CJK SC")
    assert doctor.missing_characters(path, {"注", "Ж", "\U0010fffd"}) == ["\U0010fffd"]
    assert "₽" in doctor.content_characters(bundle())


def test_doctor_shows_each_weasyprint_adapter_as_active():
    from generator.render.weasyprint.adapters import ADAPTERS

    result = CliRunner().invoke(cli, ["doctor"])
    for adapter in ADAPTERS:
        assert f"✓ adapter {adapter.name}: active" in result.output


def test_an_adapter_whose_private_api_is_gone_fails_doctor_and_warns_once_on_render(
        monkeypatch):
    """As after a WeasyPrint upgrade that renamed the tag builder: /Lang would vanish."""
    from weasyprint.pdf import tags

    from generator.render import pdf
    from generator.render.pipeline import RenderRequest, render

    original = tags._build_box_tree

    def renamed(page_box, *args, **kwargs):  # same work, another signature
        yield from original(page_box, *args, **kwargs)

    monkeypatch.setattr(tags, "_build_box_tree", renamed)
    result = CliRunner().invoke(cli, ["doctor"])
    assert result.exit_code == 1
    assert "✗ adapter tagged /Lang: not active: structure elements get no /Lang" in result.output
    monkeypatch.setattr(pdf, "_start_up_warnings_given", False)
    first = render(RenderRequest(), bundle()).warnings
    second = render(RenderRequest(), bundle()).warnings
    assert [w for w in first if "tagged /Lang" in w] and "no longer applies" in first[0]
    assert second == []


def test_a_switched_off_trick_is_shown_as_a_choice_not_a_failure(monkeypatch):
    from generator import speed

    monkeypatch.setenv(speed.OFF_ENV, "ua-trim")
    speed._off.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["doctor"])
    finally:
        monkeypatch.delenv(speed.OFF_ENV)
        speed._off.cache_clear()
    assert "✓ adapter trimmed default stylesheet: switched off" in result.output
