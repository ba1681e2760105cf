"""The claims report (`sim-checklist claims`): committed under docs/claims/, regenerated here so
a stale report fails; its contents come from the fixture's facts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content.loading import load_content
from generator.content.yaml_source import load_yaml
from generator.publish.claims_report import claims_report, stale_reports
from tests.claims_tools import (
    CHECKED,
    SOURCE,
    add_fact,
    carrier_ids,
    default_scenario,
    fact,
    link,
    unlink_all,
)
from tests.conftest import bundle
from tests.content_tools import replace_once
from tests.helpers import run

PROJECT = Path(__file__).resolve().parents[2]
REPORTS = PROJECT / "docs" / "claims"
ITEM = ("sections", 1, "items", 1)


@pytest.fixture
def content(content_copy) -> Path:
    unlink_all(content_copy)
    return content_copy


def test_the_committed_report_is_up_to_date():
    stale = stale_reports(bundle(), REPORTS)
    assert stale == [], f"run `sim-checklist claims`: stale {stale}"
    assert sorted(path.stem for path in REPORTS.glob("*.md")) == sorted(bundle().scenarios)


def test_a_changed_sentence_makes_the_report_stale(content_copy):
    scenario = default_scenario(content_copy)
    path = content_copy / "scenarios" / f"{scenario}.yaml"
    item = load_yaml(path).data["sections"][1]["items"][1]["text"]["ru"]
    replace_once(path, item, item + " Ещё раз.")
    assert stale_reports(load_content(content_copy), REPORTS) == [f"{scenario}.md"]


def test_claims_check_exits_1_on_a_stale_report(content_copy, tmp_path):
    folder = tmp_path / "claims"
    written = run("--content-dir", str(content_copy), "claims", "-o", str(folder))
    assert written.exit_code == 0, written.output
    assert run("--content-dir", str(content_copy), "claims", "-o", str(folder),
               "--check").exit_code == 0
    scenario = default_scenario(content_copy)
    (folder / f"{scenario}.md").write_text("old\n", encoding="utf-8")
    result = run("--content-dir", str(content_copy), "claims", "-o", str(folder), "--check")
    assert result.exit_code == 1
    assert f"{scenario}.md is stale" in result.stderr


def test_the_report_lists_each_carriers_confidence_and_the_unlinked_sentences(content):
    scenario = default_scenario(content)
    carriers = carrier_ids(content)
    add_fact(content, fact(content, "test-rule", "confirmed"))
    carrier_file = f"carriers/{carriers[0]}.yaml"
    add_fact(content, fact(content, "test-rule", "likely", file=carrier_file), file=carrier_file)
    path = content / "scenarios" / f"{scenario}.yaml"
    link(path, ITEM, ["test-rule"])
    data = load_yaml(path).data
    item = data["sections"][1]["items"][1]["text"]
    loaded = load_content(content)
    report = claims_report(loaded, scenario)

    linked, rest = report.split("## The carrier page", 1)
    assert item["ru"] in linked and item["zh-Hans"] in linked
    rows = [line for line in linked.splitlines() if "`test-rule`" in line]
    assert len(rows) == len(carriers)
    for carrier, row in zip(carriers, rows, strict=True):
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        confidence = "likely" if carrier == carriers[0] else "confirmed"
        owner = carrier_file if carrier == carriers[0] else "general.yaml"
        assert cells[0] == carrier
        assert cells[1] == ("with the verify mark" if confidence == "likely" else "plain")
        assert cells[3] == confidence
        assert cells[4].startswith(f"content/{owner}:")
        assert cells[5] == f"<{SOURCE}test-rule>" and cells[6] == CHECKED

    # Every other sentence of the sheet is listed apart: counted from the fixture's files.
    items = sum(len(section["items"]) for section in data["sections"])
    staff = 1 + len(data["staff"].get("details", []))
    drafts = load_yaml(content / "applications.yaml").data["drafts"]
    draft_lines = sum(len(d["addressee"]) + len(d["body"]) for d in drafts
                      if scenario in d["scenarios"])
    phrases = len(load_yaml(content / "phrasebook.yaml").data["phrases"])
    unlinked = items + staff + draft_lines + phrases - 1
    assert f"## Sentences that name no fact ({unlinked})" in rest
    assert item["ru"] not in rest.split("## Sentences that name no fact", 1)[1]


def test_the_report_has_no_date_but_the_content_version(content):
    """Deterministic: the only dates in it are the facts' checked dates."""
    scenario = default_scenario(content)
    version = load_yaml(content / "meta.yaml").data["content_version"]
    report = claims_report(load_content(content), scenario)
    assert f"content version {version}" in report
    checked = {
        str(entry["checked"])
        for path in [content / "general.yaml", *(content / "carriers").glob("*.yaml")]
        for entry in load_yaml(path).data.get("facts", [])
    }
    without_links = re.sub(r"<https?://[^>]*>", "", report)
    assert set(re.findall(r"\b\d{4}-\d{2}-\d{2}\b", without_links)) <= checked
