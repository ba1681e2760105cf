"""Every kind of bad input we try, what the user sees, and docs/bad-input.md built from it.

`python tests/bad_inputs.py` rewrites docs/bad-input.md from real runs of the CLI;
tests/cli/test_bad_input.py runs the same cases and fails when the table is stale.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from click.testing import CliRunner

TESTS = Path(__file__).resolve().parent
PROJECT = TESTS.parent
sys.path.insert(0, str(PROJECT))

from generator.cli.main import cli  # noqa: E402
from generator.content.loading import DEFAULT_CONTENT_DIR  # noqa: E402
from generator.content.yaml_source import MAX_FILE_BYTES, MAX_NESTING  # noqa: E402
from generator.models.base import Slug  # noqa: E402
from generator.models.carrier import FactValue, HttpUrl  # noqa: E402
from generator.models.scenario import Alias  # noqa: E402
from generator.models.text import MAX_TEXT_LENGTH  # noqa: E402

DOC = PROJECT / "docs" / "bad-input.md"
DEFAULT_OUTPUT = Path("output/cancel-generic-zh-Hans.pdf")
KEEP = b"an earlier sheet that must stay untouched"

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)


def replace_in(relative: str, old: str, new: str) -> Callable[[], None]:
    def prepare() -> None:
        path = Path(relative)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return prepare


def replace_line(relative: str, pattern: str, new: str) -> Callable[[], None]:
    """Replace the one line matching `pattern` (a content value that changes, e.g. the
    content version, is not written out here)."""
    def prepare() -> None:
        path = Path(relative)
        text = path.read_text(encoding="utf-8")
        changed, count = re.subn(rf"(?m)^{pattern}$", new, text)
        assert count == 1, f"{pattern!r} matches {count} lines of {relative}"
        path.write_text(changed, encoding="utf-8")

    return prepare


# The scenario ids the content has (one file each), as the CLI lists them.
SCENARIO_IDS = ", ".join(sorted(path.stem for path in (DEFAULT_CONTENT_DIR / "scenarios").glob(
    "*.yaml")))


def write(relative: str, data: str | bytes) -> Callable[[], None]:
    def prepare() -> None:
        path = Path(relative)
        if path.is_dir():
            shutil.rmtree(path)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)

    return prepare


def run_in_order(*steps: Callable[[], None]) -> Callable[[], None]:
    def prepare() -> None:
        for step in steps:
            step()

    return prepare


def remove(relative: str) -> Callable[[], None]:
    return lambda: Path(relative).unlink()


def make_folder(relative: str) -> Callable[[], None]:
    def prepare() -> None:
        Path(relative).unlink(missing_ok=True)
        Path(relative).mkdir()

    return prepare


def make_fifo(relative: str) -> Callable[[], None]:
    return lambda: os.mkfifo(relative)


@dataclass(frozen=True)
class Case:
    tried: str  # what the table says was fed to the tool
    args: tuple[str, ...]
    expected: str  # a part of the message that must be there
    prepare: Callable[[], None] | None = None
    exit_code: int = 2
    lines: int = 1  # one line per problem; every case but one has a single problem
    never_shown: str = ""  # personal data the message must not echo whole


C = ("--content-dir", "content")
PROFILE_RENDER = ("render", "--profile", "me.yaml")
REFUND = 'refund:\n  bik: "{bik}"\n  account: "{account}"\n'
ACCOUNT = "40817810438000000001"


def profile(lines: str) -> Callable[[], None]:
    """me.yaml: a profile whose name is right and whose `lines` are what is tried."""
    return write("me.yaml", "name_latin: QIAN DUOYU\nname_native: 钱多余\n" + lines)



def _first_item_ru(scenario: str) -> str:
    """The Russian line of a scenario's first checklist item, as it stands in the file."""
    lines = (PROJECT / "content" / "scenarios" / f"{scenario}.yaml").read_text(
        encoding="utf-8").splitlines()
    start = next(number for number, line in enumerate(lines) if line.strip() == "items:")
    return next(line.strip() for line in lines[start:] if line.strip().startswith("ru: "))


ITEM_RU = _first_item_ru("cancel")


def _line_of_first_item_ru(scenario: str) -> int:
    lines = (PROJECT / "content" / "scenarios" / f"{scenario}.yaml").read_text(
        encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.strip() == ITEM_RU)


def _cancel_only_fact() -> str:
    """`file:line: field` of the first general fact whose scenarios are [cancel] alone."""
    lines = (PROJECT / "content" / "general.yaml").read_text(encoding="utf-8").splitlines()
    index = -1
    for number, line in enumerate(lines, 1):
        if line.startswith("  - id: "):
            index += 1
        if line.strip() == "scenarios: [cancel]":
            return f"content/general.yaml:{number}: facts.{index}.scenarios.0"
    raise LookupError("no general fact is on cancel alone")
CASES = [
    Case("unknown scenario id", ("render", "-s", "explode"),
         f"unknown scenario 'explode'; choose one of: {SCENARIO_IDS}"),
    Case("unknown carrier id", ("render", "-c", "vodafone"), "unknown carrier 'vodafone'"),
    Case("unknown language", ("render", "-l", "fr"), "unknown language 'fr'"),
    Case("unknown option", ("render", "--colour", "red"), "No such option '--colour'"),
    Case("bad option value", ("render", "--format", "docx"), "Invalid value for '--format'"),
    Case("malformed YAML (unclosed bracket)", (*C, "render"),
         "content/carriers/mts.yaml:4: invalid YAML, column 5: expected ',' or ']'",
         replace_in("content/carriers/mts.yaml", "id: mts\n", "id: [mts\n")),
    Case("YAML indented with a tab", (*C, "render"), "content/meta.yaml:4: invalid YAML, column 1",
         replace_in("content/meta.yaml", "staff_language: ru", "\tstaff_language: ru")),
    Case("duplicate key", (*C, "render"), "duplicate key 'id'",
         replace_in("content/carriers/mts.yaml", "id: mts\n", "id: mts\nid: mts\n")),
    Case("wrong type (a list where text is expected)", (*C, "render"),
         "content/meta.yaml:3: content_version: must be text, not a list, a mapping or a number",
         replace_line("content/meta.yaml", "content_version: .*", "content_version: [1]")),
    Case("wrong type (text where a list is expected)", (*C, "render"),
         "content/scenarios/cancel.yaml:11: aliases: must be a list: [a, b]",
         replace_line("content/scenarios/cancel.yaml", r"aliases: \[.*\]", "aliases: 注销")),
    Case("unknown key (misspelt)", (*C, "render"), "titel: unknown key; did you mean 'title'?",
         replace_in("content/scenarios/cancel.yaml", "title:", "titel:")),
    Case("a file without its `languages` key (reported once, not for every text)",
         (*C, "render"), "content/ui.yaml:3: languages: this key is missing; add it",
         replace_in("content/ui.yaml", "languages: [zh-Hans, zh-Hant, en]\n", "")),
    Case("a language meta.yaml does not list", (*C, "render"),
         "content/carriers/mts.yaml:2: languages: fr not in meta.yaml user_languages "
         "(zh-Hans, zh-Hant, en)",
         replace_in("content/carriers/mts.yaml", "languages: [zh-Hans, zh-Hant, en]",
                    "languages: [fr]")),
    Case(f"text over the {MAX_TEXT_LENGTH}-character limit", (*C, "render"),
         f"ru text is longer than {MAX_TEXT_LENGTH} characters",
         replace_in("content/scenarios/cancel.yaml", ITEM_RU, "ru: " + "Очень " * 110)),
    Case("an id over its 40-character limit", (*C, "render"),
         "String should have at most 40 characters",
         replace_in("content/carriers/mts.yaml", "  - id: website", "  - id: " + "w" * 41)),
    Case("control character (written as \\a)", (*C, "render"),
         "holds the control character U+0007",
         replace_in("content/scenarios/cancel.yaml", ITEM_RU, 'ru: "Сохраните\\a контакты"')),
    Case("invisible direction control (U+202E)", (*C, "render"),
         "holds the invisible direction control U+202E",
         replace_in("content/scenarios/cancel.yaml", ITEM_RU, "ru: Сохраните \u202eконтакты")),
    Case("escape sequence in a key (terminal injection)", (*C, "render"),
         "\\x1b[2J: the key holds the control character U+001B",
         replace_in("content/meta.yaml", "staff_language: ru", '"\\e[2J": x\nstaff_language: ru')),
    Case("NUL byte in a file", (*C, "render"), "character U+0000 is not allowed",
         write("content/meta.yaml", "content_version: x\x00\n")),
    Case("file not UTF-8 (Russian saved as Windows-1251)", (*C, "render"),
         "content/ui.yaml:1: is not UTF-8 text; save it as UTF-8",
         write("content/ui.yaml", "ru: Мой список\n".encode("cp1251"))),
    Case("empty file", (*C, "render"), "content/meta.yaml: the file is empty",
         write("content/meta.yaml", "")),
    Case("a list where the file should hold keys", (*C, "render"),
         "content/meta.yaml:1: (file): must be a mapping of keys to values",
         write("content/meta.yaml", "- a\n- b\n")),
    Case("missing file", (*C, "render"), "content/ui.yaml: file not found",
         remove("content/ui.yaml")),
    Case("missing content folder", ("--content-dir", "nowhere", "render"),
         "nowhere: content folder not found"),
    Case("content folder is a file", ("--content-dir", "keep.pdf", "render"),
         "Directory 'keep.pdf' is a file"),
    Case("folder where a file is expected", (*C, "render"),
         "content/ui.yaml: is a folder, expected a YAML file", make_folder("content/ui.yaml")),
    Case("a named pipe where a file is expected (would hang)", (*C, "render"),
         "content/carriers/pipe.yaml: is not a regular file",
         make_fifo("content/carriers/pipe.yaml")),
    Case(f"file over {MAX_FILE_BYTES // 1024} KB", (*C, "render"),
         f"is larger than {MAX_FILE_BYTES // 1024} KB",
         write("content/general.yaml", "# padding\n" * (MAX_FILE_BYTES // 10 + 1))),
    Case("YAML bomb (billion laughs: nested aliases)", (*C, "render"),
         "content/general.yaml:2: invalid YAML, column 8: aliases (*name) are not allowed",
         write("content/general.yaml", BILLION_LAUGHS)),
    Case(f"nesting deeper than {MAX_NESTING} levels", (*C, "render"),
         f"nested deeper than {MAX_NESTING} levels",
         write("content/general.yaml", "facts: " + "[" * 5000 + "]" * 5000 + "\n")),
    Case("number with 5000 digits", (*C, "render"),
         "this value cannot be read; put it in quotes if it is text",
         write("content/meta.yaml", "content_version: " + "9" * 5000 + "\n")),
    Case("Python object tag", (*C, "render"),
         "the tag tag:yaml.org,2002:python/object/apply:os.system is not allowed",
         write("content/meta.yaml", "content_version: !!python/object/apply:os.system [id]\n")),
    Case("!!binary value", (*C, "render"), "binary values are not allowed",
         write("content/meta.yaml", "content_version: !!binary aGVsbG8=\n")),
    Case("a file of 20,000 broken entries (shows 20, counts the rest)", (*C, "render"),
         "… and 19980 more problems",
         write("content/general.yaml", "languages: [zh-Hans]\nfacts:\n" + "- 1\n" * 20000),
         lines=21),
    Case("id that does not match its file name", (*C, "render"),
         "content/carriers/mts.yaml:3: id: must match the file name 'mts'",
         replace_in("content/carriers/mts.yaml", "id: mts\n", "id: mts2\n")),
    Case("a fact for a scenario that does not exist", (*C, "render"),
         _cancel_only_fact() + ": unknown scenario 'cancle'; known: cancel",
         replace_in("content/general.yaml", "scenarios: [cancel]", "scenarios: [cancle]")),
    Case("javascript: link as a fact's url", (*C, "render"),
         "facts.0.url: must be a web address starting with https:// or http://",
         replace_in("content/carriers/mts.yaml", "url: https://mts.ru/", "url: javascript:x()")),
    Case("a character no installed font has (U+10FFFD)", (*C, "render"),
         "no installed font has these characters: \U0010fffd (U+10FFFD) in "
         f"content/scenarios/cancel.yaml:{_line_of_first_item_ru('cancel')}; install "
         "fonts-noto-cjk (see README) or remove them",
         replace_in("content/scenarios/cancel.yaml", ITEM_RU, "ru: Сохраните \U0010fffd")),
    Case("profile: a BIK that is not 9 digits", PROFILE_RENDER, "me.yaml:4: refund.bik: a BIK "
         "has 9 digits, this one has 5", profile(REFUND.format(bik="04452", account=ACCOUNT))),
    Case("profile: an account number whose control digit does not match the BIK",
         PROFILE_RENDER, "me.yaml:5: refund.account: its control digit (the 9th) does not match "
         "the BIK", profile(REFUND.format(bik="044525225", account="40817810000000000001"))),
    Case("profile: a phone number that is not one", PROFILE_RENDER,
         "me.yaml:3: phone: is not a phone number; write a Russian mobile number such as",
         profile('phone: "12-ab"\n')),
    Case("profile: an unknown key (misspelt)", PROFILE_RENDER,
         "me.yaml:3: pasport_number: unknown key; did you mean 'passport_number'?",
         profile("pasport_number: EK9081726\n")),
    Case("profile: a passport number with characters it cannot have (never echoed whole)",
         PROFILE_RENDER, "me.yaml:3: passport_number: (", profile("passport_number: EK90817/26\n"),
         never_shown="EK90817/26"),
    Case("output path is a folder", ("render", "-o", "output"), "output: is a folder"),
    Case("output path under a regular file", ("render", "-o", "keep.pdf/sheet.pdf"),
         "keep.pdf/sheet.pdf: cannot write there: keep.pdf is a file, not a folder"),
    Case("output path is a named pipe (or a device such as /dev/null)",
         ("render", "-o", "pipe.pdf"), "pipe.pdf: is not a regular file", make_fifo("pipe.pdf")),
]


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    stdout: str
    stderr: str
    changed: list[str]  # files created, removed or modified by the run


def _snapshot(root: Path) -> dict[str, bytes]:
    files = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                files[str(path.relative_to(root))] = path.read_bytes()
    return files


@contextlib.contextmanager
def workspace() -> Iterator[Path]:
    """A temporary working folder with a content copy and two earlier outputs to keep."""
    previous = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="bad-input-") as name:
        root = Path(name)
        shutil.copytree(DEFAULT_CONTENT_DIR, root / "content")
        (root / DEFAULT_OUTPUT).parent.mkdir()
        (root / DEFAULT_OUTPUT).write_bytes(KEEP)
        (root / "keep.pdf").write_bytes(KEEP)
        os.chdir(root)
        try:
            yield root
        finally:
            os.chdir(previous)


def run(args: tuple[str, ...], prepare: Callable[[], None] | None = None) -> Outcome:
    with workspace() as root:
        if prepare:
            prepare()
        before = _snapshot(root)
        # The CLI reports WeasyPrint's warnings itself; keep them out of pytest's log capture.
        weasyprint_log = logging.getLogger("weasyprint")
        weasyprint_log.propagate = False
        try:
            result = CliRunner().invoke(cli, list(args), prog_name="sim-checklist")
        finally:
            weasyprint_log.propagate = True
        after = _snapshot(root)
    changed = sorted(name for name in before.keys() | after.keys()
                     if before.get(name) != after.get(name))
    return Outcome(result.exit_code, result.stdout, result.stderr, changed)


@cache
def outcome(case: Case) -> Outcome:
    return run(case.args, case.prepare)


def _cell(text: str) -> str:
    # Line numbers inside our code change with every edit; the table should not.
    text = re.sub(r"(generator/[\w/]+\.py):\d+", r"\1:LINE", text)
    return text.strip().replace("|", "\\|").replace("\n", "<br>")


def table() -> str:
    rows = [
        "| Bad input tried | Command | What the user sees (stderr) | Exit |",
        "|---|---|---|---|",
    ]
    for case in CASES:
        result = outcome(case)
        command = " ".join(["sim-checklist", *case.args])
        rows.append(
            f"| {_cell(case.tried)} | `{_cell(command)}` | `{_cell(result.stderr)}` "
            f"| {result.exit_code} |"
        )
    return "\n".join(rows)


def _max_length(annotated: Any) -> int:
    """The max_length a constrained type declares, so the table cannot drift from the model."""
    return next(rule.max_length for rule in annotated.__metadata__ if rule.max_length)


LIMITS = [
    ("A text in one language (checklist item, title, …)", f"{MAX_TEXT_LENGTH} characters"),
    ("An id (scenario, carrier, fact)", f"{_max_length(Slug)} characters: `a-z`, `0-9`, `-`"),
    ("An alias", f"{_max_length(Alias)} characters"),
    ("A fact's value", f"{_max_length(FactValue)} characters"),
    ("A URL", f"{_max_length(HttpUrl)} characters, `http://` or `https://` only"),
    ("A content file", f"{MAX_FILE_BYTES // 1024} KB, UTF-8, no aliases (`*name`), "
                       f"nested at most {MAX_NESTING} levels"),
    ("Any text, keys included", "no control characters (a line break is allowed in texts), "
                                "no invisible direction controls (U+202A–U+202E, U+2066–U+2069), "
                                "no lone surrogates, no non-characters"),
]


def limits_table() -> str:
    rows = ["| What | Limit |", "|---|---|"]
    rows += [f"| {what} | {limit} |" for what, limit in LIMITS]
    return "\n".join(rows)


def _failing_render(error: BaseException) -> Callable[..., None]:
    def render(*args, **kwargs):
        raise error

    return render


def not_your_input_outcomes() -> list[tuple[str, Outcome]]:
    """A bug and a Ctrl-C, simulated during the PDF step, run through the real CLI."""
    from unittest import mock

    simulated = [
        ("a bug in sim-checklist (simulated: a ZeroDivisionError while making the PDF)",
         ZeroDivisionError("a secret 4510 123456 in the message")),
        ("Ctrl-C while the PDF is made", KeyboardInterrupt()),
    ]
    outcomes = []
    for tried, error in simulated:
        with mock.patch("generator.render.pdf.html_to_pdf", _failing_render(error)):
            outcomes.append((tried, run(("render",))))
    return outcomes


def not_your_input_table() -> str:
    rows = ["| What happened | What the user sees (stderr) | Exit |", "|---|---|---|"]
    for tried, result in not_your_input_outcomes():
        rows.append(f"| {tried} | `{_cell(result.stderr)}` | {result.exit_code} |")
    return "\n".join(rows)


SECTIONS = {"bad-input": table, "limits": limits_table, "not-your-input": not_your_input_table}


def fill(document: str) -> str:
    """The document with each generated section between its markers rewritten."""
    for name, make in SECTIONS.items():
        begin, end = f"<!-- BEGIN {name} -->", f"<!-- END {name} -->"
        head, found, rest = document.partition(begin)
        assert found, f"{begin} missing in {DOC}"
        _, found, tail = rest.partition(end)
        assert found, f"{end} missing in {DOC}"
        document = f"{head}{begin}\n{make()}\n{end}{tail}"
    return document


if __name__ == "__main__":
    DOC.write_text(fill(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {DOC}")
