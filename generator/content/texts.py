"""Every translatable string of the content folder, read from the raw YAML with its line.

The language gates and the translation draft helper work on the files as written (not on the
models), so they can point at `file:line` and see strings a file does not declare yet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.content.loading import content_file_paths
from generator.content.yaml_source import Location, YamlDocument, load_yaml
from generator.models.text import STAFF_LANGUAGE

WORDLISTS_DIR = "wordlists"
# Lists of Russian-only lines the staff reads (an application draft's addressee and body):
# checked as Russian text, with their {placeholders} left out.
RUSSIAN_LINE_KEYS = {"addressee", "body"}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@dataclass(frozen=True)
class TextField:
    """One `{ru: …, zh-Hans: …}` mapping of a content file."""

    document: YamlDocument
    location: Location
    texts: dict[str, str]

    @property
    def path(self) -> Path:
        return self.document.path

    @property
    def field(self) -> str:
        return ".".join(str(part) for part in self.location)

    @property
    def staff_only(self) -> bool:
        """Russian for the staff with nothing to translate (a draft's line)."""
        return set(self.texts) == {STAFF_LANGUAGE}

    def line(self, language: str | None = None) -> int | None:
        location = (*self.location, language) if language else self.location
        return self.document.line_of(location)

    def where(self, language: str | None = None) -> str:
        return f"{self.path}:{self.line(language)}: {self.field}"


def _is_text(value: object, languages: set[str]) -> bool:
    """A mapping of language codes to strings: a Text, or a gloss (user languages only)."""
    return (
        isinstance(value, dict)
        and bool(value)
        and set(value) <= languages
        and all(isinstance(text, str) for text in value.values())
    )


def _line_text(line: object) -> str | None:
    """A draft's line as written: a bare string, or `{text: …, facts: […]}`."""
    if isinstance(line, dict):
        line = line.get("text")
    return line if isinstance(line, str) else None


def _is_russian_lines(value: object, location: Location) -> bool:
    return (
        bool(location)
        and location[-1] in RUSSIAN_LINE_KEYS
        and isinstance(value, list)
        and all(_line_text(line) is not None for line in value)
    )


def _walk(data: object, location: Location, languages: set[str]) -> Iterator[tuple]:
    if _is_text(data, languages):
        yield location, data
    elif _is_russian_lines(data, location):
        for index, line in enumerate(data):
            where = (*location, index) if isinstance(line, str) else (*location, index, "text")
            yield where, {STAFF_LANGUAGE: PLACEHOLDER.sub(" ", _line_text(line))}
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, (*location, key), languages)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _walk(value, (*location, index), languages)


def text_fields(root: Path, user_languages: list[str]) -> list[TextField]:
    """Every Text mapping of every content file under `root`, in file order."""
    languages = {STAFF_LANGUAGE, *user_languages}
    fields = []
    for path in content_file_paths(root):
        document = load_yaml(path)
        for location, texts in _walk(document.data, (), languages):
            fields.append(TextField(document, location, dict(texts)))
    return fields


def declared_languages(document: YamlDocument) -> list[str]:
    declared = document.data.get("languages") if isinstance(document.data, dict) else None
    return list(declared) if isinstance(declared, list) else []


def read_wordlist(root: Path, name: str) -> list[str]:
    """content/wordlists/NAME: one entry a line; `#` starts a comment line."""
    path = root / WORDLISTS_DIR / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
