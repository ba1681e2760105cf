"""What each sentence states: the facts it names, and how firm it may be on each carrier's sheet.

A checklist item, the staff request and its details, a draft's line and a phrase may name the
facts they state (`facts: [id, …]`, general or carrier fact ids). On one sheet a sentence is as
firm as the weakest of its facts there, after the carrier's overrides (a carrier's fact replaces
the general fact of the same id): confirmed prints plain, likely prints with the verify mark,
and a sentence resting on an unconfirmed fact is refused here and printed nowhere: what no
source confirms is asked as a question (content-rules.md).

Shared by loading (a render refuses such content) and by `validate`, which passes `line_of`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.content.references import LineOf
from generator.content.registry import KIND_BY_NAME
from generator.errors import ContentError
from generator.models import Carrier, Confidence, Fact, Scenario
from generator.models.application import Applications
from generator.models.phrasebook import Phrasebook

# Weakest first: a sentence takes the lowest rank among its facts.
RANK = {Confidence.UNCONFIRMED: 0, Confidence.LIKELY: 1, Confidence.CONFIRMED: 2}


@dataclass(frozen=True)
class Sentence:
    """One sentence a sheet prints that may name facts, with where it is written."""

    kind: str  # item, request, detail, draft line, phrase
    path: Path
    location: tuple[str | int, ...]
    texts: dict[str, str]  # Russian and the user languages; a draft's line: Russian only
    facts: tuple[str, ...]
    scenarios: tuple[str, ...] | None  # the sheets that print it; None: every scenario's

    @property
    def field(self) -> str:
        return ".".join(str(part) for part in self.location)

    def on(self, scenario_id: str) -> bool:
        return self.scenarios is None or scenario_id in self.scenarios


def _no_lines(_path: Path, _location: tuple[str | int, ...]) -> int | None:
    return None


def sheet_facts(general: Iterable[Fact], carrier: Carrier, scenario_id: str) -> list[Fact]:
    """General facts, each replaced by the carrier's own fact of the same id, for one sheet."""
    own = {fact.id: fact for fact in carrier.facts_for(scenario_id)}
    overridden_ids = {fact.id for fact in carrier.facts}
    kept = [
        fact for fact in general if fact.applies_to(scenario_id) and fact.id not in overridden_ids
    ]
    return [*own.values(), *kept]


def weakest(fact_ids: Iterable[str], facts: dict[str, Fact]) -> Confidence | None:
    """How firm a sentence naming `fact_ids` is on a sheet with `facts` (by id): None when it
    names none (plain advice); unconfirmed when one of them is not on the sheet at all."""
    ids = list(fact_ids)
    if not ids:
        return None
    found = [facts[fact_id].confidence if fact_id in facts else Confidence.UNCONFIRMED
             for fact_id in ids]
    return min(found, key=RANK.__getitem__)


def is_printed(confidence: Confidence | None) -> bool:
    return confidence is not Confidence.UNCONFIRMED


def sentences(
    root: Path,
    scenarios: dict[str, Scenario],
    applications: Applications | None,
    phrasebook: Phrasebook | None,
) -> Iterator[Sentence]:
    """Every sentence of the content that may name facts, in file order."""
    for scenario in scenarios.values():
        path = KIND_BY_NAME["scenario"].path_for(root, scenario.id)
        only = (scenario.id,)
        for s_index, section in enumerate(scenario.sections):
            for i_index, item in enumerate(section.items):
                yield Sentence("item", path, ("sections", s_index, "items", i_index),
                               dict(item.text.root), tuple(item.facts), only)
        request = scenario.staff.request
        yield Sentence("request", path, ("staff", "request"), dict(request.text.root),
                       tuple(request.facts), only)
        for index, detail in enumerate(scenario.staff.details):
            yield Sentence("detail", path, ("staff", "details", index), dict(detail.text.root),
                           tuple(detail.facts), only)
    if applications is not None:
        path = KIND_BY_NAME["applications"].paths(root)[0]
        for d_index, draft in enumerate(applications.drafts):
            for part in ("addressee", "body"):
                for l_index, line in enumerate(getattr(draft, part)):
                    yield Sentence("draft line", path, ("drafts", d_index, part, l_index),
                                   {"ru": line.text}, tuple(line.facts), tuple(draft.scenarios))
    if phrasebook is not None:
        path = KIND_BY_NAME["phrasebook"].paths(root)[0]
        for index, phrase in enumerate(phrasebook.phrases):
            yield Sentence("phrase", path, ("phrases", index), dict(phrase.text.root),
                           tuple(phrase.facts), None)


def _names(values: Iterable[str]) -> str:
    return ", ".join(sorted(set(values)))


def claim_problems(
    root: Path,
    general_facts: Iterable[Fact] | None,
    scenarios: dict[str, Scenario],
    carriers: dict[str, Carrier],
    applications: Applications | None,
    phrasebook: Phrasebook | None,
    line_of: LineOf = _no_lines,
) -> list[ContentError]:
    """Every fact link that is broken or firmer than its source, as `file:line: field: message`:
    an unknown fact, a fact not on a sheet that prints the sentence (its `scenarios` leave that
    scenario out, or the carrier has no such fact), and a sentence resting on an unconfirmed
    fact on some carrier's sheet."""
    general = list(general_facts or [])
    known = {fact.id for fact in general} | {f.id for c in carriers.values() for f in c.facts}
    general_by_id = {fact.id: fact for fact in general}
    on_sheet = {
        (scenario_id, carrier_id): {f.id: f for f in sheet_facts(general, carrier, scenario_id)}
        for scenario_id in scenarios
        for carrier_id, carrier in carriers.items()
    }
    problems: list[ContentError] = []

    def problem(sentence: Sentence, location: tuple[str | int, ...], message: str) -> None:
        field = ".".join(str(part) for part in location)
        problems.append(ContentError(sentence.path, line_of(sentence.path, location), field,
                                     message))

    for sentence in sentences(root, scenarios, applications, phrasebook):
        unconfirmed: dict[str, set[str]] = {}  # fact id → carriers where it is unconfirmed
        for position, fact_id in enumerate(sentence.facts):
            at = (*sentence.location, "facts", position)
            if fact_id not in known:
                close = difflib.get_close_matches(fact_id, sorted(known), n=1)
                hint = f"did you mean {close[0]!r}?" if close else (
                    "facts are the ids in general.yaml and carriers/*.yaml")
                problem(sentence, at, f"unknown fact {fact_id!r}; {hint}")
                continue
            excluded: dict[str, list[str] | None] = {}  # scenario → the fact's own scenarios
            missing: set[str] = set()  # carriers with no such fact
            for (scenario_id, carrier_id), facts in on_sheet.items():
                if not sentence.on(scenario_id):
                    continue
                fact = facts.get(fact_id)
                if fact is not None:
                    if fact.confidence is Confidence.UNCONFIRMED:
                        unconfirmed.setdefault(fact_id, set()).add(carrier_id)
                    continue
                own = next((f for f in carriers[carrier_id].facts if f.id == fact_id), None)
                candidate = own or general_by_id.get(fact_id)
                if candidate is None:
                    missing.add(carrier_id)
                else:
                    excluded[scenario_id] = candidate.scenarios
            for scenario_id, listed in sorted(excluded.items()):
                problem(sentence, at, f"fact {fact_id!r} does not apply to scenario "
                        f"{scenario_id!r} (its scenarios: {', '.join(listed or [])}); link a "
                        "fact of this scenario or add the scenario to the fact")
            if missing:
                problem(sentence, at, f"fact {fact_id!r} is not given for carrier "
                        f"{_names(missing)}: add it to general.yaml (as a question if no source "
                        "confirms it) or to that carrier's file")
        for fact_id, carrier_ids in unconfirmed.items():
            where = ("every carrier" if carrier_ids == set(carriers) and len(carriers) > 1
                     else f"carrier {_names(carrier_ids)}")
            problem(sentence, sentence.location,
                    f"rests on unconfirmed fact {fact_id!r} on {where}: ask it as a question")
    return problems
