"""Measure what each speed trick saves on its own, and write its table into RESULTS.md.

    .venv/bin/python benchmarks/tricks.py            # about 5 minutes on 2 cores
    .venv/bin/python benchmarks/tricks.py --reps 3   # fewer repetitions

Each trick of generator/speed.py is switched off alone (SIM_CHECKLIST_OFF=name) and compared
with the full set, in one run whose configurations take turns within each repetition, so a
busy neighbour slows them all alike. Measured: a cold `render` of the default sheet (a new
process) and `build-all --force` of every scenario × language of the generic carrier. A trick
is kept only where it saves at least 3 % of one of them. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
from generator.speed import OFF_ENV, TRICKS  # noqa: E402

SIM = PROJECT / ".venv" / "bin" / "sim-checklist"
RESULTS = PROJECT / "benchmarks" / "RESULTS.md"
BEGIN, END = "<!-- tricks: begin -->", "<!-- tricks: end -->"
KEEP_AT = 0.03
BUILD_CARRIERS = ("generic",)


def timed(argv: list[str], env: dict[str, str], cwd: Path) -> float:
    """CPU seconds (user + system) of the process and of the children it waited for: on a
    machine shared with other work, far steadier than wall time, and what a trick saves."""
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL,  # noqa: S603
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({OFF_ENV}={env.get(OFF_ENV)})")
    return usage.ru_utime + usage.ru_stime


def generic_only_content(folder: Path) -> Path:
    """The content with the generic carrier only: build-all renders every scenario × language
    of it (nothing else names a carrier but meta's default, generic)."""
    content = folder / "content"
    shutil.copytree(PROJECT / "content", content)
    for path in (content / "carriers").glob("*.yaml"):
        if path.stem not in BUILD_CARRIERS:
            path.unlink()
    return content


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    configs = ["", *TRICKS]  # "": every trick on
    render_times: dict[str, list[float]] = {name: [] for name in configs}
    build_times: dict[str, list[float]] = {name: [] for name in configs}
    load_start = os.getloadavg()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        content = generic_only_content(work)
        for name in configs:  # a warm-up round, not counted: file caches, compiled templates
            env = {**os.environ, OFF_ENV: name}
            timed([str(SIM), "render", "--quiet", "-o", str(work / "sheet.pdf")], env, work)
        for rep in range(args.reps):
            order = configs[rep % len(configs):] + configs[:rep % len(configs)]
            for name in order:
                env = {**os.environ, OFF_ENV: name}
                render_times[name].append(timed(
                    [str(SIM), "render", "--quiet", "-o", str(work / "sheet.pdf")], env, work))
                build_times[name].append(timed(
                    [str(SIM), "--content-dir", str(content), "build-all", "--force", "-o",
                     str(work / "site")], env, work))
    seconds = time.perf_counter() - started
    base_render = statistics.median(render_times[""])
    base_build = statistics.median(build_times[""])
    rows = [
        "| switched off | what the trick does | cold render CPU s | saves | build-all CPU s "
        "| saves | verdict |",
        "|---|---|---:|---:|---:|---:|---|",
        f"| (none: every trick on) | | {base_render:.3f} | | {base_build:.2f} | | |",
    ]
    for name in TRICKS:
        render_s = statistics.median(render_times[name])
        build_s = statistics.median(build_times[name])
        saves_render = 1 - base_render / render_s
        saves_build = 1 - base_build / build_s
        keep = max(saves_render, saves_build) >= KEEP_AT
        rows.append(
            f"| `{name}` | {TRICKS[name]} | {render_s:.3f} | {saves_render:+.1%} | {build_s:.2f} "
            f"| {saves_build:+.1%} | {'keep' if keep else 'below 3 %: remove'} |")
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    table = "\n".join([
        BEGIN,
        "## Each speed trick alone (`benchmarks/tricks.py`)",
        "",
        f"Written by `.venv/bin/python benchmarks/tricks.py --reps {args.reps}` on {when}: "
        f"{args.reps} alternating repetitions, {seconds:.0f} s; load average "
        f"{load_start[0]:.2f} at the start, {os.getloadavg()[0]:.2f} at the end. "
        f"Times are CPU seconds (user + system, the process with the children it "
        "waited for; medians), steadier than wall time on a shared machine; 'saves' is the "
        "share of the time with the trick off that it saves. "
        "build-all: `build-all --force` of every scenario × language of the generic carrier "
        "(2 workers). One warm-up round first, not counted.",
        "",
        *rows,
        END,
    ])
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if BEGIN in text:
        text = text[: text.index(BEGIN)] + table + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + table + "\n"
    RESULTS.write_text(text, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
