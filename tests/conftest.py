"""Shared fixtures: one render per sheet per test session, each PDF parsed once, and the sheet
matrix kept together so that a sheet is rendered and parsed on one worker only.

The matrix is every scenario × carrier × language the content has (`SHEETS`). A test that
checks each sheet takes its sheet as the parameter `key` (`@each_sheet`); collection then
puts all checks of one sheet next to each other and `work_unit` schedules them on one
pytest-xdist worker, so the sheet's PDF is rendered once, parsed once (tests/pdf_ink.py) and
dropped when the next sheets start. Adding a scenario, carrier or language to content/ adds
its sheets here: no test edits.
"""

from __future__ import annotations

import logging
import os
import re
from functools import cache

import pytest

from generator.content.loading import load_content
from generator.models import Confidence
from generator.render.pipeline import RenderRequest, render


@cache
def bundle():
    return load_content()


def rendered(
    scenario: str = "cancel", carrier: str = "generic", language: str = "zh-Hans",
    paper: str = "a4",
):
    """One render per sheet and paper, however the caller spells the arguments (a cache keyed
    on the call itself rendered every sheet twice: `rendered(*key)` and `rendered(*key,
    paper="a4")`)."""
    return _rendered(scenario, carrier, language, paper)


@cache
def _rendered(scenario: str, carrier: str, language: str, paper: str):
    request = RenderRequest(scenario=scenario, carrier=carrier, language=language, paper=paper)
    result = render(request, bundle())
    assert result.warnings == [], f"WeasyPrint warned: {result.warnings}"
    return result


def all_sheets() -> list[tuple[str, str, str]]:
    """Every scenario × carrier × language the content has: new content is tested as it lands."""
    content = bundle()
    return [
        (scenario, carrier, language)
        for scenario in content.scenarios
        for carrier in content.carriers
        for language in content.languages_for(scenario, carrier)
    ]


SHEETS = all_sheets()
SHEET_INDEX = {sheet: index for index, sheet in enumerate(SHEETS)}
each_sheet = pytest.mark.parametrize("key", SHEETS, ids=["-".join(sheet) for sheet in SHEETS])


def letter_sample() -> list[tuple[str, str, str]]:
    """A few sheets to check on US Letter as well: one per scenario, the carriers and languages
    taken in turn. The page CSS puts the same content box on both papers by construction
    (tests/render/test_paper.py), so these renders confirm it rather than search for it."""
    content = bundle()
    carriers, languages = list(content.carriers), content.meta.language_codes
    sample = []
    for turn, scenario in enumerate(content.scenarios):
        carrier = carriers[turn % len(carriers)]
        wanted = languages[turn % len(languages)]
        available = content.languages_for(scenario, carrier)
        if available:
            sample.append((scenario, carrier, wanted if wanted in available else available[0]))
    return sample


LETTER_SAMPLE = letter_sample()
each_letter_sample = pytest.mark.parametrize(
    "key", LETTER_SAMPLE, ids=["-".join(sheet) for sheet in LETTER_SAMPLE])


@cache
def html_of(key: tuple[str, str, str]) -> str:
    """The sheet's HTML, made once (the PDF render does not keep it)."""
    scenario, carrier, language = key
    request = RenderRequest(scenario=scenario, carrier=carrier, language=language,
                            output_format="html")
    return render(request, bundle()).data.decode()


SHEET_IDS = {"-".join(sheet): sheet for sheet in SHEETS}


def sheet_in_test_id(nodeid: str) -> tuple[str, str, str] | None:
    """The sheet a test is parametrized with, read from its id ("…[cancel-mts-en-a4]"): the
    longest run of the id's dash-separated parts that names a sheet."""
    params = nodeid.partition("[")[2].rpartition("]")[0]
    parts = params.split("-")
    found = None
    for start in range(len(parts)):
        for stop in range(len(parts), start, -1):
            sheet = SHEET_IDS.get("-".join(parts[start:stop]))
            if sheet and (found is None or len("-".join(sheet)) > len("-".join(found))):
                found = sheet
    return found


def work_unit(nodeid: str) -> str:
    """The tests one worker runs together: every check of one sheet (so its PDF is rendered
    and parsed once); the browser's per-page checks by scenario (both workers share the
    longest module, one Chromium each); every other test with its module (its module-scoped
    fixtures are set up once)."""
    module = nodeid.split("::", 1)[0]
    sheet = sheet_in_test_id(nodeid)
    if sheet and module.startswith("tests/browser/"):
        return f"{module}-{sheet[0]}"
    if sheet:
        return "sheet-" + "-".join(sheet)
    return module


@pytest.hookimpl(tryfirst=True, optionalhook=True)  # before pytest-xdist's own schedulers
def pytest_xdist_make_scheduler(config, log):
    """pytest-xdist's `loadscope`, with `work_unit` as the scope. (Its `loadgroup` marks
    groups by rewriting `item._nodeid`, which pytest 9.2 no longer reads: every group was
    silently split over both workers and each sheet rendered and parsed twice.)"""
    from xdist.scheduler import LoadScopeScheduling

    class SheetScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return SheetScheduling(config, log)


def pytest_collection_modifyitems(config, items):
    """Every check of one sheet next to each other, in the order of SHEETS, after the other
    tests: a worker then holds one sheet's PDF at a time."""
    matrix, others = [], []
    for position, item in enumerate(items):
        sheet = sheet_in_test_id(item.nodeid)
        if sheet is None or work_unit(item.nodeid) != "sheet-" + "-".join(sheet):
            others.append(item)
        else:
            matrix.append((SHEET_INDEX[sheet], position, item))
    items[:] = others + [item for _, _, item in sorted(matrix, key=lambda entry: entry[:2])]


def pytest_addoption(parser):
    parser.addoption(
        "--update-references",
        action="store_true",
        help="Rewrite tests/sheets/reference/*.png from the current renders instead of comparing.",
    )


def page_texts(data: bytes) -> list[str]:
    """Each page's extracted text, from the one parse of the PDF."""
    from tests.pdf_ink import read_pages

    return [page.extracted for page in read_pages(data)]


def expected_parts(scenario: str, carrier: str) -> list[str]:
    """The pages a sheet has, from the content: the questions page only when a rule is
    unconfirmed, the application page only when the scenario has drafts."""
    facts = bundle().facts_for(scenario, carrier)
    parts = ["checklist", "staff_card"]
    if any(f.kind == "rule" and f.confidence is Confidence.UNCONFIRMED for f in facts):
        parts.append("questions")
    parts.append("carrier")
    if bundle().applications.drafts_for(scenario, refund_to_phone=False):
        parts.append("application")
    return [*parts, "phrasebook"]


def squash(text: str) -> str:
    """Text without white space: lines wrap differently in the PDF than in the YAML."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(autouse=True)
def fail_on_weasyprint_warnings(caplog):
    """Any WeasyPrint warning during a test fails it (a missing glyph logs one)."""
    caplog.set_level(logging.WARNING, logger="weasyprint")
    yield
    records = caplog.get_records("setup") + caplog.get_records("call")
    warnings = [r.getMessage() for r in records if r.name.startswith("weasyprint")]
    assert not warnings, f"WeasyPrint warned: {warnings}"


# Property tests: random locally, the same examples on every CI run (no flaky merges).
from hypothesis import settings  # noqa: E402

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture
def content_copy(tmp_path):
    """A copy of the shipped content/ to break on purpose."""
    from tests.content_tools import copy_content

    return copy_content(tmp_path / "content")
