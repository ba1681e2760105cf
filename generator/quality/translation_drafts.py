"""First drafts of missing zh-Hant strings, for a person to review (the YAML is the review).

    python -m generator.quality.translation_drafts [--write] [CONTENT_DIR]

Lists every string that lacks zh-Hant or en. For zh-Hant it prints an OpenCC s2twp draft of
the zh-Hans text, with the Taiwan and Hong Kong words of content/wordlists/zh-Hant-terms.txt
put in first (OpenCC alone turns 注销 into 登出 and keeps 營業廳). With --write the drafts go
into the files, right under their zh-Hans line and marked `# DRAFT`; a file whose strings all
have zh-Hant then declares it. The language gates fail until each mark is removed after review.
English has no machine draft: the list shows the Russian and Chinese to translate from.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from generator.content.loading import DEFAULT_CONTENT_DIR
from generator.content.texts import TextField, declared_languages, read_wordlist, text_fields
from generator.quality.language_gates import DRAFT_MARK, converter, user_languages

SOURCE_LANGUAGE = "zh-Hans"
DRAFTED_LANGUAGE = "zh-Hant"


def draft_traditional(text: str, terms: list[tuple[str, str]]) -> str:
    """OpenCC s2twp, except that the reviewed word table wins where it has the word."""
    if not terms:
        return converter("s2twp").convert(text)
    longest_first = sorted(terms, key=lambda term: -len(term[0]))
    pattern = re.compile("|".join(re.escape(hans) for hans, _ in longest_first))
    table = dict(terms)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(converter("s2twp").convert(text[last:match.start()]))
        parts.append(table[match.group()])
        last = match.end()
    parts.append(converter("s2twp").convert(text[last:]))
    return "".join(parts)


def missing(root: Path, language: str) -> list[TextField]:
    return [field for field in text_fields(root, user_languages(root))
            if language not in field.texts and SOURCE_LANGUAGE in field.texts]


def write_drafts(root: Path, fields: list[TextField], terms: list[tuple[str, str]]) -> list[Path]:
    """Insert each draft under its zh-Hans line; declare zh-Hant where the file is complete."""
    by_file: dict[Path, list[TextField]] = defaultdict(list)
    for field in fields:
        by_file[field.path].append(field)
    complete_after = {field.path for field in text_fields(root, user_languages(root))}
    for field in text_fields(root, user_languages(root)):
        if field.staff_only:
            continue
        if DRAFTED_LANGUAGE not in field.texts and SOURCE_LANGUAGE not in field.texts:
            complete_after.discard(field.path)
    written = []
    for path, file_fields in by_file.items():
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for field in sorted(file_fields, key=lambda f: -(f.line(SOURCE_LANGUAGE) or 0)):
            number = field.line(SOURCE_LANGUAGE)
            source_line = lines[number - 1]
            indent = re.match(r"\s*(?:- )?", source_line).group().replace("- ", "  ")
            draft = json.dumps(draft_traditional(field.texts[SOURCE_LANGUAGE], terms),
                               ensure_ascii=False)
            lines.insert(number, f"{indent}{DRAFTED_LANGUAGE}: {draft}  {DRAFT_MARK}: review\n")
        text = "".join(lines)
        document = file_fields[0].document
        if path in complete_after and DRAFTED_LANGUAGE not in declared_languages(document):
            declared = [*declared_languages(document), DRAFTED_LANGUAGE]
            text = re.sub(r"(?m)^languages: \[.*\]$", f"languages: [{', '.join(declared)}]",
                          text, count=1)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.quality.translation_drafts",
        description="List the strings that lack zh-Hant or en; draft zh-Hant with OpenCC.",
    )
    parser.add_argument("--write", action="store_true",
                        help="put the zh-Hant drafts into the files, marked # DRAFT")
    parser.add_argument("content_dir", nargs="?", type=Path, default=DEFAULT_CONTENT_DIR,
                        help="the content folder (default: content/)")
    args = parser.parse_args(argv)  # --help, or a usage line and exit 2 for a wrong option
    root, write = args.content_dir, args.write
    if not root.is_dir():
        parser.error(f"{root} is not a folder")
    terms = [tuple(line.split()[:2]) for line in read_wordlist(root, "zh-Hant-terms.txt")]
    to_draft = missing(root, DRAFTED_LANGUAGE)
    for field in to_draft:
        draft = draft_traditional(field.texts[SOURCE_LANGUAGE], terms)
        print(f"{field.where(SOURCE_LANGUAGE)}: zh-Hant draft: {draft}")
    for field in missing(root, "en"):
        russian = field.texts.get("ru", "(a gloss: no Russian)")
        print(f"{field.where(SOURCE_LANGUAGE)}: needs en: {russian} | "
              f"{field.texts[SOURCE_LANGUAGE]}")
    if write and to_draft:
        for path in write_drafts(root, to_draft, terms):
            print(f"wrote drafts into {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
