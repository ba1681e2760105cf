"""Time `build-all` over the content with 1 and 2 worker processes, then a no-change run.

    .venv/bin/python benchmarks/build_all.py [COPIES]

COPIES (default 4) copies of each carrier are added under new ids, so that the worker start-up
(an interpreter, WeasyPrint import, content load: about 1 s) is spread over enough sheets.
Prints wall time, sheets per second and the speed-up of two workers; not part of the tests.
On a machine shared with other work the figures are noisy: look at the load average printed.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from generator.content.loading import DEFAULT_CONTENT_DIR, load_content
from generator.publish.build import build_all, plan_jobs


def content_with_copies(folder: Path, copies: int) -> Path:
    content = folder / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, content)
    for path in sorted((content / "carriers").glob("*.yaml")):
        for number in range(2, copies + 1):
            text = path.read_text(encoding="utf-8").replace(f"id: {path.stem}\n",
                                                           f"id: {path.stem}-{number}\n", 1)
            (path.parent / f"{path.stem}-{number}.yaml").write_text(text, encoding="utf-8")
    return content


def timed(content: Path, out: Path, jobs: int, force: bool) -> tuple[float, int]:
    started = time.perf_counter()
    report = build_all(content, out, jobs=jobs, force=force)
    assert not report.failed, report.failed
    return time.perf_counter() - started, len(report.built)


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    with tempfile.TemporaryDirectory() as folder:
        content = content_with_copies(Path(folder), copies)
        out = Path(folder) / "site"
        sheets = len(plan_jobs(load_content(content)))
        print(f"{sheets} sheets, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        results = {}
        for jobs in (1, 2):
            seconds, built = timed(content, out, jobs, force=True)
            results[jobs] = seconds
            print(f"jobs={jobs}: {seconds:.2f} s, {built / seconds:.2f} sheets/s")
        print(f"speed-up of 2 workers: {results[1] / results[2]:.2f}×")
        seconds, built = timed(content, out, 2, force=False)
        print(f"no change: {seconds:.2f} s, {built} rendered")


if __name__ == "__main__":
    main()
