"""Shell completion of scenario, carrier and language names from the content (no WeasyPrint)."""

from __future__ import annotations

from pathlib import Path

import click
from click.shell_completion import CompletionItem

from generator.errors import UserError
from generator.paths import DEFAULT_CONTENT_DIR


def _bundle(ctx: click.Context):
    # Imported here, when the shell asks for suggestions: `--help` and every command load this
    # module, and the content models would add pydantic to their start-up.
    from generator.content.loading import load_content

    root = ctx.find_root()
    content_dir = root.params.get("content_dir") or DEFAULT_CONTENT_DIR
    try:
        return load_content(Path(content_dir))
    except UserError:
        return None  # broken content: no suggestions rather than a traceback in the shell


def scenarios(ctx: click.Context, param: click.Parameter, incomplete: str):
    bundle = _bundle(ctx)
    if bundle is None:
        return []
    language = bundle.meta.defaults.language
    return [
        CompletionItem(name, help=scenario.title[language])
        for scenario in bundle.scenarios.values()
        for name in (scenario.id, *scenario.aliases)
        if name.startswith(incomplete)
    ]


def carriers(ctx: click.Context, param: click.Parameter, incomplete: str):
    bundle = _bundle(ctx)
    if bundle is None:
        return []
    return [CompletionItem(carrier.id, help=carrier.name["ru"])
            for carrier in bundle.carriers.values() if carrier.id.startswith(incomplete)]


def languages(ctx: click.Context, param: click.Parameter, incomplete: str):
    bundle = _bundle(ctx)
    if bundle is None:
        return []
    return [CompletionItem(language.code, help=language.name)
            for language in bundle.meta.user_languages if language.code.startswith(incomplete)]
