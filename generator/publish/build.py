"""`build-all`: every scenario × carrier × language the content provides, in worker processes.

Each worker loads the content once and keeps one WeasyPrint FontConfiguration (generator.render.pdf
caches it per process). Workers only compute: the parent writes every file atomically, so an
interrupted build leaves complete files or none. A manifest of input hashes lets a second run
skip the sheets whose content files, templates and code have not changed.
"""

from __future__ import annotations

import gc
import hashlib
import io
import json
import multiprocessing
import os
import signal
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from generator import __version__
from generator.content.loading import ContentBundle, load_content
from generator.content.registry import SHEET, kinds_read_by
from generator.errors import UserError
from generator.output import write_atomically
from generator.paths import PACKAGE_DIR, PROJECT_ROOT  # noqa: F401 - PROJECT_ROOT for tests
from generator.render.html import TEMPLATES_DIR
from generator.render.paper import DEFAULT_PAPER
from generator.render.pipeline import RenderRequest, phone_page_name, render
from generator.speed import switched_off

MANIFEST_NAME = ".build-manifest.json"
MANIFEST_FORMAT = 2  # 2: each sheet has its phone page
PREVIEWS_DIR = "previews"
PREVIEW_WIDTH_PX = 360  # twice the width the index shows it at, for sharp screens
CATALOG_TEMPLATES = ("catalog.html.j2", "catalog")


def check_base_url(url: str) -> str:
    """The address the folder is published at, as a folder URL (ending in /): https only."""
    if any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in url):
        raise UserError("--base-url: must be one https:// address without spaces")
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a bad port)
    except ValueError:
        raise UserError("--base-url: not a valid https:// address") from None
    if parts.scheme != "https":
        raise UserError("--base-url: must start with https:// (the phone page is opened from "
                        "a printed QR code)")
    if not parts.hostname or "." not in parts.hostname.strip("."):
        raise UserError("--base-url: needs a host name, such as https://example.org/sheets/")
    if parts.username or parts.password:
        raise UserError("--base-url: must not hold a user name or password")
    if parts.query or parts.fragment or url.endswith(("?", "#")):
        raise UserError("--base-url: must be a folder address, without ? or #")
    return url if url.endswith("/") else url + "/"


def default_jobs() -> int:
    """Two processes double the throughput on two cores; more add nothing (architecture.md)."""
    return max(1, min(2, os.cpu_count() or 1))


@dataclass(frozen=True, order=True)
class Job:
    scenario: str
    carrier: str
    language: str

    @property
    def stem(self) -> str:
        """Codes only, never personal data; the same name `render` gives the sheet."""
        return f"{self.scenario}-{self.carrier}-{self.language}"

    @property
    def pdf_name(self) -> str:
        return f"{self.stem}.pdf"

    @property
    def phone_name(self) -> str:
        """The phone page beside the PDF, named as `render --format phone` names it."""
        return phone_page_name(self.stem)

    @property
    def preview_name(self) -> str:
        return f"{PREVIEWS_DIR}/{self.stem}.png"


@dataclass(frozen=True)
class SheetRecord:
    """What the index needs about one written sheet; also its manifest entry."""

    inputs: str
    pages: int
    size: int
    preview: str  # "" for a sheet the index shows no preview of
    facts_checked: str | None = None
    phone: str = ""  # the phone page's file name


@dataclass(frozen=True)
class Failure:
    job: Job
    message: str


@dataclass
class BuildReport:
    built: dict[Job, SheetRecord]
    skipped: dict[Job, SheetRecord]
    failed: list[Failure]
    removed: list[str] = field(default_factory=list)

    @property
    def sheets(self) -> dict[Job, SheetRecord]:
        return {**self.skipped, **self.built}


def plan_jobs(bundle: ContentBundle) -> list[Job]:
    """Every sheet the content provides: each scenario × carrier in each language it exists in."""
    return [
        Job(scenario_id, carrier_id, language)
        for scenario_id in bundle.scenarios
        for carrier_id in bundle.carriers
        for language in bundle.languages_for(scenario_id, carrier_id)
    ]


def preview_jobs(jobs: list[Job], language_order: list[str]) -> set[Job]:
    """The sheets the index shows a picture of: per scenario × carrier, the one in the first
    language (in the content's order) it exists in. Only these get a preview."""
    first: dict[tuple[str, str], Job] = {}
    for job in sorted(jobs, key=lambda job: language_order.index(job.language)):
        first.setdefault((job.scenario, job.carrier), job)
    return set(first.values())


def _files_under(folder: Path, pattern: str, skip: tuple[str, ...] = ()) -> Iterator[Path]:
    for path in sorted(folder.rglob(pattern)):
        relative = path.relative_to(folder)
        if path.is_file() and relative.parts[0] not in skip and "__pycache__" not in path.parts:
            yield path


# The content files every sheet reads, and the kinds of which a sheet reads only its own file
# (its scenario's and its carrier's): from the registry, so a new kind is hashed too. Files no
# sheet reads (the catalog's words) rebuild only index.html.
SHARED_SHEET_KINDS = [kind for kind in kinds_read_by(SHEET) if not kind.folder]
PER_SHEET_KINDS = {kind.name: kind for kind in kinds_read_by(SHEET) if kind.folder}


def shared_inputs_digest(content_dir: Path) -> hashlib._Hash:
    """What every sheet depends on: the other content files, templates, code and version."""
    digest = hashlib.sha256(f"sim-checklist {__version__}\n".encode())
    content_dir = Path(content_dir)
    content_files = [path for kind in SHARED_SHEET_KINDS for path in kind.paths(content_dir)]
    sources = [
        *((content_dir, path) for path in content_files),
        *((TEMPLATES_DIR, path) for path in _files_under(TEMPLATES_DIR, "*", CATALOG_TEMPLATES)),
        *((PACKAGE_DIR, path) for path in _files_under(PACKAGE_DIR, "*.py")),
    ]
    for root, path in sources:  # names relative to their folder: a moved folder is no change
        digest.update(f"{path.relative_to(root).as_posix()}\n".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest


def job_digest(shared: hashlib._Hash, content_dir: Path, job: Job) -> str:
    digest = shared.copy()
    digest.update(f"{job.stem}\n".encode())
    for kind_name, id_ in (("scenario", job.scenario), ("carrier", job.carrier)):
        path = PER_SHEET_KINDS[kind_name].path_for(content_dir, id_)
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


class Manifest:
    """DIR/.build-manifest.json: each written sheet with the hash of the inputs it came from."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / MANIFEST_NAME
        self.sheets: dict[str, SheetRecord] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") == MANIFEST_FORMAT:
                self.sheets = {name: SheetRecord(**entry) for name, entry in data["sheets"].items()}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            self.sheets = {}  # no manifest or an unreadable one: everything is rebuilt

    def up_to_date(
        self, folder: Path, job: Job, inputs: str, with_preview: bool
    ) -> SheetRecord | None:
        record = self.sheets.get(job.pdf_name)
        if record is None or record.inputs != inputs:
            return None
        pdf = folder / job.pdf_name
        if not pdf.is_file() or pdf.stat().st_size != record.size:
            return None
        if record.phone != job.phone_name or not (folder / record.phone).is_file():
            return None
        if with_preview and not (record.preview and (folder / record.preview).is_file()):
            return None
        return record

    def save(self) -> None:
        data = {
            "format": MANIFEST_FORMAT,
            "sheets": {name: asdict(record) for name, record in sorted(self.sheets.items())},
        }
        text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
        write_atomically(self.path, text.encode("utf-8"))


# --- worker side: one content bundle per process, loaded once ---------------------------------

_worker_bundle: ContentBundle | None = None


def _start_worker(
    content_dir: Path, ignore_interrupt: bool, bundle: ContentBundle | None = None
) -> None:
    global _worker_bundle
    if ignore_interrupt:  # Ctrl-C is the parent's to handle: it stops the pool cleanly
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if bundle is None:
        bundle = load_content(content_dir)
    if ignore_interrupt and not switched_off("gc-per-sheet"):  # a worker process of its own
        gc.collect()
        gc.freeze()  # the content and modules live as long as the worker: never scan them again
    _worker_bundle = bundle


@contextmanager
def _one_collection_per_sheet() -> Iterator[None]:
    """A sheet's layout makes ~50,000 objects in reference cycles that all die together. Letting
    the collector run while they are made walks them again and again (about a tenth of the
    render); one collection after the sheet frees them all at once."""
    if switched_off("gc-per-sheet"):
        yield
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        if enabled:
            gc.enable()


@dataclass(frozen=True)
class JobOutcome:
    job: Job
    pdf: bytes = b""
    phone: bytes = b""
    preview: bytes = b""
    pages: int = 0
    facts_checked: str | None = None
    error: str | None = None


def _run_job(task: tuple[Job, bool, str | None]) -> JobOutcome:
    job, with_preview, base_url = task
    assert _worker_bundle is not None, "worker not started"
    phone_url = base_url + job.phone_name if base_url else None
    request = RenderRequest(job.scenario, job.carrier, job.language,
                            content_dir=_worker_bundle.root, phone_url=phone_url)
    try:
        with _one_collection_per_sheet():
            result = render(request, _worker_bundle)
            phone = render(replace(request, output_format="phone"), _worker_bundle).data
        if result.warnings:
            return JobOutcome(job, error="WeasyPrint warned: " + "; ".join(result.warnings))
        if with_preview:
            pages, preview = first_page_preview(result.data)
        else:
            pages, preview = page_count(result.data), b""
    except UserError as error:
        return JobOutcome(job, error=str(error))
    except Exception as error:  # an internal bug in one sheet must not stop the others
        return JobOutcome(job, error=f"internal error: {type(error).__name__}: {error}")
    checked = result.sheet.footer.facts_checked
    return JobOutcome(job, result.data, phone, preview, pages,
                      checked.isoformat() if checked else None)


def page_count(pdf: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def first_page_preview(pdf: bytes) -> tuple[int, bytes]:
    """The page count and a PNG of the first page (pdfium: no system package needed)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        width_pt = page.get_width()
        image = page.render(scale=PREVIEW_WIDTH_PX / width_pt).to_pil().convert("L")
        page.close()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")  # optimize=True: 2% smaller, twice the time
        return len(document), buffer.getvalue()
    finally:
        document.close()


# --- parent side -------------------------------------------------------------------------------

ProgressCallback = Callable[[Job, str], None]  # the job and "built", "skipped" or "failed"


def build_all(
    content_dir: Path,
    out_dir: Path,
    *,
    jobs: int,
    force: bool = False,
    bundle: ContentBundle | None = None,
    on_job: ProgressCallback | None = None,
    base_url: str | None = None,
) -> BuildReport:
    """Write every sheet, its phone page and its preview into `out_dir`; skip those already up
    to date. With `base_url` (checked by check_base_url), each PDF has a QR code to its phone
    page at base_url + the page's file name."""
    content_dir = Path(content_dir)
    out_dir = Path(out_dir)
    bundle = bundle or load_content(content_dir)
    report = BuildReport(built={}, skipped={}, failed=[])
    manifest = Manifest(out_dir)
    shared = shared_inputs_digest(content_dir)
    shared.update(f"base-url {base_url or ''}\n".encode())  # the QR code printed on each sheet
    notify = on_job or (lambda job, status: None)
    todo: dict[Job, str] = {}
    planned = plan_jobs(bundle)
    with_preview = preview_jobs(planned, bundle.meta.language_codes)
    for job in planned:
        inputs = job_digest(shared, content_dir, job)
        record = None if force else manifest.up_to_date(out_dir, job, inputs, job in with_preview)
        if record is None:
            todo[job] = inputs
        else:
            report.skipped[job] = record
            notify(job, "skipped")
    current = {job.pdf_name for job in planned}
    earlier_phone_pages = {name: record.phone for name, record in manifest.sheets.items()}
    for name, record in list(manifest.sheets.items()):
        if name not in current:  # a sheet this folder's build wrote, no longer in the content
            (out_dir / name).unlink(missing_ok=True)
            if record.phone:
                (out_dir / record.phone).unlink(missing_ok=True)
            if record.preview:  # "" when the index showed no picture of it
                (out_dir / record.preview).unlink(missing_ok=True)
            report.removed.append(name)
            del manifest.sheets[name]

    def finish(outcome: JobOutcome) -> None:
        job = outcome.job
        if outcome.error is not None:
            report.failed.append(Failure(job, outcome.error))
            manifest.sheets.pop(job.pdf_name, None)
            notify(job, "failed")
            return
        if outcome.preview:
            write_atomically(out_dir / job.preview_name, outcome.preview)
        else:  # an earlier build's picture of this sheet, which the index no longer shows
            (out_dir / job.preview_name).unlink(missing_ok=True)
        write_atomically(out_dir / job.phone_name, outcome.phone)
        earlier = earlier_phone_pages.get(job.pdf_name)
        if earlier and earlier != job.phone_name:  # named otherwise by an older version
            (out_dir / earlier).unlink(missing_ok=True)
        write_atomically(out_dir / job.pdf_name, outcome.pdf)
        record = SheetRecord(todo[job], outcome.pages, len(outcome.pdf),
                             job.preview_name if outcome.preview else "", outcome.facts_checked,
                             job.phone_name)
        report.built[job] = record
        manifest.sheets[job.pdf_name] = record
        manifest.save()  # after every sheet: an interrupted build keeps what it finished
        notify(job, "built")

    try:
        tasks = [(job, job in with_preview, base_url) for job in sorted(todo)]
        for outcome in _outcomes(tasks, content_dir, jobs, bundle):
            finish(outcome)
    finally:
        if out_dir.is_dir():
            manifest.save()
    report.failed.sort(key=lambda failure: failure.job)
    return report


def _outcomes(
    todo: list[tuple[Job, bool, str | None]], content_dir: Path, jobs: int, bundle: ContentBundle
) -> Iterator[JobOutcome]:
    if not todo:
        return
    workers = max(1, min(jobs, len(todo)))
    if workers == 1:  # in this process, with the content already loaded
        _start_worker(content_dir, ignore_interrupt=False, bundle=bundle)
        if not switched_off("gc-per-sheet"):
            gc.collect()
            gc.freeze()  # as in a worker: each sheet's collection walks only that sheet's objects
        try:
            for job in todo:
                yield _run_job(job)
        finally:
            gc.unfreeze()  # this process may go on (a test, a caller of build_all)
        return
    # fork: each worker starts as a copy of this process, with the content loaded, WeasyPrint
    # imported and the fonts and stylesheets set up once here (about a second less per
    # worker). This process runs no threads, so the copies are sound.
    from generator.render.pdf import prepare_renderer

    if switched_off("fork-workers"):  # each worker sets itself up, as a new process
        context = multiprocessing.get_context("spawn")
        pool = context.Pool(workers, initializer=_start_worker, initargs=(content_dir, True))
    else:
        prepare_renderer(DEFAULT_PAPER)
        context = multiprocessing.get_context("fork")
        pool = context.Pool(workers, initializer=_start_worker,
                            initargs=(content_dir, True, bundle))
    try:
        yield from pool.imap_unordered(_run_job, todo)
    except BaseException:
        pool.terminate()  # Ctrl-C: stop the workers now; their unfinished sheets are dropped
        raise
    else:
        pool.close()
    finally:
        pool.join()
