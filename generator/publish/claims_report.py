"""The claims report (`sim-checklist claims`): what every sheet states, and on which facts.

One Markdown file per scenario (docs/claims/<scenario>.md) for a reviewer to read before a
content release: each sentence that names facts, with how firm it prints on every carrier's
sheet and the facts behind it (confidence, file, source, checked date); the carrier page's own
facts, stated or asked; and, listed apart, the sentences that name no fact. Texts are shown in
Russian and Simplified Chinese.

The headings are plain English in this reviewers' tool, not content: the report is never
printed for a user. The output depends on the content only (its version, no date), so a test
regenerates it and fails when the committed report is stale.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from generator.content.claims import Sentence, sentences, sheet_facts, weakest
from generator.content.loading import ContentBundle
from generator.content.registry import KIND_BY_NAME
from generator.content.yaml_source import YamlDocument, load_yaml
from generator.models import Confidence, Fact

REPORT_LANGUAGES = ("ru", "zh-Hans")
KIND_NAMES = {
    "item": "Checklist item",
    "request": "Staff card request",
    "detail": "Staff card detail",
    "draft line": "Application draft line (Russian only)",
    "phrase": "Phrase",
}
PRINTS = {
    None: "plain (no fact)",
    Confidence.CONFIRMED: "plain",
    Confidence.LIKELY: "with the verify mark",
    Confidence.UNCONFIRMED: "refused: never printed",
}


MARKER = "Written by `sim-checklist claims`"


def report_name(scenario_id: str) -> str:
    return f"{scenario_id}.md"


def _old_reports(folder: Path, expected: dict[str, str]) -> list[Path]:
    """Reports this command wrote for scenarios the content no longer has (other files in the
    folder are left alone)."""
    return [
        path for path in sorted(Path(folder).glob("*.md"))
        if path.name not in expected and MARKER in path.read_text(encoding="utf-8")[:400]
    ]


class _Lines:
    """The line of each sentence and fact, read once per file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.documents: dict[Path, YamlDocument] = {}

    def where(self, path: Path, location: tuple[str | int, ...]) -> str:
        if path not in self.documents:
            self.documents[path] = load_yaml(path)
        line = self.documents[path].line_of(location)
        shown = f"{self.root.name}/{path.relative_to(self.root).as_posix()}"
        return f"{shown}:{line}" if line else shown


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _texts(texts: dict[str, str], indent: str = "   ") -> list[str]:
    return [f"{indent}- {code}: {texts[code]}" for code in REPORT_LANGUAGES if code in texts]


def _fact_owner(bundle: ContentBundle, carrier_id: str, fact: Fact
                ) -> tuple[Path, tuple[str | int, ...]]:
    """The file that holds `fact` on this carrier's sheet (the carrier's or general.yaml) and
    where in it."""
    for path, held in (
        (KIND_BY_NAME["carrier"].path_for(bundle.root, carrier_id),
         bundle.carriers[carrier_id].facts),
        (KIND_BY_NAME["general"].paths(bundle.root)[0], bundle.general.facts),
    ):
        for index, own in enumerate(held):
            if own is fact:
                return path, ("facts", index)
    raise ValueError(f"fact {fact.id!r} is in no file of carrier {carrier_id!r}")


def _sources(fact: Fact) -> str:
    return ", ".join(f"<{url}>" for url in fact.source)


def claims_report(bundle: ContentBundle, scenario_id: str) -> str:
    """The report of one scenario, as Markdown text."""
    root = bundle.root
    lines_of = _Lines(root)
    scenario = bundle.scenarios[scenario_id]
    carriers = list(bundle.carriers)
    facts = {
        carrier_id: sheet_facts(bundle.general.facts, bundle.carriers[carrier_id], scenario_id)
        for carrier_id in carriers
    }
    by_id = {carrier_id: {fact.id: fact for fact in held} for carrier_id, held in facts.items()}
    shown = [
        sentence
        for sentence in sentences(root, bundle.scenarios, bundle.applications, bundle.phrasebook)
        if sentence.on(scenario_id)
    ]
    linked = [sentence for sentence in shown if sentence.facts]
    unlinked = [sentence for sentence in shown if not sentence.facts]

    def owner(carrier_id: str, fact: Fact) -> str:
        return lines_of.where(*_fact_owner(bundle, carrier_id, fact))

    out = [
        f"# Claims: {scenario_id}",
        "",
        f"<!-- {MARKER} from content version "
        f"{bundle.meta.content_version}; do not edit: run it again. -->",
        "",
        f"What the `{scenario_id}` sheets state ({scenario.title['ru']} / "
        f"{scenario.title['zh-Hans'] if 'zh-Hans' in scenario.title.root else scenario_id}), "
        f"on each carrier's sheet ({', '.join(carriers)}), and on which facts it rests.",
        "A sentence is as firm as the weakest of its facts on that carrier's sheet, after the "
        "carrier's own facts replace the general ones of the same id: confirmed prints plain, "
        "likely prints with the verify mark, unconfirmed is refused by `validate`.",
        "",
        f"- sentences that name facts: {len(linked)}",
        f"- sentences that name no fact: {len(unlinked)}",
        "",
        f"## Sentences that name facts ({len(linked)})",
        "",
    ]
    if not linked:
        out += ["None.", ""]
    for number, sentence in enumerate(linked, 1):
        out += _linked(number, sentence, carriers, by_id, lines_of, owner)
    out += [
        "## The carrier page: the facts each sheet states or asks",
        "",
        "Contacts and rules printed from the facts themselves; an unconfirmed one is asked "
        "(the staff card's questions, or the question beside a contact's write-in line).",
        "",
    ]
    for carrier_id in carriers:
        out += _carrier_facts(bundle, carrier_id, facts[carrier_id], owner)
    out += [
        f"## Sentences that name no fact ({len(unlinked)})",
        "",
        "The same on every carrier's sheet. Plain advice needs no fact; a sentence here that "
        "states a rule, a number, a cost, a deadline or a procedure needs its facts.",
        "",
    ]
    if not unlinked:
        out += ["None.", ""]
    for number, sentence in enumerate(unlinked, 1):
        where = lines_of.where(sentence.path, sentence.location)
        out += [f"{number}. {KIND_NAMES[sentence.kind]} `{sentence.field}` ({where})",
                *_texts(sentence.texts), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _linked(number: int, sentence: Sentence, carriers: list[str],
            by_id: dict[str, dict[str, Fact]], lines_of: _Lines, owner) -> list[str]:
    where = lines_of.where(sentence.path, sentence.location)
    out = [f"{number}. {KIND_NAMES[sentence.kind]} `{sentence.field}` ({where})",
           *_texts(sentence.texts), ""]
    out += ["   | carrier | prints | fact | confidence | file | source | checked |",
            "   |---|---|---|---|---|---|---|"]
    for carrier_id in carriers:
        sheet = by_id[carrier_id]
        prints = PRINTS[weakest(sentence.facts, sheet)]
        for fact_id in sentence.facts:
            fact = sheet.get(fact_id)
            if fact is None:
                row = [carrier_id, prints, f"`{fact_id}`", "not on this sheet", "", "", ""]
            else:
                row = [carrier_id, prints, f"`{fact_id}`", fact.confidence.value,
                       owner(carrier_id, fact), _sources(fact), fact.checked.isoformat()]
            out.append("   | " + " | ".join(_cell(cell) for cell in row) + " |")
    return [*out, ""]


def _carrier_facts(bundle: ContentBundle, carrier_id: str, facts: Iterable[Fact],
                   owner) -> list[str]:
    carrier = bundle.carriers[carrier_id]
    out = [f"### {carrier_id} · {carrier.name['ru']}", ""]
    held = list(facts)
    if not held:
        return [*out, "No facts on this sheet.", ""]
    for fact in held:
        prints = "asked as a question" if not fact.is_statement else PRINTS[fact.confidence]
        value = f" `{fact.value}`" if isinstance(fact.value, str) else (
            f" conflicting values {', '.join(f'`{v}`' for v in fact.value)}"
            if isinstance(fact.value, list) else "")
        out.append(f"- `{fact.id}` ({fact.kind}{value}): {fact.confidence.value}, {prints}; "
                   f"{owner(carrier_id, fact)}; checked {fact.checked.isoformat()}; "
                   f"source {_sources(fact)}")
        if fact.text is not None:
            out += _texts(fact.text.root, "  ")
        if not fact.is_statement and fact.question is not None:
            out += [f"  - asked, {code}: {fact.question.root[code]}"
                    for code in REPORT_LANGUAGES if code in fact.question.root]
    return [*out, ""]


def claims_reports(bundle: ContentBundle) -> dict[str, str]:
    """File name → text, for every scenario."""
    return {report_name(scenario_id): claims_report(bundle, scenario_id)
            for scenario_id in bundle.scenarios}


def stale_reports(bundle: ContentBundle, folder: Path) -> list[str]:
    """Report files in `folder` that are missing, differ from the content, or name a scenario
    the content no longer has."""
    expected = claims_reports(bundle)
    stale = [
        name for name, text in expected.items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
    ]
    return [*stale, *(path.name for path in _old_reports(folder, expected))]


def write_reports(bundle: ContentBundle, folder: Path) -> list[Path]:
    """Write every scenario's report; remove the report of a scenario that is gone."""
    from generator.output import write_atomically

    expected = claims_reports(bundle)
    for path in _old_reports(folder, expected):
        path.unlink()
    return [write_atomically(Path(folder) / name, text.encode("utf-8"))
            for name, text in expected.items()]
