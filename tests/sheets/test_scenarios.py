"""Every sheet holds what the content files say, part by part, in the content's order.

The expectations come from the content models (content/*.yaml read by load_content), never
from the sheet view of the same render: a view that puts a text in the wrong place (a title
where the trigger belongs, one carrier's facts on another's sheet, a draft of another
scenario) fails here. The PDF is read back through its tagged structure, one text stream per
page and language, so side-by-side cells do not interleave. Every sheet the content has is
checked (tests/conftest.py, `SHEETS`): a new scenario, carrier or language needs no edit.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli.main import cli
from generator.content.claims import is_printed, weakest
from generator.models import Confidence
from generator.models.application import placeholders
from generator.render.pipeline import resolve_scenario
from tests.conftest import bundle, each_sheet, expected_parts, page_texts, rendered, squash
from tests.pdf_structure import tagged_blocks

STAFF = "ru"


class Printed:
    """One rendered sheet read back: for each page, the text of each language in reading
    (structure) order, white space removed, and the page's plain extracted text."""

    def __init__(self, key: tuple[str, str, str]):
        self.key = key
        self.scenario, self.carrier, self.language = key
        data = rendered(*key).data
        self.plain = [squash(text) for text in page_texts(data)]
        self.streams: dict[tuple[int, str | None], str] = {}
        for block in tagged_blocks(data):
            where = (block.page, block.lang)
            self.streams[where] = self.streams.get(where, "") + squash(block.text)
        self.parts = expected_parts(self.scenario, self.carrier)

    def page(self, part: str) -> int:
        return self.parts.index(part)

    def stream(self, part: str, lang: str) -> str:
        return self.streams.get((self.page(part), lang), "")

    def everything(self) -> str:
        return "".join(self.plain) + "".join(self.streams.values())

    def assert_in_order(self, part: str, lang: str, texts: list[str]) -> None:
        """Each text is on the part's page in `lang`, after the one before it."""
        stream, position = self.stream(part, lang), 0
        for text in texts:
            found = stream.find(squash(text), position)
            assert found >= 0, (
                f"{'-'.join(self.key)} page {self.page(part) + 1} ({part}) [{lang}]: "
                f"{text!r} is missing or out of order"
                + (" (it is on the page, earlier)" if squash(text) in stream else ""))
            position = found + len(squash(text))


@each_sheet
def test_the_sheet_has_one_page_per_part_in_the_content_order(key):
    printed = Printed(key)
    assert len(printed.plain) == len(printed.parts), (printed.parts, len(printed.plain))
    ui, content = bundle().ui, bundle()
    headings = {
        "checklist": content.scenarios[printed.scenario].title,
        "staff_card": ui.request_heading,
        "questions": ui.questions_heading,
        "carrier": ui.carrier_heading,
        "application": content.applications.heading,
        "phrasebook": content.phrasebook.heading,
    }
    for part in printed.parts:
        for lang in (printed.language, STAFF):
            printed.assert_in_order(part, lang, [headings[part][lang]])
    for page in printed.plain:  # the footer names the sheet on every page
        assert squash(f"{printed.scenario}·{printed.carrier}") in page


@each_sheet
def test_the_checklist_page_holds_the_scenarios_sections_in_order(key):
    printed = Printed(key)
    scenario, ui = bundle().scenarios[printed.scenario], bundle().ui
    for lang in (printed.language, STAFF):
        expected = []
        for section in scenario.sections:
            expected += [getattr(ui.section_titles, section.id)[lang], section.trigger[lang]]
            expected += [item.text[lang] for item in section.items]
        printed.assert_in_order("checklist", lang, [*expected, ui.all_done[lang]])


@each_sheet
def test_the_staff_card_holds_the_scenarios_request_and_details(key):
    printed = Printed(key)
    scenario, ui = bundle().scenarios[printed.scenario], bundle().ui
    printed.assert_in_order("staff_card", STAFF, [
        ui.language_line[STAFF], scenario.staff.request[STAFF],
        *(detail[STAFF] for detail in scenario.staff.details), ui.answers.write_down[STAFF]])
    printed.assert_in_order("staff_card", printed.language, [
        scenario.staff.request[printed.language],
        *(detail[printed.language] for detail in scenario.staff.details)])
    others = [s.staff.request[STAFF] for s in bundle().scenarios.values()
              if s.staff.request[STAFF] != scenario.staff.request[STAFF]]
    card = printed.stream("staff_card", STAFF)
    assert not [text for text in others if squash(text) in card], "another scenario's request"


@each_sheet
def test_unconfirmed_rules_are_asked_on_the_questions_page_and_never_stated(key):
    printed = Printed(key)
    facts = bundle().facts_for(printed.scenario, printed.carrier)
    asked = [f for f in facts if f.kind == "rule" and f.confidence is Confidence.UNCONFIRMED]
    if not asked:
        assert "questions" not in printed.parts
        return
    for lang in (STAFF, printed.language):
        printed.assert_in_order("questions", lang, [f.question[lang] for f in asked])
    everything = printed.everything()
    for fact in asked:
        for lang in (STAFF, printed.language):
            assert squash(fact.text[lang]) not in everything, f"{fact.id} stated as a fact"


@each_sheet
def test_the_carrier_page_states_the_carriers_stated_facts_and_asks_the_rest(key):
    printed = Printed(key)
    content = bundle()
    carrier = content.carriers[printed.carrier]
    facts = content.facts_for(printed.scenario, printed.carrier)
    assert facts
    page = printed.page("carrier")
    on_page = printed.plain[page] + "".join(
        text for (number, _), text in printed.streams.items() if number == page)
    everything = printed.everything()
    for lang in (printed.language, STAFF):
        assert squash(carrier.name[lang]) in everything, f"{lang} name of {carrier.id}"
    rules = [f for f in facts if f.kind == "rule" and f.is_statement]
    for lang in (STAFF, printed.language):
        printed.assert_in_order("carrier", lang, [f.text[lang] for f in rules])
    mark = squash(content.ui.verify_mark[printed.language])
    ru_rules = printed.stream("carrier", STAFF)
    for fact in rules:  # a likely rule carries the verify mark; a confirmed one does not
        after = printed.stream("carrier", printed.language).split(
            squash(fact.text[printed.language]), 1)[1]
        marked = after.lstrip("▲").startswith(mark)
        assert marked == (fact.confidence is Confidence.LIKELY), (fact.id, after[:30])
        assert squash(fact.text[STAFF]) in ru_rules
    for fact in facts:
        if fact.kind == "rule":
            continue
        values = fact.value if isinstance(fact.value, list) else [fact.value]
        if fact.is_statement:
            assert squash(fact.value) in on_page, f"{fact.id}: {fact.value} not on the page"
        else:  # a write-in line with the question beside it, never the value
            for value in values:
                assert squash(value) not in everything, f"{fact.id}: {value} printed"
            for lang in (STAFF, printed.language):
                assert squash(fact.question[lang]) in on_page, f"{fact.id}: not asked"
    others = {f.value for c in content.carriers.values() if c.id != carrier.id
              for f in c.facts if f.kind == "website" and f.is_statement}
    own = {f.value for f in facts if f.kind == "website"}
    assert not [value for value in others - own if squash(value) in on_page], "another site"


@each_sheet
def test_the_application_page_holds_the_scenarios_drafts(key):
    printed = Printed(key)
    applications = bundle().applications
    drafts = applications.drafts_for(printed.scenario, refund_to_phone=False)
    if not drafts:
        assert "application" not in printed.parts
        return
    def words_around_the_blanks(lines) -> list[str]:
        found = []
        for line in (line.text for line in lines):
            for name in placeholders(line):
                line = line.replace("{" + name + "}", "\n")
            found += [piece for piece in line.split("\n") if piece.strip(" ,.:")]
        return found

    expected = []
    for draft in drafts:  # the addressee at the top right, the title, then the request
        expected += [*words_around_the_blanks(draft.addressee), draft.title[STAFF],
                     *words_around_the_blanks(draft.body)]
    printed.assert_in_order("application", STAFF, expected)
    printed.assert_in_order("application", printed.language, [
        text for draft in drafts for text in (draft.title[printed.language],
                                              draft.gloss[printed.language])])
    own = "|".join(squash(draft.title[STAFF]) for draft in drafts)
    others = [squash(d.title[STAFF]) for d in applications.drafts if d not in drafts]
    page = printed.stream("application", STAFF)
    assert not [title for title in others if title in page and title not in own], (
        "another scenario's draft")


@each_sheet
def test_the_phrasebook_page_holds_every_phrase_with_its_reading(key):
    printed = Printed(key)
    facts = {fact.id: fact for fact in bundle().facts_for(printed.scenario, printed.carrier)}
    # the scenario's phrases, less any resting on a fact unconfirmed for this carrier
    phrases = [phrase for phrase in bundle().phrasebook.phrases_for(printed.scenario)
               if is_printed(weakest(phrase.facts, facts))]
    assert phrases
    for lang in (printed.language, STAFF):
        printed.assert_in_order("phrasebook", lang, [phrase.text[lang] for phrase in phrases])
    printed.assert_in_order("phrasebook", "ru-Latn", [phrase.reading for phrase in phrases])


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


def test_the_proxy_sheet_names_the_right_to_receive_money():
    texts = page_texts(rendered(scenario="proxy", carrier="t2").data)
    assert "правонаполучениеденежныхсредств" in squash(texts[0])
    assert squash("нотариальной доверенности") in squash(texts[1])
    assert squash("неизрасходованного аванса") in squash(texts[3])


def test_the_transfer_sheet_uses_the_sourced_application_name():
    texts = page_texts(rendered(scenario="transfer", carrier="t2").data)
    assert squash("заявление на переоформление номера") in squash("".join(texts)).lower()


def test_list_shows_every_scenario_with_its_aliases_and_every_carrier():
    output = CliRunner().invoke(cli, ["list"], prog_name="sim-checklist").output
    scenarios_part = output.split("Carriers (-c):")[0]
    carriers_part = output.split("Carriers (-c):")[1].split("Languages (-l):")[0]
    for scenario in bundle().scenarios.values():
        line = next(ln for ln in scenarios_part.splitlines() if ln.split()[:1] == [scenario.id])
        for alias in scenario.aliases:
            assert alias in line
    listed = [ln.split()[0] for ln in carriers_part.splitlines() if ln.startswith("  ")]
    assert sorted(listed) == sorted(bundle().carriers)
    assert len([ln for ln in scenarios_part.splitlines() if ln.startswith("  ")]) == len(
        bundle().scenarios)


@pytest.mark.parametrize("alias", ["停机保号", "过户", "委托"])
def test_render_accepts_an_alias(alias, tmp_path):
    target = tmp_path / "sheet.html"
    result = CliRunner().invoke(cli, ["render", "-s", alias, "-c", "yota", "--format", "html",
                                      "-o", str(target)], prog_name="sim-checklist")
    assert result.exit_code == 0, result.output
    expected = resolve_scenario(bundle(), alias)
    assert f"{expected} · yota" in target.read_text(encoding="utf-8")
