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
