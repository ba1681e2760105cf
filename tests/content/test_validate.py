"""`sim-checklist validate`: each kind of content error at its file:line, stale facts warned."""

import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.main import cli
from generator.content.loading import DEFAULT_CONTENT_DIR
from generator.content.validate import validate_content
from tests.content_tools import replace_once

PROJECT = Path(__file__).resolve().parents[2]
CHECKED = dt.date(2026, 11, 21)  # the date every shipped fact was checked


@pytest.fixture
def content(content_copy) -> Path:
    return content_copy


replace = replace_once


def line_above(path: Path, line: int, start: str) -> int:
    """The nearest line above `line` that starts with `start` (leading spaces included), so a
    test follows the content when lines are added above or between (new languages, facts)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number in range(line - 1, 0, -1) if lines[number - 1].startswith(start))


def errors_of(folder: Path) -> list[str]:
    return [error.format() for error in validate_content(folder, today=CHECKED).errors]


def validate_cli(folder: Path):
    return CliRunner().invoke(cli, ["--content-dir", str(folder), "validate"],
                              prog_name="sim-checklist")


def test_the_shipped_content_is_valid_without_warnings():
    report = validate_content(DEFAULT_CONTENT_DIR, today=CHECKED)
    assert report.errors == []
    assert report.warnings == []
    # every file of every kind validate reads (the registry), as it lies in the folder
    from generator.content.registry import VALIDATE, kinds_read_by

    expected = sum(len(kind.paths(DEFAULT_CONTENT_DIR)) for kind in kinds_read_by(VALIDATE))
    assert report.files == expected
    assert report.facts > 60


def test_cli_reports_success_with_exit_0():
    result = validate_cli(DEFAULT_CONTENT_DIR)
    assert result.exit_code == 0, result.output
    assert "no errors" in result.stdout


def test_unknown_key(content):
    path = content / "scenarios" / "proxy.yaml"
    line = replace(path, "id: proxy\n", "id: proxy\ncolour: red\n") + 1
    assert f"{path}:{line}: colour: unknown key; check its spelling or remove it" in errors_of(
        content)


@pytest.mark.parametrize("name, key", [
    ("applications.yaml", "drafts:\n"), ("phrasebook.yaml", "heading:\n"),
    ("catalog.yaml", "title:\n"), ("wizard.yaml", "languages:"),
])
def test_every_file_render_and_build_all_read_is_validated(content, name, key):
    """validate once skipped the drafts, phrasebook, catalog and wizard: a misspelt key there
    passed `validate` and then failed `render` or `build-all`."""
    path = content / name
    line = replace(path, key, "colour: red\n" + key)
    assert f"{path}:{line}: colour: unknown key; check its spelling or remove it" in errors_of(
        content)


def test_a_draft_for_an_unknown_scenario(content):
    replace(content / "applications.yaml", "scenarios: [proxy]", "scenarios: [proxi]")
    assert any("drafts." in error and "unknown scenario 'proxi'" in error
               for error in errors_of(content))


def test_missing_language_in_a_string(content):
    path = content / "scenarios" / "lost.yaml"
    line = replace(path, "      - text:\n          zh-Hans: 护照已经拿回。\n",
                   "      - text:\n          zh-Hans: ''\n")
    errors = errors_of(content)
    assert any(e.startswith(f"{path}:{line}: sections.2.items.3.text: missing text in zh-Hans")
               for e in errors), errors


def test_missing_russian_in_a_fact(content):
    path = content / "general.yaml"
    line = replace(path, "      ru: Замена SIM-карты бесплатна.\n", "")
    errors = errors_of(content)
    text_line = line_above(path, line, "    text:")  # the fact's text, above the removed `ru:`
    assert text_line < line - 1  # the user languages' lines sit between
    assert any(e.startswith(f"{path}:{text_line}: facts.")
               and e.endswith(".text: missing text in ru") for e in errors), errors


def test_language_not_declared_by_the_file(content):
    """meta.yaml lists en, the file's `languages` does not: its en texts are refused."""
    path = content / "carriers" / "yota.yaml"
    replace(path, "languages: [zh-Hans, zh-Hant, en]\n", "languages: [zh-Hans, zh-Hant]\n")
    name_line = replace(path, "name:\n", "name:\n")
    errors = errors_of(content)
    assert any(e.startswith(f"{path}:{name_line}: name: language en is not in this file's")
               for e in errors), errors


def test_bad_date(content):
    path = content / "carriers" / "t2.yaml"
    line = replace(path, "    checked: 2026-11-21\n", "    checked: 2026-13-01\n")
    errors = errors_of(content)
    assert any(e.startswith(f"{path}:{line}: facts.0.checked:") for e in errors), errors


def test_bad_confidence(content):
    path = content / "carriers" / "beeline.yaml"
    line = replace(path, "    confidence: likely\n", "    confidence: probably\n")
    assert (f"{path}:{line}: facts.2.confidence: Input should be 'confirmed', 'likely' or "
            "'unconfirmed'") in errors_of(content)


def test_fact_without_source(content):
    path = content / "carriers" / "yota.yaml"
    line = replace(path, "    source: https://manyme.ru/articles/kak-proverit-i-pogasit-"
                   "zadolzhennost-v-yota\n", "")
    errors = errors_of(content)
    fact_line = line_above(path, line, "  - id: balance-code")  # where facts.1 starts
    assert f"{path}:{fact_line}: facts.1.source: this key is missing; add it" in errors, errors


def test_unknown_scenario_reference(content):
    path = content / "carriers" / "megafon.yaml"
    line = replace(path, "scenarios: [keep-number]", "scenarios: [keep-numbre]")
    known = ", ".join(sorted(path.stem for path in (content / "scenarios").glob("*.yaml")))
    expected = re.compile(rf"{re.escape(f'{path}:{line}:')} facts\.\d+\.scenarios\.0: unknown "
                          rf"scenario 'keep-numbre'; known: {re.escape(known)}$")
    errors = errors_of(content)
    assert any(expected.match(error) for error in errors), errors


def test_duplicate_alias_across_scenarios(content):
    path = content / "scenarios" / "transfer.yaml"
    line = replace(path, "aliases: [过户,", "aliases: [挂失, 过户,")
    assert (f"{path}:{line}: aliases.0: alias '挂失' already names scenario 'lost'; each alias "
            "must lead to one scenario") in errors_of(content)


def test_alias_equal_to_another_scenario_id(content):
    path = content / "scenarios" / "esim.yaml"
    replace(path, "aliases: [eSIM,", "aliases: [cancel, eSIM,")
    assert any("aliases.0: alias 'cancel' already names scenario 'cancel'" in e
               for e in errors_of(content))


def test_carrier_fact_replacing_a_general_fact_keeps_its_kind(content):
    path = content / "carriers" / "mts.yaml"
    line = replace(path, "  - id: hotline\n    kind: hotline\n",
                   "  - id: right-to-terminate\n    kind: hotline\n") + 1
    assert (f"{path}:{line}: facts.1.kind: replaces the general fact 'right-to-terminate' of "
            "kind 'rule'; use the same kind or another id") in errors_of(content)


def test_broken_yaml(content):
    path = content / "scenarios" / "keep-number.yaml"
    line = replace(path, "aliases: [停机保号,", "aliases: [[停机保号,")
    errors = errors_of(content)
    assert any(e.startswith(f"{path}:") and "invalid YAML" in e for e in errors), errors
    reported = next(e for e in errors if "invalid YAML" in e)
    assert int(reported.split(":")[1]) >= line
    # The broken scenario is reported once, not again by every fact that names it.
    assert not any("unknown scenario 'keep-number'" in e for e in errors), errors


def test_russian_text_holding_chinese(content):
    path = content / "ui.yaml"
    line = replace(path, "  ru: Мой контрольный список\n", "  ru: 我的清单\n")
    assert (f"{path}:{line}: checklist_heading.ru: Russian text holds Chinese characters; are the "
            "languages swapped?") in errors_of(content)


def test_id_must_match_the_file_name(content):
    path = content / "carriers" / "yota.yaml"
    line = replace(path, "id: yota\n", "id: iota\n")
    assert f"{path}:{line}: id: must match the file name 'yota'" in errors_of(content)


def test_every_problem_of_every_file_is_reported_at_once(content):
    replace(content / "scenarios" / "proxy.yaml", "id: proxy\n", "id: proxy\ncolour: red\n")
    replace(content / "carriers" / "t2.yaml", "    checked: 2026-11-21\n",
            "    checked: 21.11.2026\n")
    replace(content / "general.yaml", "    confidence: confirmed\n", "    confidence: sure\n")
    errors = errors_of(content)
    assert len(errors) == 3, errors
    assert [Path(e.split(":")[0]).name for e in errors] == ["general.yaml", "proxy.yaml", "t2.yaml"]


def test_stale_fact_is_a_warning_not_an_error(content):
    path = content / "carriers" / "mts.yaml"
    line = replace(path, "    checked: 2026-11-21\n", "    checked: 2025-11-20\n")
    report = validate_content(content, today=CHECKED)
    assert report.errors == []
    assert [w.format() for w in report.warnings] == [
        f"{path}:{line}: facts.0.checked: fact 'website' was checked on 2025-11-20, more than 12 "
        "months ago; check its source again and update the date"
    ]
    result = validate_cli(content)  # today is later than CHECKED: still a warning, exit 0
    assert result.exit_code == 0, result.output
    assert f"warning: {path}:{line}: facts.0.checked:" in result.stderr


def test_exactly_twelve_months_is_not_yet_stale():
    report = validate_content(DEFAULT_CONTENT_DIR, today=dt.date(2027, 11, 21))
    assert report.warnings == []
    report = validate_content(DEFAULT_CONTENT_DIR, today=dt.date(2027, 11, 22))
    assert len(report.warnings) == report.facts


def test_cli_prints_each_error_as_file_line_and_exits_2(content):
    path = content / "carriers" / "beeline.yaml"
    line = replace(path, "    confidence: likely\n", "    confidence: probably\n")
    result = validate_cli(content)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines[0] == (f"{path}:{line}: facts.2.confidence: Input should be 'confirmed', "
                        "'likely' or 'unconfirmed'")
    assert lines[-1].startswith("✗ 1 error(s)")
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_missing_content_folder_is_one_line_exit_2(tmp_path):
    result = validate_cli(tmp_path / "nowhere")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'nowhere'}: content folder not found"


def test_a_broken_default_carrier_is_reported_once(content):
    path = content / "carriers" / "generic.yaml"
    replace(path, "generic: true\n", "generic: yes please\n")
    errors = errors_of(content)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{path}:")
