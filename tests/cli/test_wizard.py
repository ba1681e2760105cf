"""The wizard in a plain terminal: typed answers in, a PDF out, prompts from content/."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from generator.cli import wizard
from generator.cli.wizard import Option, match_option
from generator.content.interface import load_wizard_strings
from generator.content.loading import load_content
from tests.helpers import add_fictional_carrier, copy_content, run


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_a_newcomer_gets_a_pdf_by_chinese_alias_and_russian_carrier_name(in_tmp):
    result = run("wizard", input="退卡\nмегафон\n\n\n")
    assert result.exit_code == 0, result.output
    strings = load_wizard_strings(load_content().root)
    for text in (strings.welcome, strings.situation_heading, strings.carrier_heading,
                 strings.done, strings.next_step):
        assert text["zh-Hans"] in result.output and text["en"] in result.output
    target = Path("output/cancel-megafon-zh-Hans.pdf")
    assert f"  {target}\n" in result.output
    assert "МегаФон" in pdf_text(in_tmp / target)


def test_pressing_enter_takes_the_defaults_and_numbers_work(in_tmp):
    result = run("wizard", "-o", "mine.pdf", input="\n\n\n\n")
    assert result.exit_code == 0, result.output
    assert "Любой оператор" in pdf_text(in_tmp / "mine.pdf")
    by_number = run("wizard", "-o", "by-number.pdf", input="1\n3\n\n\n")
    assert by_number.exit_code == 0, by_number.output
    assert "3) MTS / МТС  [mts]" in by_number.output
    assert "МТС" in pdf_text(in_tmp / "by-number.pdf")


def test_an_unknown_answer_is_asked_again_in_both_languages(in_tmp):
    result = run("wizard", "-o", "x.pdf", input="explode\n注销手机卡\nVodafone\nt2\n\n\n")
    assert result.exit_code == 0, result.output
    assert "没有找到“explode”" in result.output
    assert "“Vodafone” is not in the list" in result.output
    assert "T2" in pdf_text(in_tmp / "x.pdf")


def test_closing_the_input_stops_without_writing(in_tmp):
    result = run("wizard", input="注销\n")
    assert result.exit_code == 130
    assert not (in_tmp / "output").exists()


def test_a_carrier_added_by_yaml_is_offered(in_tmp):
    content = copy_content(in_tmp, keep_carriers=("generic", "mts"))
    add_fictional_carrier(content)
    result = run("--content-dir", str(content), "wizard", "-o", "polar.pdf",
                 input="cancel\n极光\n\n\n")
    assert result.exit_code == 0, result.output
    assert "极光通信 / Полярная связь  [polar]" in result.output
    assert "Полярная связь" in pdf_text(in_tmp / "polar.pdf")


def test_profile_question_is_asked_only_when_the_render_request_takes_a_profile(in_tmp):
    strings = load_wizard_strings(load_content().root)
    result = run("wizard", "-o", "x.pdf", input="\n\n\n\n")  # spare: language, "N"
    assert (strings.profile_question["zh-Hans"] in result.output) == wizard.profile_supported()


def test_matching_by_number_id_name_and_unique_part():
    options = [Option("mts", "MTS", ("MTS", "МТС")), Option("t2", "T2", ("T2 (Tele2)",)),
               Option("megafon", "MegaFon", ("MegaFon", "МегаФон"))]
    assert match_option(options, " 2 ").id == "t2"
    assert match_option(options, "мтс").id == "mts"
    assert match_option(options, "tele 2").id == "t2"  # white space and case do not matter
    assert match_option(options, "Мега").id == "megafon"
    assert match_option(options, "4") is None
    assert match_option(options, "m") is None  # one letter is too little to guess from
    assert match_option(options, "") is None


def test_a_sheet_in_several_languages_asks_which_one():
    from types import SimpleNamespace

    from click.testing import CliRunner

    from generator.cli.wizard import Wizard
    from generator.models import LanguageInfo

    meta = SimpleNamespace(
        user_languages=[LanguageInfo(code="zh-Hans", name="简体中文"),
                        LanguageInfo(code="zh-Hant", name="繁體中文"),
                        LanguageInfo(code="en", name="English")],
        defaults=SimpleNamespace(language="zh-Hans"),
    )
    bundle = SimpleNamespace(meta=meta, languages_for=lambda s, c: ["zh-Hans", "zh-Hant", "en"])
    strings = load_wizard_strings(load_content().root)
    shown = []
    with CliRunner().isolation(input="繁體\n"):
        chosen = Wizard(bundle, strings, echo=shown.append).ask_language("cancel", "mts")
    assert chosen == "zh-Hant"
    assert "  2) 繁體中文  [zh-Hant]" in shown
    with CliRunner().isolation(input="\n"):
        assert Wizard(bundle, strings, echo=shown.append).ask_language("x", "y") == "zh-Hans"


# A word that means more than one situation (meta.yaml `ambiguous_aliases`, e.g. 保号卡).


def ambiguous_word():
    bundle = load_content()
    word, meant = next(iter(bundle.meta.ambiguous_aliases.items()))
    numbers = [list(bundle.scenarios).index(scenario_id) + 1 for scenario_id in meant]
    return bundle, word, meant, numbers


def test_a_word_with_two_meanings_is_asked_back_with_its_choices(in_tmp):
    bundle, word, meant, numbers = ambiguous_word()
    result = run("wizard", "-o", "x.pdf", input=f"{word}\n{numbers[-1]}\n\n\n\n")
    assert result.exit_code == 0, result.output
    choices = ", ".join(f"{number}) {scenario_id}" for number, scenario_id
                        in zip(numbers, meant, strict=True))
    strings = load_wizard_strings(bundle.root)
    for code in strings.languages:
        assert strings.ambiguous[code].format(answer=word, choices=choices) in result.output
    title = bundle.scenarios[meant[-1]].title["ru"]
    assert title in pdf_text(in_tmp / "x.pdf").replace("\u00a0", " ").replace("\n", " ")


def test_the_same_word_on_the_command_line_names_every_choice_and_stops(in_tmp):
    _, word, meant, _ = ambiguous_word()
    result = run("render", "-s", word, "-o", "x.pdf")
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and all(f"-s {scenario_id}" in lines[0] for scenario_id in meant)
    assert not (in_tmp / "x.pdf").exists()


@pytest.mark.parametrize(("meant", "found"), [
    ("[cancel, keep-number]\n  保号: [cancel, esim]", "already names scenario 'keep-number'"),
    ("[cancel, nowhere]", "unknown scenario 'nowhere'"),
])
def test_validate_refuses_an_ambiguous_word_that_is_an_alias_or_names_nothing(tmp_path, meant,
                                                                             found):
    content = copy_content(tmp_path)
    meta = content / "meta.yaml"
    text = meta.read_text(encoding="utf-8")
    assert text.count("  保号卡: [cancel, keep-number]") == 1
    meta.write_text(text.replace("  保号卡: [cancel, keep-number]", f"  保号卡: {meant}"),
                    encoding="utf-8")
    result = run("--content-dir", str(content), "validate")
    assert result.exit_code == 2 and found in result.output and "meta.yaml:" in result.output
