"""Import WeasyPrint about 0.2 s faster, and tell whether it found HarfBuzz subsetting.

WeasyPrint opens Pango, HarfBuzz and fontconfig through cffi under several names per library
('libpango-1.0-0', ..., 'libpango-1.0.so.0'). For each name the dynamic loader does not know,
cffi calls ctypes.util.find_library, which runs ldconfig, gcc and ld as subprocesses: about
0.2 s of a 0.45 s import. During the import we answer find_library with "not found", so cffi
goes on to the next name, and the real soname loads directly. Should that ever fail (a system
where only find_library locates a library), the import is retried the ordinary way.
"""

from __future__ import annotations

import ctypes.util
import sys
from functools import cache
from types import ModuleType

INSTALL_HARFBUZZ_SUBSET = "sudo apt-get install -y libharfbuzz-subset0"


def _not_found(name: str) -> None:
    return None


@cache
def load_weasyprint() -> ModuleType:
    if "weasyprint" in sys.modules:
        return sys.modules["weasyprint"]
    real_find_library = ctypes.util.find_library
    ctypes.util.find_library = _not_found  # only while WeasyPrint opens its libraries
    try:
        import weasyprint
    except (OSError, ImportError):
        for name in [name for name in sys.modules if name.startswith("weasyprint")]:
            del sys.modules[name]
        ctypes.util.find_library = real_find_library
        import weasyprint
    finally:
        ctypes.util.find_library = real_find_library
    return weasyprint


def harfbuzz_subset_loaded() -> bool:
    """What WeasyPrint itself found: without it, it subsets fonts with fontTools, ~19× slower."""
    load_weasyprint()
    from weasyprint.text import ffi

    return ffi.harfbuzz_subset is not None
