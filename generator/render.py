"""The pure core: a request in, the document's bytes out. No printing, no files written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from generator.content import DEFAULT_CONTENT_DIR, ContentBundle, load_content
from generator.errors import UserError
from generator.html import TEMPLATES_DIR, render_html
from generator.paper import DEFAULT_PAPER, PAPERS, PaperName
from generator.view import SheetView, build_sheet

OutputFormat = Literal["pdf", "html"]


@dataclass(frozen=True)
class RenderRequest:
    scenario: str | None = None  # None: the content's default
    carrier: str | None = None
    language: str | None = None
    output_format: OutputFormat = "pdf"
    content_dir: Path = DEFAULT_CONTENT_DIR
    paper: PaperName = DEFAULT_PAPER
    generated: dt.date = field(default_factory=dt.date.today)


@dataclass(frozen=True)
class RenderResult:
    data: bytes
    sheet: SheetView
    warnings: list[str]
    paper: PaperName = DEFAULT_PAPER

    @property
    def file_name(self) -> str:
        """Built from codes only, never from personal data."""
        extension = "pdf" if self.data.startswith(b"%PDF") else "html"
        paper = "" if self.paper == DEFAULT_PAPER else f"-{self.paper}"
        sheet = self.sheet
        return f"{sheet.scenario_id}-{sheet.carrier_id}-{sheet.language}{paper}.{extension}"


def resolve_scenario(bundle: ContentBundle, name: str | None) -> str:
    """A scenario id or one of its aliases → the id; anything else is a one-line error."""
    if name is None:
        return bundle.meta.defaults.scenario
    if name in bundle.scenarios:
        return name
    for scenario in bundle.scenarios.values():
        if name in scenario.aliases:
            return scenario.id
    known = ", ".join(sorted(bundle.scenarios))
    raise UserError(f"unknown scenario {name!r}; choose one of: {known}")


def resolve_carrier(bundle: ContentBundle, name: str | None) -> str:
    if name is None:
        return bundle.meta.defaults.carrier
    if name.lower() in bundle.carriers:
        return name.lower()
    known = ", ".join(sorted(bundle.carriers))
    raise UserError(f"unknown carrier {name!r}; choose one of: {known}")


def resolve_language(bundle: ContentBundle, name: str | None) -> str:
    if name is None:
        return bundle.meta.defaults.language
    codes = bundle.meta.language_codes
    for code in codes:
        if name.lower() == code.lower():
            return code
    raise UserError(f"unknown language {name!r}; choose one of: {', '.join(codes)}")


def build_view(request: RenderRequest, bundle: ContentBundle | None = None) -> SheetView:
    bundle = bundle or load_content(request.content_dir)
    scenario_id = resolve_scenario(bundle, request.scenario)
    carrier_id = resolve_carrier(bundle, request.carrier)
    language = resolve_language(bundle, request.language)
    untranslated = [
        name
        for name, file in bundle.files_for(scenario_id, carrier_id).items()
        if language not in file.languages
    ]
    if untranslated:
        available = ", ".join(bundle.languages_for(scenario_id, carrier_id)) or "none"
        raise UserError(
            f"{' and '.join(untranslated)} not yet translated to {language}; "
            f"this sheet exists in: {available}"
        )
    return build_sheet(bundle, scenario_id, carrier_id, language, request.generated)


def render(request: RenderRequest, bundle: ContentBundle | None = None) -> RenderResult:
    """Content → view → HTML → (PDF). Raises UserError for anything the user can fix."""
    sheet = build_view(request, bundle)
    if request.paper not in PAPERS:
        raise UserError(f"unknown paper {request.paper!r}; choose one of: {', '.join(PAPERS)}")
    html = render_html(sheet, paper=PAPERS[request.paper])
    if request.output_format == "html":
        return RenderResult(html.encode("utf-8"), sheet, [], request.paper)
    from generator.pdf import html_to_pdf  # WeasyPrint is imported only when a PDF is made

    pdf, warnings = html_to_pdf(html, TEMPLATES_DIR, title=sheet.title, language=sheet.language)
    return RenderResult(pdf, sheet, warnings, request.paper)
