"""The trimmed default stylesheet: only pseudo-element rules our sheets never use change."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pdfplumber

from generator.render.html import TEMPLATES_DIR
from generator.render.pdf import html_to_pdf
from generator.render.weasyprint.default_stylesheet import sheet_html_class, trimmed_stylesheet
from generator.render.weasyprint.library_search import load_weasyprint

# Through the adapters' door, as the tool imports it: a plain `import weasyprint` at collection
# would switch the import-time adapters off for the whole session (tests/cli/test_doctor.py).
weasyprint = load_weasyprint()

STOCK = (Path(weasyprint.__file__).parent / "css" / "html5_ua.css").read_text(encoding="utf-8")


def test_only_the_unused_universal_pseudo_element_rules_change():
    stock, trimmed = STOCK.splitlines(), trimmed_stylesheet(STOCK).splitlines()
    assert len(stock) == len(trimmed)
    changed = {old: new for old, new in zip(stock, trimmed, strict=True) if old != new}
    assert {old.split(" {")[0] for old in changed} == {
        "::marker", "::footnote-call", "::footnote-marker", "::note-call", "::note-marker",
        "::note-callback"}
    marker = next(new for old, new in changed.items() if old.startswith("::marker"))
    assert marker.startswith("li::marker {")
    assert sum(1 for new in changed.values() if new == "") == 5


def test_this_weasyprint_gets_the_trimmed_stylesheet_without_a_warning(caplog):
    # If an upgrade moves the default stylesheet, renders silently get slower: say so here.
    sheet_html_class.cache_clear()
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        assert sheet_html_class() is not weasyprint.HTML
    assert [record.getMessage() for record in caplog.records] == []


def test_nothing_we_print_needs_the_dropped_rules():
    css = "".join(path.read_text(encoding="utf-8")
                  for path in (TEMPLATES_DIR / "css").glob("*.css"))
    # what WeasyPrint lays out: the sheet (the catalog and the phone page are for browsers)
    printed = [TEMPLATES_DIR / "sheet.html.j2", *(TEMPLATES_DIR / "parts").glob("*.j2")]
    templates = "".join(path.read_text(encoding="utf-8") for path in printed)
    assert "footnote" not in css and "note-" not in css
    assert "::marker" not in css
    assert "<summary" not in templates and "list-item" not in css


def test_list_markers_still_print():
    html = ('<html lang="en"><body><ul><li>first</li></ul><ol><li>second</li></ol>'
            "</body></html>")
    pdf, warnings = html_to_pdf(html, TEMPLATES_DIR, title="t", language="en")
    assert warnings == []
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = document.pages[0].extract_text()
    assert "• first" in text and "1. second" in text
