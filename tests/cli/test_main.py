"""The command line: paths printed, one-line errors with exit code 2, nothing written on error."""

import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from generator.cli.main import cli

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args):
    return CliRunner().invoke(cli, list(args), prog_name="sim-checklist")


def test_render_with_no_options_writes_the_default_sheet(in_tmp):
    result = run("render")
    assert result.exit_code == 0, result.output
    target = Path("output/cancel-generic-zh-Hans.pdf")
    assert str(target) in result.output
    assert pypdf.PdfReader(in_tmp / target).pages


def test_render_accepts_aliases_case_and_writes_html(in_tmp):
    result = run("render", "-s", "注销", "-c", "MTS", "-l", "zh-hans", "--format", "html",
                 "-o", "sheet.html")
    assert result.exit_code == 0, result.output
    html = (in_tmp / "sheet.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-Hans">' in html


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", "-c", "vodafone"],
         "error: unknown carrier 'vodafone'; choose one of: beeline, generic, megafon, mts, t2"),
        (["render", "-s", "explode"], "error: unknown scenario 'explode'; choose one of: cancel"),
        (["render", "-l", "fr"], "error: unknown language 'fr'; choose one of: zh-Hans"),
        (["render", "--format", "docx"], "error: Invalid value for '--format'"),
        (["render", "--colour"], "error: No such option '--colour'"),
    ],
)
def test_bad_values_get_one_line_exit_2_and_no_file(in_tmp, args, message):
    existing = in_tmp / "output" / "cancel-generic-zh-Hans.pdf"
    existing.parent.mkdir()
    existing.write_bytes(b"keep me")
    result = CliRunner().invoke(cli, args, prog_name="sim-checklist")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(message)
    assert "Traceback" not in result.output
    assert sorted(p.name for p in existing.parent.iterdir()) == [existing.name]
    assert existing.read_bytes() == b"keep me"


def test_broken_content_dir_is_reported_as_file_line(in_tmp):
    folder = in_tmp / "content"
    folder.mkdir()
    (folder / "meta.yaml").write_text("content_version: 1\nstaff_language: de\n", encoding="utf-8")
    result = run("--content-dir", str(folder), "render")
    assert result.exit_code == 2
    assert f"{folder / 'meta.yaml'}:2: staff_language: Input should be 'ru'" in result.stderr
    assert not (in_tmp / "output").exists()


def test_output_path_that_is_a_folder_is_refused(in_tmp):
    (in_tmp / "out").mkdir()
    result = run("render", "-o", "out")
    assert result.exit_code == 2
    assert "out: is a folder" in result.stderr


def test_list_names_scenarios_carriers_and_languages():
    result = run("list")
    assert result.exit_code == 0
    for expected in ["cancel", "注销", "generic", "mts", "МТС", "t2", "zh-Hans", "简体中文"]:
        assert expected in result.output


def test_python_dash_m_runs_the_same_cli():
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    result = subprocess.run([sys.executable, "-m", "generator", "list"], capture_output=True,
                            text=True, env=env, cwd=PROJECT, check=False)
    assert result.returncode == 0, result.stderr
    assert "Carriers (-c):" in result.stdout


def test_a_language_a_file_lacks_is_refused_naming_the_files(in_tmp):
    import shutil

    from generator.content.loading import DEFAULT_CONTENT_DIR

    folder = in_tmp / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, folder)
    meta = folder / "meta.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace(
            "    name: English\n", "    name: English\n  - code: ko\n    name: 한국어\n"
        ),
        encoding="utf-8",
    )
    result = run("--content-dir", str(folder), "render", "-l", "ko", "-c", "mts")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: content/ui.yaml and content/general.yaml and scenario cancel and carrier mts "
        "and content/applications.yaml and content/phrasebook.yaml "
        "not yet translated to ko; this sheet exists in: zh-Hans, zh-Hant, en"
    )


def test_profile_template_prints_or_writes_and_never_overwrites(in_tmp):
    printed = run("profile-template")
    assert printed.exit_code == 0
    header = printed.output.splitlines()[0]
    assert header.startswith("# yaml-language-server: $schema=file://")
    schema = Path(header.split("$schema=file://", 1)[1])
    assert schema.is_file() and schema.name == "profile.schema.json"
    assert "passport_number:" in printed.output and printed.output.startswith("#")
    written = run("profile-template", "-o", "me.yaml")
    assert written.exit_code == 0
    assert (in_tmp / "me.yaml").read_text(encoding="utf-8") == printed.output
    (in_tmp / "me.yaml").write_text('name_latin: "ZHANG WEI"\n', encoding="utf-8")
    again = run("profile-template", "-o", "me.yaml")
    assert again.exit_code == 2
    assert again.stderr.strip() == (
        "error: me.yaml: already exists; it may hold your details, so it is kept"
    )
    assert (in_tmp / "me.yaml").read_text(encoding="utf-8") == 'name_latin: "ZHANG WEI"\n'


def test_render_with_a_missing_or_broken_profile_writes_nothing(in_tmp):
    missing = run("render", "--profile", "nope.yaml")
    assert missing.exit_code == 2
    assert missing.stderr.strip() == "error: nope.yaml: file not found"
    (in_tmp / "me.yaml").write_text('refund:\n  bik: "12345"\n', encoding="utf-8")
    broken = run("render", "--profile", "me.yaml")
    assert broken.exit_code == 2
    assert broken.stderr.strip() == (
        "error: me.yaml:2: refund.bik: a BIK has 9 digits, this one has 5"
    )
    assert not (in_tmp / "output").exists()



def test_list_shows_each_language_by_its_own_name_with_its_coverage(tmp_path):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    carrier = content / "carriers/mts.yaml"
    lines = carrier.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.lstrip().startswith("en:")]
    carrier.write_text("".join(kept).replace("[zh-Hans, zh-Hant, en]", "[zh-Hans, zh-Hant]"),
                       encoding="utf-8")
    result = run("--content-dir", str(content), "list")
    assert result.exit_code == 0, result.output
    # counted from the folder, so adding a scenario or carrier does not break this test:
    # one file per scenario and carrier plus the files every sheet shares
    scenarios = len(list((content / "scenarios").glob("*.yaml")))
    carriers = len(list((content / "carriers").glob("*.yaml")))
    files = scenarios + carriers + len(("ui", "general", "applications", "phrasebook"))
    sheets = scenarios * carriers
    assert (f"zh-Hant      繁體中文: files {files}/{files}, "
            f"sheets {sheets}/{sheets}") in result.output
    # without MTS in English: one file fewer, and each scenario's MTS sheet is missing
    assert (f"en           English: files {files - 1}/{files}, "
            f"sheets {sheets - scenarios}/{sheets}") in result.output
    refused = run("--content-dir", str(content), "render", "-c", "mts", "-l", "en")
    assert refused.exit_code == 2
    assert "not yet translated to en" in refused.output


def test_render_on_letter_paper_and_a_bad_paper_is_one_line(in_tmp):
    result = run("render", "--paper", "letter")
    assert result.exit_code == 0, result.output
    page = pypdf.PdfReader(in_tmp / "output/cancel-generic-zh-Hans-letter.pdf").pages[0]
    assert [round(float(v)) for v in page.mediabox] == [0, 0, 612, 792]
    result = run("render", "--paper", "a3", "-o", "x.pdf")
    assert result.exit_code == 2
    assert "'a3' is not one of 'a4', 'letter'" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (in_tmp / "x.pdf").exists()
