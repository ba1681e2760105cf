"""The speed tricks, each one switchable off so that benchmarks/tricks.py can measure what it
saves on its own: `SIM_CHECKLIST_OFF=ua-trim,gc-per-sheet sim-checklist render`.

A trick stays only while it saves at least 3 % of a cold render or of build-all
(benchmarks/RESULTS.md has the table). Import-light: no third-party module here.
"""

from __future__ import annotations

import os
from functools import cache

OFF_ENV = "SIM_CHECKLIST_OFF"

# name → what it does (the benchmark's table lists these words).
TRICKS = {
    "ua-trim": "WeasyPrint's default stylesheet without the ::marker/::footnote/::note rules "
               "of every element",
    "library-search": "WeasyPrint's libraries opened without ctypes.util.find_library",
    "defer-fonttools": "fontTools' subsetter and instancer imported on first use",
    "stylesheet-once": "our stylesheet parsed once per process, not once per sheet",
    "libyaml": "plain content files read from LibYAML's parser events",
    "jinja-cache": "compiled templates kept between runs",
    "gc-per-sheet": "build-all: one garbage collection per sheet, long-lived objects frozen",
    "fork-workers": "build-all: workers forked from a parent that has set up WeasyPrint",
}


@cache
def _off() -> frozenset[str]:
    names = {name.strip() for name in os.environ.get(OFF_ENV, "").split(",") if name.strip()}
    unknown = sorted(names - set(TRICKS))
    if unknown:
        from generator.errors import UserError

        raise UserError(f"{OFF_ENV}: unknown trick {', '.join(unknown)}; known: "
                        f"{', '.join(TRICKS)}")
    return frozenset(names)


def switched_off(trick: str) -> bool:
    assert trick in TRICKS, trick  # a misspelt name in our own code
    return trick in _off()
