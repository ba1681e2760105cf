"""The command line: a thin shell over generator.render. Every user error is one line, exit 2."""

from __future__ import annotations

import functools
import gc
import sys
import time
from pathlib import Path

import click

from generator import __version__
from generator.errors import UserError
from generator.paths import DEFAULT_CONTENT_DIR

# Content, models and rendering are imported inside the commands that use them, so `--help`
# starts without pydantic, Jinja2 or WeasyPrint (see benchmarks/).
DEFAULT_OUTPUT_DIR = Path("output")


class OneLineErrors(click.Group):
    """Click prints usage blocks for bad input; we print one line that says what to fix."""

    def main(self, *args, **kwargs):
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError as error:
            click.echo(error.ctx.get_help())
            sys.exit(0)
        except click.UsageError as error:
            hint = f" (see '{error.ctx.command_path} --help')" if error.ctx else ""
            click.echo(f"error: {error.format_message()}{hint}", err=True)
            sys.exit(2)
        except UserError as error:
            click.echo(f"error: {error}", err=True)
            sys.exit(error.exit_code)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except (click.Abort, KeyboardInterrupt):
            click.echo("interrupted; nothing was written", err=True)
            sys.exit(130)


@click.group(cls=OneLineErrors)
@click.version_option(__version__, prog_name="sim-checklist")
@click.option(
    "--content-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_CONTENT_DIR,
    show_default="the project's content/",
    help="Read scenarios, carriers and strings from this folder.",
)
@click.pass_context
def cli(ctx: click.Context, content_dir: Path) -> None:
    """Print a bilingual checklist for ending a Russian SIM contract at the carrier's shop."""
    ctx.obj = {"content_dir": content_dir}


def _without_cyclic_gc(command):
    """For one-sheet commands: the cyclic garbage collector would spend about a tenth of the
    render walking objects that all die when the process ends (reference counting still frees
    memory as it goes; the peak stays the same, see benchmarks/)."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        gc.disable()
        try:
            return command(*args, **kwargs)
        finally:
            gc.enable()

    return wrapper


@cli.command("render")
@click.option("-s", "--scenario", help="Situation id or alias (see `list`).")
@click.option("-c", "--carrier", help="Carrier id (see `list`).")
@click.option("-l", "--lang", "language", help="Your language (see `list`).")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File to write [default: output/SCENARIO-CARRIER-LANG.pdf].",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["pdf", "html"]),
    default="pdf",
    show_default=True,
    help="html: the same page as HTML, for a browser or the bare weasyprint command.",
)
@click.pass_obj
@_without_cyclic_gc
def render_command(
    options: dict, scenario: str | None, carrier: str | None, language: str | None,
    output: Path | None, output_format: str,
) -> None:
    """Render one sheet and print where it was written."""
    from generator.output import write_atomically
    from generator.render import RenderRequest, render

    started = time.perf_counter()
    if output_format == "pdf":
        _ensure_fonts(options["content_dir"])
    request = RenderRequest(
        scenario=scenario,
        carrier=carrier,
        language=language,
        output_format=output_format,  # type: ignore[arg-type]
        content_dir=options["content_dir"],
    )
    result = render(request)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    target = output or DEFAULT_OUTPUT_DIR / result.file_name
    write_atomically(target, result.data)
    elapsed = time.perf_counter() - started
    click.echo(f"✓ {elapsed:.2f} s {output_format.upper()}: {target}")


@cli.command("list")
@click.pass_obj
def list_command(options: dict) -> None:
    """Show the scenarios, carriers and languages with their names."""
    from generator.content import load_content

    bundle = load_content(options["content_dir"])
    meta = bundle.meta
    user = meta.defaults.language
    click.echo("Scenarios (-s):")
    for scenario in bundle.scenarios.values():
        aliases = f"  [{', '.join(scenario.aliases)}]" if scenario.aliases else ""
        click.echo(f"  {scenario.id:<12} {scenario.title[user]} / {scenario.title['ru']}{aliases}")
    click.echo("Carriers (-c):")
    for carrier in bundle.carriers.values():
        click.echo(f"  {carrier.id:<12} {carrier.name[user]} / {carrier.name['ru']}")
    click.echo("Languages (-l):")
    for language in meta.user_languages:
        click.echo(f"  {language.code:<12} {language.name}")
    click.echo(f"Staff language: {meta.staff_language}. Content version {meta.content_version}.")


@cli.command("doctor")
@click.pass_obj
def doctor_command(options: dict) -> None:
    """Check Pango, HarfBuzz subsetting and fonts; exit 1 when something is missing."""
    from generator.content import load_content
    from generator.doctor import run_checks

    bundle = load_content(options["content_dir"])
    failed = False
    for check in run_checks(bundle):
        mark = "✓" if check.ok else "✗"
        click.echo(f"{mark} {check.name}: {check.detail}")
        if not check.ok:
            failed = True
            click.echo(f"    fix: {check.fix}")
    sys.exit(1 if failed else 0)


def _ensure_fonts(content_dir: Path) -> None:
    """Cut the fonts on first use when set-up has not (a render without them is larger)."""
    from generator.fonts import fonts_present

    if not fonts_present():
        click.echo("Cutting the fonts once (about 20 s); `sim-checklist fonts` does it ahead.",
                   err=True)
        _build_fonts(content_dir, force=False)


def _build_fonts(content_dir: Path, force: bool) -> list[str]:
    from generator.content import load_content
    from generator.doctor import content_characters
    from generator.fonts import build_fonts

    _, lines = build_fonts(content_characters(load_content(content_dir)), force=force)
    return lines


@cli.command("fonts")
@click.option("--force", is_flag=True, help="Cut again even when the cuts are up to date.")
@click.pass_obj
def fonts_command(options: dict, force: bool) -> None:
    """Cut Noto Sans CJK to the characters a sheet can use (set-up runs this)."""
    for line in _build_fonts(options["content_dir"], force):
        click.echo(f"✓ {line}")


def main() -> None:
    cli(prog_name="sim-checklist")
