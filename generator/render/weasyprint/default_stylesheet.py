"""WeasyPrint's default (user-agent) stylesheet without the pseudo-element rules a sheet never uses.

WeasyPrint 70's default stylesheet styles `::marker`, `::footnote-call`, `::footnote-marker`,
`::note-call`, `::note-marker` and `::note-callback` of *every* element, so each of a sheet's
~580 elements gets six pseudo-element styles computed up front: 6 of every 7 styles of a
render, about a fifth of its time. Our sheets have no footnotes or notes (no `float: footnote`
or `float: note`), and only list items show a marker. So we keep the stylesheet as it is but
give footnote and note rules no element to match and the marker rule only list items: what is
drawn stays the same; tests/render/weasyprint/test_default_stylesheet.py checks the rules it
changes.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from generator.speed import switched_off

# A rule on a pseudo-element of any element: `::name { ... }` at the start of a line.
UNIVERSAL_PSEUDO_RULE = re.compile(r"^::(?P<name>[a-z-]+)(?P<rest> *\{[^}\n]*\})$", re.MULTILINE)
NEVER_USED = frozenset({"footnote-call", "footnote-marker", "note-call", "note-marker",
                        "note-callback"})
MARKER_OWNERS = "li"  # the one element the default stylesheet makes `display: list-item`


def trimmed_stylesheet(text: str) -> str:
    """`text` with the unused universal pseudo-element rules dropped, the marker's narrowed."""

    def narrowed(match: re.Match[str]) -> str:
        name, rest = match["name"], match["rest"]
        if name in NEVER_USED:
            return ""
        if name == "marker":
            return f"{MARKER_OWNERS}::marker{rest}"
        return match[0]

    return UNIVERSAL_PSEUDO_RULE.sub(narrowed, text)


@cache
def sheet_html_class():
    """`weasyprint.HTML` with the trimmed default stylesheet; plain `HTML` if this WeasyPrint
    keeps its default stylesheet elsewhere (then only speed is lost)."""
    import weasyprint
    from weasyprint import CSS, HTML
    from weasyprint.css.counters import CounterStyle

    source = Path(weasyprint.__file__).parent / "css" / "html5_ua.css"
    if switched_off("ua-trim") or not source.is_file() or not hasattr(HTML, "_ua_stylesheets"):
        return HTML
    text = source.read_text(encoding="utf-8")
    trimmed = trimmed_stylesheet(text)
    if trimmed == text:
        return HTML
    # Its @counter-style rules go to a throw-away set: a document still gets WeasyPrint's own
    # copy of them (parsing them into that again warns of a duplicate name).
    stylesheet = CSS(string=trimmed, counter_style=CounterStyle())

    class SheetHTML(HTML):
        def _ua_stylesheets(self, forms=False):
            stock = super()._ua_stylesheets(forms)
            return [stylesheet, *stock[1:]]  # the forms stylesheet, if any, stays

    return SheetHTML
