"""Measure what each speed trick saves on its own, and write its table into RESULTS.md.

    .venv/bin/python benchmarks/tricks.py            # about 5 minutes on 2 cores
    .venv/bin/python benchmarks/tricks.py --reps 3   # fewer repetitions

Each trick of generator/speed.py is switched off alone (SIM_CHECKLIST_OFF=name) and compared
with the full set, in one run whose configurations take turns within each repetition, so a
busy neighbour slows them all alike. Measured: a cold `render` of the default sheet (a new
process) and `build-all --force` of a scenario's sheets (every carrier and language). A trick
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
BUILD_SCENARIO = "cancel"


def timed(argv: list[str], env: dict[str, str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(argv, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL,  # noqa: S603
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def one_scenario_content(folder: Path) -> Path:
    """The content with one scenario only: build-all then renders its 6 carriers × languages."""
    content = folder / "content"
    shutil.copytree(PROJECT / "content", content)
    for path in (content / "scenarios").glob("*.yaml"):
        if path.stem != BUILD_SCENARIO:
            path.unlink()
    drafts = content / "applications.yaml"  # drafts name their scenarios: keep only this one
    import yaml

    data = yaml.safe_load(drafts.read_text(encoding="utf-8"))
    data["drafts"] = [
        {**draft, "scenarios": [BUILD_SCENARIO]} for draft in data["drafts"]
        if BUILD_SCENARIO in draft["scenarios"]
    ]
    drafts.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
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
        content = one_scenario_content(work)
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
        "| switched off | what the trick does | cold render s | saves | build-all s | saves "
        "| verdict |",
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
        f"'saves' is the share of the time with the trick off that it saves (median). "
        f"build-all: `build-all --force` of the {BUILD_SCENARIO} sheets (6 carriers × 3 "
        "languages, 2 workers).",
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
