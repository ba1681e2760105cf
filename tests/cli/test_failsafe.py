"""The last-resort handler and the process-level guards, in a real process."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def test_a_closed_pipe_ends_quietly():
    """`sim-checklist list | head -1`: the reader left; no traceback, no 'internal error'."""
    code = (
        "import io, sys\n"
        "class ClosedPipe(io.TextIOWrapper):\n"
        "    def write(self, text):\n"
        "        raise BrokenPipeError(32, 'Broken pipe')\n"
        "sys.stdout = ClosedPipe(open(1, 'wb', closefd=False))\n"
        "sys.argv = ['sim-checklist', 'list']\n"
        "from generator.cli.main import main\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=PROJECT, check=False)
    assert result.returncode == 1
    assert result.stderr == ""


def test_an_internal_error_in_a_real_process_is_one_line_exit_1():
    code = (
        "import generator.render.pipeline as r\n"
        "def broken(*a, **k): raise KeyError('Иван Петров 4510 123456')\n"
        "r.build_view = broken\n"
        "from generator.cli.main import main\n"
        "import sys; sys.argv = ['sim-checklist', 'render']\n"
        "main()\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "SIM_CHECKLIST_DEBUG"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=PROJECT, env=env, check=False)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("internal error: KeyError at ")
    assert "Иван" not in result.stderr and "4510" not in result.stderr
