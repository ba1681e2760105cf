"""index.html for a folder of built sheets: grouped by scenario and carrier, offline, in every
language content/catalog.yaml lists (a CSS-only switcher: no script, no network). On a phone:
tap the situation, tap the carrier, tap the phone page or the PDF (<details>, no script)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.content.loading import ContentBundle
from generator.models import Text
from generator.models.interface import CatalogStrings
from generator.publish.build import Job, SheetRecord
from generator.render.html import TEMPLATES_DIR

CATALOG_TEMPLATE = "catalog.html.j2"
CATALOG_STYLESHEET = Path("catalog") / "catalog.css"
INDEX_NAME = "index.html"


@dataclass(frozen=True)
class LocalSpan:
    """One text in one language, shown when the page is in any of `shown_for`."""

    text: str
    lang: str
    shown_for: tuple[str, ...]


@dataclass(frozen=True)
class SheetLink:
    href: str
    phone_href: str  # "" when the folder has no phone page of this sheet
    language: str
    language_name: str
    pages: list[LocalSpan]
    size: list[LocalSpan]


@dataclass(frozen=True)
class CarrierCard:
    id: str
    name: list[LocalSpan]
    note: list[LocalSpan] | None
    facts_checked: list[LocalSpan] | None
    preview_src: str
    preview_href: str
    preview_alt: str
    preview_lang: str
    links: list[SheetLink]


@dataclass(frozen=True)
class ScenarioGroup:
    id: str
    title: list[LocalSpan]
    cards: list[CarrierCard]


@dataclass(frozen=True)
class CatalogView:
    languages: list[str]
    default_language: str
    strings: dict[str, list[LocalSpan]]
    language_names: list[LocalSpan]
    groups: list[ScenarioGroup]
    content_version: str
    generated: dt.date


def localize(text: Text, page_languages: list[str], **values: object) -> list[LocalSpan]:
    """A span per distinct text; a page language the text lacks shows its first available one."""
    fallback = next((code for code in page_languages if code in text.languages), text.languages[0])
    shown: dict[tuple[str, str], list[str]] = {}
    for code in page_languages:
        source = code if code in text.languages else fallback
        value = text[source].format(**values) if values else text[source]
        shown.setdefault((value, source), []).append(code)
    return [LocalSpan(value, lang, tuple(codes)) for (value, lang), codes in shown.items()]


def build_catalog_view(
    bundle: ContentBundle,
    strings: CatalogStrings,
    sheets: dict[Job, SheetRecord],
    generated: dt.date,
) -> CatalogView:
    page_languages = strings.languages
    meta_names = {language.code: language.name for language in bundle.meta.user_languages}
    scenario_order = sorted(bundle.scenarios, key=lambda s: s != bundle.meta.defaults.scenario)
    carrier_order = sorted(bundle.carriers, key=lambda c: bundle.carriers[c].generic)
    groups = []
    for scenario_id in scenario_order:
        cards = []
        for carrier_id in carrier_order:
            jobs = [job for job in sheets
                    if job.scenario == scenario_id and job.carrier == carrier_id]
            jobs.sort(key=lambda job: bundle.meta.language_codes.index(job.language))
            if not jobs:
                continue
            carrier = bundle.carriers[carrier_id]
            scenario = bundle.scenarios[scenario_id]
            first = jobs[0]
            title = f"{scenario.title[first.language]} · {carrier.name[first.language]}"
            links = [
                SheetLink(
                    href=job.pdf_name,
                    phone_href=sheets[job].phone,
                    language=job.language,
                    language_name=meta_names[job.language],
                    pages=localize(strings.pages, page_languages, pages=sheets[job].pages),
                    size=localize(strings.size, page_languages,
                                  kb=round(sheets[job].size / 1024)),
                )
                for job in jobs
            ]
            cards.append(CarrierCard(
                id=carrier_id,
                name=localize(carrier.name, page_languages),
                note=localize(strings.generic_carrier, page_languages) if carrier.generic else None,
                facts_checked=(
                    localize(strings.facts_checked, page_languages, date=checked)
                    if (checked := sheets[first].facts_checked) else None
                ),
                preview_src=sheets[first].preview,
                preview_href=first.pdf_name,
                preview_alt=strings.preview_alt[page_languages[0]].format(title=title),
                preview_lang=page_languages[0],
                links=links,
            ))
        if cards:
            groups.append(ScenarioGroup(
                scenario_id, localize(bundle.scenarios[scenario_id].title, page_languages), cards
            ))
    names = ("title", "intro", "how_to_print", "languages_heading", "phone_page", "pdf",
             "content_version", "generated", "rules_differ", "offline_note")
    return CatalogView(
        languages=page_languages,
        default_language=page_languages[0],
        strings={name: localize(getattr(strings, name), page_languages) for name in names},
        language_names=[
            LocalSpan(strings.language_name[code], code, (code,)) for code in page_languages
        ],
        groups=groups,
        content_version=bundle.meta.content_version,
        generated=generated,
    )


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_catalog(view: CatalogView) -> str:
    stylesheet = (TEMPLATES_DIR / CATALOG_STYLESHEET).read_text(encoding="utf-8")
    template = _environment().get_template(CATALOG_TEMPLATE)
    # Our own stylesheet, inlined so the page is one file; content is always escaped.
    return template.render(catalog=view, stylesheet=Markup(stylesheet))  # noqa: S704


def write_index(
    out_dir: Path,
    bundle: ContentBundle,
    strings: CatalogStrings,
    sheets: dict[Job, SheetRecord],
    generated: dt.date,
) -> Path:
    from generator.output import write_atomically

    html = render_catalog(build_catalog_view(bundle, strings, sheets, generated))
    return write_atomically(Path(out_dir) / INDEX_NAME, html.encode("utf-8"))
