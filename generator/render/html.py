"""Fill the Jinja2 template with a sheet view. Autoescaped and strict: a typo is an error."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.paths import FONTS_DIR, TEMPLATES_DIR
from generator.render.paper import DEFAULT_PAPER, PAPERS, Paper
from generator.render.typography import hold_hyphenated_words, keep_last_words_together
from generator.speed import switched_off
from generator.view.sheet import SheetView

SHEET_TEMPLATE = "sheet.html.j2"
STYLESHEETS_DIR = "css"
# How templates/css/05-fonts.css names the pre-cut fonts: replaced by their folder in the cache.
FONTS_URL_IN_CSS = 'url("../fonts/'


@cache
def _environment(templates_dir: Path) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=True,  # .j2 templates produce HTML: escape every value, always
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        # Compiled templates kept between runs (in a private folder under the system's temp
        # folder): a cold render skips compiling them. Templates only, never content.
        bytecode_cache=None if switched_off("jinja-cache") else jinja2.FileSystemBytecodeCache(),
    )
    environment.filters["no_widow"] = keep_last_words_together
    environment.filters["hold_hyphens"] = hold_hyphenated_words
    return environment


@cache
def _stylesheet(templates_dir: Path) -> Markup:
    # Our own stylesheets (templates/css/*.css in name order), inlined so the HTML output is
    # one self-contained file. Never content or profile text: those are always escaped.
    parts = sorted((templates_dir / STYLESHEETS_DIR).glob("*.css"))
    our_css = "\n".join(path.read_text(encoding="utf-8") for path in parts)
    # The pre-cut fonts live in the user's cache folder, not beside the templates.
    our_css = our_css.replace(FONTS_URL_IN_CSS, f'url("{FONTS_DIR.as_uri()}/')
    return Markup(our_css)  # noqa: S704


def sheet_stylesheet(paper: Paper, templates_dir: Path = TEMPLATES_DIR) -> Markup:
    """The whole <style> of a sheet on `paper`."""
    # The @page size and margins come last, from code: one per paper (generator/paper.py).
    return _stylesheet(templates_dir) + Markup(paper.page_css())  # noqa: S704


def render_html(
    sheet: SheetView, templates_dir: Path = TEMPLATES_DIR, paper: Paper = PAPERS[DEFAULT_PAPER],
    *, inline_style: bool = True,
) -> str:
    """The sheet as HTML; with `inline_style` its stylesheet inside (one self-contained file),
    else without it, for the PDF step, which is handed sheet_stylesheet(paper) itself."""
    template = _environment(templates_dir).get_template(SHEET_TEMPLATE)
    stylesheet = sheet_stylesheet(paper, templates_dir) if inline_style else None
    return template.render(sheet=sheet, stylesheet=stylesheet)
