"""Write a finished document atomically: a temporary file beside the target, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from generator.errors import UserError


def check_target(path: Path) -> None:
    """Refuse, before any work is done, an output path that can never be written."""
    path = Path(path)
    if path.is_dir():
        raise UserError(f"{path}: is a folder; give a file name such as {path / 'sheet.pdf'}")
    if path.exists() and not path.is_file():
        # Renaming over /dev/null or a FIFO would replace it with our file: never do that.
        raise UserError(f"{path}: is not a regular file; give the path of a file to write")
    folder = path.parent
    blocking = _file_in_the_way(folder)
    if blocking is not None:
        raise UserError(f"{path}: cannot write there: {blocking} is a file, not a folder")


def write_atomically(path: Path, data: bytes) -> Path:
    """Either the whole file is at `path` afterwards, or nothing changed there.

    The data goes to a temporary file in the target folder (same file system, so the rename
    is atomic), which is renamed into place only when complete and removed on any failure,
    Ctrl-C included. The temporary name holds no personal data.
    """
    path = Path(path)
    check_target(path)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".sim-checklist-", suffix=".part", dir=folder)
    except OSError as error:
        raise UserError(f"{folder}: cannot write here ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())  # the rename must never expose a file still in flight
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


def _file_in_the_way(folder: Path) -> Path | None:
    """The first existing non-folder among `folder` and its parents, if any."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return None if candidate.is_dir() else candidate
    return None
