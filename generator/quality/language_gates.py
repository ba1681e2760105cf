"""Quality gates on every language of the content (content-rules.md, "Languages").

Each gate returns its problems as `file:line: field: message` lines; an empty list passes.
Run them all with `python -m generator.quality.language_gates [CONTENT_DIR]` (exit 1 on a problem);
the test suite runs them in tests/quality/test_language_gates.py. Needs the `hunspell` program with
the ru_RU and en_US dictionaries (Debian: hunspell hunspell-ru hunspell-en-us) and OpenCC.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

from generator.content.loading import DEFAULT_CONTENT_DIR
from generator.content.registry import KIND_BY_NAME
from generator.content.texts import PLACEHOLDER, TextField, read_wordlist, text_fields
from generator.content.yaml_source import load_yaml
from generator.models.text import STAFF_LANGUAGE

# Left in a line by `python -m generator.quality.translation_drafts --write` until a person
# reviews it.
DRAFT_MARK = "# DRAFT"

WORD_PATTERNS = {
    "ru": re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*"),
    "en": re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['’][A-Za-z]+)*"),
}
HUNSPELL_DICTIONARIES = {"ru": "ru_RU", "en": "en_US"}
LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
HAN = re.compile(r"[\u3400-\u9FFF\uF900-\uFAFF]")


def user_languages(root: Path) -> list[str]:
    meta = load_yaml(KIND_BY_NAME["meta"].paths(root)[0]).data
    return [language["code"] for language in meta["user_languages"]]


def _problem(field: TextField, language: str, message: str) -> str:
    return f"{field.where(language)}.{language}: {message}"


# Gate 1: every string exists in every language its file declares.


def missing_translations(root: Path) -> list[str]:
    """The models' own check, as problem lines: load the content and collect what fails."""
    from generator.content.loading import ContentProblems, load_content

    try:
        load_content(root)
    except ContentProblems as error:
        return [problem.format() for problem in error.problems]
    return []


# Gates 2 and 3: spelling of Russian and English.


@cache
def _hunspell_unknown(dictionary: str, words: tuple[str, ...]) -> frozenset[str]:
    program = shutil.which("hunspell")
    if program is None:
        raise RuntimeError("hunspell is not installed: apt-get install hunspell hunspell-ru "
                           "hunspell-en-us (scripts/setup.sh does)")
    result = subprocess.run(  # noqa: S603 - fixed program, words passed on stdin
        [program, "-d", dictionary, "-i", "utf-8", "-l"],
        input="\n".join(words), capture_output=True, text=True, encoding="utf-8", check=False,
    )
    if result.returncode != 0 or "Can't open affix or dic" in result.stderr:
        raise RuntimeError(f"hunspell cannot use the {dictionary} dictionary: "
                           f"{result.stderr.strip()[:200]}")
    return frozenset(result.stdout.split())


def spelling_problems(root: Path, language: str) -> list[str]:
    """Words of `language` that hunspell does not know and the word list does not allow."""
    fields = [field for field in text_fields(root, user_languages(root))
              if language in field.texts]
    allowed = set(read_wordlist(root, f"{language}.txt"))
    pattern = WORD_PATTERNS[language]
    words_of = {id(field): pattern.findall(field.texts[language]) for field in fields}
    every_word = tuple(sorted({word for words in words_of.values() for word in words}))
    unknown = _hunspell_unknown(HUNSPELL_DICTIONARIES[language], every_word) - allowed
    problems = []
    for field in fields:
        wrong = [word for word in words_of[id(field)] if word in unknown]
        if wrong:
            problems.append(_problem(field, language, f"not in the {language} dictionary: "
                                     f"{', '.join(wrong)} (fix it, or add a reviewed name to "
                                     f"content/wordlists/{language}.txt)"))
    return problems


# Gate 4: Simplified text holds no Traditional-only character, and the other way round.


@cache
def converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def chinese_form_problems(root: Path) -> list[str]:
    """Character by character: t2s must leave zh-Hans unchanged, s2t must leave zh-Hant."""
    shared = {line.split()[0] for line in read_wordlist(root, "zh-shared.txt")}
    checks = {"zh-Hans": ("t2s", "Traditional"), "zh-Hant": ("s2t", "Simplified")}
    problems = []
    for field in text_fields(root, user_languages(root)):
        for language, (config, other) in checks.items():
            text = field.texts.get(language)
            if not text:
                continue
            convert = converter(config).convert
            wrong = [f"{char}→{convert(char)}" for char in dict.fromkeys(text)
                     if HAN.match(char) and char not in shared and convert(char) != char]
            if wrong:
                problems.append(_problem(field, language,
                                         f"{other} characters: {' '.join(wrong)}"))
    return problems


def mainland_term_problems(root: Path) -> list[str]:
    """zh-Hant must not hold the mechanical Traditional form of a mainland word (營業廳)."""
    terms = [line.split()[:2] for line in read_wordlist(root, "zh-Hant-terms.txt")]
    to_traditional = converter("s2t")
    banned = [(to_traditional.convert(hans), hant) for hans, hant in terms]
    banned = [(word, hant) for word, hant in banned if word != hant]
    preferred = [hant for _, hant in terms]
    problems = []
    for field in text_fields(root, user_languages(root)):
        text = field.texts.get("zh-Hant")
        if not text:
            continue
        for word in preferred:  # 應用程式 is right even though it contains 應用
            text = text.replace(word, "\0")
        for word, hant in banned:
            if word in text:
                problems.append(_problem(field, "zh-Hant", f"mainland word {word}: write {hant} "
                                         "(content/wordlists/zh-Hant-terms.txt)"))
    return problems


# Gate 5: one language per sentence.


def script_problems(root: Path) -> list[str]:
    """Chinese and Russian text holds no other script but the listed Latin tokens; English
    holds no Cyrillic or Chinese."""
    allowed = set(read_wordlist(root, "latin-tokens.txt"))
    problems = []
    for field in text_fields(root, user_languages(root)):
        for language, text in field.texts.items():
            text = PLACEHOLDER.sub("", text)  # {page} is filled in by the generator
            found = []
            if language == "en":
                found = [*CYRILLIC.findall(text), *HAN.findall(text)]
            else:
                foreign = HAN if language == STAFF_LANGUAGE else CYRILLIC
                found = foreign.findall(text)
                found += [token for token in LATIN_TOKEN.findall(text) if token not in allowed]
            if found:
                listed = ", ".join(dict.fromkeys(found))
                problems.append(_problem(field, language, f"mixes scripts: {listed} (one "
                                         "language per sentence; allowed Latin words are in "
                                         "content/wordlists/latin-tokens.txt)"))
    return problems


# Gate 8: Russian typography. A one-letter preposition or conjunction stays with the next word,
# and a number with its unit or counted word (90 дней, 100 ₽, 24 часа), so that no printed
# line ends with «в» or breaks «90 | дней»: both need a no-break space (U+00A0).

NO_BREAK_SPACE = "\u00a0"
ONE_LETTER_WORD = re.compile(r"(?<![\w-])([вскуоияаВСКУОИЯА]) ")
NUMBER_BEFORE_UNIT = re.compile(r"(?<![\w.,-])(\d+) (?=[А-Яа-яЁё₽%])")


def russian_typography_problems(root: Path) -> list[str]:
    """Every Russian string: a no-break space after в, с, к, у, о, и, а, я and between a number
    and the word or sign it counts."""
    problems = []
    for field in text_fields(root, user_languages(root)):
        text = field.texts.get(STAFF_LANGUAGE)
        if not text:
            continue
        found = [f"«{match.group(1)} »" for match in ONE_LETTER_WORD.finditer(text)]
        found += [f"«{match.group(1)} {text[match.end()]}…»"
                  for match in NUMBER_BEFORE_UNIT.finditer(text)]
        if found:
            problems.append(_problem(field, STAFF_LANGUAGE, "needs a no-break space (U+00A0) "
                                     f"instead of the space in {', '.join(dict.fromkeys(found))}"))
    return problems


def draft_problems(root: Path) -> list[str]:
    """A translation draft nobody has reviewed yet still carries its mark."""
    problems = []
    for field in text_fields(root, user_languages(root)):
        lines = field.document.path.read_text(encoding="utf-8").splitlines()
        for language in field.texts:
            line = field.line(language)
            if line and DRAFT_MARK in lines[line - 1]:
                problems.append(_problem(field, language, "unreviewed machine draft: review "
                                         f"it, then delete the {DRAFT_MARK} comment"))
    return problems


GATES = {
    "translations": missing_translations,
    "Russian spelling": lambda root: spelling_problems(root, "ru"),
    "English spelling": lambda root: spelling_problems(root, "en"),
    "Chinese character forms": chinese_form_problems,
    "Taiwan and Hong Kong words": mainland_term_problems,
    "one language per sentence": script_problems,
    "Russian typography": russian_typography_problems,
    "reviewed drafts": draft_problems,
}


def run_all(root: Path = DEFAULT_CONTENT_DIR) -> dict[str, list[str]]:
    return {name: gate(root) for name, gate in GATES.items()}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else DEFAULT_CONTENT_DIR
    failed = False
    for name, problems in run_all(root).items():
        print(f"{'✗' if problems else '✓'} {name}")
        for problem in problems:
            print(f"    {problem}")
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
