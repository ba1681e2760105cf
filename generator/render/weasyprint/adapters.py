"""The one door to WeasyPrint's private APIs: each adapter, the WeasyPrint versions it was
checked against, what a sheet loses when it no longer applies, and how that is detected.

Every module of this folder that touches a private name is listed here. `sim-checklist
doctor` shows each adapter's state, and the first render of a process warns about each one
that does not apply, so a WeasyPrint upgrade cannot silently drop, say, the /Lang of every
tagged element. pyproject.toml pins WeasyPrint to the major version these were checked with.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.speed import switched_off

CHECKED_WITH = ("70.0",)  # WeasyPrint versions every adapter below was checked against


@dataclass(frozen=True)
class Adapter:
    name: str  # as doctor shows it
    switch: str  # its name in SIM_CHECKLIST_OFF (generator/speed.py), or "" if it has none
    uses: str  # the private API it relies on
    lost: str  # what a sheet loses when it does not apply
    applies: Callable[[], bool]  # is the private API there, in the shape it was checked in?

    def state(self) -> str:
        """'active', 'switched off' or 'not active: <what is lost>'."""
        if self.switch and switched_off(self.switch):
            return "switched off"
        if self.applies():
            return "active"
        return f"not active: {self.lost}"


def _weasyprint():
    from generator.render.weasyprint.library_search import load_weasyprint

    return load_weasyprint()


def tags_builder_applies() -> bool:
    _weasyprint()
    from weasyprint.pdf import tags

    builder = getattr(tags, "_build_box_tree", None)
    return (builder is not None and inspect.isgeneratorfunction(builder)
            and next(iter(inspect.signature(builder).parameters), None) == "box")


def _default_stylesheet_applies() -> bool:
    weasyprint = _weasyprint()
    from generator.render.weasyprint.default_stylesheet import trimmed_stylesheet

    source = Path(weasyprint.__file__).parent / "css" / "html5_ua.css"
    if not source.is_file() or not hasattr(weasyprint.HTML, "_ua_stylesheets"):
        return False
    text = source.read_text(encoding="utf-8")
    return trimmed_stylesheet(text) != text


def _fast_import_applied() -> bool:
    from generator.render.weasyprint import library_search

    _weasyprint()
    return library_search.fast_import_worked()


def _fonttools_deferred() -> bool:
    from generator.render.weasyprint import library_search

    _weasyprint()
    return library_search.fonttools_deferred()


def _harfbuzz_probe_applies() -> bool:
    _weasyprint()
    from weasyprint.text import ffi

    return hasattr(ffi, "harfbuzz_subset")


ADAPTERS: tuple[Adapter, ...] = (
    Adapter(
        "tagged /Lang", "",
        "weasyprint.pdf.tags._build_box_tree (wrapped while a PDF is written)",
        "structure elements get no /Lang, so screen readers read Russian with a Chinese voice",
        tags_builder_applies,
    ),
    Adapter(
        "trimmed default stylesheet", "ua-trim",
        "weasyprint.HTML._ua_stylesheets and weasyprint/css/html5_ua.css",
        "nothing printed changes; a render takes about a fifth longer",
        _default_stylesheet_applies,
    ),
    Adapter(
        "fast library search", "library-search",
        "the library names WeasyPrint's cffi bindings try (ctypes.util.find_library answered "
        "'not found' during the import)",
        "nothing printed changes; importing WeasyPrint takes about 0.2 s longer",
        _fast_import_applied,
    ),
    Adapter(
        "fontTools loaded on first use", "defer-fonttools",
        "weasyprint.pdf.fonts importing fontTools.subset and fontTools.varLib.instancer",
        "nothing printed changes; importing WeasyPrint takes about 0.08 s longer",
        _fonttools_deferred,
    ),
    Adapter(
        "HarfBuzz subsetting check", "",
        "weasyprint.text.ffi.harfbuzz_subset",
        "doctor and render can no longer tell whether HarfBuzz subsetting is missing "
        "(a render then takes about 19 times longer)",
        _harfbuzz_probe_applies,
    ),
)


def weasyprint_version() -> str:
    return getattr(_weasyprint(), "__version__", "unknown")


def adapter_warnings() -> list[str]:
    """One line for each adapter that does not apply to this WeasyPrint (switched-off ones are
    a choice, not a problem)."""
    version = weasyprint_version()
    checked = ", ".join(CHECKED_WITH)
    return [
        f"WeasyPrint {version}: adapter '{adapter.name}' no longer applies (checked with "
        f"{checked}): {adapter.lost}"
        for adapter in ADAPTERS
        if not (adapter.switch and switched_off(adapter.switch)) and not adapter.applies()
    ]


def is_checked_version() -> bool:
    return weasyprint_version() in CHECKED_WITH


__all__ = ["ADAPTERS", "CHECKED_WITH", "Adapter", "adapter_warnings", "is_checked_version",
           "weasyprint_version"]
