"""Every bad input of tests/bad_inputs.py: one line, exit 2, no traceback, nothing written;
and docs/bad-input.md shows exactly what the tool prints today."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bad_inputs import CASES, DOC, KEEP, Case, fill, not_your_input_outcomes, outcome, run

PROJECT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("case", CASES, ids=[case.tried for case in CASES])
def test_bad_input_gets_one_line_exit_2_and_writes_nothing(case: Case):
    result = outcome(case)
    assert result.exit_code == case.exit_code, result.stderr or result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == case.lines, result.stderr[-500:]
    assert lines[0].startswith("error: ")
    assert case.expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""
    assert result.changed == []  # no output, no temporary file, earlier files untouched
    if case.never_shown:
        assert case.never_shown not in result.stderr + result.stdout


def test_the_table_in_docs_is_what_the_tool_prints():
    assert DOC.read_text(encoding="utf-8") == fill(DOC.read_text(encoding="utf-8")), (
        "docs/bad-input.md is stale: run `.venv/bin/python tests/bad_inputs.py`"
    )


def test_readme_links_the_table():
    assert "docs/bad-input.md" in (PROJECT / "README.md").read_text(encoding="utf-8")


def test_a_bug_is_one_line_exit_1_without_its_message():
    (bug, _), (interrupt, _) = [(result, tried) for tried, result in not_your_input_outcomes()]
    assert bug.exit_code == 1
    assert len(bug.stderr.splitlines()) == 1
    assert bug.stderr.startswith(
        "internal error: ZeroDivisionError at generator/render/pipeline.py:")
    assert "4510" not in bug.stderr and "Traceback" not in bug.stderr  # no personal data
    assert bug.changed == []
    assert interrupt.exit_code == 130
    assert interrupt.stderr == "interrupted; nothing was written\n"
    assert interrupt.changed == []


def test_debug_shows_the_traceback(monkeypatch):
    from unittest import mock

    def broken(*args, **kwargs):
        raise ZeroDivisionError("details for the developer")

    with mock.patch("generator.render.pdf.html_to_pdf", broken):
        flagged = run(("--debug", "render"))
        monkeypatch.setenv("SIM_CHECKLIST_DEBUG", "1")
        from_environment = run(("render",))
    for result in (flagged, from_environment):
        assert result.exit_code == 1
        assert "Traceback (most recent call last)" in result.stderr
        assert "ZeroDivisionError: details for the developer" in result.stderr




SIGNAL_HOOKS = {
    # While WeasyPrint makes the PDF: nothing has been written yet.
    "pdf": ("generator.render.pdf", "html_to_pdf", "def hook(*args, **kwargs):\n"),
    # After the temporary file is complete, just before the rename.
    "write": ("os", "replace",
              "def hook(source, target):\n    assert os.path.getsize(source) > 0\n"),
}


@pytest.mark.parametrize("phase", SIGNAL_HOOKS)
@pytest.mark.parametrize(("signal_number", "exit_code", "message"), [
    (signal.SIGINT, 130, "interrupted; nothing was written\n"),
    (signal.SIGTERM, 143, ""),
])
def test_a_signal_leaves_no_partial_and_no_temporary_file(
    tmp_path, phase, signal_number, exit_code, message
):
    """A real process and a real signal (Ctrl-C sends SIGINT), in the PDF step or the write."""
    module, name, hook = SIGNAL_HOOKS[phase]
    target = tmp_path / "out" / "sheet.pdf"
    target.parent.mkdir()
    target.write_bytes(KEEP)
    code = (
        "import importlib, os, sys\n"
        "sys.argv = ['sim-checklist', 'render', '-o', sys.argv[1]]\n"
        f"{hook}"
        f"    os.kill(os.getpid(), {int(signal_number)})\n"
        "    raise AssertionError('the signal should have stopped us')\n"
        f"setattr(importlib.import_module('{module}'), '{name}', hook)\n"
        "from generator.cli.main import main\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True,
                            text=True, cwd=PROJECT, check=False, timeout=120)
    assert result.returncode == exit_code, result.stderr
    assert result.stderr == message
    assert sorted(path.name for path in target.parent.iterdir()) == ["sheet.pdf"]
    assert target.read_bytes() == KEEP


def test_a_full_disk_while_writing_leaves_nothing_behind(tmp_path, monkeypatch):
    import generator.output
    from generator.errors import UserError

    def full(source, target):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(generator.output.os, "replace", full)
    target = tmp_path / "sheet.pdf"
    target.write_bytes(KEEP)
    with pytest.raises(UserError, match=r"sheet\.pdf: cannot write \(No space left on device\)"):
        generator.output.write_atomically(target, b"%PDF new")
    assert [path.name for path in tmp_path.iterdir()] == ["sheet.pdf"]
    assert target.read_bytes() == KEEP


def test_a_read_only_system_folder_is_refused_before_rendering():
    result = run(("render", "-o", "/sys/sheet.pdf"))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: /sys: cannot write here (")
    assert len(result.stderr.splitlines()) == 1
    assert not Path("/sys/sheet.pdf").exists()
