"""The pure core: a request in, the document's bytes out. No printing, no files written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from generator.content.loading import DEFAULT_CONTENT_DIR, ContentBundle, load_content
from generator.content.profile import load_profile
from generator.errors import MissingGlyphs, RenderError, UserError
from generator.models.profile import EMPTY_PROFILE, PROFILE_FIELDS, Profile
from generator.render.html import TEMPLATES_DIR, render_html, sheet_stylesheet
from generator.render.paper import DEFAULT_PAPER, PAPERS, PaperName
from generator.render.phone import render_phone_html
from generator.view.phone import build_phone, phone_qr
from generator.view.sheet import SheetView, build_sheet

OutputFormat = Literal["pdf", "html", "phone"]
# Called with a step's name ("content", "HTML", "PDF") as soon as that step is done.
StepCallback = Callable[[str], None]
# Where the QR code to the sheet's phone page may go, tried in this order: the parts that
# usually have room at their foot (templates/parts/*).
PHONE_QR_PARTS = ("questions", "staff_card", "carrier", "application", "phrasebook")


@dataclass(frozen=True)
class RenderRequest:
    scenario: str | None = None  # None: the content's default
    carrier: str | None = None
    language: str | None = None
    output_format: OutputFormat = "pdf"
    content_dir: Path = DEFAULT_CONTENT_DIR
    paper: PaperName = DEFAULT_PAPER
    generated: dt.date = field(default_factory=dt.date.today)
    # A profile file or a loaded Profile; None prints every personal field as a blank line.
    profile: Path | Profile | None = None
    # The address of this sheet's phone page: the printed sheet gets a QR code to it.
    phone_url: str | None = None


@dataclass(frozen=True)
class RenderResult:
    data: bytes
    sheet: SheetView
    warnings: list[str]
    paper: PaperName = DEFAULT_PAPER
    output_format: OutputFormat = "pdf"

    @property
    def file_name(self) -> str:
        """Built from codes only, never from personal data; the phone page's name is the one
        build-all gives it, apart from the print HTML's."""
        sheet = self.sheet
        stem = f"{sheet.scenario_id}-{sheet.carrier_id}-{sheet.language}"
        if self.output_format == "phone":
            return phone_page_name(stem)
        paper = "" if self.paper == DEFAULT_PAPER else f"-{self.paper}"
        return f"{stem}{paper}.{self.output_format}"


def phone_page_name(stem: str) -> str:
    """A sheet's phone page, named apart from its print HTML (`--format html`)."""
    return f"{stem}-phone.html"


def resolve_scenario(bundle: ContentBundle, name: str | None) -> str:
    """A scenario id or one of its aliases → the id; anything else is a one-line error."""
    if name is None:
        return bundle.meta.defaults.scenario
    if name in bundle.scenarios:
        return name
    choices = bundle.meta.ambiguous_aliases.get(name)
    if choices:
        raise UserError(f"scenario {name!r} can mean {' or '.join(choices)}; "
                        f"choose one: -s {' or -s '.join(choices)}")
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
    profile = request.profile if request.profile is not None else EMPTY_PROFILE
    if not isinstance(profile, Profile):
        profile = load_profile(profile)
    return build_sheet(bundle, scenario_id, carrier_id, language, request.generated, profile)


def render(
    request: RenderRequest,
    bundle: ContentBundle | None = None,
    on_step: StepCallback | None = None,
) -> RenderResult:
    """Content → view → HTML → (PDF). Raises UserError for anything the user can fix."""
    if request.profile is not None and not isinstance(request.profile, Profile):
        request = replace(request, profile=load_profile(request.profile))
    step = on_step or _no_step
    if bundle is None:
        bundle = load_content(request.content_dir)
        step("content")
    sheet = build_view(request, bundle)
    if request.paper not in PAPERS:
        raise UserError(f"unknown paper {request.paper!r}; choose one of: {', '.join(PAPERS)}")
    if request.output_format == "phone":  # one file for a phone: no paper, no WeasyPrint
        phone = build_phone(sheet, bundle.ui.phone)
        html = render_phone_html(phone)
        step("HTML")
        return RenderResult(html.encode("utf-8"), sheet, [], output_format="phone")
    paper = PAPERS[request.paper]
    # Without a phone page's address the sheet is laid out once. With one, its QR code goes
    # at the foot of the first part that still fits on its page (one page a part, rule 3).
    places = [part for part in PHONE_QR_PARTS if part in sheet.parts] if request.phone_url else []
    for place in places or [None]:
        placed = sheet
        if place is not None:
            assert request.phone_url is not None
            code = phone_qr(request.phone_url, bundle.ui.phone, sheet.language, place)
            placed = replace(sheet, phone_qr=code)
        if request.output_format == "html":
            html = render_html(placed, paper=paper)
            step("HTML")
            return RenderResult(html.encode("utf-8"), placed, [], request.paper, "html")
        html = render_html(placed, paper=paper, inline_style=False)
        step("HTML")
        pdf, warnings = _pdf(html, placed, request, bundle)
        if place is None or _page_count(pdf) == len(placed.parts):
            step("PDF")
            return RenderResult(pdf, placed, warnings, request.paper)
    raise RenderError(
        "no page of this sheet has room for the QR code to its phone page; "
        "shorten its questions or its carrier's rules"
    )


def _pdf(
    html: str, sheet: SheetView, request: RenderRequest, bundle: ContentBundle
) -> tuple[bytes, list[str]]:
    from generator.render.pdf import html_to_pdf  # WeasyPrint is imported only when a PDF is made

    try:
        return html_to_pdf(
            html, TEMPLATES_DIR, title=sheet.title, language=sheet.language,
            stylesheet=str(sheet_stylesheet(PAPERS[request.paper])),
        )
    except MissingGlyphs as error:
        fields = _profile_fields_with(request.profile, error.characters)
        if fields:  # name the field, never echo the user's characters
            raise RenderError(
                f"no installed font can print a character of the profile's {', '.join(fields)}; "
                "install fonts-noto-cjk (see README) or write it differently"
            ) from None
        place = _first_line_with(bundle.content_files(), error.characters)
        if place:  # point at the content line to change
            what, _, remedy = str(error).partition("; ")
            raise MissingGlyphs(f"{what} in {place}; {remedy}", error.characters) from None
        raise


def _page_count(pdf: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def _no_step(name: str) -> None:
    """The default step callback: the core itself never prints."""


def _first_line_with(paths: Iterable[Path], characters: list[str]) -> str | None:
    """`file:line` of the first content line holding one of `characters`."""
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if any(char in line for char in characters):
                return f"{path}:{number}"
    return None


def _profile_fields_with(profile: Profile | Path | None, characters: list[str]) -> list[str]:
    if not isinstance(profile, Profile):
        return []
    return [
        name
        for name in PROFILE_FIELDS
        if any(char in (profile.value_of(name) or "") for char in characters)
    ]
