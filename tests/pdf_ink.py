"""What a rendered PDF page holds, read back from the PDF: glyphs with their size, position and
structure (tag, language), drawn rules and boxes with their thickness, images.

WeasyPrint draws a border as one even-odd filled path: the border box minus the padding box.
pdfplumber reports the two rectangles; pairing them back gives each drawn side's thickness.
"""

from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass, field
from functools import lru_cache

import pdfplumber
from pdfminer.layout import LTChar, LTContainer
from pdfplumber.utils import chars_to_textmap

MM = 72 / 25.4  # PDF points per millimetre
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
EPSILON = 0.02  # points: rounding in WeasyPrint's and pdfplumber's arithmetic


@dataclass(frozen=True)
class Glyph:
    text: str
    size: float
    font: str  # without the subset prefix
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    skew: float  # the text matrix's shear: 0 unless slanted (a synthetic italic)
    colors: tuple
    mcid: int | None
    structure: tuple[tuple[str, str | None], ...]  # (tag, own /Lang) from the root down
    elements: tuple[int, ...]  # a serial number per structure element on that path

    @property
    def lang(self) -> str | None:
        """The innermost /Lang of the glyph's structure elements."""
        return next((lang for _, lang in reversed(self.structure) if lang), None)

    def inside(self, tag: str) -> bool:
        return any(kind == tag for kind, _ in self.structure)

    @property
    def is_han(self) -> bool:
        return bool(HAN.match(self.text))

    @property
    def is_cyrillic(self) -> bool:
        return bool(CYRILLIC.match(self.text))


@dataclass(frozen=True)
class Frame:
    """A bordered box as drawn: its border box and the thickness of each drawn side."""

    x0: float
    top: float
    x1: float
    bottom: float
    sides: dict[str, float]  # "top"/"right"/"bottom"/"left" → thickness, drawn sides only
    color: tuple

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def is_outline(self) -> bool:
        return len(self.sides) == 4


@dataclass(frozen=True)
class Stroke:
    x0: float
    top: float
    x1: float
    bottom: float
    width: float
    dashed: bool
    color: tuple


@dataclass(frozen=True)
class PageInk:
    number: int  # 0-based
    width: float
    height: float
    glyphs: list[Glyph]
    frames: list[Frame]
    strokes: list[Stroke]
    fills: list[dict]  # filled rectangles that are not part of a border pair (rare)
    images: list[dict]
    structure: list[dict] = field(repr=False)
    extracted: str = field(default="", repr=False)  # pdfplumber's extract_text() of the page

    def glyphs_in(self, x0: float, top: float, x1: float, bottom: float) -> list[Glyph]:
        return [g for g in self.glyphs if g.x0 >= x0 - 1 and g.x1 <= x1 + 1
                and g.top >= top - 1 and g.bottom <= bottom + 1]

    def text(self) -> str:
        return "".join(g.text for g in self.glyphs)


def _is_white(color) -> bool:
    return color is not None and all(abs(value - 1) < 0.001 for value in color_tuple(color))


def color_tuple(color) -> tuple:
    if color is None:
        return ()
    if isinstance(color, (int, float)):
        return (float(color),)
    return tuple(color)


def _structure_by_mcid(tree: list[dict]) -> dict[int, tuple[tuple, tuple]]:
    found: dict[int, tuple[tuple, tuple]] = {}
    serial = iter(range(1 << 30))

    def walk(element: dict, path: tuple, ids: tuple) -> None:
        path = (*path, (element.get("type"), element.get("lang")))
        ids = (*ids, next(serial))
        for mcid in element.get("mcids") or []:
            found[mcid] = (path, ids)
        for child in element.get("children") or []:
            walk(child, path, ids)

    for element in tree:
        walk(element, (), ())
    return found


def _pair_frames(rects: list[dict]) -> tuple[list[Frame], list[dict]]:
    """Pair each border box with the padding box cut out of it (same path, even-odd)."""
    ink = [r for r in rects if r["fill"] and not _is_white(r["non_stroking_color"])]
    used: set[int] = set()
    frames = []
    for i, outer in enumerate(ink):
        if i in used:
            continue
        best = None
        for j, inner in enumerate(ink):
            if j == i or j in used:
                continue
            insets = {
                "top": inner["top"] - outer["top"],
                "right": outer["x1"] - inner["x1"],
                "bottom": outer["bottom"] - inner["bottom"],
                "left": inner["x0"] - outer["x0"],
            }
            if all(-EPSILON <= inset <= 12 for inset in insets.values()) and any(
                inset > EPSILON for inset in insets.values()
            ):
                total = sum(insets.values())
                if best is None or total < best[0]:
                    best = (total, j, insets)
        if best is not None:
            _, j, insets = best
            frames.append(Frame(
                outer["x0"], outer["top"], outer["x1"], outer["bottom"],
                {side: inset for side, inset in insets.items() if inset > EPSILON},
                color_tuple(outer["non_stroking_color"]),
            ))
            used.update((i, j))
    loose = [r for k, r in enumerate(ink) if k not in used]
    return frames, loose


# A sheet's checks run one after another (tests/conftest.py orders and groups them by sheet), so
# a few parsed PDFs in memory are enough: each PDF is parsed once, and memory stays flat.
PARSED_PDFS_KEPT = 6


def _layout_objects(page) -> tuple[list[dict], dict[str, list[dict]]]:
    """The page's chars and its other objects, in pdfplumber's order and form (`page.chars`,
    `page.rects`, …), but each char read straight off pdfminer's LTChar: pdfplumber copies every
    attribute of every char into a dict (about a third of a sheet's parse), and the checks read
    a few. tests/test_pdf_ink.py holds the two readings equal on real sheets."""
    x_offset, top_offset = page.mediabox[:2]
    chars: list[dict] = []
    others: dict[str, list[dict]] = {}

    def walk(items) -> None:
        for item in items:
            if isinstance(item, LTContainer):  # a form XObject: its contents, as pdfplumber
                walk(item)
            elif isinstance(item, LTChar):
                state = item.graphicstate
                top = page.height - item.y1 + top_offset
                chars.append({
                    "text": item.get_text(), "fontname": item.fontname, "size": item.size,
                    "x0": item.x0 + x_offset, "x1": item.x1 + x_offset,
                    "top": top, "bottom": page.height - item.y0 + top_offset,
                    "doctop": page.initial_doctop + top, "upright": item.upright,
                    "matrix": item.matrix, "mcid": getattr(item, "mcid", None),
                    "non_stroking_color": _as_tuple(state.ncolor),
                    "stroking_color": _as_tuple(state.scolor),
                })
            else:
                found = page.process_object(item)
                if found["object_type"] != "anno":
                    others.setdefault(found["object_type"], []).append(found)

    walk(page.layout)
    return chars, others


def _as_tuple(color):
    return color if isinstance(color, tuple) else (color,)


@lru_cache(maxsize=PARSED_PDFS_KEPT)
def read_pages(data: bytes) -> tuple[PageInk, ...]:
    """Every page of a PDF, parsed once by pdfminer through pdfplumber: glyphs, frames,
    strokes, images, the structure tree and the extracted text. All other readers of a PDF
    build on this."""
    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages):
            structure = page.structure_tree
            by_mcid = _structure_by_mcid(structure)
            chars, others = _layout_objects(page)
            glyphs = [
                Glyph(
                    text=char["text"],
                    size=char["size"],
                    font=char["fontname"].split("+", 1)[-1],
                    x0=char["x0"], x1=char["x1"], top=char["top"], bottom=char["bottom"],
                    baseline=page.height - char["matrix"][5],
                    skew=char["matrix"][2],
                    colors=(color_tuple(char["non_stroking_color"]),
                            color_tuple(char["stroking_color"])),
                    mcid=char["mcid"],
                    structure=by_mcid.get(char["mcid"], ((), ()))[0],
                    elements=by_mcid.get(char["mcid"], ((), ()))[1],
                )
                for char in chars
            ]
            rects = others.get("rect", [])
            frames, loose = _pair_frames(rects)
            strokes = [
                Stroke(o["x0"], o["top"], o["x1"], o["bottom"], o["linewidth"],
                       o.get("dash") is not None, color_tuple(o["stroking_color"]))
                for o in [*others.get("line", []), *others.get("curve", []),
                          *(r for r in rects if r["stroke"])]
            ]
            extracted = chars_to_textmap(chars, layout_bbox=page.bbox, layout_width=page.width,
                                         layout_height=page.height).as_string if chars else ""
            pages.append(PageInk(number, page.width, page.height, glyphs, frames, strokes,
                                 loose, others.get("image", []), structure, extracted))
    return tuple(pages)


def lines_of(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into text lines by baseline, top to bottom, each left to right."""
    rows: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (round(g.baseline, 1), g.x0)):
        if rows and abs(rows[-1][0].baseline - glyph.baseline) < 0.6:
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    return [sorted(row, key=lambda g: g.x0) for row in rows]


@dataclass(frozen=True)
class TextLine:
    """One run of glyphs on one baseline, split from its neighbours by a wide gap (a column)."""

    glyphs: tuple[Glyph, ...]

    @property
    def baseline(self) -> float:
        return self.glyphs[0].baseline

    @property
    def size(self) -> float:
        return statistics.median(g.size for g in self.glyphs)

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def x1(self) -> float:
        return self.glyphs[-1].x1


def text_lines(glyphs: list[Glyph]) -> list[TextLine]:
    found = []
    for row in lines_of([g for g in glyphs if g.text.strip()]):
        run = [row[0]]
        for glyph in row[1:]:
            if glyph.x0 - run[-1].x1 > 2 * max(glyph.size, run[-1].size):
                found.append(TextLine(tuple(run)))
                run = []
            run.append(glyph)
        found.append(TextLine(tuple(run)))
    return found
