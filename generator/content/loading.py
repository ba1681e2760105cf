"""Load and validate the content folder: YAML files → typed models, errors as file:line."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from generator.content.problems import PATTERN_HINTS, meant_key, misspelt_keys
from generator.content.references import reference_problems
from generator.content.text_policy import unsafe_strings
from generator.content.yaml_source import YamlDocument, load_yaml
from generator.errors import ContentError, UserError
from generator.models import Carrier, Fact, Meta, Scenario, UiStrings
from generator.models.application import Applications
from generator.models.base import ContentFile
from generator.models.phrasebook import Phrasebook
from generator.models.text import STAFF_LANGUAGE
from generator.paths import DEFAULT_CONTENT_DIR, PROJECT_ROOT  # noqa: F401 - re-exported

ModelT = TypeVar("ModelT", bound=BaseModel)
MAX_PROBLEMS_SHOWN = 20
PLAIN_MESSAGES = {
    "missing": "this key is missing; add it",
    "model_type": "must be a mapping of keys to values (key: value lines)",
    "dict_type": "must be a mapping of keys to values (key: value lines)",
    "string_type": "must be text, not a list, a mapping or a number; put it in quotes",
    "list_type": "must be a list: [a, b] or one '- item' line each",
}



class GeneralFacts(ContentFile):
    """content/general.yaml: facts (law, general practice) that hold for every carrier."""

    facts: list[Fact]


def content_file_paths(root: Path) -> list[Path]:
    """Every file of the content folder that holds user-visible text and declares its
    languages (meta.yaml names the languages and holds no text), in reading order."""
    return [
        root / "ui.yaml",
        root / "general.yaml",
        *sorted((root / "scenarios").glob("*.yaml")),
        *sorted((root / "carriers").glob("*.yaml")),
        root / "applications.yaml",
        root / "phrasebook.yaml",
    ]


class ContentProblems(UserError):
    """One or more content files are broken; each problem is one `file:line: field: message`."""

    def __init__(self, problems: list[ContentError]) -> None:
        self.problems = problems
        shown = [problem.format() for problem in problems[:MAX_PROBLEMS_SHOWN]]
        if len(problems) > MAX_PROBLEMS_SHOWN:  # a file of junk must not flood the terminal
            shown.append(f"… and {len(problems) - MAX_PROBLEMS_SHOWN} more problems")
        super().__init__("\n".join(shown))


@dataclass(frozen=True)
class ContentBundle:
    root: Path
    meta: Meta
    ui: UiStrings
    general: GeneralFacts
    scenarios: dict[str, Scenario]
    carriers: dict[str, Carrier]
    applications: Applications
    phrasebook: Phrasebook

    def content_files(self) -> dict[Path, ContentFile]:
        """Every loaded file that declares languages, by its path (as content_file_paths)."""
        return {
            self.root / "ui.yaml": self.ui,
            self.root / "general.yaml": self.general,
            **{self.root / "scenarios" / f"{id_}.yaml": s for id_, s in self.scenarios.items()},
            **{self.root / "carriers" / f"{id_}.yaml": c for id_, c in self.carriers.items()},
            self.root / "applications.yaml": self.applications,
            self.root / "phrasebook.yaml": self.phrasebook,
        }

    def files_for(self, scenario_id: str, carrier_id: str) -> dict[str, ContentFile]:
        """The content files one sheet is made of, by the name they are known by."""
        return {
            "content/ui.yaml": self.ui,
            "content/general.yaml": self.general,
            f"scenario {scenario_id}": self.scenarios[scenario_id],
            f"carrier {carrier_id}": self.carriers[carrier_id],
            "content/applications.yaml": self.applications,
            "content/phrasebook.yaml": self.phrasebook,
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


def _field_name(location: tuple) -> str:
    return ".".join(str(part) for part in location) or "(file)"


def _value_at(data: object, location: tuple) -> object:
    for part in location:
        try:
            data = data[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _problems_from(
    error: ValidationError, document: YamlDocument, model: type[BaseModel] | None = None
) -> list[ContentError]:
    details = [
        (tuple(part for part in detail["loc"] if part != "root"), detail)
        for detail in error.errors(include_url=False)
    ]
    renamed = misspelt_keys(details)
    problems = []
    for location, detail in details:
        if detail["type"] == "missing" and location in renamed.values():
            continue  # reported once, as the misspelling of it
        message = detail["msg"].removeprefix("Value error, ")
        if detail["type"] in PLAIN_MESSAGES:  # pydantic's words for a programmer
            message = PLAIN_MESSAGES[detail["type"]]
        if detail["type"] == "string_pattern_mismatch":
            message = PATTERN_HINTS.get(detail["ctx"]["pattern"], message)
        if detail["type"] == "extra_forbidden":
            meant = renamed.get(location)
            name = meant[-1] if meant else None
            if name is None and model is not None:
                name = meant_key(model, location, _value_at(document.data, location[:-1]))
            hint = f"did you mean {name!r}?" if name else "check its spelling or remove it"
            message = f"unknown key; {hint}"
        line = document.line_of(location)
        problems.append(ContentError(document.path, line, _field_name(location), message))
    return problems


def parse_model(model: type[ModelT], document: YamlDocument, user_languages: list[str]) -> ModelT:
    """Validate one YAML document against a model; raise every problem with its line."""
    if document.data is None:
        raise ContentProblems([ContentError(document.path, None, "", "the file is empty")])
    # Control characters and the like are refused wherever they are, keys included.
    unsafe = [
        ContentError(document.path, document.line_of(location), _field_name(location), problem)
        for location, problem in unsafe_strings(document.data)
    ]
    if unsafe:
        raise ContentProblems(unsafe)
    if not isinstance(document.data, dict):
        raise ContentProblems(
            [ContentError(document.path, 1, "(file)", "must be a mapping of keys to values")]
        )
    declared = document.data.get("languages")
    usable = isinstance(declared, list) and all(code in user_languages for code in declared)
    context = {
        # A missing or bad `languages` key is reported once, by the model; the texts are then
        # not judged against it, or every text in the file would repeat the same problem.
        "languages": [STAFF_LANGUAGE, *declared] if usable else None,
        "user_languages": user_languages,
    }
    try:
        return model.model_validate(document.data, context=context)
    except ValidationError as error:
        raise ContentProblems(_problems_from(error, document, model)) from None


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


def _line_when_needed(path: Path, location: tuple[str | int, ...]) -> int | None:
    """The line of a broken link; the file is read again only when there is one to report."""
    return load_yaml(path).line_of(location)


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
    applications = attempt(root / "applications.yaml", Applications)
    phrasebook = attempt(root / "phrasebook.yaml", Phrasebook)
    if not problems:
        general_facts = general.facts if general is not None else None
        problems.extend(reference_problems(root, meta, general_facts, scenarios, carriers,
                                           line_of=_line_when_needed))
        problems.extend(draft_scenario_problems(root, applications, scenarios))
        problems.extend(phrase_scenario_problems(root, phrasebook, scenarios))
    if problems or ui is None or general is None or applications is None or phrasebook is None:
        raise ContentProblems(problems)
    return ContentBundle(
        root=root,
        meta=meta,
        ui=ui,
        general=general,
        scenarios=scenarios,
        carriers=carriers,
        applications=applications,
        phrasebook=phrasebook,
    )


def draft_scenario_problems(
    root: Path, applications: Applications | None, scenarios: Collection[str]
) -> list[ContentError]:
    """Each application draft's `scenarios` must name scenarios that exist (`scenarios`: their
    ids, or the loaded scenarios by id)."""
    problems = []
    for index, draft in enumerate(applications.drafts if applications else []):
        for name in draft.scenarios:
            if name not in scenarios:
                problems.append(
                    ContentError(
                        root / "applications.yaml",
                        None,
                        f"drafts.{index}.scenarios",
                        f"unknown scenario {name!r}; known: {', '.join(sorted(scenarios))}",
                    )
                )
    return problems


def phrase_scenario_problems(
    root: Path, phrasebook: Phrasebook | None, scenarios: Collection[str]
) -> list[ContentError]:
    """Each phrase's `scenarios` must name scenarios that exist."""
    return [
        ContentError(
            root / "phrasebook.yaml",
            None,
            f"phrases.{index}.scenarios",
            f"unknown scenario {name!r}; known: {', '.join(sorted(scenarios))}",
        )
        for index, phrase in enumerate(phrasebook.phrases if phrasebook else [])
        for name in phrase.scenarios or []
        if name not in scenarios
    ]
