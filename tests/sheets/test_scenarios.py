"""Every scenario × carrier: renders one page per part, checklist on page 1, and no fact printed
more firmly than its source allows. 36 real renders (~40 s); each is made once per session."""

import pytest
from click.testing import CliRunner

from generator.cli.main import cli
from generator.models import Confidence
from generator.render.pipeline import resolve_scenario
from tests.conftest import bundle, page_texts, rendered, squash
from tests.pdf_structure import tagged_blocks

SCENARIOS = ["cancel", "esim", "lost", "keep-number", "proxy", "transfer"]
CARRIERS = ["generic", "mts", "beeline", "megafon", "t2", "yota"]
COMBINATIONS = [(s, c) for s in SCENARIOS for c in CARRIERS]


def test_the_content_has_exactly_these_scenarios_and_carriers():
    assert sorted(bundle().scenarios) == sorted(SCENARIOS)
    assert sorted(bundle().carriers) == sorted(CARRIERS)


@pytest.mark.parametrize(("scenario", "carrier"), COMBINATIONS)
def test_each_part_on_its_own_page(scenario, carrier):
    result = rendered(scenario=scenario, carrier=carrier)  # fails on any WeasyPrint warning
    texts = [squash(text) for text in page_texts(result.data)]
    ui = bundle().ui
    assert result.sheet.parts[:4] == ("checklist", "staff_card", "questions", "carrier")
    assert len(texts) == len(result.sheet.parts)
    # Page 1 holds the whole checklist: every section, every item, and the closing line.
    checklist = bundle().scenarios[scenario]
    for section in checklist.sections:
        assert squash(getattr(ui.section_titles, section.id)["ru"]) in texts[0]
        assert squash(section.trigger["zh-Hans"]) in texts[0]
        for item in section.items:
            assert squash(item.text["zh-Hans"]) in texts[0], item.text["zh-Hans"]
            assert squash(item.text["ru"]) in texts[0], item.text["ru"]
    assert squash(ui.all_done["ru"]) in texts[0]
    # Page 2: the staff card with this scenario's request, ending with the free-write box.
    assert squash(checklist.staff.request["ru"]) in texts[1]
    for detail in checklist.staff.details:
        assert squash(detail["ru"]) in texts[1]
    assert squash(ui.answers.write_down["ru"]) in texts[1]
    # Page 3: the questions; page 4: the carrier's facts down to the legend.
    assert squash(ui.questions_heading["ru"]) in texts[2]
    assert squash(ui.legend_questions["ru"]) in texts[3]
    for page in texts:
        assert squash(f"{scenario}·{carrier}") in page  # the footer on every page


@pytest.mark.parametrize(("scenario", "carrier"), COMBINATIONS)
def test_no_unconfirmed_fact_is_printed_as_a_statement(scenario, carrier):
    data = rendered(scenario=scenario, carrier=carrier).data
    texts = page_texts(data)
    # The carrier box prints values and contact questions in a right-hand column, which plain
    # extraction interleaves with the labels: each tagged paragraph is read whole as well.
    everything = squash("".join(texts) + "".join(block.text for block in tagged_blocks(data)))
    questions_page = squash(texts[2])
    facts = bundle().facts_for(scenario, carrier)
    assert facts
    for fact in facts:
        if fact.confidence is Confidence.UNCONFIRMED:
            values = fact.value if isinstance(fact.value, list) else [fact.value]
            for value in filter(None, values):
                assert squash(value) not in everything, f"{fact.id}: {value}"
            if fact.text:
                assert squash(fact.text["ru"]) not in everything, fact.id
                assert squash(fact.text["zh-Hans"]) not in everything, fact.id
            # ... and is asked instead: rules on the questions page, contacts in the box.
            where = questions_page if fact.kind == "rule" else everything
            assert squash(fact.question["ru"]) in where, fact.id
            assert squash(fact.question["zh-Hans"]) in where, fact.id
        elif fact.kind == "rule":
            assert squash(fact.text["ru"]) in squash(texts[3]), fact.id
        else:
            assert squash(fact.value) in everything, fact.id


@pytest.mark.parametrize("carrier", CARRIERS)
def test_likely_rules_carry_the_verify_mark(carrier):
    text = page_texts(rendered(scenario="lost", carrier=carrier).data)[3]
    mark = squash(bundle().ui.verify_mark["ru"])
    rules = [f for f in bundle().facts_for("lost", carrier) if f.kind == "rule" and f.is_statement]
    assert rules
    flat = squash(text)
    for fact in rules:
        after = flat[flat.index(squash(fact.text["ru"])) + len(squash(fact.text["ru"])):]
        marked = after.lstrip("▲").startswith(squash(bundle().ui.verify_mark["zh-Hans"]))
        assert marked == (fact.confidence is Confidence.LIKELY), (fact.id, after[:40])
    assert mark in flat


def test_yota_states_no_contact_and_asks_instead():
    """Nothing about Yota's contacts is confirmed: every contact is a write-in line."""
    sheet = rendered(scenario="cancel", carrier="yota").sheet
    assert all(contact.value is None for contact in sheet.carrier.contacts)
    asked = [contact for contact in sheet.carrier.contacts if contact.question]
    assert len(asked) == 2  # hotline and balance code: conflicting or SEO-only values
    questions = [squash(q.ru.text) for q in sheet.staff.questions]
    yota = {f.id: f for f in bundle().carriers["yota"].facts}
    assert squash(yota["terminate-in-shop"].question["ru"]) in questions
    assert squash(yota["refund-method"].question["ru"]) in questions


def test_the_proxy_sheet_names_the_right_to_receive_money():
    texts = page_texts(rendered(scenario="proxy", carrier="t2").data)
    assert "правонаполучениеденежныхсредств" in squash(texts[0])
    assert squash("нотариальной доверенности") in squash(texts[1])
    assert squash("неизрасходованного аванса") in squash(texts[3])


def test_the_transfer_sheet_uses_the_sourced_application_name():
    texts = page_texts(rendered(scenario="transfer", carrier="t2").data)
    assert squash("заявление на переоформление номера") in squash("".join(texts)).lower()


def test_every_alias_leads_to_its_scenario():
    seen = {}
    for scenario in bundle().scenarios.values():
        assert scenario.aliases, scenario.id
        for alias in scenario.aliases:
            assert alias not in seen, f"{alias} in {scenario.id} and {seen.get(alias)}"
            seen[alias] = scenario.id
            assert resolve_scenario(bundle(), alias) == scenario.id
    for word in ["注销", "销户", "停机保号", "保号", "补卡", "挂失", "过户", "委托"]:
        assert word in seen, word


def test_list_shows_six_scenarios_with_aliases_and_six_carriers():
    output = CliRunner().invoke(cli, ["list"], prog_name="sim-checklist").output
    scenarios_part = output.split("Carriers (-c):")[0]
    carriers_part = output.split("Carriers (-c):")[1].split("Languages (-l):")[0]
    for scenario in bundle().scenarios.values():
        line = next(ln for ln in scenarios_part.splitlines() if ln.split()[:1] == [scenario.id])
        for alias in scenario.aliases:
            assert alias in line
    assert len([ln for ln in scenarios_part.splitlines() if ln.startswith("  ")]) == 6
    assert len([ln for ln in carriers_part.splitlines() if ln.startswith("  ")]) == 6


@pytest.mark.parametrize("alias", ["停机保号", "过户", "委托"])
def test_render_accepts_an_alias(alias, tmp_path):
    target = tmp_path / "sheet.html"
    result = CliRunner().invoke(cli, ["render", "-s", alias, "-c", "yota", "--format", "html",
                                      "-o", str(target)], prog_name="sim-checklist")
    assert result.exit_code == 0, result.output
    expected = resolve_scenario(bundle(), alias)
    assert f"{expected} · yota" in target.read_text(encoding="utf-8")
