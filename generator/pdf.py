"""HTML → PDF with WeasyPrint: a fetcher that reads only our own files, one font setup per
process, and every WeasyPrint warning caught (a missing glyph fails the render)."""

from __future__ import annotations

import logging
import re
from functools import cache
from pathlib import Path

from generator.errors import MissingGlyphs
from generator.fonts import FONTS_DIR
from generator.pdf_lang import structure_languages
from generator.weasyprint_loader import (
    INSTALL_HARFBUZZ_SUBSET,
    harfbuzz_subset_loaded,
    load_weasyprint,
)

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


def _start_up_warnings() -> list[str]:
    """Problems of this machine, reported with the first render of a process only."""
    global _start_up_warnings_given
    if _start_up_warnings_given:
        return []
    _start_up_warnings_given = True
    return [] if harfbuzz_subset_loaded() else [HARFBUZZ_SUBSET_MISSING]


def html_to_pdf(html: str, base_dir: Path, *, title: str, language: str) -> tuple[bytes, list[str]]:
    """Render; return the PDF and WeasyPrint's warnings. Missing glyphs raise RenderError."""
    load_weasyprint()  # first, so the imports below are cheap and fast
    from weasyprint import HTML

    collector = WarningCollector()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
    try:
        document = HTML(
            string=html,
            base_url=base_dir.as_uri() + "/",
            url_fetcher=_local_fetcher((base_dir.resolve(), FONTS_DIR.resolve())),
        ).render(font_config=_font_config())
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
