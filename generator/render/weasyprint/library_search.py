"""Import WeasyPrint about 0.3 s faster, and tell whether it found HarfBuzz subsetting.

WeasyPrint opens Pango, HarfBuzz and fontconfig through cffi under several names per library
('libpango-1.0-0', ..., 'libpango-1.0.so.0'). For each name the dynamic loader does not know,
cffi calls ctypes.util.find_library, which runs ldconfig, gcc and ld as subprocesses: about
0.2 s of a 0.45 s import. During the import we answer find_library with "not found", so cffi
goes on to the next name, and the real soname loads directly. Should that ever fail (a system
where only find_library locates a library), the import is retried the ordinary way.

WeasyPrint also imports fontTools' subsetter and variable-font instancer (with its OpenType
table classes, about 0.08 s), which it uses only without HarfBuzz subsetting, for variable
fonts and for colour-emoji fonts: none of them on our sheets. They are imported the first
time WeasyPrint actually uses them (generator.render.weasyprint.deferred_import).
"""

from __future__ import annotations

import ctypes.util
import sys
from functools import cache
from types import ModuleType

from generator.render.weasyprint.deferred_import import DeferredModule, deferred_modules
from generator.speed import switched_off

INSTALL_HARFBUZZ_SUBSET = "sudo apt-get install -y libharfbuzz-subset0"


# Modules WeasyPrint imports at start-up but needs only for fonts our sheets do not use, and
# the names it takes from them by `from … import name`.
_USED_ONLY_IN_RARE_CASES = {
    "fontTools.subset": (),
    "fontTools.varLib.instancer": ("instantiateVariableFont",),
}


def _not_found(name: str) -> None:
    return None


_fast_import = {"worked": False}


@cache
def load_weasyprint() -> ModuleType:
    if "weasyprint" in sys.modules:
        return sys.modules["weasyprint"]
    real_find_library = ctypes.util.find_library
    if not switched_off("library-search"):
        ctypes.util.find_library = _not_found  # only while WeasyPrint opens its libraries
    rare = {} if switched_off("defer-fonttools") else _USED_ONLY_IN_RARE_CASES
    try:
        with deferred_modules(rare):
            import weasyprint
        _fast_import["worked"] = ctypes.util.find_library is _not_found
    except (OSError, ImportError):
        for name in [name for name in sys.modules if name.startswith("weasyprint")]:
            del sys.modules[name]
        ctypes.util.find_library = real_find_library
        import weasyprint
    finally:
        ctypes.util.find_library = real_find_library
    return weasyprint


def fast_import_worked() -> bool:
    """Did WeasyPrint open its libraries without find_library (adapters.py asks)?"""
    return _fast_import["worked"]


def fonttools_deferred() -> bool:
    """Does WeasyPrint hold our stand-ins instead of fontTools' rarely used modules? (Once it
    has used one, the stand-in forwards to the real module: still deferred.)"""
    fonts = sys.modules.get("weasyprint.pdf.fonts")
    return fonts is not None and isinstance(getattr(fonts, "subset", None), DeferredModule)


def harfbuzz_subset_loaded() -> bool:
    """What WeasyPrint itself found: without it, it subsets fonts with fontTools, ~19× slower."""
    load_weasyprint()
    from weasyprint.text import ffi

    return ffi.harfbuzz_subset is not None


def pango_version() -> str:
    """The Pango WeasyPrint opened (through its private cffi bindings), as 1.50.12."""
    load_weasyprint()
    from weasyprint.text.ffi import pango

    number = pango.pango_version()
    return f"{number // 10000}.{number // 100 % 100}.{number % 100}"
