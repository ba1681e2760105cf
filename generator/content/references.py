"""Links between content files: what one file names must exist in another, and be unambiguous.

Shared by loading (generator/content.py, no line numbers needed to refuse a render) and by
`sim-checklist validate` (generator/validate.py, which passes `line_of` to point at the line).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from pathlib import Path

from generator.content.registry import KIND_BY_NAME
from generator.errors import ContentError
from generator.models import Carrier, Fact, Meta, Scenario

# (file, location inside it) → the 1-based line, when the caller kept the parsed documents.
LineOf = Callable[[Path, tuple[str | int, ...]], int | None]


def _no_lines(_path: Path, _location: tuple[str | int, ...]) -> int | None:
    return None


def reference_problems(
    root: Path,
    meta: Meta,
    general_facts: Iterable[Fact] | None,
    scenarios: dict[str, Scenario],
    carriers: dict[str, Carrier],
    line_of: LineOf = _no_lines,
    unreadable: Collection[str] = (),
) -> list[ContentError]:
    """Every broken link between the files under `root`, as `file:line: field: message`.

    `unreadable`: scenario and carrier ids whose file exists but is broken; that file's own
    error is enough, so links to it are not reported again.
    """
    problems: list[ContentError] = []

    def problem(path: Path, location: tuple[str | int, ...], message: str) -> None:
        field = ".".join(str(part) for part in location)
        problems.append(ContentError(path, line_of(path, location), field, message))

    meta_path = KIND_BY_NAME["meta"].paths(root)[0]
    if meta.defaults.scenario not in scenarios and meta.defaults.scenario not in unreadable:
        problem(meta_path, ("defaults", "scenario"), _unknown("scenario", meta.defaults.scenario,
                                                              scenarios))
    if meta.defaults.carrier not in carriers and meta.defaults.carrier not in unreadable:
        problem(meta_path, ("defaults", "carrier"), _unknown("carrier", meta.defaults.carrier,
                                                             carriers))

    general = list(general_facts or [])
    fact_owners: list[tuple[Path, list[Fact]]] = [(KIND_BY_NAME["general"].paths(root)[0], general)]
    fact_owners += [
        (KIND_BY_NAME["carrier"].path_for(root, carrier.id), carrier.facts)
        for carrier in carriers.values()
    ]
    for path, facts in fact_owners:
        for index, fact in enumerate(facts):
            for position, name in enumerate(fact.scenarios or []):
                if name not in scenarios and name not in unreadable:
                    problem(path, ("facts", index, "scenarios", position),
                            _unknown("scenario", name, scenarios))

    # A carrier fact replaces the general fact of the same id on that carrier's sheet; a
    # replacement of another kind would silently move a rule into the contact box or back.
    general_kinds = {fact.id: fact.kind for fact in general}
    for carrier in carriers.values():
        path = KIND_BY_NAME["carrier"].path_for(root, carrier.id)
        for index, fact in enumerate(carrier.facts):
            kind = general_kinds.get(fact.id)
            if kind is not None and kind != fact.kind:
                problem(path, ("facts", index, "kind"),
                        f"replaces the general fact {fact.id!r} of kind {kind!r}; use the same "
                        "kind or another id")

    # `--scenario` accepts an id or an alias: each must lead to exactly one scenario.
    owner_of: dict[str, str] = {scenario_id: scenario_id for scenario_id in scenarios}
    for scenario in scenarios.values():
        path = KIND_BY_NAME["scenario"].path_for(root, scenario.id)
        for position, alias in enumerate(scenario.aliases):
            owner = owner_of.get(alias)
            if owner is None:
                owner_of[alias] = scenario.id
            elif owner == scenario.id:
                problem(path, ("aliases", position), f"alias {alias!r} is listed twice")
            else:
                problem(path, ("aliases", position),
                        f"alias {alias!r} already names scenario {owner!r}; each alias must "
                        "lead to one scenario")
    return problems


def _unknown(kind: str, name: str, known: dict) -> str:
    return f"unknown {kind} {name!r}; known: {', '.join(sorted(known)) or 'none'}"
