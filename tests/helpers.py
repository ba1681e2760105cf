"""Helpers for tests that need their own copy of the content folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli
from generator.content import DEFAULT_CONTENT_DIR

# A carrier no one runs: added by YAML alone in tests (example.org is reserved for examples).
FICTIONAL_CARRIER = """\
# yaml-language-server: $schema=../../schema/carrier.schema.json
languages: [zh-Hans]
id: polar
name:
  zh-Hans: 极光通信
  ru: Полярная связь
facts:
  - id: website
    kind: website
    value: example.org
    url: https://example.org/
    source: https://example.org/about
    checked: 2026-11-01
    confidence: confirmed
  - id: hotline
    kind: hotline
    value: 8 800 000-00-00
    source: https://example.org/contacts
    checked: 2026-11-01
    confidence: likely
"""


def copy_content(tmp_path: Path, keep_carriers: tuple[str, ...] | None = None) -> Path:
    """A copy of content/, optionally with fewer carriers (nothing refers to a carrier but
    meta.yaml's default, so dropping the others keeps the content valid)."""
    folder = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, folder)
    if keep_carriers is not None:
        for path in (folder / "carriers").glob("*.yaml"):
            if path.stem not in keep_carriers:
                path.unlink()
    return folder


def add_fictional_carrier(content: Path) -> Path:
    path = content / "carriers" / "polar.yaml"
    path.write_text(FICTIONAL_CARRIER, encoding="utf-8")
    return path


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, prog_name="sim-checklist")
