"""The application page, the phrasebook and the staff card, filled from a profile or blank."""

import io
import shutil
import unicodedata
from functools import cache
from pathlib import Path

import pdfplumber
import pytest

from generator.content.loading import DEFAULT_CONTENT_DIR, ContentProblems, load_content
from generator.models.application import placeholders
from generator.models.phrasebook import PHRASES_PER_SHEET
from generator.models.profile import EMPTY_PROFILE, Profile
from generator.render.pipeline import RenderRequest, build_view, render
from tests.conftest import bundle, expected_parts, page_texts, squash
from tests.pdf_structure import tagged_blocks

MM = 72 / 25.4
# 0-based pages of the cancel sheet (checklist, staff card, questions, carrier, application,
# phrasebook), from the content: the questions page is there only when a rule is unconfirmed.
CANCEL_PAGES = {carrier: expected_parts("cancel", carrier) for carrier in bundle().carriers}


def page_of(part: str, carrier: str = "mts") -> int:
    return CANCEL_PAGES[carrier].index(part)

FULL = Profile.model_validate(
    {
        "name_latin": "ZHANG WEI",
        "name_native": "张伟",
        "passport_number": "E12345678",
        "citizenship": "Китай (КНР)",
        "phone": "+79123456789",
        "iccid": "8970199123456789012",
        "email": "zhang.wei@example.com",
        "refund": {"bank": "ПАО Сбербанк", "bik": "044030790",
                   "account": "40703810890480000101"},
        "representative": {"name_latin": "LI NA", "passport_number": "EB7654321"},
        "new_holder": {"name_latin": "WANG FANG", "passport_number": "EC1122334"},
    }
)
PHONE = "+7 912 345-67-89"


@cache
def rendered_with(profile: Profile | None, carrier: str = "mts", scenario: str = "cancel",
                  content_dir: Path = DEFAULT_CONTENT_DIR, language: str = "zh-Hans"):
    request = RenderRequest(scenario=scenario, carrier=carrier, profile=profile,
                            content_dir=content_dir, language=language)
    result = render(request, None if content_dir != DEFAULT_CONTENT_DIR else bundle())
    assert result.warnings == []
    return result


def page_with(data: bytes, heading: str) -> int:
    """The index of the page that holds `heading` (the questions page is left out when a
    scenario has no open question, so pages are found by what they hold)."""
    found = [i for i, text in enumerate(page_texts(data)) if squash(heading) in squash(text)]
    assert len(found) == 1, found
    return found[0]


def columns_text(data: bytes, page: int, split_mm: float = 105) -> str:
    """A two-column page's text, the left column first (side-by-side cells interleave)."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        sheet = pdf.pages[page]
        split = split_mm * MM
        left = sheet.crop((0, 0, split, sheet.height)).extract_text() or ""
        right = sheet.crop((split, 0, sheet.width, sheet.height)).extract_text() or ""
    return left + right


def blanks_on(data: bytes, page: int) -> list[dict]:
    """Write-in boxes of the drafts (WeasyPrint draws a bordered box as a filled rect): each
    is at least 8 mm tall (print rule 8), so its count is the count of blanks."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        rects = pdf.pages[page].rects
    boxes = {}
    for r in rects:  # a border is drawn as two rects, outer and inner edge: keep one
        if 8.0 <= r["height"] / MM <= 9.5 and 25 <= r["width"] / MM <= 70:
            boxes.setdefault((round(r["x0"] / MM), round(r["top"] / MM)), r)
    return list(boxes.values())


def _fill(line: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        line = line.replace("{" + name + "}", value)
    return line


def test_a_full_profile_fills_the_staff_card_and_the_drafts():
    data = rendered_with(FULL).data
    texts = page_texts(data)
    assert len(texts) == len(CANCEL_PAGES["mts"])
    staff = squash(texts[1])
    assert "ZHANGWEI" in staff and squash(PHONE) in staff
    page = squash(texts[page_of("application")])
    for value in ["ZHANG WEI", "张伟", "E12345678", "Китай (КНР)", PHONE, "8970199123456789012",
                  "zhang.wei@example.com", "ПАО Сбербанк", "044030790", "40703810890480000101"]:
        assert squash(value) in page, value
    assert squash("Оператору связи МТС") in page
    # the drafts' lines as the content words them, filled with the profile's values
    values = {"phone": PHONE, "refund.bik": FULL.refund.bik,
              "refund.account": FULL.refund.account}
    drafts = bundle().applications.drafts_for("cancel", refund_to_phone=False)
    filled = []
    for line in (line.text for draft in drafts for line in draft.body):
        if placeholders(line) and set(placeholders(line)) <= set(values):
            filled.append(_fill(line, values))
    assert len(filled) >= 3
    for line in filled:
        assert squash(line) in page, line
    # Every field is filled, so no blank and none of their labels is printed.
    assert blanks_on(data, page_of("application")) == []
    for name in ["passport_number", "refund.account", "phone"]:
        assert squash(bundle().applications.fields[name]["zh-Hans"]) not in page
    # Not needed on a cancel sheet: the representative and the new holder.
    assert "LINA" not in page and "WANGFANG" not in page


def test_the_note_says_the_shop_prints_its_own_form_and_each_draft_is_signed():
    texts = page_texts(rendered_with(FULL).data)
    page = squash(texts[page_of("application")])
    content = bundle().applications
    assert squash(content.note["ru"]) in page and squash(content.note["zh-Hans"]) in page
    for draft in content.drafts_for("cancel", refund_to_phone=False):
        assert squash(draft.title["ru"]) in page
        assert squash(draft.gloss["zh-Hans"]) in page
    drafts = len(content.drafts_for("cancel", refund_to_phone=False))
    assert texts[page_of("application")].count(content.date["ru"]) == drafts
    assert texts[page_of("application")].count(content.signature["ru"]) == drafts


@pytest.mark.parametrize("carrier", ["generic", "t2"])
def test_an_empty_profile_prints_the_same_pages_with_blanks(carrier):
    without = rendered_with(None, carrier)
    empty = rendered_with(EMPTY_PROFILE, carrier)
    assert page_texts(without.data) == page_texts(empty.data)
    texts = page_texts(empty.data)
    assert len(texts) == len(CANCEL_PAGES[carrier])
    page = squash(texts[page_of("application", carrier)])
    assert squash("Прошу расторгнуть договор об оказании услуг связи по номеру") in page
    sheet = build_view(RenderRequest(carrier=carrier), bundle())
    slots = [
        segment
        for draft in sheet.application.drafts
        for line in [*draft.addressee, *draft.body]
        for segment in line
        if hasattr(segment, "label")
    ]
    assert all(slot.value is None for slot in slots if slot.name != "carrier")
    for slot in slots:
        if slot.value is None:
            assert squash(slot.label.text) in page, slot.name  # the label under the blank
    assert len(blanks_on(empty.data, page_of("application", carrier))) == sum(
        s.value is None for s in slots)
    # The staff card's name and number are write-in lines, ≥ 8 mm tall.
    assert "ZHANG" not in texts[1]


@pytest.mark.parametrize("language", ["zh-Hant", "en"])
def test_a_full_profile_fills_the_drafts_with_glosses_in_the_users_language(language):
    data = rendered_with(FULL, language=language).data
    texts = page_texts(data)
    assert len(texts) == len(CANCEL_PAGES["mts"])
    page = squash(texts[page_of("application")])
    content = bundle().applications
    assert squash(content.heading[language]) in page and squash(content.note[language]) in page
    drafts = content.drafts_for("cancel", refund_to_phone=False)
    for draft in drafts:
        assert squash(draft.title[language]) in page and squash(draft.title["ru"]) in page
        assert squash(draft.gloss[language]) in page
        assert squash(draft.gloss["zh-Hans"]) not in page  # not the Simplified source
    assert texts[page_of("application")].count(content.signature[language]) == len(drafts)
    for value in ["ZHANG WEI", "E12345678", PHONE, "8970199123456789012", "40703810890480000101"]:
        assert squash(value) in page, value
    assert blanks_on(data, page_of("application")) == []
    # The gloss is tagged with the user's language in the PDF (glyph forms, screen readers).
    # (A gloss that wraps is two tagged runs, so the runs of the language are read in order.)
    tagged = "".join(squash(block.text) for block in tagged_blocks(data)
                     if block.lang == language)
    for draft in drafts:
        assert squash(draft.gloss[language]) in tagged
    # The phrasebook follows on its own page, in the same language.
    phrases = squash(columns_text(data, page_of("phrasebook")))
    for phrase in bundle().phrasebook.phrases_for("cancel"):
        assert squash(phrase.text[language]) in phrases and squash(phrase.reading) in phrases


@pytest.mark.parametrize("language", ["zh-Hant", "en"])
def test_blanks_are_labelled_in_the_users_language(language):
    data = rendered_with(None, "generic", language=language).data
    page = squash(page_texts(data)[page_of("application", "generic")])
    fields = bundle().applications.fields
    for name in ["name_latin", "passport_number", "phone", "iccid", "refund.bik",
                 "refund.account", "carrier"]:
        assert squash(fields[name][language]) in page, name
        if fields[name][language] != fields[name]["zh-Hans"]:
            assert squash(fields[name]["zh-Hans"]) not in page, name


def test_a_refund_to_another_number_replaces_the_account_draft():
    profile = FULL.model_copy(update={"refund": FULL.refund.model_copy(
        update={"bank": None, "bik": None, "account": None, "phone": "+7 999 123-45-67"})})
    page = squash(page_texts(rendered_with(profile).data)[page_of("application")])
    assert squash(
        f"Прошу перевести неизрасходованный аванс с номера {PHONE} на другой номер "
        "+7 999 123-45-67."
    ) in page
    assert squash("на расчетный счет") not in page


# The proxy and transfer drafts are printed on the shipped proxy and transfer sheets.
def test_the_proxy_draft_names_the_representative():
    data = rendered_with(FULL, "t2", "proxy").data
    number = page_with(data, "Заявление о расторжении договора представителем")
    page = squash(page_texts(data)[number])
    assert squash("от LI NA, паспорт EB7654321,") in page
    assert squash("представителя абонента ZHANG WEI, паспорт абонента E12345678") in page
    assert squash("Действую по нотариальной доверенности") in page
    assert squash(f"Прошу расторгнуть договор об оказании услуг связи по номеру {PHONE}.") in page
    # No profile key holds the power of attorney's date and number: always a write-in.
    label = bundle().applications.fields["power_of_attorney"]["zh-Hans"]
    assert squash(label) in page
    assert len(blanks_on(data, number)) == 1


def test_the_transfer_draft_names_the_new_holder():
    data = rendered_with(FULL, "t2", "transfer").data
    page = squash(page_texts(data)[page_with(data, "Заявление о переоформлении договора")])
    assert squash(
        f"Прошу переоформить договор об оказании услуг связи по номеру {PHONE} на нового "
        "абонента: WANG FANG, паспорт EC1122334."
    ) in page
    assert "LINA" not in page


@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant", "en"])
def test_blank_proxy_and_transfer_pages_still_fit_one_page(language):
    content = bundle().applications
    titles = {draft.id: draft.title["ru"] for draft in content.drafts}
    for scenario, draft_id in [("proxy", "terminate-by-representative"),
                               ("transfer", "transfer")]:
        data = rendered_with(None, "generic", scenario, language=language).data
        texts = page_texts(data)
        number = page_with(data, content.heading["ru"])
        assert number == len(texts) - 2, scenario  # the phrasebook follows on the next page
        assert squash(titles[draft_id]) in squash(texts[number])
        gloss = next(draft.gloss for draft in content.drafts if draft.id == draft_id)
        assert squash(gloss[language]) in squash(texts[number])
        assert content.signature["ru"] in texts[number]
        assert squash(bundle().phrasebook.phrases[-1].reading) in squash(texts[-1])


def test_the_phrasebook_has_every_phrase_with_its_reading_on_one_page():
    page = squash(columns_text(rendered_with(None).data, page_of("phrasebook")))
    phrases = bundle().phrasebook.phrases_for("cancel")
    assert 15 <= len(phrases) <= PHRASES_PER_SHEET
    # A phrase that names other scenarios only is left off this sheet.
    for phrase in bundle().phrasebook.phrases:
        if phrase not in phrases:
            assert squash(phrase.reading) not in page
    for phrase in phrases:
        assert squash(phrase.text["ru"]) in page
        assert squash(phrase.text["zh-Hans"]) in page
        assert squash(phrase.reading) in page
        # A reading is Latin: no Cyrillic letter slipped in.
        assert not any("CYRILLIC" in unicodedata.name(char, "") for char in phrase.reading)


def test_staff_card_answer_grid_geometry_follows_print_rule_8():
    data = rendered_with(None).data
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[1]
        rects = page.rects
        words = page.extract_words()
    ui = bundle().ui
    text = squash(page_texts(data)[1])
    for name in ["yes", "no", "done", "document_needed", "go_to", "date", "amount", "write_down"]:
        answer = getattr(ui.answers, name)
        assert squash(answer["ru"]) in text and squash(answer["zh-Hans"]) in text, name
    squares = [r for r in rects if 4 <= r["width"] / MM <= 6.05
               and abs(r["width"] - r["height"]) < 0.5]
    assert len({round(r["x0"] / MM) for r in squares}) >= 3  # yes, no, done
    write_ins = [r for r in rects if r["height"] / MM >= 8 and 30 <= r["width"] / MM <= 120
                 and r["height"] / MM < 12]
    assert len({(round(r["x0"]), round(r["top"])) for r in write_ins}) >= 6  # 2 who + 4 answers
    for box in write_ins:  # nothing printed inside a write-in line's space
        inside = [w for w in words if box["x0"] < w["x0"] < box["x1"]
                  and box["top"] < w["top"] < box["bottom"] - 1]
        assert inside == [], inside
    assert any(r["height"] / MM >= 25 and r["width"] / MM >= 100 for r in rects)  # free box


def test_a_draft_for_an_unknown_scenario_or_an_unlabelled_field_is_refused(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, folder)
    path = folder / "applications.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("  - id: transfer\n    scenarios: [transfer]",
                                     "  - id: transfer\n    scenarios: [handover]"),
                    encoding="utf-8")
    with pytest.raises(ContentProblems, match=r"drafts\.4\.scenarios: unknown scenario 'handover'"):
        load_content(folder)
    path.write_text(original.replace("эл. почта {email}", "эл. почта {e_mail}"),
                    encoding="utf-8")
    with pytest.raises(ContentProblems, match=r"\{e_mail\} has no label in `fields`"):
        load_content(folder)


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("applications.yaml", "      zh-Hans: 我请求解除这个号码的通信服务合同。\n",
         "      zh-Hans: 我请求解除这个号码的通信服务合同。\n      ru: Прошу.\n",
         r"drafts\.0\.gloss: language ru is not a user language of this file"),
        ("applications.yaml", "  new_holder.name_latin:", "  new_holder.name:",
         r"fields: no such profile field: new_holder\.name"),
        ("phrasebook.yaml", "reading: zdrástvuyte!", "reading: здравствуйте!",
         r"phrases\.0\.reading: String should match pattern"),
    ],
)
def test_broken_drafts_and_phrases_are_refused_with_their_line(tmp_path, file, old, new, message):
    folder = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentProblems, match=rf"{file}:\d+: {message}"):
        load_content(folder)
