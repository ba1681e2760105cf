"""`sim-checklist validate`: every content file against its schema, the links between files,
the languages of every string and the age of every fact, each problem at its `file:line`.

Unlike loading for a render, which stops at the first broken file set, this reads every file
it can and reports everything at once. No WeasyPrint here: it must run on any machine.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from generator.content.claims import claim_problems
from generator.content.interface import load_interface
from generator.content.loading import (
    ContentProblems,
    draft_scenario_problems,
    parse_model,
)
from generator.content.references import reference_problems
from generator.content.registry import KIND_BY_NAME, VALIDATE, kinds_read_by
from generator.content.yaml_source import Location, YamlDocument, load_yaml
from generator.errors import ContentError, UserError
from generator.models import Fact, Meta
from generator.models.text import STAFF_LANGUAGE

ModelT = TypeVar("ModelT", bound=BaseModel)

# content-rules.md: a fact checked more than 12 months ago must be checked again.
STALE_AFTER_MONTHS = 12
# Han ideographs (CJK Unified Ideographs and extension A): never part of the Russian text.
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@dataclass
class ValidationReport:
    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)
    files: int = 0
    facts: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Parsed:
    documents: dict[Path, YamlDocument] = field(default_factory=dict)

    def line_of(self, path: Path, location: Location) -> int | None:
        document = self.documents.get(path)
        return document.line_of(location) if document else None


def validate_content(root: Path, today: dt.date | None = None) -> ValidationReport:
    """Check every file under `root`; `today` decides which facts are stale (tests pass it)."""
    root = Path(root)
    if not root.is_dir():
        raise UserError(f"{root}: content folder not found")
    today = today or dt.date.today()
    report = ValidationReport()
    parsed = _Parsed()

    def parse(path: Path, model: type[ModelT], languages: list[str]) -> ModelT | None:
        report.files += 1
        try:
            document = load_yaml(path)
        except ContentError as error:
            report.errors.append(error)
            return None
        parsed.documents[path] = document
        report.errors.extend(_russian_without_chinese(document))
        try:
            return parse_model(model, document, languages)
        except ContentProblems as error:
            report.errors.extend(error.problems)
            return None

    meta_path = KIND_BY_NAME["meta"].paths(root)[0]
    meta = parse(meta_path, Meta, [])
    languages = meta.language_codes if meta else _declared_languages(parsed, meta_path)
    loaded: dict[str, Any] = {}
    for kind in kinds_read_by(VALIDATE):
        if kind.name == "meta":
            continue
        if kind.folder:
            loaded[kind.name] = _parse_folder(root / kind.folder, kind.model, languages, parse,
                                              parsed, report)
        elif kind.bundle_field is None:  # the catalog's and wizard's words, in their own languages
            report.files += 1
            try:
                load_interface(kind.paths(root)[0], kind.model)
            except ContentProblems as error:
                report.errors.extend(error.problems)
            except ContentError as error:
                report.errors.append(error)
        else:
            loaded[kind.name] = parse(kind.paths(root)[0], kind.model, languages)
    general, scenarios, carriers = loaded["general"], loaded["scenario"], loaded["carrier"]
    applications = loaded["applications"]
    if applications is not None:  # a scenario file that did not load has its own error
        known = set(scenarios) | {path.stem for path in KIND_BY_NAME["scenario"].paths(root)}
        report.errors.extend(draft_scenario_problems(root, applications, known))

    if meta is not None:
        general_facts = general.facts if general is not None else None
        report.errors.extend(
            reference_problems(root, meta, general_facts, scenarios, carriers, parsed.line_of,
                               unreadable=_unreadable(root, scenarios, carriers))
        )
        report.errors.extend(
            claim_problems(root, general_facts, scenarios, carriers, applications,
                           loaded["phrasebook"], parsed.line_of)
        )

    fact_owners = [(KIND_BY_NAME["general"].paths(root)[0], general.facts if general else [])]
    fact_owners += [(KIND_BY_NAME["carrier"].path_for(root, c.id), c.facts)
                    for c in carriers.values()]
    for path, facts in fact_owners:
        report.facts += len(facts)
        report.warnings.extend(_stale(path, facts, today, parsed))
    return report


def _parse_folder(
    folder: Path,
    model: type[ModelT],
    languages: list[str],
    parse: Callable[[Path, type[ModelT], list[str]], ModelT | None],
    parsed: _Parsed,
    report: ValidationReport,
) -> dict[str, ModelT]:
    loaded: dict[str, ModelT] = {}
    if not folder.is_dir():
        report.errors.append(ContentError(folder, None, "", "folder not found"))
        return loaded
    for path in sorted(folder.iterdir()):
        if path.suffix == ".yml":
            report.errors.append(ContentError(path, None, "", "is not read: rename it to .yaml"))
        if path.suffix != ".yaml":
            continue
        item = parse(path, model, languages)
        if item is None:
            continue
        if item.id != path.stem:  # type: ignore[attr-defined]
            line = parsed.line_of(path, ("id",))
            report.errors.append(
                ContentError(path, line, "id", f"must match the file name {path.stem!r}")
            )
            continue
        loaded[item.id] = item  # type: ignore[attr-defined]
    return loaded


def _unreadable(root: Path, scenarios: dict, carriers: dict) -> set[str]:
    """Ids whose file exists but did not load: already reported, so not reported as missing."""
    scenario_files = {path.stem for path in KIND_BY_NAME["scenario"].paths(root)}
    carrier_files = {path.stem for path in KIND_BY_NAME["carrier"].paths(root)}
    return (scenario_files - set(scenarios)) | (carrier_files - set(carriers))


def _declared_languages(parsed: _Parsed, meta_path: Path) -> list[str]:
    """When meta.yaml is broken, still check the other files with the languages it names."""
    document = parsed.documents.get(meta_path)
    data = document.data if document else None
    entries = data.get("user_languages") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return []
    return [e["code"] for e in entries if isinstance(e, dict) and isinstance(e.get("code"), str)]


def _texts(data: Any, location: Location = ()) -> Iterator[tuple[Location, dict]]:
    """Every `{ru: …, zh-Hans: …}` mapping in a parsed file, with its location."""
    if isinstance(data, dict):
        if STAFF_LANGUAGE in data and all(isinstance(v, str) for v in data.values()):
            yield location, data
            return
        for key, value in data.items():
            yield from _texts(value, (*location, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _texts(value, (*location, index))


def _russian_without_chinese(document: YamlDocument) -> list[ContentError]:
    """A Chinese string in the `ru` slot would be shown to the shop assistant as Russian."""
    problems = []
    for location, text in _texts(document.data):
        if HAN.search(text[STAFF_LANGUAGE]):
            field = ".".join(str(part) for part in (*location, STAFF_LANGUAGE))
            line = document.line_of((*location, STAFF_LANGUAGE))
            message = "Russian text holds Chinese characters; are the languages swapped?"
            problems.append(ContentError(document.path, line, field, message))
    return problems


def _months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    while True:
        try:
            return day.replace(year=year, month=month)
        except ValueError:  # 29–31 in a shorter month: take its last day
            day = day - dt.timedelta(days=1)


def _stale(path: Path, facts: list[Fact], today: dt.date, parsed: _Parsed) -> list[ContentError]:
    limit = _months_before(today, STALE_AFTER_MONTHS)
    return [
        ContentError(
            path,
            parsed.line_of(path, ("facts", index, "checked")),
            f"facts.{index}.checked",
            f"fact {fact.id!r} was checked on {fact.checked.isoformat()}, more than "
            f"{STALE_AFTER_MONTHS} months ago; check its source again and update the date",
        )
        for index, fact in enumerate(facts)
        if fact.checked < limit
    ]
