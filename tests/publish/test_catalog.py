"""index.html: every link and preview resolves inside the folder, every string comes from
content/catalog.yaml in each of its languages, and nothing is fetched from the network."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest

from generator.content.interface import load_catalog_strings
from generator.content.loading import load_content
from generator.models import Text
from generator.publish.catalog import localize
from tests.helpers import add_fictional_carrier, copy_content, run, small_content


class IndexParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []  # the PDF links under each card's list of languages
        self.phone_links: list[str] = []  # the phone page links beside them
        self.preview_links: list[str] = []
        self.images: list[dict[str, str]] = []
        self.spans: list[tuple[str, str, str]] = []  # (lang, data-for, text)
        self.tags: list[str] = []
        self.checked: list[str] = []
        self._open: list[tuple[str, str] | None] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append(tag)
        if tag == "a" and attributes.get("class") == "preview":
            self.preview_links.append(attributes["href"])
        elif tag == "a" and attributes.get("class") == "phone":
            self.phone_links.append(attributes["href"])
        elif tag == "a":
            self.links.append(attributes["href"])
        if tag == "img":
            self.images.append(attributes)
        if tag == "input" and "checked" in attributes:
            self.checked.append(attributes["id"])
        if tag == "span" and "data-for" in attributes:
            self._open.append((attributes["lang"], attributes["data-for"]))
        elif tag == "span":
            self._open.append(None)

    def handle_endtag(self, tag):
        if tag == "span":
            self._open.pop()

    def handle_data(self, data):
        if self._open and self._open[-1] is not None:
            lang, shown_for = self._open[-1]
            self.spans.append((lang, shown_for, data))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("catalog")
    # two scenarios in two languages (polar has zh-Hans only): enough to group by scenario and
    # carrier and to list a card's languages, quick to build
    content = small_content(tmp_path, carriers=("generic", "mts"), scenarios=("cancel", "esim"),
                            languages=("zh-Hans", "en"))
    add_fictional_carrier(content)
    out = tmp_path / "site"
    result = run("--content-dir", str(content), "build-all", "-o", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.output
    html = (out / "index.html").read_text(encoding="utf-8")
    parser = IndexParser()
    parser.feed(html)
    return content, out, html, parser


def test_every_link_and_preview_is_a_file_in_the_folder(site):
    _, out, html, parser = site
    pdfs = sorted(path.name for path in out.glob("*.pdf"))
    assert len(pdfs) == 2 * (2 + 2 + 1)  # two scenarios: generic and mts in two languages, polar
    assert sorted(parser.links) == pdfs  # each sheet once, under its card's languages
    # and its phone page beside it, written by the same build
    phones = sorted(path.name for path in out.glob("*.html") if path.name != "index.html")
    assert phones == sorted(name.replace(".pdf", "-phone.html") for name in pdfs)
    assert sorted(parser.phone_links) == phones
    # one card per scenario and carrier; its preview shows and opens the first language's sheet
    cards = {name.removesuffix("-zh-Hans.pdf") for name in pdfs if name.endswith("-zh-Hans.pdf")}
    assert sorted(parser.preview_links) == sorted(f"{card}-zh-Hans.pdf" for card in cards)
    assert len(parser.images) == len(cards)
    # only the pictures the index shows are made: none of the English sheets
    assert sorted(path.name for path in (out / "previews").iterdir()) == sorted(
        f"{card}-zh-Hans.png" for card in cards)
    for image, href in zip(parser.images, parser.preview_links, strict=True):
        assert image["src"] == f"previews/{Path(href).stem}.png"
        assert (out / image["src"]).is_file()
        assert image["alt"].strip()
    # offline: no script, no stylesheet or font fetched, no absolute URL anywhere
    assert "script" not in parser.tags and "link" not in parser.tags
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert "url(" not in html


def test_each_link_shows_the_real_page_count_and_size(site):
    _, out, html, _ = site
    for pdf in out.glob("*.pdf"):
        pages = len(pypdf.PdfReader(pdf).pages)
        size = round(pdf.stat().st_size / 1024)
        block = html[html.index(f'href="{pdf.name}" type'):][:900]
        assert f"{pages} 页" in block and f"pages: {pages}" in block
        assert f"страниц: {pages}" in block
        assert f"{size} KB" in block and f"{size} КБ" in block


def test_grouped_by_scenario_and_carrier_in_every_catalog_language(site):
    content, _, html, parser = site
    bundle = load_content(content)
    strings = load_catalog_strings(content)
    # every user language the project ships, and Russian
    assert set(strings.languages) == {*load_content().meta.language_codes, "ru"}
    assert parser.checked == [f"show-{strings.languages[0]}"]  # the switcher needs no script
    for name in ("title", "intro", "how_to_print", "offline_note", "rules_differ"):
        for code in strings.languages:
            assert (code, code, getattr(strings, name)[code]) in parser.spans
    for scenario in bundle.scenarios.values():
        # folded: a tap on the situation opens its carriers, a tap on one opens its links
        assert f'<details class="scenario" id="{scenario.id}">' in html
        assert ("ru", "ru", scenario.title["ru"]) in parser.spans
    for carrier in bundle.carriers.values():
        assert f'<details class="card" id="cancel-{carrier.id}">' in html
        facts = bundle.facts_for("cancel", carrier.id)
        checked = min(fact.checked for fact in facts).isoformat()
        card = html[html.index(f'id="cancel-{carrier.id}"'):][:6000]
        assert strings.facts_checked["ru"].format(date=checked) in card
        assert carrier.name["zh-Hans"] in html and carrier.name["ru"] in html
    # the carrier-neutral sheet comes last and says what it is for
    order = [html.index(f'id="cancel-{c}"') for c in ("mts", "polar", "generic")]
    assert order == sorted(order)
    assert ("en", "en", strings.generic_carrier["en"]) in parser.spans


def test_a_language_a_text_lacks_shows_its_first_page_language_instead():
    text = Text.model_validate({"zh-Hans": "注销", "ru": "Расторжение"},
                               context={"languages": ["zh-Hans", "ru"]})
    spans = localize(text, ["zh-Hans", "en", "ru"])
    assert [(s.text, s.lang, s.shown_for) for s in spans] == [
        ("注销", "zh-Hans", ("zh-Hans", "en")),
        ("Расторжение", "ru", ("ru",)),
    ]


def test_a_broken_catalog_file_stops_before_rendering(tmp_path):
    content = copy_content(tmp_path, keep_carriers=("generic",))
    catalog = content / "catalog.yaml"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace("  en: Sheet language\n", ""),
                       encoding="utf-8")
    out = tmp_path / "site"
    result = run("--content-dir", str(content), "build-all", "-o", str(out))
    assert result.exit_code == 2
    assert re.match(rf"error: {re.escape(str(catalog))}:\d+: languages_heading: missing text in en",
                    result.stderr)
    assert not Path(out).exists()
