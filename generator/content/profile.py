"""Read a personal profile file; every problem is one `file:line: field: message` line."""

from __future__ import annotations

from pathlib import Path

from generator.content.loading import DEFAULT_CONTENT_DIR, parse_model
from generator.content.yaml_source import YamlDocument, load_yaml, read_text
from generator.errors import UserError
from generator.models.profile import EMPTY_PROFILE, Profile

TEMPLATE_FILE = "profile-template.yaml"


def load_profile(path: Path) -> Profile:
    """An empty file is an empty profile: the sheet then prints every field as a blank."""
    document = load_yaml(Path(path))
    if document.data is None:
        return EMPTY_PROFILE
    return parse_model(Profile, document, [])


def template_text(content_dir: Path = DEFAULT_CONTENT_DIR) -> str:
    """The commented profile template; it must itself load as an empty-valued profile."""
    path = Path(content_dir) / TEMPLATE_FILE
    text = read_text(path)
    document: YamlDocument = load_yaml(path, text)
    if document.data is not None:
        parse_model(Profile, document, [])  # a template that fails its own schema is a bug
    if not text.strip():
        raise UserError(f"{path}: is empty")
    return schema_header() + text


def schema_header() -> str:
    """The first line: editors with the YAML language server then complete and check the file."""
    from generator.paths import SCHEMA_DIR

    schema = SCHEMA_DIR / "profile.schema.json"
    return f"# yaml-language-server: $schema={schema.as_uri()}\n"
