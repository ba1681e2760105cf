"""Sentences name their facts (generator/content/claims.py): `validate` and a render refuse a
link to an unknown fact, to a fact of other scenarios or carriers, and a sentence resting on an
unconfirmed fact, each at its file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.claims import weakest
from generator.content.loading import load_content
from generator.models import Confidence
from tests.claims_tools import (
    add_fact,
    carrier_ids,
    default_scenario,
    fact,
    link,
    link_lines,
    scenario_ids,
    unlink_all,
)
from tests.content_tools import edit_yaml
from tests.helpers import run

ITEM = ("sections", 1, "items", 1)  # every scenario's counter section has at least two items
ITEM_FIELD = "sections.1.items.1"


@pytest.fixture
def content(content_copy) -> Path:
    unlink_all(content_copy)
    return content_copy


def validate(content: Path):
    return run("--content-dir", str(content), "validate")


def render_html(content: Path, target: Path, *options: str):
    return run("--content-dir", str(content), "render", "--format", "html", "-o", str(target),
               *options)


def test_the_fixture_without_links_is_valid(content):
    result = validate(content)
    assert result.exit_code == 0, result.output


def test_a_link_to_an_unknown_fact_is_refused_at_its_line(content, tmp_path):
    scenario = default_scenario(content)
    path = content / "scenarios" / f"{scenario}.yaml"
    link(path, ITEM, ["no-such-fact"])
    _, line = link_lines(path, "no-such-fact")
    result = validate(content)
    assert result.exit_code == 2
    assert f"{path}:{line}: {ITEM_FIELD}.facts.0: unknown fact 'no-such-fact'" in result.stderr
    target = tmp_path / "sheet.html"
    rendered = render_html(content, target, "-s", scenario)
    assert rendered.exit_code == 2
    assert f"{path}:{line}: {ITEM_FIELD}.facts.0: unknown fact" in rendered.stderr
    assert not target.exists()


def test_a_misspelt_fact_gets_the_id_meant(content):
    add_fact(content, fact(content, "test-refund-rule", "confirmed"))
    path = content / "scenarios" / f"{default_scenario(content)}.yaml"
    link(path, ITEM, ["test-refund-rul"])
    assert "did you mean 'test-refund-rule'?" in validate(content).stderr


def test_a_sentence_resting_on_an_unconfirmed_fact_is_refused_and_never_rendered(content,
                                                                                 tmp_path):
    add_fact(content, fact(content, "test-unconfirmed", "unconfirmed"))
    scenario = default_scenario(content)
    path = content / "scenarios" / f"{scenario}.yaml"
    link(path, ITEM, ["test-unconfirmed"])
    line, _ = link_lines(path, "test-unconfirmed")
    result = validate(content)
    assert result.exit_code == 2
    assert (f"{path}:{line}: {ITEM_FIELD}: rests on unconfirmed fact 'test-unconfirmed' on "
            "every carrier: ask it as a question") in result.stderr
    target = tmp_path / "sheet.html"
    rendered = render_html(content, target, "-s", scenario)
    assert rendered.exit_code == 2
    assert "rests on unconfirmed fact 'test-unconfirmed'" in rendered.stderr
    assert not target.exists()


def test_the_weakest_fact_decides(content):
    """A sentence naming a confirmed and an unconfirmed fact rests on the unconfirmed one."""
    add_fact(content, fact(content, "test-confirmed", "confirmed"))
    add_fact(content, fact(content, "test-unconfirmed", "unconfirmed"))
    path = content / "scenarios" / f"{default_scenario(content)}.yaml"
    link(path, ITEM, ["test-confirmed", "test-unconfirmed"])
    stderr = validate(content).stderr
    assert "rests on unconfirmed fact 'test-unconfirmed'" in stderr
    assert "'test-confirmed'" not in stderr


def test_a_fact_of_other_scenarios_is_refused(content):
    scenario = default_scenario(content)
    other = next(name for name in scenario_ids(content) if name != scenario)
    add_fact(content, fact(content, "test-elsewhere", "confirmed", scenarios=[other]))
    path = content / "scenarios" / f"{scenario}.yaml"
    link(path, ITEM, ["test-elsewhere"])
    _, line = link_lines(path, "test-elsewhere")
    result = validate(content)
    assert result.exit_code == 2
    assert (f"{path}:{line}: {ITEM_FIELD}.facts.0: fact 'test-elsewhere' does not apply to "
            f"scenario '{scenario}' (its scenarios: {other})") in result.stderr


def test_a_phrase_is_on_every_scenario_so_its_facts_must_be_too(content):
    scenarios = scenario_ids(content)
    add_fact(content, fact(content, "test-one-scenario", "confirmed", scenarios=scenarios[:1]))
    path = content / "phrasebook.yaml"
    link(path, ("phrases", 0), ["test-one-scenario"])
    stderr = validate(content).stderr
    for scenario in scenarios[1:]:
        assert f"does not apply to scenario '{scenario}'" in stderr
    assert f"does not apply to scenario '{scenarios[0]}'" not in stderr


def test_a_fact_only_some_carriers_give_is_refused_for_the_others(content):
    carriers = carrier_ids(content)
    add_fact(content, fact(content, "test-own", "confirmed", file=f"carriers/{carriers[0]}.yaml"),
             file=f"carriers/{carriers[0]}.yaml")
    path = content / "scenarios" / f"{default_scenario(content)}.yaml"
    link(path, ITEM, ["test-own"])
    stderr = validate(content).stderr
    assert f"fact 'test-own' is not given for carrier {', '.join(carriers[1:])}:" in stderr


def test_an_override_to_unconfirmed_refuses_the_sentence_on_that_carrier_only(content):
    carriers = carrier_ids(content)
    add_fact(content, fact(content, "test-rule", "confirmed"))
    carrier_file = f"carriers/{carriers[-1]}.yaml"
    add_fact(content, fact(content, "test-rule", "unconfirmed", file=carrier_file),
             file=carrier_file)
    path = content / "scenarios" / f"{default_scenario(content)}.yaml"
    link(path, ITEM, ["test-rule"])
    line, _ = link_lines(path, "test-rule")
    assert (f"{path}:{line}: {ITEM_FIELD}: rests on unconfirmed fact 'test-rule' on carrier "
            f"{carriers[-1]}: ask it as a question") in validate(content).stderr


@pytest.mark.parametrize("location", [("staff", "request"), ("staff", "details", 0)])
def test_the_staff_card_takes_the_long_form(content, location):
    scenario = default_scenario(content)
    add_fact(content, fact(content, "test-likely", "likely"))
    path = content / "scenarios" / f"{scenario}.yaml"
    link(path, location, ["test-likely"])
    assert validate(content).exit_code == 0
    bundle = load_content(content)
    staff = bundle.scenarios[scenario].staff
    sentence = staff.request if location[1] == "request" else staff.details[0]
    assert sentence.facts == ["test-likely"]


def test_a_draft_line_takes_the_long_form(content):
    add_fact(content, fact(content, "test-likely", "likely"))
    path = content / "applications.yaml"
    link(path, ("drafts", 0, "body", 0), ["test-likely"])
    assert validate(content).exit_code == 0
    assert load_content(content).applications.drafts[0].body[0].facts == ["test-likely"]


def test_a_bare_text_error_names_the_field_as_written(content):
    """A bare staff request has no `text` key: its error must not name one."""
    path = content / "scenarios" / f"{default_scenario(content)}.yaml"

    def bare_without_english(data):
        request = data["staff"]["request"]
        request = request.get("text", request)  # the long form without facts: made bare
        request.pop("en")
        data["staff"]["request"] = request

    edit_yaml(path, bare_without_english)
    stderr = validate(content).stderr
    assert f"{path}:" in stderr
    assert "staff.request: missing text in en" in stderr


def test_weakest():
    facts = {}
    assert weakest([], facts) is None  # plain advice: printed as it is
    assert weakest(["absent"], facts) is Confidence.UNCONFIRMED  # never printed
