"""Fixture content for the fact links of sentences (generator/content/claims.py): facts of a
known confidence added to a copy of content/, and sentences linked to them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.content.yaml_source import load_yaml
from tests.content_tools import edit_yaml

# The sentence kinds that name facts, each as (file under content/, location).
SENTENCE_FILES = ("scenarios/*.yaml", "applications.yaml", "phrasebook.yaml")
SOURCE = "https://example.org/facts/"
CHECKED = "2026-11-01"


def default_scenario(content: Path) -> str:
    return load_yaml(content / "meta.yaml").data["defaults"]["scenario"]


def scenario_ids(content: Path) -> list[str]:
    return sorted(path.stem for path in (content / "scenarios").glob("*.yaml"))


def carrier_ids(content: Path) -> list[str]:
    return sorted(path.stem for path in (content / "carriers").glob("*.yaml"))


def unlink_all(content: Path) -> None:
    """Drop every sentence's `facts`, so the fixture starts from sentences that name none
    (the carriers' and general facts stay)."""

    def drop(node: Any) -> None:
        if isinstance(node, dict):
            node.pop("facts", None)
            for value in node.values():
                drop(value)
        elif isinstance(node, list):
            for value in node:
                drop(value)

    for pattern in SENTENCE_FILES:
        for path in content.glob(pattern):
            edit_yaml(path, drop)


def fact(content: Path, fact_id: str, confidence: str, scenarios: list[str] | None = None,
         file: str = "general.yaml") -> dict:
    """A rule fact in every language `file` declares."""
    languages = load_yaml(content / file).data["languages"]
    texts = {code: f"Test fact {fact_id}." for code in languages}
    entry: dict[str, Any] = {
        "id": fact_id,
        "kind": "rule",
        "text": {**texts, "ru": f"Проверочное правило {fact_id}."},
        "source": f"{SOURCE}{fact_id}",
        "checked": CHECKED,
        "confidence": confidence,
    }
    if confidence == "unconfirmed":
        entry["question"] = {**texts, "ru": f"Проверочный вопрос {fact_id}?"}
    if scenarios is not None:
        entry["scenarios"] = scenarios
    return entry


def add_fact(content: Path, entry: dict, file: str = "general.yaml") -> dict:
    edit_yaml(content / file, lambda data: data.setdefault("facts", []).append(entry))
    return entry


def link(path: Path, location: tuple[str | int, ...], fact_ids: list[str]) -> None:
    """Give the sentence at `location` these facts, written first so the lines are known: the
    sentence's own line is `- facts:`, and each id is one line under it."""

    def change(data: Any) -> None:
        *parents, last = location
        node = data
        for part in parents:
            node = node[part]
        sentence = node[last]
        if isinstance(sentence, dict) and "text" in sentence:  # an item or a phrase
            rest = {key: value for key, value in sentence.items() if key != "facts"}
        else:  # a bare Text (staff request, detail) or a bare draft line
            rest = {"text": sentence}
        node[last] = {"facts": list(fact_ids), **rest}

    edit_yaml(path, change)


def line_of(path: Path, text: str) -> int:
    """The 1-based line of the one line of `path` that ends with `text`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [number for number, line in enumerate(lines, 1) if line.rstrip().endswith(text)]
    assert len(found) == 1, (text, found)
    return found[0]


def link_lines(path: Path, fact_id: str) -> tuple[int, int]:
    """(the sentence's line, its link's line) after `link` gave it `fact_id` first."""
    entry = line_of(path, f"- {fact_id}")
    return entry - 1, entry
