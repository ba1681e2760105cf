"""Helpers to copy the shipped content and edit one file as data (shared by several tests)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from generator.content.loading import DEFAULT_CONTENT_DIR
from generator.content.yaml_source import load_yaml


def copy_content(target: Path) -> Path:
    shutil.copytree(DEFAULT_CONTENT_DIR, target)
    return target


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace the one place `old` stands in `path`; return the line it starts on."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def edit_yaml(path: Path, change: Callable[[Any], None]) -> None:
    """Load `path`, let `change` edit the data in place, write it back as YAML."""
    data = load_yaml(path).data
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
