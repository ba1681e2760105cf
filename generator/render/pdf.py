"""HTML → PDF with WeasyPrint: a fetcher that reads only our own files, one font setup per
process, and every WeasyPrint warning caught (a missing glyph fails the render)."""

from __future__ import annotations

import logging
import re
from functools import cache, lru_cache
from pathlib import Path

from generator.errors import MissingGlyphs
from generator.render.fonts import FONTS_DIR
from generator.render.weasyprint.library_search import (
    INSTALL_HARFBUZZ_SUBSET,
    harfbuzz_subset_loaded,
    load_weasyprint,
)
from generator.render.weasyprint.pdf_lang import structure_languages
from generator.speed import switched_off

MISSING_GLYPH = re.compile(r'unsupported by fonts: "(.)"')
HARFBUZZ_SUBSET_MISSING = (
    "HarfBuzz subsetting (libharfbuzz-subset) is missing, so every render takes about 19 times "
    f"longer; install it: {INSTALL_HARFBUZZ_SUBSET}"
)
_start_up_warnings_given = False


class WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@cache
def _font_config():
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def _local_fetcher(allowed_dirs: tuple[Path, ...]):
    """Only `data:` URLs and files inside our own folders: no network, no other files."""
    from weasyprint import URLFetcher
    from weasyprint.urls import URLFetchingError

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if url.startswith("file://"):
                from urllib.parse import unquote, urlparse

                parsed = urlparse(url)
                path = Path(unquote(parsed.path)).resolve()  # resolves ../ and symlinks
                local = parsed.netloc in ("", "localhost")
                if local and any(path.is_relative_to(folder) for folder in allowed_dirs):
                    return super().fetch(url, headers)
            raise URLFetchingError(f"blocked: {url[:80]}")

    return LocalFetcher(allowed_protocols=("file", "data"), allow_redirects=False)


@lru_cache(maxsize=8)
def _parsed_once(text: str, base_dir: Path, font_config):
    """Our stylesheet parsed once per process and font set-up (its @font-face rules live in
    `font_config`), not once per sheet."""
    from weasyprint import CSS

    return CSS(string=text, base_url=base_dir.as_uri() + "/", font_config=font_config,
               url_fetcher=_local_fetcher((base_dir.resolve(), FONTS_DIR.resolve())))


def _parsed_stylesheet(text: str, base_dir: Path, font_config):
    if switched_off("stylesheet-once"):
        return _parsed_once.__wrapped__(text, base_dir, font_config)
    return _parsed_once(text, base_dir, font_config)


def prepare_renderer(paper_name: str) -> None:
    """What every render of a process sets up first: WeasyPrint imported, the fonts and the
    default stylesheet loaded, our stylesheet for `paper_name` parsed. build-all does it once
    in the parent, and the workers it forks inherit it instead of each doing it again."""
    from generator.render.html import TEMPLATES_DIR, sheet_stylesheet
    from generator.render.paper import PAPERS
    from generator.render.weasyprint.default_stylesheet import sheet_html_class

    load_weasyprint()
    sheet_html_class()
    _parsed_stylesheet(str(sheet_stylesheet(PAPERS[paper_name])), TEMPLATES_DIR, _font_config())


def _start_up_warnings() -> list[str]:
    """Problems of this machine, reported with the first render of a process only."""
    global _start_up_warnings_given
    if _start_up_warnings_given:
        return []
    _start_up_warnings_given = True
    from generator.render.weasyprint.adapters import adapter_warnings

    warnings = adapter_warnings()
    if not harfbuzz_subset_loaded():
        warnings.append(HARFBUZZ_SUBSET_MISSING)
    return warnings


def html_to_pdf(
    html: str, base_dir: Path, *, title: str, language: str, stylesheet: str | None = None
) -> tuple[bytes, list[str]]:
    """Render; return the PDF and WeasyPrint's warnings. Missing glyphs raise RenderError.

    `stylesheet`: our CSS as text, for HTML written without its <style> (render_html with
    inline_style=False); it is parsed once per process. Passed as a stylesheet, our rules sit
    in the user origin: all of them together, still above the browser's defaults and below a
    style attribute, so the same rule wins as inline."""
    load_weasyprint()  # first, so the imports below are cheap and fast
    from generator.render.weasyprint.default_stylesheet import sheet_html_class

    HTML = sheet_html_class()  # WeasyPrint's HTML with a cheaper default stylesheet

    collector = WarningCollector()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
    try:
        font_config = _font_config()
        parsed = _parsed_stylesheet(stylesheet, base_dir, font_config) if stylesheet else None
        document = HTML(
            string=html,
            base_url=base_dir.as_uri() + "/",
            url_fetcher=_local_fetcher((base_dir.resolve(), FONTS_DIR.resolve())),
        ).render(font_config=font_config, stylesheets=[parsed] if parsed else None)
        # Only what the sheet is about: never a name or anything else from a profile.
        document.metadata.title = title
        document.metadata.lang = language
        document.metadata.authors = []
        document.metadata.description = None
        document.metadata.keywords = []
        # PDF/UA-1: tagged structure, DisplayDocTitle, /Lang, alt text on images.
        with structure_languages():
            pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    finally:
        logger.removeHandler(collector)
    missing = sorted({match.group(1) for message in collector.messages
                      if (match := MISSING_GLYPH.search(message))})
    if missing:
        listed = " ".join(f"{char} (U+{ord(char):04X})" for char in missing)
        raise MissingGlyphs(
            f"no installed font has these characters: {listed}; "
            "install fonts-noto-cjk (see README) or remove them",
            missing,
        )
    return pdf, _start_up_warnings() + collector.messages
