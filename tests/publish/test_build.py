"""build-all: every sheet with its preview, skipped when up to date, failures isolated."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from generator.content.loading import load_content
from generator.publish import build
from generator.publish.build import MANIFEST_NAME, PREVIEW_WIDTH_PX, Job, plan_jobs, preview_jobs
from tests.helpers import add_fictional_carrier, run, small_content


@pytest.fixture
def content(tmp_path):
    """The real content cut to one scenario in one language, with two of its carriers plus one
    added by YAML alone: three sheets, so each build takes seconds, not minutes."""
    folder = small_content(tmp_path, carriers=("generic", "mts"), scenarios=("cancel",),
                           languages=("zh-Hans",))
    add_fictional_carrier(folder)
    return folder


def build_all(content, out, *extra):
    return run("--content-dir", str(content), "build-all", "-o", str(out), *extra)


def test_every_sheet_is_written_with_its_preview_in_parallel_workers(content, tmp_path):
    out = tmp_path / "site"
    result = build_all(content, out, "--jobs", "2")
    assert result.exit_code == 0, result.output
    jobs = plan_jobs(load_content(content))
    assert {job.carrier for job in jobs} == {"generic", "mts", "polar"}
    assert f"✓ {len(jobs)} rendered, 0 up to date, 0 failed" in result.stdout
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["sheets"]
    for job in jobs:
        pdf = pypdf.PdfReader(out / job.pdf_name)
        assert len(pdf.pages) == manifest[job.pdf_name]["pages"] >= 2
        assert (out / job.pdf_name).stat().st_size == manifest[job.pdf_name]["size"]
        with Image.open(out / job.preview_name) as preview:
            assert preview.format == "PNG"
            assert preview.width == PREVIEW_WIDTH_PX
            assert 1.3 < preview.height / preview.width < 1.5  # an A4 page, upright
            # a page of text: mostly white, with dark glyphs in it
            histogram = preview.convert("L").histogram()
            dark = sum(histogram[:128]) / (preview.width * preview.height)
            assert 0.005 < dark < 0.3
    assert "polar" in pdf_text(out / "cancel-polar-zh-Hans.pdf", "Полярная связь")
    assert not list(out.rglob("*.part"))


def pdf_text(path: Path, expected: str) -> str:
    text = "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    assert expected in text
    return text


def test_a_second_run_skips_what_is_up_to_date_and_rebuilds_what_changed(content, tmp_path):
    out = tmp_path / "site"
    assert build_all(content, out, "--jobs", "1").exit_code == 0
    before = {path.name: path.stat().st_mtime_ns for path in out.glob("*.pdf")}
    again = build_all(content, out, "--jobs", "1")
    assert again.exit_code == 0, again.output
    assert f"✓ 0 rendered, {len(before)} up to date, 0 failed" in again.stdout
    assert {path.name: path.stat().st_mtime_ns for path in out.glob("*.pdf")} == before

    carrier = content / "carriers" / "mts.yaml"
    carrier.write_text(carrier.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    (out / "cancel-generic-zh-Hans.pdf").unlink()  # a deleted output is rebuilt too
    third = build_all(content, out, "--jobs", "1")
    assert third.exit_code == 0, third.output
    changed = {path.name for path in out.glob("*.pdf")
               if path.stat().st_mtime_ns != before.get(path.name)}
    assert changed == {"cancel-mts-zh-Hans.pdf", "cancel-generic-zh-Hans.pdf"}
    assert f"✓ 2 rendered, {len(before) - 2} up to date" in third.stdout


def test_one_failing_sheet_does_not_stop_the_others(content, tmp_path):
    broken = content / "carriers" / "broken.yaml"
    text = (content / "carriers" / "polar.yaml").read_text(encoding="utf-8")
    # A character no installed font has: that sheet cannot be rendered faithfully.
    broken.write_text(text.replace("id: polar", "id: broken")
                      .replace("极光通信", "极光\U0010fffd"), encoding="utf-8")
    out = tmp_path / "site"
    result = build_all(content, out)
    assert result.exit_code == 1
    assert "✗ cancel-broken-zh-Hans.pdf: no installed font has these characters" in result.stderr
    assert "1 failed" in result.stdout
    assert not (out / "cancel-broken-zh-Hans.pdf").exists()
    for carrier in ("generic", "mts", "polar"):
        assert pypdf.PdfReader(out / f"cancel-{carrier}-zh-Hans.pdf").pages
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "cancel-polar-zh-Hans.pdf" in index
    assert "cancel-broken" not in index


def test_an_interrupted_build_leaves_only_complete_files(content, tmp_path, monkeypatch):
    real_run_job = build._run_job
    calls = []

    def interrupt_on_second(task):
        calls.append(task[0])
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_run_job(task)

    monkeypatch.setattr(build, "_run_job", interrupt_on_second)
    out = tmp_path / "site"
    result = build_all(content, out, "--jobs", "1")
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
    written = sorted(path.name for path in out.glob("*.pdf"))
    assert written == [calls[0].pdf_name]
    assert pypdf.PdfReader(out / written[0]).pages  # complete, readable
    assert not [path for path in out.rglob("*") if path.name.startswith(".sim-checklist-")]
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert list(manifest["sheets"]) == written
    # the next run finishes the job and renders only what is missing
    monkeypatch.setattr(build, "_run_job", real_run_job)
    finish = build_all(content, out, "--jobs", "1")
    assert finish.exit_code == 0
    assert "1 up to date" in finish.stdout


def test_default_jobs_is_one_per_core_up_to_two():
    assert build.default_jobs() == min(2, os.cpu_count() or 1)


def test_a_preview_is_made_of_each_cards_first_language_only():
    jobs = [Job("cancel", "mts", "en"), Job("cancel", "mts", "zh-Hant"),
            Job("cancel", "t2", "en"), Job("lost", "mts", "zh-Hans"), Job("lost", "mts", "en")]
    assert preview_jobs(jobs, ["zh-Hans", "zh-Hant", "en"]) == {
        Job("cancel", "mts", "zh-Hant"), Job("cancel", "t2", "en"), Job("lost", "mts", "zh-Hans")}


def test_first_page_preview_of_a_real_sheet():
    from tests.conftest import rendered

    pages, png = build.first_page_preview(rendered().data)
    assert pages == len(pypdf.PdfReader(io.BytesIO(rendered().data)).pages)
    with Image.open(io.BytesIO(png)) as image:
        assert image.width == PREVIEW_WIDTH_PX


def test_a_sheet_no_longer_in_the_content_is_removed_with_its_preview(content, tmp_path):
    out = tmp_path / "site"
    assert build_all(content, out, "--jobs", "1").exit_code == 0
    (content / "carriers" / "polar.yaml").unlink()
    unrelated = out / "notes.txt"
    unrelated.write_text("the publisher's own file", encoding="utf-8")
    result = build_all(content, out, "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "- cancel-polar-zh-Hans.pdf: no longer in the content, removed" in result.stdout
    assert not (out / "cancel-polar-zh-Hans.pdf").exists()
    assert not (out / "previews" / "cancel-polar-zh-Hans.png").exists()
    assert unrelated.exists()  # only files the build wrote itself are removed
    assert "polar" not in (out / "index.html").read_text(encoding="utf-8")


def test_inputs_are_each_sheets_own_files_plus_what_all_sheets_share(content, tmp_path):
    bundle = load_content(content)
    mts, generic = (next(job for job in plan_jobs(bundle) if job.carrier == carrier)
                    for carrier in ("mts", "generic"))

    def digests():
        shared = build.shared_inputs_digest(content)
        return {job: build.job_digest(shared, content, job) for job in (mts, generic)}

    before = digests()
    (content / "catalog.yaml").write_text(
        (content / "catalog.yaml").read_text(encoding="utf-8") + "# index only\n",
        encoding="utf-8")
    assert digests() == before  # the catalog's words do not change any sheet
    (content / "carriers" / "mts.yaml").write_text(
        (content / "carriers" / "mts.yaml").read_text(encoding="utf-8") + "#\n", encoding="utf-8")
    after_carrier = digests()
    assert after_carrier[mts] != before[mts] and after_carrier[generic] == before[generic]
    (content / "ui.yaml").write_text(
        (content / "ui.yaml").read_text(encoding="utf-8") + "#\n", encoding="utf-8")
    last = digests()
    assert all(last[job] != after_carrier[job] for job in (mts, generic))
    moved = tmp_path / "moved"
    content.rename(moved)  # the same files somewhere else: nothing to rebuild
    assert build.job_digest(build.shared_inputs_digest(moved), moved, mts) == last[mts]


def test_content_is_loaded_once_and_one_font_configuration_serves_every_sheet(
    content, tmp_path, monkeypatch
):
    from generator.render import pdf

    loads = []
    real_load = build.load_content
    monkeypatch.setattr(build, "load_content", lambda folder: loads.append(folder)
                        or real_load(folder))
    pdf._font_config.cache_clear()
    report = build.build_all(content, tmp_path / "site", jobs=1)
    assert len(report.built) == 3 and not report.failed
    assert len(loads) == 1
    assert pdf._font_config.cache_info().misses == 1
    assert pdf._font_config.cache_info().hits == 2


def test_ctrl_c_stops_the_worker_processes_at_once_and_leaves_only_whole_files(content, tmp_path):
    import signal
    import subprocess
    import sys
    import time

    polar = (content / "carriers" / "polar.yaml").read_text(encoding="utf-8")
    for number in range(2, 12):  # enough sheets that the build is still busy when interrupted
        (content / "carriers" / f"polar-{number}.yaml").write_text(
            polar.replace("id: polar", f"id: polar-{number}"), encoding="utf-8")
    out = tmp_path / "site"
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "--content-dir", str(content), "build-all",
         "-o", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        cwd=build.PROJECT_ROOT,
        # a shell that started pytest in the background ignores SIGINT: give it back
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    manifest = out / MANIFEST_NAME
    deadline = time.monotonic() + 120
    while not manifest.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    with pytest.raises(ProcessLookupError):  # the workers are stopped, none left running
        os.killpg(process.pid, 0)
    assert "Traceback" not in stderr
    assert not [path for path in out.rglob("*") if path.name.startswith(".sim-checklist-")]
    recorded = json.loads(manifest.read_text(encoding="utf-8"))["sheets"]
    written = sorted(path.name for path in out.glob("*.pdf"))
    assert written == sorted(recorded) and 1 <= len(written) < 14
    for name in written:
        assert len(pypdf.PdfReader(out / name).pages) == recorded[name]["pages"]
