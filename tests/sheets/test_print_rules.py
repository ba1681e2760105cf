"""Every rule of docs/print-rules.md, checked on the rendered PDF of every scenario ×
carrier × language the content has (new content is covered as it lands): glyph sizes and
positions, drawn rules and boxes, the tagged structure, the QR code, the pages as images.
US Letter is checked on a sample of sheets (tests/conftest.py, `LETTER_SAMPLE`)."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

import pikepdf
from PIL import Image, ImageChops

from generator.models import Confidence
from generator.render.fonts import CUTS
from generator.render.paper import BOX_HEIGHT_MM, BOX_WIDTH_MM, FOOTER_HEIGHT_MM, PAPERS
from generator.view.qr import QUIET_ZONE_MODULES
from tests.conftest import each_letter_sample, each_sheet, rendered, squash
from tests.pdf_ink import (
    EPSILON,
    HAN,
    MM,
    PARSED_PDFS_KEPT,
    Glyph,
    PageInk,
    color_tuple,
    lines_of,
    read_pages,
    text_lines,
)

USER_PARTS = ("checklist", "carrier")
STAFF_PARTS = ("staff_card", "questions")

sheets = each_sheet


@dataclass(frozen=True)
class Sheet:
    result: object  # RenderResult
    pages: tuple[PageInk, ...]
    parts: tuple[str, ...]  # the part each page is meant to hold, in page order
    box: tuple[float, float, float, float]  # the 190 × 259 mm content box, in points

    @property
    def view(self):
        return self.result.sheet

    def page(self, part: str) -> PageInk:
        return self.pages[self.parts.index(part)]

    @property
    def footer_top(self) -> float:
        return self.box[3] - FOOTER_HEIGHT_MM * MM

    def body(self, page: PageInk) -> list[Glyph]:
        return [g for g in page.glyphs if g.bottom <= self.footer_top]

    def footer(self, page: PageInk) -> list[Glyph]:
        return [g for g in page.glyphs if g.top >= self.footer_top - EPSILON]


@lru_cache(maxsize=PARSED_PDFS_KEPT)
def sheet(key: tuple[str, str, str], paper: str = "a4") -> Sheet:
    result = rendered(*key, paper=paper)
    pages = read_pages(result.data)
    parts = result.sheet.parts
    width, height = pages[0].width, pages[0].height
    left, top = (width - BOX_WIDTH_MM * MM) / 2, (height - BOX_HEIGHT_MM * MM) / 2
    box = (left, top, left + BOX_WIDTH_MM * MM, top + BOX_HEIGHT_MM * MM)
    return Sheet(result, pages, parts, box)


def card_rectangle(page: PageInk) -> tuple[float, float, float, float]:
    """The staff card's cut line: the bounding box of the page's dashed strokes."""
    dashed = [s for s in page.strokes if s.dashed]
    assert len(dashed) >= 4, "no dashed cut line around the staff card"
    return (min(s.x0 for s in dashed), min(s.top for s in dashed),
            max(s.x1 for s in dashed), max(s.bottom for s in dashed))


def within(glyph: Glyph, rect: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = rect
    return glyph.x0 >= x0 and glyph.x1 <= x1 and glyph.top >= top and glyph.bottom <= bottom


def staff_facing(sheet_: Sheet, part: str, glyphs: list[Glyph]) -> list[Glyph]:
    """What the shop assistant reads: the card inside its cut line, and the questions page."""
    if part == "questions":
        return glyphs
    if part == "staff_card":
        card = card_rectangle(sheet_.page("staff_card"))
        return [g for g in glyphs if within(g, card)]
    return []


def part_strings(view, part: str) -> list[str]:
    """The strings of one part, both languages: all must be on that part's page."""
    pairs = []
    if part == "checklist":
        pairs = [view.heading, view.all_done]
        for section in view.sections:
            pairs += [section.title, section.trigger, *section.items]
    elif part == "staff_card":
        staff = view.staff
        pairs = [staff.language_line, staff.request, *staff.details, staff.answer_heading,
                 *staff.answer_ticks, *staff.answer_write_ins, staff.write_down, staff.cut_line,
                 *(f.label for f in staff.fields)]
    elif part == "questions":
        pairs = [view.staff.questions_heading, *view.staff.questions]
    elif part == "carrier":
        box = view.carrier
        pairs = [box.heading, *(c.label for c in box.contacts), *(r.text for r in box.rules),
                 *box.legend]
        pairs += [c.question for c in box.contacts if c.question]
    strings = [text for pair in pairs for text in (pair.user.text, pair.ru.text)]
    if part == "carrier":
        strings += [c.value for c in view.carrier.contacts if c.value]
    return strings


# Rule 4: each part on its own single page; text round-trips through extraction (rule 11).
@sheets
def test_each_part_is_one_page_holding_all_of_its_text(key):
    s = sheet(key)
    assert len(s.pages) == len(s.parts), f"{len(s.pages)} pages for parts {s.parts}"
    for part, page in zip(s.parts, s.pages, strict=True):
        text = squash(page.text())
        missing = [string for string in part_strings(s.view, part) if squash(string) not in text]
        assert not missing, f"page {page.number + 1} ({part}) lacks {missing}"


# Rule 5: type sizes by script.
@sheets
def test_type_sizes_by_script_and_role(key):
    s = sheet(key)
    for part, page in zip(s.parts, s.pages, strict=True):
        body = s.body(page)
        too_small = {(g.text, round(g.size, 2)) for g in body if g.size < 9 - EPSILON}
        assert not too_small, f"{part}: below 9 pt: {sorted(too_small)[:5]}"
        small_han = {(g.text, round(g.size, 2)) for g in body
                     if g.is_han and g.size < 10.5 - EPSILON}
        assert not small_han, f"{part}: Chinese below 10.5 pt: {sorted(small_han)[:5]}"
        staff = staff_facing(s, part, body)
        small_ru = {(g.text, round(g.size, 2)) for g in staff
                    if g.is_cyrillic and g.size < 12 - EPSILON}
        assert not small_ru, f"{part}: staff-facing Russian below 12 pt: {sorted(small_ru)[:5]}"
        small_heading = {(g.text, round(g.size, 2)) for g in staff if g.is_cyrillic
                         and (g.inside("H1") or g.inside("H2")) and g.size < 14 - EPSILON}
        assert not small_heading, f"{part}: Russian heading below 14 pt: {sorted(small_heading)}"
        if part in USER_PARTS:
            user_headings = [g for g in body if (g.inside("H1") or g.inside("H2"))
                             and g.lang == s.view.language and g.text.strip()]
            assert user_headings and min(g.size for g in user_headings) >= 14 - EPSILON


@sheets
def test_only_one_footer_line_is_below_9_pt(key):
    s = sheet(key)
    for page in s.pages:
        small = [g for g in page.glyphs if g.size < 9 - EPSILON]
        assert all(g.size >= 8 - EPSILON for g in small)
        assert all(g.top >= s.footer_top - EPSILON for g in small), "small type outside the footer"
        assert len(lines_of(small)) <= 1, "more than one footer line below 9 pt"


# Rule 5: line spacing, left alignment, no stretched (justified) spacing.
@sheets
def test_line_spacing_is_at_least_1_25(key):
    """Baselines of lines stacked in one column are at least 1.25 × the smaller size apart.

    With line-height L the gap between lines of sizes a and b is about L·(a + b)/2, less a
    little when the upper is larger, so L ≥ 1.25 always gives at least 1.25·min(a, b) and
    1.1 never does for sizes this close."""
    s = sheet(key)
    checked = 0
    for page in s.pages:
        lines = sorted(text_lines(s.body(page)), key=lambda line: line.baseline)
        for index, upper in enumerate(lines):
            below = next((line for line in lines[index + 1:]
                          if line.baseline > upper.baseline + 1
                          and line.x0 < upper.x1 and upper.x0 < line.x1), None)
            if below is None:
                continue
            gap = below.baseline - upper.baseline
            least = 1.25 * min(upper.size, below.size)
            text = "".join(g.text for g in below.glyphs)[:30]
            assert gap >= least - EPSILON, (
                f"page {page.number + 1}: {gap:.2f} pt between baselines, less than "
                f"{least:.2f}: {text!r}")
            checked += 1
    assert checked > 20


@sheets
def test_wrapped_lines_are_left_aligned_and_not_justified(key):
    s = sheet(key)
    for page in s.pages:
        blocks: dict[int, list[Glyph]] = {}
        for glyph in s.body(page):
            if len(glyph.elements) > 1:  # the parent of the text span holds whole lines
                blocks.setdefault(glyph.elements[-2], []).append(glyph)
        for glyphs in blocks.values():
            rows = lines_of([g for g in glyphs if g.text.strip()])
            for upper, lower in pairwise(rows):
                assert abs(upper[0].x0 - lower[0].x0) < 1, "lines of a block start unaligned"
                # Justified text spreads glyphs apart; ragged-right text sets them edge to edge.
                spread = max((b.x0 - a.x1 for a, b in pairwise(upper)), default=0)
                assert spread < 0.35 * upper[0].size, f"stretched spacing ({spread:.2f} pt)"


@sheets
def test_no_widowed_word_ends_a_wrapped_paragraph(key):
    """A paragraph that wraps does not leave one word (or one or two Han characters) alone."""
    s = sheet(key)
    for page in s.pages:
        blocks: dict[int, list[Glyph]] = {}
        for glyph in s.body(page):
            if len(glyph.elements) > 1:
                blocks.setdefault(glyph.elements[-2], []).append(glyph)
        for glyphs in blocks.values():
            rows = lines_of([g for g in glyphs if g.text.strip()])
            if len(rows) < 2:
                continue
            last = "".join(g.text for g in sorted(
                (g for g in glyphs if abs(g.baseline - rows[-1][0].baseline) < 0.6),
                key=lambda g: g.x0)).strip()
            han = len(re.findall(HAN, last))
            words = len(last.split())
            assert words >= 2 or han >= 3, f"page {page.number + 1}: widow {last!r}"


# Rule 5: no italics, at most two sans-serif families.
@cache
def cut_sources() -> dict[str, str]:
    """PDF font name of each pre-cut face ("Sim-Noto-SC") → the typeface it is cut from.

    05-fonts.css names the cut files; generator/render/fonts.py says which system face each file is
    cut from. A cut keeps the design: the reader sees one typeface, so it counts as one."""
    css_file = Path(__file__).parents[2] / "templates" / "css" / "05-fonts.css"
    css = css_file.read_text(encoding="utf-8")
    source = {cut.file_name: cut.family for cut in CUTS}
    faces = re.findall(r'font-family:\s*"([^"]+)";[^}]*src:\s*url\("[^"]*/([^"/]+)"\)', css)
    assert faces, "no @font-face in 05-fonts.css"
    return {family.replace(" ", "-"): source[file].replace(" ", "-") for family, file in faces}


def reader_family(font: str) -> str:
    """The typeface a reader sees: weights, script variants and cuts of one design are one."""
    font = re.sub(r"-(Bold|Regular|Medium|Light|Black|Book)$", "", font)
    font = cut_sources().get(font, font)
    return re.sub(r"-(SC|TC|JP|KR|HK)$", "", font)


@sheets
def test_no_italics_and_at_most_two_sans_families(key):
    glyphs = [g for page in sheet(key).pages for g in page.glyphs]
    assert not {g.font for g in glyphs if re.search("italic|oblique", g.font, re.I)}
    assert all(abs(g.skew) < 1e-6 for g in glyphs), "slanted (synthetic italic) glyphs"
    families = {reader_family(g.font) for g in glyphs}
    assert len(families) <= 2, families
    assert all("Sans" in family for family in families), families


# Rule 6: black and white safe.
def is_grey(color: tuple) -> bool:
    if len(color) in (0, 1):
        return True
    if len(color) == 3:
        return max(color) - min(color) < 0.01
    return len(color) == 4 and max(color[:3]) < 0.01  # CMYK: black ink only


@sheets
def test_only_grey_ink_and_rules_of_at_least_half_a_point(key):
    s = sheet(key)
    for page in s.pages:
        assert all(is_grey(color) for g in page.glyphs for color in g.colors)
        assert all(is_grey(f.color) for f in page.frames)
        assert all(is_grey(st.color) for st in page.strokes)
        assert all(is_grey(color_tuple(f["non_stroking_color"])) for f in page.fills)
        thin = [(side, width) for f in page.frames for side, width in f.sides.items()
                if width < 0.5 - EPSILON]
        thin += [("stroke", st.width) for st in page.strokes if st.width < 0.5 - EPSILON]
        thin += [("fill", min(f["width"], f["height"])) for f in page.fills
                 if min(f["width"], f["height"]) < 0.5 - EPSILON]
        assert not thin, f"page {page.number + 1}: lines thinner than 0.5 pt: {thin[:5]}"
    with pikepdf.open(io.BytesIO(s.result.data)) as document:  # and every picture
        for number, page in enumerate(document.pages):
            for xobject in page.Resources.get("/XObject", {}).values():
                if xobject.get("/Subtype") != "/Image":
                    continue
                red, green, blue = pikepdf.PdfImage(xobject).as_pil_image().convert("RGB").split()
                spread = max(ImageChops.difference(red, green).getextrema()[1],
                             ImageChops.difference(green, blue).getextrema()[1])
                assert spread <= 2, f"page {number + 1}: a coloured picture"


# The same as printed, on the Letter sample (every scenario, carrier and language once): what
# the PDF reader above might miss (a pattern, a blend) shows in the pixels.
@each_letter_sample
def test_pages_print_in_grey_only(key, tmp_path):
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(sheet(key).result.data)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    for png in sorted(tmp_path.glob("page*.png")):
        image = Image.open(png).convert("RGB")
        red, green, blue = image.split()
        spread = max(ImageChops.difference(red, green).getextrema()[1],
                     ImageChops.difference(green, blue).getextrema()[1])
        assert spread <= 2, f"{png.name}: coloured pixels"


# Rule 2: 2 to 9 items per section; the last ends with "all done"; rule 1: one trigger each.
def list_items(page: PageInk) -> list[list[dict]]:
    found = []

    def walk(element):
        if element.get("type") == "L":
            found.append([c for c in element.get("children", []) if c.get("type") == "LI"])
        for child in element.get("children", []):
            walk(child)

    for element in page.structure:
        walk(element)
    return found


def element_text(page: PageInk, element: dict) -> str:
    mcids = set()

    def walk(e):
        mcids.update(e.get("mcids") or [])
        for child in e.get("children", []):
            walk(child)

    walk(element)
    return "".join(g.text for g in page.glyphs if g.mcid in mcids)


def own_language_text(page: PageInk, element: dict) -> str:
    """The element's text without nested elements tagged with another language (a blank's
    label hanging under a Russian line): those are checked as paragraphs of their own."""
    mcids = set()

    def walk(e):
        mcids.update(e.get("mcids") or [])
        for child in e.get("children", []):
            if not child.get("lang") or child["lang"] == element["lang"]:
                walk(child)

    walk(element)
    return "".join(g.text for g in page.glyphs if g.mcid in mcids)


@sheets
def test_sections_hold_2_to_9_items_and_the_last_ends_all_done(key):
    s = sheet(key)
    page = s.page("checklist")
    lists = list_items(page)
    assert len(lists) == len(s.view.sections)
    last = lists[-1]
    assert squash(element_text(page, last[-1])) == squash(
        s.view.all_done.user.text + s.view.all_done.ru.text)
    counts = [len(items) for items in lists]
    counts[-1] -= 1  # the "all done" line is not an item
    assert all(2 <= count <= 9 for count in counts), counts
    ticks = [f for f in page.frames
             if f.is_outline and not page.glyphs_in(f.x0, f.top, f.x1, f.bottom)]
    assert len(ticks) == sum(len(items) for items in lists), "one tick box per item"
    assert all(4 * MM - EPSILON <= side <= 6 * MM + EPSILON for f in ticks
               for side in (f.width, f.height))
    triggers = [squash(t.trigger.user.text) for t in s.view.sections]
    text = squash(page.text())
    assert all(text.count(trigger) == 1 for trigger in triggers)


# Rule 3: one language per sentence; items short (Chinese about 30 characters, Russian about
# 15 words: "about" allows a fifth more).
def paragraphs(page: PageInk) -> list[tuple[str, str]]:
    """(language, text) of every paragraph with its own language in the structure."""
    found = []

    def walk(element, parent_lang=None):
        lang = element.get("lang")
        if lang and (element.get("type") in ("P", "H1", "H2") or lang != parent_lang):
            found.append((lang, own_language_text(page, element)))
        for child in element.get("children", []):
            walk(child, lang or parent_lang)

    for element in page.structure:
        walk(element)
    return found


@sheets
def test_one_language_per_sentence_and_short_items(key):
    s = sheet(key)
    from tests.pdf_ink import CYRILLIC, HAN

    for page in s.pages:
        for lang, text in paragraphs(page):
            if lang == "ru":
                assert not HAN.search(text), f"Chinese inside Russian: {text}"
            else:
                # A Russian label the user must find on a screen is quoted, like a name.
                unquoted = re.sub(r"“[^”]*”|«[^»]*»", "", text)
                assert not CYRILLIC.search(unquoted), f"Russian inside {lang}: {text}"
    for section in s.view.sections:
        for item in section.items:
            assert len(HAN.findall(item.user.text)) <= 36, item.user.text
            assert len(item.ru.text.split()) <= 18, item.ru.text


@sheets
def test_every_letter_has_its_language_in_the_structure(key):
    """Rule 11 and content-rules.md: each span's lang reaches the PDF's structure tree.

    A glyph without its own /Lang has the catalog's (the user's language): only values that
    read the same in every language (mts.ru, 8 800 …, *100#) are left that way."""
    s = sheet(key)
    user = s.view.language
    for page in s.pages:
        letters = [g for g in s.body(page) if g.text.isalpha()]
        assert all((g.lang or user) == user for g in letters if g.is_han)
        cyrillic = [g for g in letters if g.is_cyrillic]
        assert cyrillic
        # Russian quoted inside a Chinese sentence (a label on a screen) keeps the sentence's.
        assert sum(g.lang == "ru" for g in cyrillic) >= 0.9 * len(cyrillic)


# Rule 7: bilingual pairs, the reader's language first and larger.
def language_pairs(page: PageInk, user: str) -> list[tuple[list[Glyph], list[Glyph]]]:
    """Elements with exactly two children, one in each language: (first, second) glyphs."""
    found = []

    def glyphs_of(element):
        return [g for g in page.glyphs if g.mcid in _mcids(element) and g.text.strip()]

    def walk(element):
        children = [c for c in element.get("children", []) if c.get("lang")]
        if len(children) == 2 and {c["lang"] for c in children} == {user, "ru"}:
            first, second = (glyphs_of(c) for c in children)
            if first and second:
                found.append((first, second))
        for child in element.get("children", []):
            walk(child)

    for element in page.structure:
        walk(element)
    return found


def _mcids(element: dict) -> set[int]:
    found = set(element.get("mcids") or [])
    for child in element.get("children", []):
        found |= _mcids(child)
    return found


@sheets
def test_pairs_put_the_readers_language_first_and_larger(key):
    s = sheet(key)
    user = s.view.language
    for part, page in zip(s.parts, s.pages, strict=True):
        pairs = language_pairs(page, user)
        assert pairs, f"{part}: no bilingual pairs in the structure"
        staff_glyphs = {id(g) for g in staff_facing(s, part, page.glyphs)}
        for first, second in pairs:
            reader = "ru" if id(first[0]) in staff_glyphs else user
            if part == "carrier" and first[0].lang == "ru":
                reader = "ru"  # a question to show the staff: Russian first, staff-sized
                assert min(g.size for g in first) >= 12 - EPSILON
            label = "".join(g.text for g in first)[:30]
            assert first[0].lang == reader, f"{part}: {label!r} comes first, not {reader}"
            before = (first[0].baseline < second[0].baseline - EPSILON
                      or (abs(first[0].baseline - second[0].baseline) < 1
                          and first[0].x0 < second[0].x0))
            assert before, f"{part}: {label!r} is not placed first"
            assert max(g.size for g in first) > max(g.size for g in second), (
                f"{part}: {label!r} is not larger than its translation")


# Rule 8: the staff card.
@sheets
def test_staff_card_opens_with_the_language_line_then_request_then_answer_grid(key):
    s = sheet(key)
    page = s.page("staff_card")
    card = card_rectangle(page)
    inside = [g for g in page.glyphs if within(g, card) and g.text.strip()]
    text = squash("".join(g.text for g in sorted(inside, key=lambda g: (g.baseline, g.x0))))
    staff = s.view.staff
    order = [staff.language_line.ru, staff.request.ru, staff.answer_heading.ru,
             staff.write_down.ru]
    position = 0
    for span in order:  # each found after the one before it, reading top to bottom
        found = text.find(squash(span.text), position)
        assert found >= 0, f"{span.text!r} is not where it belongs on the card"
        position = found + 1
    first_line = lines_of(inside)[0]
    assert squash("".join(g.text for g in first_line)) in squash(staff.language_line.ru.text)


@sheets
def test_staff_card_answer_grid_sizes(key):
    s = sheet(key)
    page = s.page("staff_card")
    card = card_rectangle(page)
    empty = [f for f in page.frames
             if f.x0 >= card[0] and f.x1 <= card[2] and f.top >= card[1] and f.bottom <= card[3]
             and not page.glyphs_in(f.x0, f.top, f.x1, f.bottom)]
    ticks = [f for f in empty if f.is_outline and f.height < 10 * MM]
    boxes = [f for f in empty if f.is_outline and f.height >= 10 * MM]
    lines = [f for f in empty if set(f.sides) == {"bottom"}]
    staff = s.view.staff
    assert len(ticks) == len(staff.answer_ticks)
    assert all(4 * MM - EPSILON <= size <= 6 * MM + EPSILON
               for f in ticks for size in (f.width, f.height)), [f.width / MM for f in ticks]
    assert len(lines) == len(staff.answer_write_ins) + len(staff.fields)
    assert all(f.height >= 8 * MM - EPSILON for f in lines), [f.height / MM for f in lines]
    assert len(boxes) == 1 and boxes[0].height >= 25 * MM


# Rule 9: geometry on A4 (every sheet) and Letter (a sample).
@sheets
def test_everything_inside_the_centred_box(key):
    assert_inside_the_centred_box(key, "a4")


@each_letter_sample
def test_everything_inside_the_centred_box_on_letter(key):
    assert_inside_the_centred_box(key, "letter")


def assert_inside_the_centred_box(key, paper):
    s = sheet(key, paper)
    spec = PAPERS[paper]
    for page in s.pages:
        assert abs(page.width - spec.width_mm * MM) < 0.5
        assert abs(page.height - spec.height_mm * MM) < 0.5
        left, top, right, bottom = s.box
        assert min(left, top, page.width - right, page.height - bottom) >= 10 * MM - EPSILON
        ink = [(g.x0, g.top, g.x1, g.bottom) for g in page.glyphs if g.text.strip()]
        ink += [(st.x0 - st.width / 2, st.top, st.x1, st.bottom) for st in page.strokes]
        ink += [(i["x0"], i["top"], i["x1"], i["bottom"]) for i in page.images]
        ink += [(f["x0"], f["top"], f["x1"], f["bottom"]) for f in page.fills]
        for f in page.frames:
            if "top" in f.sides:
                ink.append((f.x0, f.top, f.x1, f.top + f.sides["top"]))
            if "bottom" in f.sides:
                ink.append((f.x0, f.bottom - f.sides["bottom"], f.x1, f.bottom))
            if "left" in f.sides or "right" in f.sides:
                ink.append((f.x0, f.top, f.x1, f.bottom))
        outside = [r for r in ink if r[0] < left - 0.5 or r[1] < top - 0.5
                   or r[2] > right + 0.5 or r[3] > bottom + 0.5]
        assert not outside, f"{paper} page {page.number + 1}: ink outside the box: {outside[:3]}"


@each_letter_sample
def test_letter_and_a4_lay_out_the_same_inside_the_box(key):
    a4, letter = sheet(key, "a4"), sheet(key, "letter")
    assert len(a4.pages) == len(letter.pages)
    for page_a4, page_letter in zip(a4.pages, letter.pages, strict=True):
        here = [(g.text, round(g.x0 - a4.box[0], 1), round(g.top - a4.box[1], 1))
                for g in page_a4.glyphs]
        there = [(g.text, round(g.x0 - letter.box[0], 1), round(g.top - letter.box[1], 1))
                 for g in page_letter.glyphs]
        assert here == there


# Rule 9: the cut line around the staff card.
@sheets
def test_cut_line_is_dashed_half_point_with_5_mm_clear_and_a_bilingual_label(key):
    s = sheet(key)
    page = s.page("staff_card")
    dashed = [st for st in page.strokes if st.dashed]
    assert dashed and all(abs(st.width - 0.5) < EPSILON for st in dashed)
    x0, top, x1, bottom = card_rectangle(page)
    clear = 5 * MM - 0.5
    ink = [(g.x0, g.top, g.x1, g.bottom) for g in page.glyphs if g.text.strip()]
    ink += [(f.x0, f.top, f.x1, f.bottom) for f in page.frames]
    ink += [(st.x0, st.top, st.x1, st.bottom) for st in page.strokes if not st.dashed]
    for rect in ink:
        inner = (rect[0] >= x0 + clear and rect[2] <= x1 - clear
                 and rect[1] >= top + clear and rect[3] <= bottom - clear)
        outer = (rect[2] <= x0 - clear or rect[0] >= x1 + clear
                 or rect[3] <= top - clear or rect[1] >= bottom + clear)
        assert inner or outer, f"ink within 5 mm of the cut line: {rect}"
    label = [g for g in page.glyphs if g.bottom <= top and g.text.strip()]
    label_text = squash("".join(g.text for g in label))
    assert squash(s.view.staff.cut_line.user.text) in label_text
    assert squash(s.view.staff.cut_line.ru.text) in label_text


# Rule 10: the QR code to the official site.
def official_url(s: Sheet) -> str | None:
    for fact in s.view.facts:
        if fact.kind == "website" and fact.confidence in (Confidence.CONFIRMED, Confidence.LIKELY):
            return str(fact.url)
    return None


def format_error_correction(matrix: list[list[bool]]) -> str:
    """The error-correction level from the QR's format bits beside the top-left finder."""
    bits = [matrix[8][c] for c in (0, 1, 2, 3, 4, 5, 7, 8)]
    bits += [matrix[r][8] for r in (7, 5, 4, 3, 2, 1, 0)]
    value = int("".join("1" if b else "0" for b in bits), 2) ^ 0b101010000010010
    return {0b01: "L", 0b00: "M", 0b11: "Q", 0b10: "H"}[value >> 13]


DECODED_QR_CODES: dict[tuple[bytes, float], str] = {}


@sheets
def test_qr_code_decodes_to_the_official_url_and_is_big_enough(key, tmp_path):
    s = sheet(key)
    page = s.page("carrier")
    url = official_url(s)
    if url is None:
        assert page.images == [], "a QR code without a stated official site"
        return
    assert len(page.images) == 1
    image = page.images[0]
    with pikepdf.open(io.BytesIO(s.result.data)) as document:
        xobjects = document.pages[page.number].Resources.XObject
        picture = pikepdf.PdfImage(next(iter(xobjects.values()))).as_pil_image().convert("L")
    # Scanned as printed, once per picture and printed size: every sheet of a carrier carries
    # the same code at the same size (checked below on each), so one scan decodes them all.
    printed = (picture.tobytes(), round(image["x1"] - image["x0"], 1))
    if printed not in DECODED_QR_CODES:
        pdf = tmp_path / "sheet.pdf"
        pdf.write_bytes(s.result.data)
        number = str(page.number + 1)
        subprocess.run(["pdftoppm", "-gray", "-r", "150", "-f", number, "-l", number, str(pdf),
                        str(tmp_path / "scan")], check=True)
        scan = next(tmp_path.glob("scan*.pgm"))
        DECODED_QR_CODES[printed] = subprocess.run(
            ["zbarimg", "--quiet", "--raw", str(scan)], capture_output=True, text=True,
            check=True).stdout.strip()
    assert DECODED_QR_CODES[printed] == url
    side = picture.width  # one pixel per module, the quiet zone included
    dark = [[picture.getpixel((x, y)) < 128 for x in range(side)] for y in range(side)]
    quiet = next(i for i in range(side) if any(dark[i]))
    assert quiet >= QUIET_ZONE_MODULES
    assert all(not any(row[:quiet]) and not any(row[side - quiet:]) for row in dark)
    modules = side - 2 * quiet
    symbol_mm = (image["x1"] - image["x0"]) / MM * modules / side
    assert symbol_mm >= 20, f"QR symbol {symbol_mm:.1f} mm"
    assert abs((image["bottom"] - image["top"]) - (image["x1"] - image["x0"])) < 0.5
    symbol = [row[quiet:side - quiet] for row in dark[quiet:side - quiet]]
    assert format_error_correction(symbol) in ("M", "Q", "H")
    assert picture.getpixel((0, 0)) > 200, "light background"
    below = [g for g in page.glyphs
             if g.top >= image["bottom"] - 1 and g.top <= image["bottom"] + 8 * MM
             and g.x0 >= image["x0"] - 5 * MM and g.x1 <= image["x1"] + 5 * MM]
    assert "".join(g.text for g in below) == url, "the URL printed under the QR code"


# Rule 11: PDF essentials.
def structure_elements(document: pikepdf.Pdf):
    stack = [document.Root.StructTreeRoot]
    while stack:
        element = stack.pop()
        if not isinstance(element, pikepdf.Dictionary):
            continue
        yield element
        kids = element.get("/K")
        if isinstance(kids, pikepdf.Array):
            stack.extend(kids)
        elif isinstance(kids, pikepdf.Dictionary):
            stack.append(kids)


@sheets
def test_pdf_title_language_tags_fonts_and_alt_text(key):
    s = sheet(key)
    with pikepdf.open(io.BytesIO(s.result.data)) as document:
        assert str(document.docinfo["/Title"]) == s.view.title
        assert set(document.docinfo.keys()) <= {"/Title", "/Producer"}, "nothing personal"
        metadata = str(document.open_metadata())
        assert "dc:creator" not in metadata and "dc:description" not in metadata
        root = document.Root
        assert bool(root.ViewerPreferences.DisplayDocTitle) is True
        assert str(root.Lang) == s.view.language
        assert bool(root.MarkInfo.Marked) is True
        elements = list(structure_elements(document))
        languages = {str(e.Lang) for e in elements if "/Lang" in e}
        assert {s.view.language, "ru"} <= languages
        figures = [e for e in elements if e.get("/S") == "/Figure"]
        assert all(str(f.get("/Alt", "")).strip() for f in figures), "an image without alt text"
        if official_url(s):
            assert any(official_url(s) in str(f.Alt) for f in figures)
        for page in document.pages:
            for font in page.Resources.Font.values():
                assert "/ToUnicode" in font, f"{font.BaseFont}: no Unicode map"
                assert re.match(r"/[A-Z]{6}\+", str(font.BaseFont)), f"{font.BaseFont}: not subset"
                descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                descriptor = descendant.FontDescriptor
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


@sheets
def test_qpdf_finds_no_errors(key, tmp_path):
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(sheet(key).result.data)
    check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No syntax or stream encoding errors found" in check.stdout


# Rule 12: the footer, the same on every page.
@sheets
def test_footer_on_every_page_in_the_same_place(key):
    s = sheet(key)
    footers = [[(g.text, round(g.x0, 1), round(g.top, 1)) for g in s.footer(page)]
               for page in s.pages]
    assert footers[0] and all(footer == footers[0] for footer in footers)
    text = squash("".join(t for t, _, _ in footers[0]))
    footer = s.view.footer
    expected = [footer.generated.isoformat(), footer.content_version, s.view.scenario_id,
                s.view.carrier_id, footer.rules_differ.user.text, footer.rules_differ.ru.text]
    if footer.facts_checked:
        expected.append(footer.facts_checked.isoformat())
    assert all(squash(part) in text for part in expected), expected


# Rule 13: no personal data in the file name.
@sheets
def test_file_name_is_built_from_codes_only(key):
    result = sheet(key).result
    assert result.file_name == f"{key[0]}-{key[1]}-{key[2]}.pdf"
