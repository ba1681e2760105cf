"""Write a finished document atomically: a temporary file beside the target, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from generator.errors import UserError


def write_atomically(path: Path, data: bytes) -> Path:
    """Either the whole file is at `path` afterwards, or nothing changed there."""
    path = Path(path)
    if path.is_dir():
        raise UserError(f"{path}: is a folder; give a file name such as {path / 'sheet.pdf'}")
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".sim-checklist-", suffix=".part", dir=folder)
    except OSError as error:
        raise UserError(f"{folder}: cannot write here ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise UserError(f"{path}: cannot write ({error.strerror})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return path
