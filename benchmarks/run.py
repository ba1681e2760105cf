"""Measure sim-checklist against its peers and write benchmarks/RESULTS.md.

    .venv/bin/python benchmarks/run.py            # set-up (Chromium), then about 5 minutes
    .venv/bin/python benchmarks/run.py --reps 5   # fewer repetitions
    .venv/bin/python benchmarks/run.py --no-setup # skip benchmarks/setup.sh

Every cold command is a new process, and the commands take turns within each repetition (the
order rotates), so a busy neighbour on a shared machine slows them all alike. Peak memory is
each process's maximum resident set (wait4), the largest of its own and its children's.
Not part of the test suite: timings belong here, not in tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
VENV_BIN = PROJECT / ".venv" / "bin"
PYTHON = VENV_BIN / "python"
SIM = VENV_BIN / "sim-checklist"
WEASYPRINT = VENV_BIN / "weasyprint"
RESULTS = PROJECT / "benchmarks" / "RESULTS.md"
COMMAND = ".venv/bin/python benchmarks/run.py"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-pdf-header-footer",
]
KIB = 1024
MIB = 1024 * 1024


@dataclass
class Sample:
    seconds: float
    peak_bytes: int
    cpu_seconds: float = 0.0  # user + system, the process and the children it waited for


@dataclass
class Series:
    name: str
    samples: list[Sample] = field(default_factory=list)
    note: str = ""

    @property
    def times(self) -> list[float]:
        return [sample.seconds for sample in self.samples]

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def cpu_median(self) -> float:
        return statistics.median(sample.cpu_seconds for sample in self.samples)

    @property
    def peak_mib(self) -> float:
        return max(sample.peak_bytes for sample in self.samples) / MIB


def run_process(argv: list[str], cwd: Path, timeout: float = 300) -> Sample:
    """Run to the end; wall time and the peak resident memory of the process tree's largest."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL,  # noqa: S603
                                   stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip().splitlines()[-3:]
            raise RuntimeError(f"{' '.join(argv[:4])} exited {process.returncode}: {message}")
    return Sample(elapsed, usage.ru_maxrss * KIB, usage.ru_utime + usage.ru_stime)


def capture(argv: list[str], cwd: Path = PROJECT) -> tuple[int, str]:
    result = subprocess.run(argv, cwd=cwd, capture_output=True, text=True,  # noqa: S603
                            check=False)
    return result.returncode, result.stdout + result.stderr


def command_exists(name: str) -> bool:
    code, _ = capture([str(SIM), name, "--help"])
    return code == 0


# ---------------------------------------------------------------------------- environment


def machine() -> dict[str, str]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "unknown"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    os_name = platform.platform()
    release = Path("/etc/os-release")
    if release.exists():
        for line in release.read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = f"{line.split('=', 1)[1].strip(chr(34))}, kernel {platform.release()}"
    return {"CPU": cpu, "cores": str(os.cpu_count()), "RAM": memory, "OS": os_name,
            "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def package_version(package: str) -> str:
    code, out = capture(["dpkg-query", "-W", "-f=${Version}", package])
    return out.strip() if code == 0 else "not installed"


def versions() -> dict[str, str]:
    script = (
        "import json, weasyprint\n"
        "from weasyprint.text.ffi import pango, harfbuzz_subset\n"
        "from fontTools.ttLib import TTFont, TTCollection\n"
        "import subprocess\n"
        "n = pango.pango_version()\n"
        "fonts = {}\n"
        "for family in ('Noto Sans CJK SC', 'DejaVu Sans'):\n"
        "    path, index = subprocess.run(['fc-match', '--format=%{file}\\t%{index}', family],\n"
        "        capture_output=True, text=True).stdout.split('\\t')\n"
        "    font = (TTCollection(path, lazy=True).fonts[int(index)] if path.endswith('.ttc')\n"
        "            else TTFont(path, lazy=True))\n"
        "    fonts[family] = f\"{font['name'].getDebugName(5)} ({path})\"\n"
        "print(json.dumps({'weasyprint': weasyprint.__version__,\n"
        "    'pango': f'{n // 10000}.{n // 100 % 100}.{n % 100}',\n"
        "    'subset': harfbuzz_subset is not None, 'fonts': fonts}))\n"
    )
    code, out = capture([str(PYTHON), "-c", script])
    found = json.loads(out.strip().splitlines()[-1]) if code == 0 else {}
    _, chromium = capture(["chromium", "--version"]) if shutil.which("chromium") else (1, "")
    chromium_version = next((line for line in chromium.splitlines() if "Chromium" in line),
                            "not installed")
    fonts = found.get("fonts", {})
    return {
        "Python": platform.python_version(),
        "WeasyPrint": found.get("weasyprint", "?"),
        "Pango": found.get("pango", "?"),
        "HarfBuzz": f"{package_version('libharfbuzz0b')} (libharfbuzz-subset0 "
                    f"{package_version('libharfbuzz-subset0')}, loaded by WeasyPrint: "
                    f"{found.get('subset')})",
        "Noto Sans CJK": f"{fonts.get('Noto Sans CJK SC', '?')}, Debian fonts-noto-cjk "
                         f"{package_version('fonts-noto-cjk')}",
        "DejaVu Sans": fonts.get("DejaVu Sans", "?"),
        "Chromium": chromium_version.strip(),
    }


# ------------------------------------------------------------------------------ measures


def imports_weasyprint(args: list[str]) -> bool:
    code, out = capture([str(PYTHON), "-X", "importtime", "-m", "generator", *args])
    if code != 0:
        raise RuntimeError(f"{args} exited {code}: {out[-300:]}")
    return any(line.rsplit("|", 1)[-1].strip().startswith("weasyprint")
               for line in out.splitlines() if line.startswith("import time:"))


def cold_commands(work: Path, has_validate: bool) -> dict[str, tuple[list[str], str]]:
    html = work / "sheet.html"
    templates_url = (PROJECT / "templates").as_uri() + "/"
    commands = {
        "sim-checklist render": ([str(SIM), "render", "-o", str(work / "render.pdf")],
                                 "YAML → models → HTML → PDF, default sheet"),
        "weasyprint (bare)": ([str(WEASYPRINT), str(html), str(work / "weasyprint.pdf")],
                              "the same HTML, alone in a folder: system fonts"),
        "weasyprint + pre-cut fonts": (
            [str(WEASYPRINT), "-u", templates_url, str(html), str(work / "weasyprint-cut.pdf")],
            "the same HTML with the project's base URL, so it finds fonts/ too"),
    }
    if shutil.which("chromium"):
        commands["chromium print-to-pdf"] = ([], "headless, fresh profile each run")
    commands["sim-checklist --help"] = ([str(SIM), "--help"], "")
    commands["sim-checklist list"] = ([str(SIM), "list"], "")
    if has_validate:
        commands["sim-checklist validate"] = ([str(SIM), "validate"], "")
    return commands


def run_chromium(work: Path) -> Sample:
    profile = Path(tempfile.mkdtemp(prefix="chromium-profile-", dir=work))
    try:
        return run_process(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                            f"--print-to-pdf={work / 'chromium.pdf'}",
                            (work / "sheet.html").as_uri()], work)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def measure_cold(work: Path, reps: int, has_validate: bool) -> dict[str, Series]:
    commands = cold_commands(work, has_validate)
    series = {name: Series(name, note=note) for name, (_, note) in commands.items()}
    names = list(commands)
    for rep in range(reps + 1):  # repetition 0 warms the disk cache and is not counted
        shift = rep % len(names)
        for name in names[shift:] + names[:shift]:
            argv = commands[name][0]
            sample = run_chromium(work) if name.startswith("chromium") else run_process(argv, work)
            if rep:
                series[name].samples.append(sample)
        print(f"  repetition {rep}/{reps}", file=sys.stderr)
    return series


WARM_SCRIPT = """
import json, resource, sys, time
from generator.content.loading import load_content
from generator.render.pipeline import RenderRequest, render
reps = int(sys.argv[1])
bundle = load_content()
render(RenderRequest(), bundle)  # the first render pays the imports and font set-up
times = []
for _ in range(reps):
    started = time.perf_counter()
    render(RenderRequest(), bundle)
    times.append(time.perf_counter() - started)
started = time.perf_counter()
render(RenderRequest())
with_content = time.perf_counter() - started
print(json.dumps({"times": times, "with_content": with_content,
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""


def measure_warm(reps: int) -> dict:
    code, out = capture([str(PYTHON), "-c", WARM_SCRIPT, str(reps)])
    if code != 0:
        raise RuntimeError(out[-500:])
    return json.loads(out.strip().splitlines()[-1])


SIZES_SCRIPT = """
import io, json
import pypdf
from generator.content.loading import load_content
from generator.render.pipeline import RenderRequest, render
bundle = load_content()
carrier = bundle.meta.defaults.carrier
rows = []
for scenario in bundle.scenarios:
    languages = bundle.languages_for(scenario, carrier)
    for language in languages:
        result = render(RenderRequest(scenario=scenario, carrier=carrier, language=language),
                        bundle)
        pages = len(pypdf.PdfReader(io.BytesIO(result.data)).pages)
        rows.append([scenario, carrier, language, len(result.data), pages])
print(json.dumps(rows))
"""


def measure_sizes() -> list[list]:
    code, out = capture([str(PYTHON), "-c", SIZES_SCRIPT])
    if code != 0:
        raise RuntimeError(out[-500:])
    return json.loads(out.strip().splitlines()[-1])


def build_all_argv(jobs: int, folder: Path) -> list[str] | None:
    """The build-all command line, from the options its --help names."""
    code, help_text = capture([str(SIM), "build-all", "--help"])
    if code != 0:
        return None
    argv = [str(SIM), "build-all"]
    for option in ("--jobs", "-j"):
        if option in help_text:
            argv += [option, str(jobs)]
            break
    else:
        return None
    for option in ("--output-dir", "--out-dir", "--output", "-o"):
        if option in help_text:
            argv += [option, str(folder)]
            break
    return argv


def measure_build_all(work: Path, reps: int) -> dict | None:
    series = {jobs: Series(f"{jobs} jobs") for jobs in (1, 2)}
    counts = {}
    for rep in range(reps):
        for jobs in ((1, 2) if rep % 2 == 0 else (2, 1)):
            folder = work / f"build-{jobs}-{rep}"
            folder.mkdir()
            argv = build_all_argv(jobs, folder)
            if argv is None:
                return None
            # Without an output option the command writes under the working folder.
            series[jobs].samples.append(run_process(argv, folder))
            counts[jobs] = len(list(folder.rglob("*.pdf")))
            shutil.rmtree(folder)
            if not counts[jobs]:
                raise RuntimeError(f"{' '.join(argv[1:])} wrote no PDF under its folder; "
                                   "teach build_all_argv its output option")
    return {"series": series, "sheets": counts}


# ------------------------------------------------------------------------------- report


def fmt(seconds: float) -> str:
    return f"{seconds:.3f}"


def verdict(ok: bool) -> str:
    return "✅ met" if ok else "❌ not met"


def write_report(env: dict, vers: dict, cold: dict[str, Series], warm: dict, sizes: list,
                 build: dict | None, imports: dict[str, bool], sizes_of: dict[str, int],
                 reps: int, has_validate: bool, started: dt.datetime, seconds: float) -> str:
    render = cold["sim-checklist render"]
    bare = cold["weasyprint (bare)"]
    lines = [
        "# Benchmark results",
        "",
        f"Written by `{COMMAND}` (set-up: `bash benchmarks/setup.sh`, which the command runs "
        f"first) on {started:%Y-%m-%d %H:%M} UTC; one run, {reps} alternating repetitions, "
        f"{seconds:.0f} s in all. Rerun the same command to repeat it.",
        "",
        "## Machine and versions",
        "",
        "| | |",
        "|---|---|",
        *[f"| {key} | {value} |" for key, value in {**env, **vers}.items()],
        f"| load average at end | {' '.join(f'{x:.2f}' for x in os.getloadavg())} |",
        "",
        "The machine is shared with other developers' work; the alternation spreads their",
        "load over every command alike, so ratios are steadier than absolute times.",
        "",
        "## Cold start: one new process, default sheet (cancel, generic, zh-Hans)",
        "",
        "| command | median s | min s | max s | × sim-checklist render | CPU s (median) | "
        "peak MiB | PDF KB | |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, series in cold.items():
        size = sizes_of.get(name)
        lines.append(
            f"| {name} | {fmt(series.median)} | {fmt(min(series.times))} | "
            f"{fmt(max(series.times))} | {series.median / render.median:.2f} | "
            f"{fmt(series.cpu_median)} | {series.peak_mib:.0f} | "
            f"{f'{size / KIB:.0f}' if size else ''} | {series.note} |")
    if not has_validate:
        lines.append("| sim-checklist validate | – | – | – | – | – | – | | skipped: no `validate` "
                     "command in this tree yet |")
    lines += [
        "",
        "Chromium's peak is its browser process only (its renderer and GPU helpers are "
        "separate processes it does not wait for in the same way).",
        "",
        "## Warm: renders in one process (content loaded once, fonts set up once)",
        "",
    ]
    warm_times = warm["times"]
    lines += [
        f"Default sheet, {len(warm_times)} renders after a first one: median "
        f"{fmt(statistics.median(warm_times))} s, min {fmt(min(warm_times))} s, max "
        f"{fmt(max(warm_times))} s; with loading and validating the content again: "
        f"{fmt(warm['with_content'])} s. Peak {warm['peak'] / MIB:.0f} MiB.",
        "",
        "## build-all throughput",
        "",
    ]
    if build is None:
        lines.append("Skipped: no `build-all` command with a `--jobs` option in this tree yet.")
    elif "failed" in build:
        lines.append(f"Failed: {build['failed']}")
    else:
        one, two = build["series"][1], build["series"][2]
        sheets = build["sheets"]
        lines += [
            "| jobs | sheets | median s | min s | max s | sheets/s | peak MiB per process |",
            "|---:|---:|---:|---:|---:|---:|---:|",
            *[f"| {jobs} | {sheets[jobs]} | {fmt(s.median)} | {fmt(min(s.times))} | "
              f"{fmt(max(s.times))} | {sheets[jobs] / s.median:.2f} | {s.peak_mib:.0f} |"
              for jobs, s in ((1, one), (2, two))],
            "",
            f"2 jobs are {one.median / two.median:.2f}× faster than 1.",
        ]
    lines += [
        "",
        "## PDF size per sheet (generic carrier, every language the sheet exists in)",
        "",
        "| scenario | carrier | language | KB | pages |",
        "|---|---|---|---:|---:|",
        *[f"| {s} | {c} | {lang} | {size / KIB:.0f} | {pages} |"
          for s, c, lang, size, pages in sizes],
        "",
        "## Targets",
        "",
        "| target | measured | |",
        "|---|---|---|",
    ]
    ratio = render.median / bare.median
    lines.append(f"| cold `render` ≤ 1.0× bare `weasyprint` on the same HTML | {ratio:.2f}× "
                 f"({fmt(render.median)} s vs {fmt(bare.median)} s) | {verdict(ratio <= 1.0)} |")
    paired = statistics.median(r.seconds / b.seconds
                               for r, b in zip(render.samples, bare.samples, strict=True))
    lines.append(f"| (for reference) the same, median of the per-repetition ratios | "
                 f"{paired:.2f}× | |")
    lines.append(f"| (for reference) the same in CPU time (user + system, children included) | "
                 f"{render.cpu_median / bare.cpu_median:.2f}× ({fmt(render.cpu_median)} s vs "
                 f"{fmt(bare.cpu_median)} s) | |")
    cut = cold["weasyprint + pre-cut fonts"]
    lines.append(f"| (for reference, not a target) `render` vs `weasyprint` given the pre-cut "
                 f"fonts too | {render.median / cut.median:.2f}× | |")
    default_size = sizes_of["sim-checklist render"]
    lines.append(f"| PDF of the default sheet ≤ 200 KB | {default_size / KIB:.0f} KB "
                 f"({default_size} bytes) | {verdict(default_size <= 200 * KIB)} |")
    for command in ("--help", "list", "validate"):
        name = f"sim-checklist {command}"
        if name not in cold:
            lines.append(f"| `{command}` ≤ 0.25× cold render, no WeasyPrint import | skipped: "
                         "command not in this tree yet | |")
            continue
        share = cold[name].median / render.median
        imported = imports[command]
        lines.append(
            f"| `{command}` ≤ 0.25× cold render, no WeasyPrint import | {share:.2f}× "
            f"({fmt(cold[name].median)} s); imports WeasyPrint: {'yes' if imported else 'no'} "
            f"| {verdict(share <= 0.25 and not imported)} |")
    if build is None or "failed" in build:
        lines.append("| build-all ≥ 1.8× with 2 jobs, ≥ 4.5 sheets/s | not measured (see "
                     "above) | |")
    else:
        one, two = build["series"][1], build["series"][2]
        speedup = one.median / two.median
        rate = build["sheets"][2] / two.median
        lines.append(f"| build-all ≥ 1.8× faster with 2 jobs than 1 | {speedup:.2f}× | "
                     f"{verdict(speedup >= 1.8)} |")
        lines.append(f"| build-all ≥ 4.5 sheets/s on 2 cores | {rate:.2f} sheets/s | "
                     f"{verdict(rate >= 4.5)} |")
    ours = {name: s.peak_mib for name, s in cold.items() if name.startswith("sim-checklist")}
    ours["warm in-process renders"] = warm["peak"] / MIB
    if build is not None and "failed" not in build:
        ours["build-all"] = max(s.peak_mib for s in build["series"].values())
    worst = max(ours, key=ours.get)
    lines.append(f"| peak memory ≤ 200 MiB per process | largest: {ours[worst]:.0f} MiB "
                 f"({worst}) | {verdict(ours[worst] <= 200)} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=15, help="repetitions of each cold command")
    parser.add_argument("--no-setup", action="store_true", help="skip benchmarks/setup.sh")
    options = parser.parse_args()
    if not options.no_setup:
        subprocess.run(["bash", str(PROJECT / "benchmarks" / "setup.sh")],  # noqa: S603,S607
                       check=True)
    started = dt.datetime.now(dt.UTC)
    clock = time.perf_counter()
    env, vers = machine(), versions()
    has_validate = command_exists("validate")
    imports = {command: imports_weasyprint(args) for command, args in
               (("--help", ["--help"]), ("list", ["list"]), ("validate", ["validate"]))
               if command != "validate" or has_validate}
    with tempfile.TemporaryDirectory(prefix="sim-bench-") as folder:
        work = Path(folder)
        run_process([str(SIM), "render", "--format", "html", "-o", str(work / "sheet.html")],
                    PROJECT)
        print("cold starts", file=sys.stderr)
        cold = measure_cold(work, options.reps, has_validate)
        sizes_of = {"sim-checklist render": (work / "render.pdf").stat().st_size,
                    "weasyprint (bare)": (work / "weasyprint.pdf").stat().st_size,
                    "weasyprint + pre-cut fonts": (work / "weasyprint-cut.pdf").stat().st_size}
        if (work / "chromium.pdf").exists():
            sizes_of["chromium print-to-pdf"] = (work / "chromium.pdf").stat().st_size
        print("warm renders", file=sys.stderr)
        warm = measure_warm(options.reps)
        print("build-all", file=sys.stderr)
        try:
            build = measure_build_all(work, max(3, options.reps // 3))
        except RuntimeError as error:  # a newer build-all this script does not know yet
            build = {"failed": str(error)}
        print("sizes", file=sys.stderr)
        sizes = measure_sizes()
    report = write_report(env, vers, cold, warm, sizes, build, imports, sizes_of, options.reps,
                          has_validate, started, time.perf_counter() - clock)
    RESULTS.write_text(report, encoding="utf-8")
    print(report)
    print(f"written: {RESULTS.relative_to(PROJECT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
