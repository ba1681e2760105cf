"""`render` reports each step with its time; --quiet silences it; --open hands the file over."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from generator.cli.steps import StepReporter
from generator.content.loading import PROJECT_ROOT
from tests.helpers import run


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_render_prints_every_step_with_its_time(in_tmp):
    result = run("render", "-c", "mts")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    names = [re.match(r"✓ (\d+\.\d\d) s (content|HTML|PDF|written)\b", line) for line in lines]
    assert all(names), lines
    assert [match.group(2) for match in names] == ["content", "HTML", "PDF", "written"]
    size = (in_tmp / "output/cancel-mts-zh-Hans.pdf").stat().st_size
    assert lines[-1].endswith(f"written: output/cancel-mts-zh-Hans.pdf ({size / 1024:.0f} KB)")
    assert float(names[2].group(1)) > 0.05  # the PDF step is real work, not a placeholder


def test_quiet_prints_nothing_and_still_writes(in_tmp):
    result = run("render", "--quiet", "-o", "q.pdf")
    assert result.exit_code == 0
    assert result.output == ""
    assert (in_tmp / "q.pdf").read_bytes().startswith(b"%PDF")


def test_open_hands_the_written_file_to_the_system_viewer(in_tmp, monkeypatch):
    opened = []
    monkeypatch.setattr(click, "launch", lambda url, **kwargs: opened.append(url) or 0)
    result = run("render", "-q", "--open", "-o", "o.pdf")
    assert result.exit_code == 0
    assert opened == ["o.pdf"]
    assert Path(opened[0]).is_file()


def test_an_error_opens_nothing(in_tmp, monkeypatch):
    opened = []
    monkeypatch.setattr(click, "launch", lambda url, **kwargs: opened.append(url) or 0)
    result = run("render", "--open", "-c", "vodafone")
    assert result.exit_code == 2
    assert opened == []


def test_the_reporter_measures_the_time_between_steps():
    lines = []
    reporter = StepReporter(lines.append)
    reporter.details["content"] = "here"
    reporter("content")
    reporter("PDF", "done")
    assert lines[0].startswith("✓ ") and lines[0].endswith(" s content: here")
    assert lines[1].endswith(" s PDF: done")
    quiet = StepReporter(lines.append, quiet=True)
    quiet("HTML")
    assert len(lines) == 2 and "HTML" in quiet.durations


@pytest.mark.parametrize("args", [["--help"], ["build-all", "--help"], ["wizard", "--help"],
                                  ["schema", "--check"], ["render", "--help"], ["list"],
                                  ["validate"]])
def test_light_commands_do_not_import_weasyprint(args):
    assert "weasyprint" not in imported_modules(args)


def imported_modules(args: list[str]) -> set[str]:
    """The modules a command has imported when it is done (run in a fresh interpreter)."""
    code = ("import sys, contextlib, io; from generator.cli.main import cli; "
            f"sys.argv=['sim-checklist', *{args!r}]\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try: cli()\n"
            "    except SystemExit: pass\n"
            "print(' '.join(sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=PROJECT_ROOT, check=False)
    modules = set(result.stdout.split())
    assert result.returncode == 0 and "generator.cli.main" in modules, result.stderr
    return modules


@pytest.mark.parametrize("args", [["--help"], ["render", "--help"], ["list", "--help"]])
def test_help_starts_without_pydantic_or_yaml(args):
    """Help is the first thing a newcomer runs: it must not load the content machinery."""
    modules = imported_modules(args)
    assert "click" in modules
    assert not {"pydantic", "yaml", "generator.content.loading", "generator.models"} & modules
    assert "platformdirs" not in modules  # the font cache is found on first use only


def test_loading_the_content_needs_no_phone_number_library():
    """phonenumbers takes 25 ms to load; only a profile with a phone number needs it."""
    modules = imported_modules(["list"])
    assert "generator.content.loading" in modules
    assert not {"phonenumbers", "generator.models.profile"} & modules


def test_shell_completion_script_is_generated():
    env = {"_SIM_CHECKLIST_COMPLETE": "bash_source"}
    result = subprocess.run([sys.executable, "-c", "from generator.cli.main import main; main()"],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, check=False,
                            env={**os.environ, **env})
    assert "_sim_checklist_completion" in result.stdout, result.stderr


def test_completion_offers_carriers_and_scenario_aliases_from_the_content():
    env = {**os.environ, "_SIM_CHECKLIST_COMPLETE": "bash_complete", "COMP_CWORD": "3"}
    code = "from generator.cli.main import main; main()"
    carriers = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              cwd=PROJECT_ROOT, check=False,
                              env={**env, "COMP_WORDS": "sim-checklist render -c m"})
    assert "plain,mts" in carriers.stdout and "plain,megafon" in carriers.stdout
    assert "beeline" not in carriers.stdout
    aliases = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             cwd=PROJECT_ROOT, check=False,
                             env={**env, "COMP_WORDS": "sim-checklist render -s 注"})
    assert "plain,注销" in aliases.stdout
