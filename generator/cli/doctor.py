"""`sim-checklist doctor`: is this machine able to render a faithful sheet?"""

from __future__ import annotations

import ctypes.util
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generator.content.loading import ContentBundle

# The stacks of templates/sheet.css: the CJK font carries Chinese, Cyrillic and Latin; the
# fallback fills its few gaps (₽).
FONT_STACKS = {
    "zh-Hans, ru, en": ("Noto Sans CJK SC", "DejaVu Sans"),
    "zh-Hant": ("Noto Sans CJK TC", "DejaVu Sans"),
}
FONT_PACKAGES = "fonts-noto-cjk fonts-dejavu-core"
APT_FIX = "sudo apt-get install -y {packages}"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


@cache
def harfbuzz_subset_available() -> bool:
    """Without libharfbuzz-subset WeasyPrint falls back to a subsetter ~19× slower."""
    return ctypes.util.find_library("harfbuzz-subset") is not None


def font_file(family: str) -> Path | None:
    """The file fontconfig picks for `family`, or None when it substitutes another family."""
    if shutil.which("fc-match") is None:
        return None
    result = subprocess.run(  # noqa: S603 - fixed program, our own arguments
        ["fc-match", "--format=%{family}\t%{file}", family],  # noqa: S607
        capture_output=True, text=True, check=False,
    )
    families, _, path = result.stdout.partition("\t")
    if result.returncode != 0 or family not in families.split(","):
        return None
    return Path(path)


def content_characters(bundle: ContentBundle) -> set[str]:
    """Every character any content file can put on a sheet."""
    texts: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    for model in bundle.content_files().values():
        walk(model.model_dump(mode="json"))
    return {char for text in texts for char in text if not char.isspace()}


def missing_characters(path: Path, characters: set[str]) -> list[str]:
    from fontTools.ttLib import TTCollection, TTFont

    if path.suffix.lower() == ".ttc":
        font = TTCollection(str(path), lazy=True).fonts[0]
    else:
        font = TTFont(str(path), lazy=True)
    cmap = font.getBestCmap()
    return sorted(char for char in characters if ord(char) not in cmap)


def run_checks(bundle: ContentBundle) -> list[Check]:
    checks: list[Check] = []
    try:
        from generator.render.weasyprint.library_search import load_weasyprint, pango_version

        weasyprint_version = load_weasyprint().__version__
        checks.append(Check("Pango", True, f"{pango_version()} (WeasyPrint {weasyprint_version})"))
    except (ImportError, OSError) as error:
        checks.append(Check("Pango", False, str(error).splitlines()[0],
                            APT_FIX.format(packages="libpango-1.0-0 libpangoft2-1.0-0")))
    if harfbuzz_subset_available():
        checks.append(Check("HarfBuzz subsetting", True, "libharfbuzz-subset found"))
    else:
        checks.append(Check("HarfBuzz subsetting", False,
                            "missing: every render would take about 19 times longer",
                            APT_FIX.format(packages="libharfbuzz-subset0")))
    if any(check.name == "Pango" and check.ok for check in checks):
        checks.extend(adapter_checks())
    characters = content_characters(bundle)
    for languages, families in FONT_STACKS.items():
        checks.append(_stack_check(languages, families, characters))
    checks.append(_pre_cut_check())
    return checks


def adapter_checks() -> list[Check]:
    """Each use of WeasyPrint's private APIs (generator/render/weasyprint/adapters.py)."""
    from generator.render.weasyprint.adapters import ADAPTERS, CHECKED_WITH

    checked = ", ".join(CHECKED_WITH)
    fix = f"pip install 'weasyprint=={CHECKED_WITH[-1]}' (the version the adapters know)"
    checks = []
    for adapter in ADAPTERS:
        state = adapter.state()
        ok = not state.startswith("not active")
        detail = f"{state} (checked with WeasyPrint {checked})"
        checks.append(Check(f"adapter {adapter.name}", ok, detail, "" if ok else fix))
    return checks


def _pre_cut_check() -> Check:
    from generator.render.fonts import CUTS, FONTS_DIR, fonts_present

    if fonts_present():
        return Check("pre-cut fonts", True, f"{len(CUTS)} faces in {FONTS_DIR.name}/")
    return Check("pre-cut fonts", False,
                 "not built: sheets would be about twice as large",
                 "sim-checklist fonts (scripts/setup.sh runs it)")


def _stack_check(languages: str, families: tuple[str, ...], characters: set[str]) -> Check:
    name = f"fonts for {languages}"
    uncovered = set(characters)
    found = []
    for family in families:
        path = font_file(family)
        if path is None:
            return Check(name, False, f"{family} is not installed",
                         APT_FIX.format(packages=FONT_PACKAGES))
        found.append(path.name)
        uncovered = set(missing_characters(path, uncovered))
    if uncovered:
        listed = " ".join(f"{char} (U+{ord(char):04X})" for char in sorted(uncovered))
        return Check(name, False, f"no font has {listed}, used in the content",
                     "remove these characters from content/ or install a font that has them")
    return Check(name, True, f"{' + '.join(found)} cover all {len(characters)} characters "
                             "of the content")
