"""Helpers for tests that need their own copy of the content folder."""

from __future__ import annotations

import contextlib
import logging
import shutil
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from generator.cli.main import cli
from generator.content.loading import DEFAULT_CONTENT_DIR
from generator.content.yaml_source import load_yaml

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


# Interface files with languages of their own (the index is also in Russian, the wizard has
# no zh-Hant): a smaller set of sheet languages leaves them as they are.
OWN_LANGUAGE_FILES = ("catalog.yaml", "wizard.yaml")


def small_content(
    tmp_path: Path,
    carriers: tuple[str, ...] = ("generic", "mts"),
    scenarios: tuple[str, ...] = ("cancel",),
    languages: tuple[str, ...] = ("zh-Hans",),
) -> Path:
    """A valid copy of content/ with only these scenarios, carriers and user languages, so a
    build-all over it renders a handful of sheets instead of every one the product ships."""
    folder = copy_content(tmp_path, keep_carriers=carriers)
    for path in (folder / "scenarios").glob("*.yaml"):
        if path.stem not in scenarios:
            path.unlink()
    meta = load_yaml(folder / "meta.yaml").data
    dropped = {entry["code"] for entry in meta["user_languages"]} - set(languages)

    def keep_only_chosen(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                keep_only_chosen(item)
        elif isinstance(node, dict):
            for key in list(node):
                if key in dropped:
                    del node[key]  # a text's translation into a dropped language
                elif key == "languages" and isinstance(node[key], list):
                    node[key] = [code for code in node[key] if code not in dropped]
                elif key == "scenarios" and isinstance(node[key], list):
                    node[key] = [name for name in node[key] if name in scenarios]
                elif key == "user_languages":
                    node[key] = [entry for entry in node[key] if entry["code"] in languages]
                elif key == "ambiguous_aliases":  # a word is ambiguous among kept scenarios only
                    node[key] = {word: meant for word, meant in node[key].items()
                                 if len(set(meant) & set(scenarios)) == len(meant)}
                else:
                    keep_only_chosen(node[key])

    for path in folder.rglob("*.yaml"):
        if path.name in OWN_LANGUAGE_FILES:
            continue
        data = load_yaml(path).data
        keep_only_chosen(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    return folder


def add_fictional_carrier(content: Path) -> Path:
    path = content / "carriers" / "polar.yaml"
    path.write_text(FICTIONAL_CARRIER, encoding="utf-8")
    return path


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, prog_name="sim-checklist")


@contextlib.contextmanager
def weasyprint_warnings_kept_out_of_the_log():
    """A refused character logs a WeasyPrint warning on purpose; the result or error carries it,
    so the autouse check in conftest.py must not see it."""
    logger = logging.getLogger("weasyprint")
    logger.propagate = False
    try:
        yield
    finally:
        logger.propagate = True
