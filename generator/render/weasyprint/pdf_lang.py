"""Each tagged structure element gets the `lang` of its HTML element (PDF/UA, print rule 11).

WeasyPrint 70 writes the document language into the catalog but no /Lang on structure
elements, so a screen reader reads Russian spans with a Chinese voice. Its tag tree is built by
one recursive function that still has the HTML element of each box; while a PDF is written we
wrap that function and copy each element's own `lang` attribute onto the structure element it
yields. Children inherit /Lang in the structure tree, as they inherit `lang` in HTML.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

_lock = threading.Lock()
_SKIPPED_TAGS = ("html", "body")  # their children go straight into /Document


@contextmanager
def structure_languages():
    from pydyf import String
    from weasyprint.pdf import tags

    from generator.render.weasyprint.adapters import tags_builder_applies

    if not tags_builder_applies():  # another WeasyPrint: render untouched; doctor and the
        yield                       # first render's warnings say so
        return
    original = tags._build_box_tree

    def build_with_lang(box, *args, **kwargs):
        element = getattr(getattr(box, "_box", box), "element", None)
        lang = None
        if element is not None and getattr(element, "tag", None) not in _SKIPPED_TAGS:
            lang = element.get("lang")
        for structure_element in original(box, *args, **kwargs):
            if lang and "Lang" not in structure_element:
                structure_element["Lang"] = String(lang)
            yield structure_element

    with _lock:
        tags._build_box_tree = build_with_lang
        try:
            yield
        finally:
            tags._build_box_tree = original
