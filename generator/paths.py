"""Where the project's folders are. Import-light: the CLI reads it before anything else.

In a checkout (and an editable install) content/, templates/ and schema/ are the top-level
folders of the repository. An installed wheel carries the same folders inside the package, as
generator/_content, _templates and _schema (pyproject.toml maps them), so the tool works from
any folder. The pre-cut fonts are built on the user's machine, into the user's cache folder.
"""

import os
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent  # the checkout, when there is one


def _data_dir(name: str) -> Path:
    """The checkout's top-level folder `name`, else the copy the wheel installed."""
    checkout = PROJECT_ROOT / name
    if (PROJECT_ROOT / "pyproject.toml").is_file() and checkout.is_dir():
        return checkout
    return PACKAGE_DIR / f"_{name}"


@cache
def _cache_dir() -> Path:
    """The user's cache folder for sim-checklist ($XDG_CACHE_HOME on Linux), via platformdirs;
    SIM_CHECKLIST_CACHE_DIR sets another."""
    chosen = os.environ.get("SIM_CHECKLIST_CACHE_DIR")
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_path

    return user_cache_path("sim-checklist", appauthor=False)


DEFAULT_CONTENT_DIR = _data_dir("content")
TEMPLATES_DIR = _data_dir("templates")
SCHEMA_DIR = _data_dir("schema")


def __getattr__(name: str) -> Path:
    """FONTS_DIR, the pre-cut fonts built by `sim-checklist fonts` (the set-up runs it) from
    the system font, is found on first use: `--help`, `list` and `validate` never need it, nor
    platformdirs (PEP 562)."""
    if name == "FONTS_DIR":
        return _cache_dir() / "fonts"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
