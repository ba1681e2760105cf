"""The last resort for bugs: one line asking for a report instead of a raw traceback.

The exception's message is left out on purpose: it can quote any value (a name, a passport
number). The traceback is printed only when asked for, with --debug or SIM_CHECKLIST_DEBUG=1.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import traceback
from pathlib import Path

DEBUG_ENV = "SIM_CHECKLIST_DEBUG"
INTERNAL_ERROR_EXIT = 1
PACKAGE_DIR = Path(__file__).resolve().parent.parent  # generator/


def debug_from_environment() -> bool:
    return os.environ.get(DEBUG_ENV, "").strip().lower() not in ("", "0", "false", "no")


def _where(error: BaseException) -> str:
    """The innermost frame of our own code: enough for a bug report, no data."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [frame for frame in frames if Path(frame.filename).resolve().is_relative_to(PACKAGE_DIR)]
    frame = (ours or frames or [None])[-1]
    if frame is None:
        return "unknown place"
    try:
        name = Path(frame.filename).resolve().relative_to(PACKAGE_DIR.parent)
    except ValueError:
        name = Path(frame.filename).name
    return f"{name}:{frame.lineno}"


def internal_error_line(error: BaseException) -> str:
    return (
        f"internal error: {type(error).__name__} at {_where(error)}. This is a bug in "
        "sim-checklist, not in your input; please report it with the command you ran. "
        f"Run again with --debug (or {DEBUG_ENV}=1) to see the details."
    )


def report_internal_error(error: BaseException, debug: bool) -> int:
    """Print the one line (or, when debugging, the traceback); return the exit code."""
    if debug:
        traceback.print_exception(error, file=sys.stderr)
    else:
        print(internal_error_line(error), file=sys.stderr)
    return INTERNAL_ERROR_EXIT


def stop_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit so clean-ups run (temporary files removed) before exit."""

    def _exit(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, _exit)


def quiet_broken_pipe() -> int:
    """`sim-checklist list | head -1`: the reader left; stop without a traceback."""
    # Point stdout at /dev/null so the flush at exit does not raise again.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1
