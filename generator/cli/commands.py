"""The commands for publishers, reviewers and newcomers: build-all, claims, wizard, schema.
Thin Click glue over generator.publish.build, generator.publish.catalog,
generator.publish.claims_report, generator.cli.wizard and generator.content.schema."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

DEFAULT_CATALOG_DIR = Path("output") / "catalog"


@click.command("build-all")
@click.option(
    "-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_CATALOG_DIR, show_default=True,
    help="Folder for every sheet, its preview and index.html.",
)
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: up to 2, one per core].")
@click.option("--force", is_flag=True, help="Render every sheet, even those up to date.")
@click.option("--base-url", metavar="URL",
              help="https:// address the folder is published at: each PDF gets a QR code to "
                   "its own phone page there.")
@click.pass_obj
def build_all_command(
    options: dict, out_dir: Path, jobs: int | None, force: bool, base_url: str | None
) -> None:
    """Render every sheet, its phone page and an index.html to browse them offline.

    Every scenario × carrier × language the content provides, in worker processes; sheets
    whose inputs have not changed since the last run are skipped.
    """
    from generator.content.interface import load_catalog_strings
    from generator.content.loading import load_content
    from generator.publish.build import build_all, check_base_url, default_jobs, plan_jobs
    from generator.publish.catalog import write_index

    if base_url is not None:
        base_url = check_base_url(base_url)  # a bad address stops before anything is read
    content_dir = options["content_dir"]
    bundle = load_content(content_dir)
    strings = load_catalog_strings(content_dir)  # a broken catalog.yaml stops before rendering
    total = len(plan_jobs(bundle))
    workers = jobs or default_jobs()
    try:
        with click.progressbar(length=total, label=f"Rendering {total} sheets ({workers} jobs)",
                               file=sys.stderr, show_pos=True) as bar:
            report = build_all(content_dir, out_dir, jobs=workers, force=force, bundle=bundle,
                               on_job=lambda job, status: bar.update(1), base_url=base_url)
    except KeyboardInterrupt:
        click.echo("interrupted: the sheets finished so far are complete; no partial file was "
                   "left. Run again to finish.", err=True)
        sys.exit(130)
    index = write_index(out_dir, bundle, strings, report.sheets, dt.date.today())
    for name in report.removed:
        click.echo(f"- {name}: no longer in the content, removed")
    for failure in report.failed:
        click.echo(f"✗ {failure.job.pdf_name}: {failure.message}", err=True)
    click.echo(f"✓ {len(report.built)} rendered, {len(report.skipped)} up to date, "
               f"{len(report.failed)} failed: {index}")
    if report.failed:
        sys.exit(1)


@click.command("schema")
@click.option("-o", "--output", "folder", type=click.Path(path_type=Path, file_okay=False),
              default=None, help="Folder to write into [default: the project's schema/].")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when a file is stale.")
def schema_command(folder: Path | None, check: bool) -> None:
    """Write the JSON Schema of the content files.

    Generated from the models, into schema/ by default; editors use it to complete and
    check content files that start with `# yaml-language-server: $schema=…`.
    """
    from generator.content.schema import SCHEMA_DIR, stale_files, write_schemas

    folder = folder or SCHEMA_DIR
    if check:
        stale = stale_files(folder)
        for name in stale:
            click.echo(f"✗ {folder / name} is stale; run `sim-checklist schema`", err=True)
        if stale:
            sys.exit(1)
        click.echo(f"✓ {folder} is up to date")
        return
    for path in write_schemas(folder):
        click.echo(f"✓ {path}")


@click.command("claims")
@click.option("-o", "--output", "folder", type=click.Path(path_type=Path, file_okay=False),
              default=Path("docs") / "claims", show_default=True,
              help="Folder for the reports, one <scenario>.md each.")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when a report is stale.")
@click.pass_obj
def claims_command(options: dict, folder: Path, check: bool) -> None:
    """Write the claims report: what every sheet states and on which facts.

    For every scenario × carrier, each sentence that names facts (Russian and Simplified
    Chinese) with the facts' confidence, file, source and checked date, the carrier page's
    facts, and apart the sentences that name no fact; for a reviewer before a release.
    """
    from generator.content.loading import load_content
    from generator.publish.claims_report import stale_reports, write_reports

    bundle = load_content(options["content_dir"])
    if check:
        stale = stale_reports(bundle, folder)
        for name in stale:
            click.echo(f"✗ {folder / name} is stale; run `sim-checklist claims`", err=True)
        if stale:
            sys.exit(1)
        click.echo(f"✓ {folder} is up to date")
        return
    for path in write_reports(bundle, folder):
        click.echo(f"✓ {path}")


@click.command("wizard")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="File to write [default: output/SCENARIO-CARRIER-LANG.pdf].")
@click.pass_obj
def wizard_command(options: dict, output: Path | None) -> None:
    """Three questions (situation, carrier, language), then your PDF."""
    from generator.cli.wizard import run_wizard

    run_wizard(options["content_dir"], output, default_dir=Path("output"))
