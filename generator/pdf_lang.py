"""Give the tagged PDF's structure elements the `lang` of their HTML element.

WeasyPrint (70) tags the PDF (H1, P, Span, TD, ...) but sets /Lang only on the document, so a
screen reader would read the Russian and Chinese spans with the document's voice. While a PDF
is written, this wraps WeasyPrint's structure builder: every element built for an HTML element
with a `lang` attribute gets /Lang (inherited by its children, as PDF 1.7 §14.9.2 says).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def structure_languages() -> Iterator[None]:
    try:
        import pydyf
        from weasyprint.pdf import tags
    except ImportError:  # pragma: no cover - WeasyPrint is a dependency
        yield
        return
    original = getattr(tags, "_build_box_tree", None)
    if original is None:  # another WeasyPrint layout: tests/test_language_gates.py notices
        yield
        return

    def build_with_lang(box, *args, **kwargs):
        element = getattr(box, "element", None)
        lang = element.get("lang") if element is not None else None
        if getattr(box, "element_tag", None) in ("html", "body"):
            lang = None  # their elements are the children's: the catalog's /Lang covers them
        for struct in original(box, *args, **kwargs):
            if lang and "Lang" not in struct:
                struct["Lang"] = pydyf.String(lang)
            yield struct

    tags._build_box_tree = build_with_lang
    try:
        yield
    finally:
        tags._build_box_tree = original
