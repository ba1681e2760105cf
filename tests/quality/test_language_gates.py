"""The language gates pass on the content, and each one fails on a planted mistake."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pdfplumber
import pypdf
import pytest

from generator.content.loading import DEFAULT_CONTENT_DIR, load_content
from generator.paths import FONTS_DIR
from generator.quality import language_gates as gates
from generator.quality import translation_drafts
from generator.render.html import TEMPLATES_DIR, render_html
from generator.render.pdf import html_to_pdf
from generator.render.pipeline import RenderRequest, build_view
from tests.conftest import bundle, each_sheet, html_of, page_texts, rendered, squash
from tests.pdf_structure import (
    blocks_without_language,
    html_lang_texts,
    html_text_without_language,
    spans_missing_from_pdf,
    unjoin,
    view_spans,
)

CARRIERS = sorted(bundle().carriers)
SCENARIOS = sorted(bundle().scenarios)
LANGUAGES = bundle().meta.language_codes
EVERY_PAIR = [(s, c) for s in SCENARIOS for c in CARRIERS]


@pytest.fixture
def content(content_copy) -> Path:
    return content_copy


def plant(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("name", list(gates.GATES))
def test_the_content_passes_every_gate(name):
    assert gates.GATES[name](DEFAULT_CONTENT_DIR) == []


def test_every_sheet_exists_in_every_user_language():
    for scenario, carrier in EVERY_PAIR:
        assert bundle().languages_for(scenario, carrier) == LANGUAGES, (scenario, carrier)


# Planted mistakes: each gate must catch its own kind.


def test_a_missing_translation_fails(content):
    path = content / "scenarios/cancel.yaml"
    line = next(line for line in path.read_text(encoding="utf-8").splitlines()
                if line.startswith("          en: "))  # the first item's English, as it is now
    plant(path, f"{line}\n", "          \n")
    problems = gates.missing_translations(content)
    assert len(problems) == 1
    assert "cancel.yaml:" in problems[0] and "missing text in en" in problems[0]


@pytest.mark.parametrize(
    ("file", "old", "new", "word"),
    [
        ("scenarios/cancel.yaml", "Прошу расторгнуть", "Прошу растаргнуть", "растаргнуть"),
        ("ui.yaml", "ru: Номер телефона", "ru: Номер тилефона", "тилефона"),  # interface text
        ("carriers/mts.yaml", "ru: МТС\n", "ru: МТЦ\n", "МТЦ"),  # a brand outside the list
    ],
)
def test_a_russian_misspelling_fails(content, file, old, new, word):
    plant(content / file, old, new)
    problems = gates.spelling_problems(content, "ru")
    assert len(problems) == 1 and word in problems[0]


def test_an_english_misspelling_fails(content):
    plant(content / "ui.yaml", "en: Phone number", "en: Phone nubmer")
    problems = gates.spelling_problems(content, "en")
    assert len(problems) == 1 and "nubmer" in problems[0] and "ui.yaml:" in problems[0]


def test_the_word_lists_are_what_lets_names_pass(content):
    (content / "wordlists/ru.txt").write_text("", encoding="utf-8")
    assert any("Госуслугах" in problem for problem in gates.spelling_problems(content, "ru"))


@pytest.mark.parametrize(
    ("old", "new", "wrong"),
    [
        ("zh-Hans: 我的清单", "zh-Hans: 我的清單", "單→单"),  # Traditional in Simplified
        ("zh-Hant: 我的清單", "zh-Hant: 我的清单", "单→單"),  # Simplified in Traditional
    ],
)
def test_a_character_of_the_other_chinese_script_fails(content, old, new, wrong):
    plant(content / "ui.yaml", old, new)
    problems = gates.chinese_form_problems(content)
    assert len(problems) == 1 and wrong in problems[0]


@pytest.mark.parametrize(("file", "old", "new", "gate", "found"), [
    ("applications.yaml", "zh-Hant: 我申請終止這個門號", "zh-Hant: 我申请終止這個門號",
     gates.chinese_form_problems, "请→請"),  # a gloss has no Russian, and is checked too
    ("applications.yaml", "en: I ask to end the service", "en: I ask to end the servise",
     lambda root: gates.spelling_problems(root, "en"), "servise"),
    ("phrasebook.yaml", "zh-Hant: 這裡可以辦理解約嗎？", "zh-Hant: 這裡可以辦理註銷嗎？",
     gates.mainland_term_problems, "註銷"),
    ("phrasebook.yaml", "ru: Где расписаться?", "ru: Где распесаться?",
     lambda root: gates.spelling_problems(root, "ru"), "распесаться"),
    # A draft's Russian lines are checked too, their {placeholders} left out.
    ("applications.yaml", "Прошу переоформить договор", "Прошу пириоформить договор",
     lambda root: gates.spelling_problems(root, "ru"), "пириоформить"),
    ("applications.yaml", "Номер SIM-карты (ICCID)", "Номер SIM-карты (ICC ID)",
     gates.script_problems, "ICC"),
])
def test_the_drafts_and_the_phrasebook_go_through_the_gates(content, file, old, new, gate,
                                                            found):
    plant(content / file, old, new)
    problems = gate(content)
    assert len(problems) == 1 and found in problems[0] and f"{file}:" in problems[0]


# Russian typography: a no-break space after a one-letter word and between a number and its unit.

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("new", "found"),
    [
        ("ru: Номер телефона в салоне", "«в »"),  # a preposition
        ("ru: Номер и телефон", "«и »"),  # a conjunction
        ("ru: Я номер", "«Я »"),  # a capital at the start
        ("ru: Номер на 90 дней", "«90 д…»"),  # a number and its unit
        ("ru: Сумма 100 ₽", "«100 ₽…»"),  # a number and its sign
    ],
)
def test_a_russian_string_without_its_no_break_space_fails(content, new, found):
    plant(content / "ui.yaml", "ru: Номер телефона", new)
    problems = gates.russian_typography_problems(content)
    assert len(problems) == 1 and found in problems[0] and "ui.yaml:" in problems[0]


def test_the_same_strings_with_no_break_spaces_pass(content):
    plant(content / "ui.yaml", "ru: Номер телефона",
          f"ru: Я{NBSP}номер в{NBSP}салоне на 90{NBSP}дней, 100{NBSP}₽ и{NBSP}номер")
    assert gates.russian_typography_problems(content) == []


def test_names_and_phone_numbers_need_no_no_break_space(content):
    # a digit inside a name (T2) or a phone number followed by digits is no number and unit
    plant(content / "ui.yaml", "ru: Номер телефона", "ru: Номер T2 по 8 800 555-06-11")
    assert gates.russian_typography_problems(content) == []


@pytest.mark.parametrize("sheet", [("cancel", "mts", "zh-Hans"), ("keep-number", "beeline", "en"),
                                   ("lost", "megafon", "zh-Hant")])
def test_no_printed_russian_line_ends_with_a_one_letter_word(sheet):
    one_letter_at_end = re.compile(r"(?<![\w-])[вскуоияаВСКУОИЯА]$")
    lines = [line.strip() for text in page_texts(rendered(*sheet).data)
             for line in text.splitlines()]
    assert [line for line in lines if one_letter_at_end.search(line)] == []


def test_a_mainland_word_in_traditional_text_fails(content):
    plant(content / "ui.yaml", "zh-Hant: 去門市之前", "zh-Hant: 去營業廳之前")
    problems = gates.mainland_term_problems(content)
    assert len(problems) == 1 and "營業廳" in problems[0] and "門市" in problems[0]


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("zh-Hans: 在柜台", "zh-Hans: 在柜台（у стойки）", "у"),
        ("ru: Номер телефона", "ru: Номер phone", "phone"),
        ("en: Phone number", "en: Phone number (номер)", "н"),
        ("en: Date", "en: Date 日期", "日"),
    ],
)
def test_a_sentence_mixing_scripts_fails(content, old, new, found):
    plant(content / "ui.yaml", old, new)
    problems = gates.script_problems(content)
    assert len(problems) == 1 and found in problems[0]


def test_listed_latin_product_names_are_allowed(content):
    plant(content / "ui.yaml", "ru: Номер телефона", "ru: Номер телефона (SIM, eSIM, T2)")
    assert gates.script_problems(content) == []


def test_drafts_fill_missing_zh_hant_and_stay_marked_until_reviewed(content):
    path = content / "carriers/mts.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.lstrip().startswith("zh-Hant:")]
    removed = len(lines) - len(kept)  # one draft each, however many texts the file has
    assert removed >= 5
    path.write_text("".join(kept).replace("[zh-Hans, zh-Hant, en]", "[zh-Hans, en]"),
                    encoding="utf-8")
    assert translation_drafts.main(["--write", str(content)]) == 0
    drafted = path.read_text(encoding="utf-8")
    assert "languages: [zh-Hans, en, zh-Hant]" in drafted
    assert "門市" in drafted and "營業廳" not in drafted  # the reviewed word table wins
    problems = gates.draft_problems(content)
    assert len(problems) == removed and all("mts.yaml" in problem for problem in problems)
    assert gates.missing_translations(content) == []  # the drafts load
    path.write_text(drafted.replace(f"  {gates.DRAFT_MARK}: review", ""), encoding="utf-8")
    assert gates.draft_problems(content) == []


def test_the_drafts_tool_has_help_and_refuses_a_missing_folder(tmp_path, capsys):
    with pytest.raises(SystemExit) as help_exit:
        translation_drafts.main(["--help"])
    assert help_exit.value.code == 0 and "--write" in capsys.readouterr().out
    with pytest.raises(SystemExit) as missing_exit:
        translation_drafts.main([str(tmp_path / "nowhere")])
    assert missing_exit.value.code == 2
    assert capsys.readouterr().err.strip().endswith("nowhere is not a folder")


# The rendered documents: every span carries its language, and the PDF gives the text back.


@each_sheet
def test_every_text_of_the_html_carries_its_language(key):
    scenario, carrier, language = key
    request = RenderRequest(scenario=scenario, carrier=carrier, language=language)
    html = html_of(key)
    assert html_text_without_language(html) == []
    texts = html_lang_texts(html)
    langs = {lang for lang, _ in texts}
    assert langs == {language, "ru", "ru-Latn", "zxx"}  # ru-Latn: the phrasebook's readings
    sheet = build_view(request, bundle())
    shown = {(lang, text) for lang, text in texts}
    staff = sheet.staff
    core = [sheet.heading, sheet.sections, staff.language_line, staff.request, staff.details,
            staff.questions, sheet.carrier.rules, sheet.phrasebook]
    if sheet.application:  # its slots are checked in test_application.py (filled or blank)
        app = sheet.application
        core += [app.heading, app.note, app.date, app.signature,
                 [(draft.title, draft.gloss) for draft in app.drafts]]
    for span in view_spans(core):  # the content's own no-break spaces (Russian typography) too
        assert (span.lang, unjoin(span.text)) in shown, span


@each_sheet
def test_the_pdf_extracts_to_the_content_text_in_each_language(key):
    result = rendered(*key)
    html = html_of(key)
    assert spans_missing_from_pdf(result.sheet, html, result.data) == []
    assert blocks_without_language(result.data) == []


@each_sheet
def test_each_part_keeps_its_one_page_in_every_language(key):
    """Longer English or Traditional text must not push the checklist or the card over."""
    scenario, _, language = key
    result = rendered(*key)
    texts = [squash(text) for text in page_texts(result.data)]
    ui = bundle().ui
    applications, phrasebook = bundle().applications, bundle().phrasebook
    assert len(texts) == len(result.sheet.parts)
    page = dict(zip(result.sheet.parts, texts, strict=True))
    assert squash(ui.all_done[language]) in page["checklist"]  # the checklist ends on its page
    assert squash(ui.answers.write_down[language]) in page["staff_card"]  # so does the card
    if "questions" in page:
        assert squash(ui.questions_heading[language]) in page["questions"]
    assert squash(ui.legend_questions[language]) in page["carrier"]
    drafts = applications.drafts_for(scenario, refund_to_phone=False)
    if drafts:
        assert squash(applications.heading[language]) in page["application"]
        assert squash(drafts[-1].gloss[language]) in page["application"]  # the last draft fits
        signature = squash(applications.signature[language])
        assert page["application"].count(signature) == len(drafts)
    assert squash(phrasebook.heading[language]) in page["phrasebook"]
    assert squash(phrasebook.phrases[-1].text[language]) in page["phrasebook"]


@pytest.mark.parametrize(("language", "face", "other"), [
    ("zh-Hans", "SC", "TC"), ("zh-Hant", "TC", "SC"), ("en", "SC", "TC"),
])
def test_traditional_text_is_set_in_traditional_glyph_forms(language, face, other):
    """Han text is set in the face of its script: the pre-cut "Sim Noto SC/TC" (05-fonts.css)
    or the system "Noto Sans CJK SC/TC" it falls back to, never the other script's."""
    reader = pypdf.PdfReader(io.BytesIO(rendered("cancel", "mts", language).data))
    fonts = {str(font["/BaseFont"]) for page in reader.pages
             for font in page["/Resources"]["/Font"].values()}

    def script_faces(script: str) -> set[str]:
        return {name for name in fonts if re.search(rf"(Sim-Noto|CJK)-{script}(-|$)", name)}

    assert script_faces(face), fonts
    assert not script_faces(other), fonts


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_footer_keeps_to_two_lines_inside_the_print_box(language):
    """Print rule 9: a longer translation must not push the footer out of the 259 mm box."""
    data = rendered("cancel", "mts", language).data
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            footer_top = page.height - 27 / 25.4 * 72  # the bottom page margin holds the footer
            lines = [line for line in page.extract_text_lines() if line["top"] > footer_top]
            assert len(lines) == 2, [line["text"] for line in lines]


def copy_templates(folder: Path) -> Path:
    """A copy of the templates, beside the pre-cut fonts that 05-fonts.css loads as ../fonts."""
    templates = folder / "templates"
    shutil.copytree(TEMPLATES_DIR, templates)
    (folder / "fonts").symlink_to(FONTS_DIR, target_is_directory=True)
    return templates


def test_text_the_pdf_loses_fails_the_extraction_gate(tmp_path):
    templates = copy_templates(tmp_path)
    (templates / "css/99-planted.css").write_text(
        "#section-counter .item:nth-child(2) { visibility: hidden; }", encoding="utf-8")
    sheet = build_view(RenderRequest(carrier="mts", language="zh-Hant"), bundle())
    html = render_html(sheet, templates)
    pdf, _ = html_to_pdf(html, templates, title=sheet.title, language=sheet.language)
    lost = bundle().scenarios["cancel"].sections[1].items[1].text
    assert sorted(spans_missing_from_pdf(sheet, html, pdf)) == sorted(
        [f"[zh-Hant] {lost['zh-Hant']}", f"[ru] {lost['ru']}"])


def test_a_span_without_its_language_fails_the_pdf_language_gate(tmp_path):
    templates = copy_templates(tmp_path)
    macros = templates / "parts/macros.html.j2"
    plant(macros, '<{{ tag }} lang="{{ s.lang }}"', "<{{ tag }}")
    sheet = build_view(RenderRequest(carrier="mts", language="en"), bundle())
    html = render_html(sheet, templates)
    pdf, _ = html_to_pdf(html, templates, title=sheet.title, language=sheet.language)
    unlabelled = blocks_without_language(pdf)
    assert any("Договор" in text for text in unlabelled)
    assert any("Договор" in text for text in html_text_without_language(html))


def test_a_planted_mistake_in_the_shipped_content_is_reported_by_the_command(content, capsys):
    plant(content / "ui.yaml", "ru: Номер телефона", "ru: Номер тилефона")
    assert gates.main([str(content)]) == 1
    assert "тилефона" in capsys.readouterr().out
    assert load_content(content)  # a spelling mistake does not stop the content loading
