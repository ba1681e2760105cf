"""Shared fixtures: one render per sheet per test session, and PDF readers."""

from __future__ import annotations

import io
import logging
import os
import re
from functools import cache

import pdfplumber
import pytest

from generator.content.loading import load_content
from generator.render.pipeline import RenderRequest, render


@cache
def bundle():
    return load_content()


@cache
def rendered(
    scenario: str = "cancel", carrier: str = "generic", language: str = "zh-Hans",
    paper: str = "a4",
):
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


def pytest_addoption(parser):
    parser.addoption(
        "--update-references",
        action="store_true",
        help="Rewrite tests/sheets/reference/*.png from the current renders instead of comparing.",
    )


@cache
def page_texts(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


@cache
def column_text(data: bytes, page_number: int, left_mm: float) -> str:
    """The text of one page right of `left_mm`: table cells side by side extract interleaved."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[page_number]
        left = left_mm / 25.4 * 72
        return page.crop((left, 0, page.width, page.height)).extract_text() or ""


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
