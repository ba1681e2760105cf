"""The command line: a thin shell over generator.render.pipeline. A user error: one line, exit 2."""

from __future__ import annotations

import functools
import gc
import sys
from pathlib import Path

import click

from generator import __version__
from generator.cli import completion
from generator.cli.failsafe import (
    DEBUG_ENV,
    debug_from_environment,
    quiet_broken_pipe,
    report_internal_error,
    stop_on_sigterm,
)
from generator.errors import UserError, printable_message
from generator.paths import DEFAULT_CONTENT_DIR
from generator.render.paper import DEFAULT_PAPER, PAPERS

# Content, models and rendering are imported inside the commands that use them, so `--help`
# starts without pydantic, Jinja2 or WeasyPrint (see benchmarks/).
DEFAULT_OUTPUT_DIR = Path("output")


class Interrupted(Exception):
    """Ctrl-C, carried past Click, which would print an empty line for it."""


class OneLineErrors(click.Group):
    """Click prints usage blocks for bad input; we print one line that says what to fix."""

    debug_requested = False

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise Interrupted from None

    def main(self, *args, **kwargs):
        kwargs["standalone_mode"] = False
        self.debug_requested = debug_from_environment()
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError as error:
            click.echo(error.ctx.get_help())
            sys.exit(0)
        except click.UsageError as error:
            hint = f" (see '{error.ctx.command_path} --help')" if error.ctx else ""
            click.echo(printable_message(f"error: {error.format_message()}{hint}"), err=True)
            sys.exit(2)
        except UserError as error:
            click.echo(printable_message(f"error: {error}"), err=True)
            sys.exit(error.exit_code)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except (click.Abort, KeyboardInterrupt, Interrupted):
            click.echo("interrupted; nothing was written", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(quiet_broken_pipe())
        except Exception as error:  # a bug: one line, the traceback only when asked for
            sys.exit(report_internal_error(error, self.debug_requested))


def _remember_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.find_root().command.debug_requested = True  # type: ignore[attr-defined]


@click.group(cls=OneLineErrors)
@click.version_option(__version__, prog_name="sim-checklist")
@click.option(
    "--content-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_CONTENT_DIR,
    show_default="the project's content/",
    help="Read scenarios, carriers and strings from this folder.",
)
@click.option(
    "--debug",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_remember_debug,
    help=f"Show the traceback of an internal error (or set {DEBUG_ENV}=1).",
)
@click.pass_context
def cli(ctx: click.Context, content_dir: Path) -> None:
    """Print a bilingual checklist for getting, changing or ending a SIM contract at a Russian
    carrier's shop."""
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
@click.option("-s", "--scenario", help="Situation id or alias (see `list`).",
              shell_complete=completion.scenarios)
@click.option("-c", "--carrier", help="Carrier id (see `list`).",
              shell_complete=completion.carriers)
@click.option("-l", "--lang", "language", help="Your language (see `list`).",
              shell_complete=completion.languages)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File to write [default: output/SCENARIO-CARRIER-LANG.pdf; .html for html, "
    "-phone.html for phone].",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["pdf", "html", "phone"]),
    default="pdf",
    show_default=True,
    help="html: the same page as HTML, for a browser or the bare weasyprint command; "
    "phone: one self-contained HTML file laid out for a phone, with a view for the staff.",
)
@click.option(
    "--paper",
    type=click.Choice(list(PAPERS)),
    default=DEFAULT_PAPER,
    show_default=True,
    help="Paper size; the content stays in the same centred 190 × 259 mm box on both.",
)
@click.option(
    "--profile",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Your details (see `profile-template`) to fill the staff card and the application.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but warnings and errors.")
@click.option("--open", "open_after", is_flag=True, help="Open the file in the system viewer.")
@click.pass_obj
@_without_cyclic_gc
def render_command(
    options: dict, scenario: str | None, carrier: str | None, language: str | None,
    output: Path | None, output_format: str, paper: str, profile: Path | None, quiet: bool,
    open_after: bool,
) -> None:
    """Render one sheet, printing each step with its time."""
    from generator.cli.steps import StepReporter, human_size
    from generator.output import check_target, write_atomically
    from generator.render.pipeline import RenderRequest, render

    if output is not None:
        check_target(output)  # fail before the render, not after it
    if output_format == "pdf":
        _ensure_fonts(options["content_dir"])
    # Step lines wait until the sheet is written: a failed render prints its one error line only.
    progress: list[str] = []
    steps = StepReporter(progress.append, quiet=quiet)
    steps.details["content"] = str(options["content_dir"])
    request = RenderRequest(
        scenario=scenario,
        carrier=carrier,
        language=language,
        output_format=output_format,  # type: ignore[arg-type]
        content_dir=options["content_dir"],
        profile=profile,
        paper=paper,  # type: ignore[arg-type]
    )
    result = render(request, on_step=steps)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    target = output or DEFAULT_OUTPUT_DIR / result.file_name
    write_atomically(target, result.data)
    steps("written", f"{target} ({human_size(len(result.data))})")
    for line in progress:
        click.echo(line)
    if open_after:
        click.launch(str(target))


@cli.command("profile-template")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write the template to this file instead of printing it.",
)
@click.pass_obj
def profile_template_command(options: dict, output: Path | None) -> None:
    """Print a commented personal profile to fill in for `render --profile`."""
    from generator.content.profile import template_text
    from generator.output import write_atomically

    text = template_text(options["content_dir"])
    if output is None:
        click.echo(text, nl=False)
        return
    if output.exists():
        raise UserError(f"{output}: already exists; it may hold your details, so it is kept")
    write_atomically(output, text.encode("utf-8"))
    click.echo(f"✓ profile template: {output}")


@cli.command("list")
@click.pass_obj
def list_command(options: dict) -> None:
    """Show the scenarios, carriers and languages with their names."""
    from generator.content.loading import load_content

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
    files = list(bundle.content_files().values())
    sheets = [(s, c) for s in bundle.scenarios for c in bundle.carriers]
    for language in meta.user_languages:
        done_files = sum(language.code in file.languages for file in files)
        done_sheets = sum(language.code in bundle.languages_for(*sheet) for sheet in sheets)
        click.echo(f"  {language.code:<12} {language.name}: files {done_files}/{len(files)}, "
                   f"sheets {done_sheets}/{len(sheets)}")
    click.echo(f"Staff language: {meta.staff_language}. Content version {meta.content_version}.")


@cli.command("validate")
@click.pass_obj
def validate_command(options: dict) -> None:
    """Check every content file; exit 2 on errors, warn about facts checked > 12 months ago."""
    from generator.content.validate import validate_content

    folder = options["content_dir"]
    report = validate_content(folder)
    for warning in report.warnings:
        click.echo(f"warning: {warning.format()}", err=True)
    for error in report.errors:
        click.echo(error.format(), err=True)
    if not report.ok:
        click.echo(f"✗ {len(report.errors)} error(s) in {folder}; fix them and run again", err=True)
        sys.exit(2)
    click.echo(f"✓ {report.files} files, {report.facts} facts: no errors, "
               f"{len(report.warnings)} warning(s)")


@cli.command("doctor")
@click.pass_obj
def doctor_command(options: dict) -> None:
    """Check Pango, HarfBuzz subsetting and fonts; exit 1 when something is missing."""
    from generator.cli.doctor import run_checks
    from generator.content.loading import load_content

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
    from generator.render.fonts import fonts_present

    if not fonts_present():
        click.echo("Cutting the fonts once (about 20 s); `sim-checklist fonts` does it ahead.",
                   err=True)
        _build_fonts(content_dir, force=False)


def _build_fonts(content_dir: Path, force: bool) -> list[str]:
    from generator.cli.doctor import content_characters
    from generator.content.loading import load_content
    from generator.render.fonts import build_fonts

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
    stop_on_sigterm()
    cli(prog_name="sim-checklist")


# Publisher and newcomer commands live in their own module; registered here.
from generator.cli.commands import (  # noqa: E402
    build_all_command,
    claims_command,
    schema_command,
    wizard_command,
)

for command in (build_all_command, wizard_command, schema_command, claims_command):
    cli.add_command(command)
