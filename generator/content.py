"""Load and validate the content folder: YAML files → typed models, errors as file:line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from generator.errors import ContentError, UserError
from generator.models import Carrier, Fact, Meta, Scenario, UiStrings
from generator.models.base import ContentFile
from generator.models.text import STAFF_LANGUAGE
from generator.paths import DEFAULT_CONTENT_DIR, PROJECT_ROOT  # noqa: F401 - re-exported
from generator.yaml_source import YamlDocument, load_yaml

ModelT = TypeVar("ModelT", bound=BaseModel)


class GeneralFacts(ContentFile):
    """content/general.yaml: facts (law, general practice) that hold for every carrier."""

    facts: list[Fact]


class ContentProblems(UserError):
    """One or more content files are broken; each problem is one `file:line: field: message`."""

    def __init__(self, problems: list[ContentError]) -> None:
        self.problems = problems
        super().__init__("\n".join(problem.format() for problem in problems))


@dataclass(frozen=True)
class ContentBundle:
    root: Path
    meta: Meta
    ui: UiStrings
    general: GeneralFacts
    scenarios: dict[str, Scenario]
    carriers: dict[str, Carrier]

    def files_for(self, scenario_id: str, carrier_id: str) -> dict[str, ContentFile]:
        """The content files one sheet is made of, by the name they are known by."""
        return {
            "content/ui.yaml": self.ui,
            "content/general.yaml": self.general,
            f"scenario {scenario_id}": self.scenarios[scenario_id],
            f"carrier {carrier_id}": self.carriers[carrier_id],
        }

    def languages_for(self, scenario_id: str, carrier_id: str) -> list[str]:
        """The user languages every file of this sheet is translated into, in meta order."""
        files = self.files_for(scenario_id, carrier_id).values()
        return [
            code for code in self.meta.language_codes
            if all(code in file.languages for file in files)
        ]

    def facts_for(self, scenario_id: str, carrier_id: str) -> list[Fact]:
        """General facts, each replaced by the carrier's own fact of the same id, for one sheet."""
        carrier = self.carriers[carrier_id]
        own = {fact.id: fact for fact in carrier.facts_for(scenario_id)}
        overridden_ids = {fact.id for fact in carrier.facts}
        general = [
            fact
            for fact in self.general.facts
            if fact.applies_to(scenario_id) and fact.id not in overridden_ids
        ]
        return [*own.values(), *general]


def _problems_from(error: ValidationError, document: YamlDocument) -> list[ContentError]:
    problems = []
    for detail in error.errors(include_url=False):
        location = tuple(part for part in detail["loc"] if part != "root")
        field = ".".join(str(part) for part in location) or "(file)"
        message = detail["msg"].removeprefix("Value error, ")
        if detail["type"] == "extra_forbidden":
            message = "unknown key; check its spelling or remove it"
        problems.append(ContentError(document.path, document.line_of(location), field, message))
    return problems


def parse_model(model: type[ModelT], document: YamlDocument, user_languages: list[str]) -> ModelT:
    """Validate one YAML document against a model; raise every problem with its line."""
    if not isinstance(document.data, dict):
        raise ContentProblems(
            [ContentError(document.path, 1, "(file)", "must be a mapping of keys to values")]
        )
    declared = document.data.get("languages")
    if isinstance(declared, list) and all(isinstance(code, str) for code in declared):
        file_languages = [code for code in declared if code in user_languages]
    else:
        file_languages = []  # the model reports the bad `languages` key itself
    context = {
        "languages": [STAFF_LANGUAGE, *file_languages],
        "user_languages": user_languages,
    }
    try:
        return model.model_validate(document.data, context=context)
    except ValidationError as error:
        raise ContentProblems(_problems_from(error, document)) from None


def _load_folder(
    folder: Path, model: type[ModelT], languages: list[str], problems: list[ContentError]
) -> dict[str, ModelT]:
    loaded: dict[str, ModelT] = {}
    if not folder.is_dir():
        problems.append(ContentError(folder, None, "", "folder not found"))
        return loaded
    for path in sorted(folder.glob("*.yaml")):
        try:
            document = load_yaml(path)
            item = parse_model(model, document, languages)
        except ContentProblems as error:
            problems.extend(error.problems)
            continue
        except ContentError as error:
            problems.append(error)
            continue
        if item.id != path.stem:  # type: ignore[attr-defined]
            line = document.line_of(("id",))
            message = f"must match the file name {path.stem!r}"
            problems.append(ContentError(path, line, "id", message))
            continue
        loaded[item.id] = item  # type: ignore[attr-defined]
    return loaded


def _load_single(path: Path, model: type[ModelT], languages: list[str]) -> ModelT:
    return parse_model(model, load_yaml(path), languages)


def load_content(root: Path = DEFAULT_CONTENT_DIR) -> ContentBundle:
    """Read every content file under `root`; raise ContentProblems listing all that is wrong."""
    root = Path(root)
    if not root.is_dir():
        raise UserError(f"{root}: content folder not found")
    meta = _load_single(root / "meta.yaml", Meta, [])
    languages = meta.language_codes
    problems: list[ContentError] = []

    def attempt(path: Path, model: type[ModelT]) -> ModelT | None:
        try:
            return _load_single(path, model, languages)
        except ContentProblems as error:
            problems.extend(error.problems)
        except ContentError as error:
            problems.append(error)
        return None

    ui = attempt(root / "ui.yaml", UiStrings)
    general = attempt(root / "general.yaml", GeneralFacts)
    scenarios = _load_folder(root / "scenarios", Scenario, languages, problems)
    carriers = _load_folder(root / "carriers", Carrier, languages, problems)
    if not problems:
        problems.extend(_check_references(root, meta, general, scenarios, carriers))
    if problems or ui is None or general is None:
        raise ContentProblems(problems)
    return ContentBundle(
        root=root,
        meta=meta,
        ui=ui,
        general=general,
        scenarios=scenarios,
        carriers=carriers,
    )


def _check_references(
    root: Path,
    meta: Meta,
    general: GeneralFacts | None,
    scenarios: dict[str, Scenario],
    carriers: dict[str, Carrier],
) -> list[ContentError]:
    """Links between files: defaults and each fact's `scenarios` must name what exists."""
    problems = []
    meta_path = root / "meta.yaml"
    if meta.defaults.scenario not in scenarios:
        problems.append(ContentError(meta_path, None, "defaults.scenario", "no such scenario"))
    if meta.defaults.carrier not in carriers:
        problems.append(ContentError(meta_path, None, "defaults.carrier", "no such carrier"))
    fact_owners: list[tuple[Path, list[Fact]]] = [
        (root / "carriers" / f"{carrier.id}.yaml", carrier.facts) for carrier in carriers.values()
    ]
    if general is not None:
        fact_owners.append((root / "general.yaml", general.facts))
    for path, facts in fact_owners:
        for index, fact in enumerate(facts):
            for name in fact.scenarios or []:
                if name not in scenarios:
                    problems.append(
                        ContentError(
                            path,
                            None,
                            f"facts.{index}.scenarios",
                            f"unknown scenario {name!r}; known: {', '.join(sorted(scenarios))}",
                        )
                    )
    return problems
