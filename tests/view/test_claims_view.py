"""A sentence prints as firm as its facts on each carrier's sheet: a likely fact puts the verify
mark beside it (HTML and PDF); a carrier's override changes that carrier's sheet only."""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path

import pytest

from generator.content.loading import load_content
from generator.content.yaml_source import load_yaml
from generator.render.pipeline import RenderRequest, build_view
from tests.claims_tools import (
    add_fact,
    carrier_ids,
    default_scenario,
    fact,
    link,
    unlink_all,
)
from tests.conftest import page_texts, squash
from tests.helpers import run

ITEM = ("sections", 1, "items", 1)
WORD_JOINERS = re.compile("[\u2060\u00a0\u202f]")


@pytest.fixture
def content(content_copy) -> Path:
    unlink_all(content_copy)
    return content_copy


def verify_mark(content: Path, language: str) -> tuple[str, str]:
    """The verify mark (user language, Russian) as ui.yaml words it."""
    mark = load_yaml(content / "ui.yaml").data["verify_mark"]
    return mark[language], mark["ru"]


def plain(text: str) -> str:
    """Text as a test compares it: no tags, entities, joiners or white space."""
    text = html_module.unescape(re.sub(r"<[^>]+>", "", text))
    return squash(WORD_JOINERS.sub("", text))


def elements(html: str, tag: str, cls: str) -> list[str]:
    return re.findall(rf'<{tag} class="{cls}[^"]*">(.*?)</{tag}>', html, flags=re.S)


def render(content: Path, target: Path, *options: str) -> bytes:
    result = run("--content-dir", str(content), "render", "-q", "-o", str(target), *options)
    assert result.exit_code == 0, result.output
    return target.read_bytes()


def test_a_likely_fact_marks_its_item_in_html_and_pdf(content, tmp_path):
    scenario = default_scenario(content)
    language = load_yaml(content / "meta.yaml").data["defaults"]["language"]
    add_fact(content, fact(content, "test-likely", "likely"))
    path = content / "scenarios" / f"{scenario}.yaml"
    link(path, ITEM, ["test-likely"])
    item = load_yaml(path).data["sections"][1]["items"][1]["text"]
    user_mark, ru_mark = verify_mark(content, language)

    html = render(content, tmp_path / "sheet.html", "-s", scenario, "--format", "html").decode()
    items = elements(html, "li", "item")
    marked = [entry for entry in items if 'class="pair user-first marked"' in entry]
    assert len(marked) == 1
    assert plain(item["ru"]) in plain(marked[0]) and plain(item[language]) in plain(marked[0])

    pdf = render(content, tmp_path / "sheet.pdf", "-s", scenario)
    checklist = WORD_JOINERS.sub("", squash(page_texts(pdf)[0]))
    # the compact mark after both lines of the item, and its meaning once, under the header
    assert checklist.count("▲") == 3
    assert squash(item["ru"]) + "▲" in checklist
    assert squash(item[language]) + "▲" in checklist
    assert checklist.count(squash(user_mark) + "/" + squash(ru_mark)) == 1


def test_the_staff_request_draft_line_and_phrase_carry_the_mark(content, tmp_path):
    scenario = default_scenario(content)
    drafts = load_yaml(content / "applications.yaml").data["drafts"]
    draft = next(index for index, entry in enumerate(drafts) if scenario in entry["scenarios"])
    add_fact(content, fact(content, "test-likely", "likely"))  # no scenarios: on every sheet
    link(content / "scenarios" / f"{scenario}.yaml", ("staff", "request"), ["test-likely"])
    link(content / "applications.yaml", ("drafts", draft, "body", 0), ["test-likely"])
    link(content / "phrasebook.yaml", ("phrases", 0), ["test-likely"])
    bundle = load_content(content)
    sheet = build_view(RenderRequest(scenario=scenario, content_dir=content), bundle)
    assert sheet.staff.request.verify is not None
    assert sheet.phrasebook.phrases[0].verify is not None
    assert all(phrase.verify is None for phrase in sheet.phrasebook.phrases[1:])

    html = render(content, tmp_path / "sheet.html", "-s", scenario, "--format", "html").decode()
    request = bundle.scenarios[scenario].staff.request.text["ru"]
    card = [entry for entry in re.findall(r'<div class="pair ru-first request">(.*?)</div>',
                                          html, flags=re.S)]
    assert len(card) == 1 and 'class="verify"' in card[0]
    assert plain(request) in plain(card[0])
    body = re.findall(r'<div class="draft-body">(.*?)</div>', html, flags=re.S)
    assert 'class="verify"' in body[0].split("</p>")[0]  # the draft's first line
    phrases = elements(html, "td", "phrase")
    assert ['class="verify"' in phrase for phrase in phrases] == [True] + [False] * (
        len(phrases) - 1)


def test_an_override_that_downgrades_a_fact_changes_that_carriers_sheet_only(content, tmp_path):
    scenario = default_scenario(content)
    carriers = carrier_ids(content)
    downgraded = carriers[0]
    add_fact(content, fact(content, "test-rule", "confirmed"))
    carrier_file = f"carriers/{downgraded}.yaml"
    add_fact(content, fact(content, "test-rule", "likely", file=carrier_file), file=carrier_file)
    path = content / "scenarios" / f"{scenario}.yaml"
    link(path, ITEM, ["test-rule"])
    bundle = load_content(content)
    for carrier in carriers:
        sheet = build_view(RenderRequest(scenario=scenario, carrier=carrier, content_dir=content),
                           bundle)
        item = sheet.sections[1].items[1]
        assert (item.verify is not None) == (carrier == downgraded), carrier
        assert all(other.verify is None for section in sheet.sections
                   for other in section.items if other is not item)

    for carrier, expected in ((downgraded, 1), (carriers[1], 0)):
        html = render(content, tmp_path / f"{carrier}.html", "-s", scenario, "-c", carrier,
                      "--format", "html").decode()
        items = elements(html, "li", "item")
        marked = sum('class="pair user-first marked"' in entry for entry in items)
        assert marked == expected, carrier
