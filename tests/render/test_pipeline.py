"""End to end: render real PDFs and read them back (text, pages, fonts, metadata)."""

import datetime as dt
import io
from html.parser import HTMLParser

import pypdf

from generator.models import Confidence
from generator.render.pipeline import RenderRequest, render
from tests.conftest import bundle, page_texts, rendered, squash

# What each page of every sheet holds, checked against the content: tests/sheets/test_scenarios.py.


def test_likely_contacts_carry_the_verify_mark_and_confirmed_ones_do_not():
    heading = bundle().ui.carrier_heading["ru"]
    pages = page_texts(rendered(carrier="mts").data)
    (text,) = [page for page in pages if heading in page]  # the carrier facts page
    mark = bundle().ui.verify_mark["zh-Hans"]
    lines = text.splitlines()
    facts = {fact.kind: fact for fact in bundle().facts_for("cancel", "mts")}
    checked = 0
    for kind in ("hotline", "hotline_short", "balance_code"):
        fact = facts.get(kind)
        if fact is None or not fact.is_statement:
            continue
        wanted = squash(getattr(bundle().ui.fact_labels, kind)["ru"])
        label = [squash(line) for line in lines].index(wanted)
        assert squash(fact.value) in squash(lines[label - 1]), kind  # the value, then its label
        assert (mark in lines[label + 1]) == (fact.confidence is Confidence.LIKELY), kind
        checked += 1
    assert checked, "mts states none of its contacts: choose another carrier for this test"


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
    generated = dt.date(2026, 1, 1)
    request = RenderRequest(carrier="beeline", generated=generated)
    for text in page_texts(render(request, bundle()).data):
        flat = squash(text)
        assert "cancel·beeline" in flat
        assert generated.isoformat() in flat
        assert squash(bundle().meta.content_version) in flat
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
