"""The content folder loads, and each kind of broken file is reported as file:line: field."""

from pathlib import Path

import pytest

from generator.content.loading import (
    DEFAULT_CONTENT_DIR,
    ContentProblems,
    content_file_paths,
    load_content,
)
from generator.content.registry import KINDS
from generator.models import Confidence
from tests.content_tools import replace_once

replace = replace_once


def problems_of(folder: Path) -> str:
    with pytest.raises(ContentProblems) as error:
        load_content(folder)
    return str(error.value)


def test_the_shipped_content_loads():
    bundle = load_content()
    assert set(bundle.carriers) >= {"generic", "mts", "beeline", "megafon", "t2"}
    assert "cancel" in bundle.scenarios
    assert bundle.meta.defaults.scenario == "cancel"


def test_every_content_file_belongs_to_exactly_one_kind_of_the_registry():
    """A YAML file no kind claims would be read by nothing (and a misspelt name pass silently)."""
    every_yaml = sorted(DEFAULT_CONTENT_DIR.rglob("*.yaml"))
    claims = {path: [kind.name for kind in KINDS if path in kind.paths(DEFAULT_CONTENT_DIR)]
              for path in every_yaml}
    assert {path: kinds for path, kinds in claims.items() if len(kinds) != 1} == {}


def test_the_bundle_and_the_gates_see_the_same_content_files():
    """One list of files: `list` counts what the gates check and what a sheet is made of."""
    bundle = load_content()
    assert list(bundle.content_files()) == content_file_paths(DEFAULT_CONTENT_DIR)
    translated = sorted(path for kind in KINDS if kind.translated and kind.bundle_field
                        for path in kind.paths(DEFAULT_CONTENT_DIR))
    assert sorted(bundle.content_files()) == translated
    for scenario in bundle.scenarios:
        for carrier in bundle.carriers:
            sheet = {id(file) for file in bundle.files_for(scenario, carrier).values()}
            assert sheet <= {id(file) for file in bundle.content_files().values()}


def test_every_fact_is_sourced_dated_and_rated():
    bundle = load_content()
    facts = [*bundle.general.facts, *(f for c in bundle.carriers.values() for f in c.facts)]
    assert facts
    for fact in facts:
        assert fact.source and all(url.startswith(("http://", "https://")) for url in fact.source)
        assert fact.checked.year >= 2026
        assert fact.confidence in Confidence
        if fact.confidence is Confidence.UNCONFIRMED:
            assert fact.question is not None


def test_unknown_key_is_reported_with_file_line_and_field(content_copy):
    replace(content_copy / "scenarios" / "cancel.yaml", "id: cancel\n", "id: cancel\ncolour: red\n")
    message = problems_of(content_copy)
    assert message.startswith(f"{content_copy / 'scenarios' / 'cancel.yaml'}:")
    assert ":6: colour: unknown key" in message


def test_missing_russian_text_names_the_language(content_copy):
    replace(content_copy / "ui.yaml", "  ru: Мой контрольный список\n", "")
    message = problems_of(content_copy)
    assert "ui.yaml:4: checklist_heading: missing text in ru" in message


def test_unconfirmed_fact_without_question_is_refused(content_copy):
    path = content_copy / "carriers" / "t2.yaml"
    follows = "\n  - id: hotline"
    replace(path, f"confidence: confirmed{follows}", f"confidence: unconfirmed{follows}")
    message = problems_of(content_copy)
    assert "t2.yaml:" in message
    assert "facts.0: an unconfirmed fact needs a `question`" in message


def test_conflicting_values_must_be_unconfirmed(content_copy):
    path = content_copy / "carriers" / "megafon.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index('    value: ["*100#", "*102#"]')
    end = text.index("    confidence: unconfirmed", start)
    path.write_text(text[:end] + "    confidence: likely" + text[end + 27 :], encoding="utf-8")
    assert "conflicting values must have confidence `unconfirmed`" in problems_of(content_copy)


def test_bad_date_and_bad_confidence(content_copy):
    path = content_copy / "carriers" / "mts.yaml"
    replace(path, "    checked: 2026-11-21\n", "    checked: 2026-13-01\n")
    replace(path, "    confidence: likely\n", "    confidence: probably\n")
    message = problems_of(content_copy)
    assert "mts.yaml:15: facts.0.checked:" in message
    assert "facts.2.confidence: Input should be 'confirmed', 'likely' or 'unconfirmed'" in message


def test_file_name_must_match_id_and_sections_must_be_in_order(content_copy):
    replace(content_copy / "carriers" / "mts.yaml", "id: mts", "id: mts-russia")
    replace(content_copy / "scenarios" / "cancel.yaml", "  - id: leaving", "  - id: after")
    message = problems_of(content_copy)
    assert "mts.yaml:3: id: must match the file name 'mts'" in message
    assert "sections must be before, counter, leaving, after in this order" in message


def test_a_fact_for_an_unknown_scenario_is_a_reference_error(content_copy):
    replace(content_copy / "general.yaml", "scenarios: [cancel]", "scenarios: [cancle]")
    assert "unknown scenario 'cancle'; known: cancel" in problems_of(content_copy)


def test_carrier_facts_override_general_facts_by_id():
    bundle = load_content()
    t2_refund = [f for f in bundle.facts_for("cancel", "t2") if f.id == "refund-advance"]
    assert len(t2_refund) == 1
    assert t2_refund[0].confidence is Confidence.CONFIRMED
    generic_refund = [f for f in bundle.facts_for("cancel", "generic") if f.id == "refund-advance"]
    assert generic_refund[0].confidence is Confidence.LIKELY
