"""End to end: render real PDFs and read them back (text, pages, fonts, metadata)."""

import io
from html.parser import HTMLParser

import pypdf
import pytest

from generator.models import Confidence
from generator.render.pipeline import RenderRequest, render
from tests.conftest import bundle, column_text, page_texts, rendered, squash

CARRIERS = ["generic", "mts", "beeline", "megafon", "t2"]
# Checklist, staff card, questions for the staff, carrier facts, application drafts,
# phrasebook: one page each.
PAGES = ["checklist", "staff card", "questions", "carrier facts", "application", "phrasebook"]


@pytest.mark.parametrize("carrier", CARRIERS)
def test_every_section_extracts_in_chinese_and_russian(carrier):
    result = rendered(carrier=carrier)
    checklist = squash(page_texts(result.data)[0])
    scenario = bundle().scenarios["cancel"]
    ui = bundle().ui
    for section in scenario.sections:
        title = getattr(ui.section_titles, section.id)
        assert squash(title["zh-Hans"]) in checklist
        assert squash(title["ru"]) in checklist
        for item in section.items:
            assert squash(item.text["zh-Hans"]) in checklist, item.text["zh-Hans"]
            assert squash(item.text["ru"]) in checklist, item.text["ru"]
    staff_card = squash(page_texts(result.data)[1])
    assert squash(scenario.staff.request["ru"]) in staff_card
    assert squash(scenario.staff.request["zh-Hans"]) in staff_card
    assert squash(ui.language_line["ru"]) in staff_card


@pytest.mark.parametrize("carrier", CARRIERS)
def test_page_count_is_as_designed_and_each_part_is_on_its_page(carrier):
    texts = page_texts(rendered(carrier=carrier).data)
    assert len(texts) == len(PAGES)
    ui = bundle().ui
    assert squash(ui.section_titles.before["zh-Hans"]) in squash(texts[0])
    assert squash(ui.all_done["ru"]) in squash(texts[0])  # the checklist ends on page 1
    assert squash(ui.answers.write_down["ru"]) in squash(texts[1])  # the grid ends on page 2
    assert squash(ui.questions_heading["ru"]) in squash(texts[2])
    assert squash(ui.legend_questions["ru"]) in squash(texts[3])
    applications = bundle().applications
    assert squash(applications.heading["ru"]) in squash(texts[4])
    drafts = applications.drafts_for("cancel", refund_to_phone=False)
    assert texts[4].count(applications.signature["ru"]) == len(drafts)  # all on page 5
    phrasebook = bundle().phrasebook
    assert squash(phrasebook.heading["ru"]) in squash(texts[5])
    assert squash(phrasebook.phrases[-1].reading) in squash(texts[5])  # the last one too


@pytest.mark.parametrize("carrier", CARRIERS)
def test_no_unconfirmed_fact_is_printed_as_a_statement(carrier):
    data = rendered(carrier=carrier).data
    # The carrier box puts its values and questions in a right-hand column (x > 82 mm).
    text = squash("".join(page_texts(data)) + column_text(data, 3, 80))
    for fact in bundle().facts_for("cancel", carrier):
        if fact.confidence is Confidence.UNCONFIRMED:
            values = fact.value if isinstance(fact.value, list) else [fact.value]
            for value in filter(None, values):
                assert squash(value) not in text, f"{fact.id}: {value}"
            if fact.text:
                assert squash(fact.text["ru"]) not in text
                assert squash(fact.text["zh-Hans"]) not in text
            assert squash(fact.question["ru"]) in text
            assert squash(fact.question["zh-Hans"]) in text
        elif fact.kind != "rule":
            assert squash(fact.value) in text


def test_likely_facts_carry_the_verify_mark_and_confirmed_ones_do_not():
    text = page_texts(rendered(carrier="mts").data)[3]
    mark = bundle().ui.verify_mark["zh-Hans"]
    lines = text.splitlines()
    hotline = lines.index(bundle().ui.fact_labels.hotline["ru"])
    short = lines.index(bundle().ui.fact_labels.hotline_short["ru"])
    assert "8 800 250-08-90" in lines[hotline - 1]
    assert mark not in lines[hotline + 1]  # confirmed: a plain statement
    assert "0890" in lines[short - 1]
    assert mark in lines[short + 1]  # likely: marked "verify at the counter"


def test_fonts_are_embedded_and_subset():
    reader = pypdf.PdfReader(io.BytesIO(rendered().data))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[font["/BaseFont"]] = descriptor
            assert "/ToUnicode" in font  # text extraction needs the Unicode map
    assert fonts
    for name, descriptor in fonts.items():
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), name
        assert name[7] == "+" and name[1:7].isupper(), f"{name} is not a subset"
    assert any("Sim-Noto-SC" in name for name in fonts)  # the pre-cut font (05-fonts.css)


def test_metadata_has_title_and_language_and_nothing_personal():
    reader = pypdf.PdfReader(io.BytesIO(rendered(carrier="t2").data))
    title = reader.metadata.title
    assert "注销" in title and "T2" in title
    assert reader.trailer["/Root"]["/Lang"] == "zh-Hans"
    assert "/Author" not in reader.metadata


def test_footer_is_on_every_page():
    result = rendered(carrier="beeline")
    for text in page_texts(result.data):
        flat = squash(text)
        assert "cancel·beeline" in flat
        assert result.sheet.footer.generated.isoformat() in flat
        assert "2026.11.21" in flat
        assert squash(bundle().ui.footer.rules_differ["ru"]) in flat


class LangChecker(HTMLParser):
    """Collects the text nodes that have no `lang` on any element between them and <html>."""

    VOID = frozenset({"meta", "br", "link", "img", "hr", "input"})

    def __init__(self):
        super().__init__()
        self.stack: list[str | None] = []
        self.unmarked: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(None if tag in {"html", "style"} else dict(attrs).get("lang"))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        text = data.strip()
        if text and "style" not in self.stack and not any(self.stack):
            self.unmarked.append(text)


def test_html_output_marks_the_language_of_every_text_span():
    html = render(RenderRequest(carrier="mts", output_format="html")).data.decode()
    checker = LangChecker()
    checker.feed(html[html.index("<body>") :])
    # Outside a lang span stand only codes and values: dates, versions, 'cancel · mts',
    # phone numbers, USSD codes and domains, which read the same in every language.
    for text in checker.unmarked:
        assert not any(char.isalpha() and char not in "cancelmtsru" for char in text), text
