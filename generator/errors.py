"""The error kinds a user can meet: each one prints as a single line and exits with code 2."""

from __future__ import annotations

from pathlib import Path


class UserError(Exception):
    """Something the user can fix: a bad option value, a missing file, a broken content file."""

    exit_code = 2


class ContentError(UserError):
    """A content or profile file that does not fit its schema: `file:line: field: message`."""

    def __init__(self, path: Path | str, line: int | None, field: str, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.field = field
        self.message = message
        super().__init__(self.format())

    def format(self) -> str:
        location = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        field = f" {self.field}:" if self.field else ""
        return f"{location}:{field} {self.message}"


class RenderError(UserError):
    """The sheet cannot be rendered faithfully (for example a character no font can show)."""


class MissingGlyphs(RenderError):
    """Characters no installed font can show; `characters` lets a caller say where they are."""

    def __init__(self, message: str, characters: list[str]) -> None:
        super().__init__(message)
        self.characters = characters


def printable_message(text: str) -> str:
    """`text` safe for a terminal: control characters (an ESC could rewrite the screen) and
    other invisible ones are shown as escapes, so each message line stays one visible line."""
    from generator.models.text_policy import text_problem

    return "".join(
        char if char == "\n" or text_problem(char) is None else ascii(char)[1:-1]
        for char in text
    )
