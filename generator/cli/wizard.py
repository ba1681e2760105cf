"""`sim-checklist wizard`: three questions in a plain terminal, then the PDF.

Every prompt comes from content/wizard.yaml; scenarios, carriers and languages come from
the content, so a carrier or scenario added by YAML appears here without code changes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click

from generator.content.interface import load_wizard_strings
from generator.content.loading import ContentBundle, load_content
from generator.models import Text
from generator.models.interface import WizardStrings
from generator.models.text import STAFF_LANGUAGE
from generator.output import write_atomically
from generator.render.pipeline import RenderRequest, render

# HOOK for the personal profile (built in parallel): once RenderRequest has this field, the
# wizard offers to fill the application from a profile file and passes its path through it.
PROFILE_FIELD = "profile"
MIN_PARTIAL_MATCH = 2  # characters typed before a part of a name may pick an option


@dataclass(frozen=True)
class Option:
    """One answer the user may pick: by its number, its id or any of its names."""

    id: str
    label: str
    names: tuple[str, ...]


def _key(text: str) -> str:
    return "".join(text.split()).casefold()


def match_option(options: list[Option], answer: str) -> Option | None:
    """A number, an exact id or name, or else a part of exactly one option's names."""
    typed = _key(answer)
    if not typed:
        return None
    if typed.isdigit() and 1 <= int(typed) <= len(options):
        return options[int(typed) - 1]
    for option in options:
        if typed in {_key(name) for name in (option.id, *option.names)}:
            return option
    if len(typed) >= MIN_PARTIAL_MATCH:
        partial = [option for option in options
                   if any(typed in _key(name) for name in option.names)]
        if len(partial) == 1:
            return partial[0]
    return None


def profile_supported() -> bool:
    return PROFILE_FIELD in {field.name for field in dataclasses.fields(RenderRequest)}


class Wizard:
    def __init__(self, bundle: ContentBundle, strings: WizardStrings,
                 echo: Callable[[str], None] = click.echo) -> None:
        self.bundle = bundle
        self.strings = strings
        self.echo = echo

    def line(self, text: Text, **values: object) -> str:
        """A prompt in each language the wizard speaks, on one line."""
        return " / ".join(self._texts(text, **values))

    def lines(self, text: Text, **values: object) -> None:
        for value in self._texts(text, **values):
            self.echo(value)

    def _texts(self, text: Text, **values: object) -> list[str]:
        return [text[code].format(**values) for code in self.strings.languages
                if code in text.languages]

    def names(self, text: Text, *also: str) -> str:
        """A content name in the wizard's languages (each once), for the numbered lists."""
        codes = [*self.strings.languages, *also]
        shown = [text[code] for code in codes if code in text.languages]
        return " / ".join(dict.fromkeys(shown or [text[text.languages[0]]]))

    def choose(self, heading: Text, options: list[Option], default: str,
               hint: Text | None = None,
               ambiguous: dict[str, list[str]] | None = None) -> Option:
        self.echo("")
        self.echo(self.line(heading))
        for number, option in enumerate(options, start=1):
            self.echo(f"  {number}) {option.label}")
        if hint is not None:
            self.lines(hint)

        def convert(answer: str) -> Option:
            if isinstance(answer, Option):
                return answer
            meant = ambiguous.get(_key(answer)) if ambiguous else None
            if meant:
                choices = ", ".join(f"{number}) {option.id}" for number, option
                                    in enumerate(options, start=1) if option.id in meant)
                raise click.BadParameter(self.line(self.strings.ambiguous, answer=answer,
                                                   choices=choices))
            found = match_option(options, answer)
            if found is None:
                raise click.BadParameter(self.line(self.strings.not_understood, answer=answer))
            return found

        return click.prompt(self.line(self.strings.choice_prompt), default=default,
                            value_proc=convert)

    def ask_scenario(self) -> str:
        options = [
            Option(scenario.id,
                   f"{self.names(scenario.title)}  [{', '.join((scenario.id, *scenario.aliases))}]",
                   (*scenario.aliases, *scenario.title.root.values()))
            for scenario in self.bundle.scenarios.values()
        ]
        default = self.bundle.meta.defaults.scenario
        ambiguous = {_key(word): meant
                     for word, meant in self.bundle.meta.ambiguous_aliases.items()}
        return self.choose(self.strings.situation_heading, options, default,
                           ambiguous=ambiguous).id

    def ask_carrier(self) -> str:
        carriers = sorted(self.bundle.carriers.values(), key=lambda carrier: carrier.generic)
        options = [
            # Also in Russian: the name printed on the SIM card's packaging and the shop sign.
            Option(carrier.id, f"{self.names(carrier.name, STAFF_LANGUAGE)}  [{carrier.id}]",
                   tuple(carrier.name.root.values()))
            for carrier in carriers
        ]
        return self.choose(self.strings.carrier_heading, options,
                           self.bundle.meta.defaults.carrier, hint=self.strings.carrier_hint).id

    def ask_language(self, scenario_id: str, carrier_id: str) -> str:
        names = {language.code: language.name for language in self.bundle.meta.user_languages}
        codes = self.bundle.languages_for(scenario_id, carrier_id)
        if len(codes) == 1:
            self.echo("")
            self.echo(self.line(self.strings.only_language, language=names[codes[0]]))
            return codes[0]
        options = [Option(code, f"{names[code]}  [{code}]", (names[code],)) for code in codes]
        default = self.bundle.meta.defaults.language
        return self.choose(self.strings.language_heading, options,
                           default if default in codes else codes[0]).id

    def ask_profile(self) -> dict[str, Path]:
        """HOOK: asked only when the render request can take a profile (see PROFILE_FIELD)."""
        if not profile_supported():
            return {}
        self.echo("")
        if not click.confirm(self.line(self.strings.profile_question), default=False):
            return {}
        path = click.prompt(self.line(self.strings.profile_path),
                            type=click.Path(exists=True, dir_okay=False, path_type=Path))
        return {PROFILE_FIELD: path}


def run_wizard(content_dir: Path, output: Path | None, default_dir: Path) -> Path:
    """Ask, render, write; return the path written."""
    bundle = load_content(content_dir)
    wizard = Wizard(bundle, load_wizard_strings(content_dir))
    wizard.lines(wizard.strings.welcome)
    scenario_id = wizard.ask_scenario()
    carrier_id = wizard.ask_carrier()
    language = wizard.ask_language(scenario_id, carrier_id)
    extra = wizard.ask_profile()
    wizard.echo("")
    wizard.echo(wizard.line(wizard.strings.rendering))
    request = RenderRequest(scenario_id, carrier_id, language, content_dir=content_dir, **extra)
    result = render(request, bundle)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    target = output or default_dir / result.file_name
    write_atomically(target, result.data)
    wizard.lines(wizard.strings.done)
    wizard.echo(f"  {target}")
    wizard.lines(wizard.strings.next_step)
    return target
