"""Report each pipeline step with the time it took: "✓ 0.41 s PDF: output/…"."""

from __future__ import annotations

import time
from collections.abc import Callable


class StepReporter:
    """A `render(on_step=…)` callback that prints each finished step and its duration."""

    def __init__(self, echo: Callable[[str], None], *, quiet: bool = False) -> None:
        self.echo = echo
        self.quiet = quiet
        self.details: dict[str, str] = {}
        self.durations: dict[str, float] = {}
        self._last = time.perf_counter()

    def __call__(self, name: str, detail: str | None = None) -> None:
        now = time.perf_counter()
        self.durations[name] = now - self._last
        self._last = now
        detail = detail if detail is not None else self.details.get(name, "")
        if not self.quiet:
            self.echo(f"✓ {self.durations[name]:.2f} s {name}" + (f": {detail}" if detail else ""))


def human_size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} B"
