"""Read a tagged PDF back as (language, text) blocks: the structure tree gives each marked
text run its element and /Lang, pdfplumber gives each run's characters (by MCID)."""

from __future__ import annotations

import dataclasses
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser

import pdfplumber
import pikepdf

from generator.render.typography import NO_BREAK_SPACE, WORD_JOINER
from generator.view.pairs import Span
from generator.view.sheet import SheetView

LETTER = re.compile(r"[A-Za-z\u0400-\u04FF\u3400-\u9FFF]")


@dataclass(frozen=True)
class TaggedBlock:
    lang: str | None  # the nearest element's /Lang; None when only the document sets one
    text: str


def _run_texts(data: bytes) -> dict[tuple[int, int], str]:
    runs: dict[tuple[int, int], list[str]] = defaultdict(list)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages):
            for char in page.chars:
                if char.get("mcid") is not None:
                    runs[(number, char["mcid"])].append(char["text"])
    return {key: "".join(chars) for key, chars in runs.items()}


def tagged_blocks(data: bytes) -> list[TaggedBlock]:
    """One block per structure element that holds text runs, in reading order."""
    runs = _run_texts(data)
    blocks: list[TaggedBlock] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = {page.objgen: index for index, page in enumerate(pdf.pages)}

        def walk(element, lang, page) -> list[str]:
            """Returns the texts of runs held directly (or through a leaf) by `element`."""
            lang = str(element["/Lang"]) if "/Lang" in element else lang
            if "/Pg" in element:
                page = pages.get(element["/Pg"].objgen, page)
            kids = element.get("/K")
            kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            own: list[str] = []
            for kid in kids:
                if isinstance(kid, int):
                    own.append(runs.get((page, kid), ""))
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/OBJR":
                    leaf = kid.get("/K")
                    if isinstance(leaf, pikepdf.Array) and all(isinstance(k, int) for k in leaf):
                        kid_lang = str(kid["/Lang"]) if "/Lang" in kid else lang
                        if kid_lang == lang:
                            own.append("".join(runs.get((page, k), "") for k in leaf))
                            continue
                    walk(kid, lang, page)
            if "".join(own).strip():
                blocks.append(TaggedBlock(lang, "".join(own)))
            return own

        root = pdf.Root.StructTreeRoot
        for top in root["/K"]:
            walk(top, None, 0)
    return blocks


def view_spans(sheet) -> list[Span]:
    """Every text span the sheet shows (facts are shown through their pairs)."""
    found: list[Span] = []

    def walk(value) -> None:
        if isinstance(value, Span):
            found.append(value)
        elif dataclasses.is_dataclass(value):
            for item in dataclasses.fields(value):
                if item.name != "facts":
                    walk(getattr(value, item.name))
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(sheet)
    return found


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


class _LangTexts(HTMLParser):
    """(lang, text) of every HTML element that has a `lang` attribute below <html>."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, list[str] | None]] = []
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID_TAGS:
            return
        lang = dict(attrs).get("lang")
        self.stack.append((tag, [lang] if lang and tag != "html" else None))

    def handle_endtag(self, tag):
        if tag in VOID_TAGS or not self.stack:
            return
        _, collected = self.stack.pop()
        if collected:
            self.found.append((collected[0], "".join(collected[1:])))

    def handle_data(self, data):
        for _, collected in self.stack:
            if collected:
                collected.append(data)


VOID_TAGS = {"meta", "br", "img", "link", "hr", "input"}


def html_lang_texts(html: str) -> list[tuple[str, str]]:
    """(lang, text) as the content wrote it: the line-breaking joiners the template adds
    (generator/render/typography.py: no-break space, word joiner) are layout, not text."""
    parser = _LangTexts()
    parser.feed(html)
    return [(lang, unjoin(text)) for lang, text in parser.found]


def unjoin(text: str) -> str:
    return text.replace(WORD_JOINER, "").replace(NO_BREAK_SPACE, " ")


def spans_missing_from_pdf(sheet: SheetView, html: str, data: bytes) -> list[str]:
    """Every span of the sheet that the HTML shows must extract from the PDF in its own
    language: from the tagged structure, or (the running footer is not part of the structure
    tree) from every page's plain text."""
    shown = {(lang, squash(text)) for lang, text in html_lang_texts(html)}
    streams: dict[str | None, str] = defaultdict(str)
    for block in tagged_blocks(data):
        streams[block.lang] += squash(block.text)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [squash(page.extract_text() or "") for page in pdf.pages]
    footer = {id(span) for span in view_spans(sheet.footer)}
    missing = []
    for span in view_spans(sheet):
        wanted = squash(span.text)
        if (span.lang, wanted) not in shown:
            continue  # not on this sheet (a hint shown only when a contact is missing)
        if id(span) in footer:
            if not all(wanted in page for page in pages):
                missing.append(f"[{span.lang}] {span.text} (footer)")
        elif wanted not in streams[span.lang]:
            missing.append(f"[{span.lang}] {span.text}")
    return missing


def blocks_without_language(data: bytes) -> list[str]:
    return [block.text for block in tagged_blocks(data)
            if block.lang is None and LETTER.search(block.text)]


class _UnlabelledText(HTMLParser):
    """Text with letters in <body> that no element below <html> gives a `lang`."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []  # (tag, this element or an ancestor has lang)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID_TAGS:
            return
        inherited = bool(self.stack) and self.stack[-1][1]
        labelled = inherited or (tag != "html" and "lang" in dict(attrs))
        self.stack.append((tag, labelled))

    def handle_endtag(self, tag):
        if tag not in VOID_TAGS and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        tags = [tag for tag, _ in self.stack]
        if "body" in tags and not self.stack[-1][1] and LETTER.search(data):
            self.found.append(data.strip())


def html_text_without_language(html: str) -> list[str]:
    parser = _UnlabelledText()
    parser.feed(html)
    return parser.found
