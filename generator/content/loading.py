"""Load and validate the content folder: YAML files → typed models, errors as file:line."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from generator.content.claims import claim_problems, sheet_facts
from generator.content.problems import PATTERN_HINTS, meant_key, misspelt_keys
from generator.content.references import reference_problems
from generator.content.registry import KIND_BY_NAME, ContentKind, bundle_kinds, translated_paths
from generator.content.yaml_source import YamlDocument, load_yaml
from generator.errors import ContentError, UserError
from generator.models import Carrier, Fact, GeneralFacts, Meta, Scenario, UiStrings
from generator.models.application import Applications
from generator.models.base import ContentFile
from generator.models.phrasebook import Phrasebook
from generator.models.text import STAFF_LANGUAGE
from generator.models.text_policy import unsafe_strings
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



def content_file_paths(root: Path) -> list[Path]:
    """Every file of the content folder that holds user-visible text and declares its
    languages (meta.yaml names the languages and holds no text), in reading order."""
    return translated_paths(root)


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

    def _files_of(self, kind: ContentKind) -> dict[str, ContentFile]:
        """This kind's loaded files by id (a single-file kind: one, under its name)."""
        held = getattr(self, kind.bundle_field)
        return held if kind.folder else {kind.name: held}

    def content_files(self) -> dict[Path, ContentFile]:
        """Every loaded file that declares languages, by its path (as content_file_paths)."""
        return {
            kind.path_for(self.root, id_) if kind.folder else kind.paths(self.root)[0]: file
            for kind in bundle_kinds() if kind.translated
            for id_, file in self._files_of(kind).items()
        }

    def files_for(self, scenario_id: str, carrier_id: str) -> dict[str, ContentFile]:
        """The content files one sheet is made of, by the name they are known by."""
        chosen = {"scenario": scenario_id, "carrier": carrier_id}
        files = {}
        for kind in bundle_kinds():
            if not kind.translated:
                continue
            if kind.folder:
                files[f"{kind.name} {chosen[kind.name]}"] = self._files_of(kind)[chosen[kind.name]]
            else:
                files[f"content/{kind.pattern}"] = self._files_of(kind)[kind.name]
        return files

    def languages_for(self, scenario_id: str, carrier_id: str) -> list[str]:
        """The user languages every file of this sheet is translated into, in meta order."""
        files = self.files_for(scenario_id, carrier_id).values()
        return [
            code for code in self.meta.language_codes
            if all(code in file.languages for file in files)
        ]

    def facts_for(self, scenario_id: str, carrier_id: str) -> list[Fact]:
        """General facts, each replaced by the carrier's own fact of the same id, for one sheet."""
        return sheet_facts(self.general.facts, self.carriers[carrier_id], scenario_id)


def _field_name(location: tuple) -> str:
    return ".".join(str(part) for part in location) or "(file)"


def _value_at(data: object, location: tuple) -> object:
    for part in location:
        try:
            data = data[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _as_written(location: tuple, data: object) -> tuple:
    """The location as the file spells it: a sentence written in its bare form (a Text or a
    line, models/sentence.py) has no `text` key, so an error inside it names the bare value."""
    written: list = []
    for part in location:
        if part == "text" and not (isinstance(data, dict) and "text" in data):
            continue
        written.append(part)
        data = _value_at(data, (part,))
    return tuple(written)


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
        location = _as_written(location, document.data)
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
    meta = _load_single(KIND_BY_NAME["meta"].paths(root)[0], Meta, [])
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

    loaded: dict[str, object] = {"meta": meta}
    for kind in bundle_kinds():
        if kind.name == "meta":
            continue
        if kind.folder:
            loaded[kind.bundle_field] = _load_folder(root / kind.folder, kind.model, languages,
                                                     problems)
        else:
            loaded[kind.bundle_field] = attempt(kind.paths(root)[0], kind.model)
    scenarios, carriers = loaded["scenarios"], loaded["carriers"]
    if not problems:
        general = loaded["general"]
        general_facts = general.facts if general is not None else None
        problems.extend(reference_problems(root, meta, general_facts, scenarios, carriers,
                                           line_of=_line_when_needed))
        problems.extend(draft_scenario_problems(root, loaded["applications"], scenarios))
        problems.extend(claim_problems(root, general_facts, scenarios, carriers,
                                       loaded["applications"], loaded["phrasebook"],
                                       line_of=_line_when_needed))
    if problems or any(value is None for value in loaded.values()):
        raise ContentProblems(problems)
    return ContentBundle(root=root, **loaded)


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
                        KIND_BY_NAME["applications"].paths(root)[0],
                        None,
                        f"drafts.{index}.scenarios",
                        f"unknown scenario {name!r}; known: {', '.join(sorted(scenarios))}",
                    )
                )
    return problems
