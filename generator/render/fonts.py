"""Pre-cut fonts: Noto Sans CJK reduced to the characters a sheet can use.

WeasyPrint keeps every glyph slot up to the highest glyph a document uses, and Noto Sans CJK
has about 65,000: a pre-cut font of a few thousand glyphs makes the PDF about half as large
and writing it faster. The cut holds the content's characters, the common hanzi (GB2312
level 1 for SC, Big5 level 1 for TC), Latin, Cyrillic and punctuation; templates/css/05-fonts.css
lists the system font after it, so a rare character in a name still renders from there.

The cuts are built from the installed system font (SIL Open Font License) into FONTS_DIR,
which git ignores: `sim-checklist fonts` (run by scripts/setup.sh) builds them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.paths import FONTS_DIR

STAMP_FILE = "cut.json"
BUILDER_VERSION = 1  # bump when the cut's recipe changes: every cut is then rebuilt


@dataclass(frozen=True)
class Cut:
    """One pre-cut face: which system face it comes from, which file it becomes."""

    file_name: str  # the name 05-fonts.css loads
    family: str  # the system family it is cut from
    style: str  # fontconfig style of the source face
    common: str  # the legacy encoding whose level-1 hanzi are kept


CUTS = (
    Cut("sim-sc-regular.otf", "Noto Sans CJK SC", "Regular", "gb2312"),
    Cut("sim-sc-bold.otf", "Noto Sans CJK SC", "Bold", "gb2312"),
    Cut("sim-tc-regular.otf", "Noto Sans CJK TC", "Regular", "big5"),
    Cut("sim-tc-bold.otf", "Noto Sans CJK TC", "Bold", "big5"),
)

# Latin, Cyrillic and the punctuation and symbols names, addresses and documents use.
BASE_RANGES = (
    (0x0020, 0x007E), (0x00A0, 0x024F), (0x0300, 0x036F), (0x0400, 0x052F),
    (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x218F), (0x2190, 0x21FF),
    (0x2460, 0x24FF), (0x2500, 0x25FF), (0x2600, 0x26FF), (0x2700, 0x27BF),
    (0x3000, 0x303F), (0x30FB, 0x30FB), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
)


def level1_hanzi(encoding: str) -> set[str]:
    """The frequent hanzi of a legacy encoding: GB2312 level 1 (3,755) or Big5 level 1 (5,401)."""
    if encoding == "gb2312":  # rows 0xB0–0xD7, the last one ending at 0xF9
        codes = [bytes((lead, trail)) for lead in range(0xB0, 0xD8) for trail in range(0xA1, 0xFF)]
    elif encoding == "big5":  # 0xA440–0xC67E
        codes = [code for lead in range(0xA4, 0xC7)
                 for trail in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
                 if (code := bytes((lead, trail))) <= b"\xc6\x7e"]
    else:
        raise ValueError(f"no level-1 table for {encoding}")
    characters = set()
    for code in codes:
        try:
            characters.add(code.decode(encoding))
        except UnicodeDecodeError:
            continue
    return characters


def cut_characters(cut: Cut, content: Iterable[str]) -> set[str]:
    base = {chr(code) for start, end in BASE_RANGES for code in range(start, end + 1)}
    return base | level1_hanzi(cut.common) | set(content)


def _system_face(cut: Cut) -> tuple[Path, int]:
    """The installed file and the index of the face inside a .ttc collection."""
    import subprocess

    result = subprocess.run(  # noqa: S603 - fixed program, our own arguments
        ["fc-match", "--format=%{file}\t%{index}\t%{family}",  # noqa: S607
         f"{cut.family}:style={cut.style}"],
        capture_output=True, text=True, check=False,
    )
    path, index, families = [*result.stdout.split("\t"), "", "", ""][:3]
    if result.returncode != 0 or cut.family not in families.split(","):
        from generator.errors import UserError

        raise UserError(f"{cut.family} {cut.style} is not installed: "
                        "sudo apt-get install -y fonts-noto-cjk")
    return Path(path), int(index or 0)


def _stamp(cuts_and_characters: list[tuple[Cut, set[str], Path, int]]) -> str:
    digest = hashlib.sha256(str(BUILDER_VERSION).encode())
    for cut, characters, source, index in cuts_and_characters:
        stat = source.stat()
        digest.update(f"{cut}|{source}|{index}|{stat.st_size}|{stat.st_mtime_ns}".encode())
        digest.update("".join(sorted(characters)).encode())
    return digest.hexdigest()


def fonts_present(folder: Path | None = None) -> bool:
    folder = folder or FONTS_DIR
    return all((folder / cut.file_name).is_file() for cut in CUTS)


def cut_font(source: Path, index: int, characters: set[str], target: Path) -> int:
    """Write the face reduced to `characters`; return its glyph count."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(source), fontNumber=index, lazy=True)
    options = subset.Options()
    # Horizontal shaping only; no locl: each face already defaults to its own forms.
    options.layout_features = ["ccmp", "kern", "mark", "mkmk", "liga", "calt", "halt", "palt"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(char) for char in characters])
    subsetter.subset(font)
    partial = target.with_suffix(".part")
    font.save(str(partial))
    partial.replace(target)
    return len(font.getGlyphOrder())


def build_fonts(content: Iterable[str], folder: Path = FONTS_DIR, force: bool = False,
                ) -> tuple[bool, list[str]]:
    """Cut every face unless the cuts on disk were made from the same sources and characters.

    Returns (rebuilt, one line per face)."""
    content = set(content)
    plan = []
    for cut in CUTS:
        source, index = _system_face(cut)
        plan.append((cut, cut_characters(cut, content), source, index))
    stamp = _stamp(plan)
    stamp_path = folder / STAMP_FILE
    if not force and fonts_present(folder) and stamp_path.is_file():
        recorded = json.loads(stamp_path.read_text(encoding="utf-8"))
        if recorded.get("stamp") == stamp:
            return False, [f"{name}: up to date" for name in recorded.get("files", [])]
    folder.mkdir(parents=True, exist_ok=True)
    targets = [folder / cut.file_name for cut, *_ in plan]
    # One process per face, as many at once as there are cores: each cut is ~5 s of CPU.
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(len(plan), os.cpu_count() or 1)) as pool:
        glyph_counts = list(pool.map(cut_font, [source for _, _, source, _ in plan],
                                     [index for *_, index in plan],
                                     [characters for _, characters, _, _ in plan], targets))
    lines = []
    for (cut, _, source, _), target, glyphs in zip(plan, targets, glyph_counts, strict=True):
        lines.append(f"{cut.file_name}: {glyphs} glyphs, {target.stat().st_size // 1024} KB "
                     f"from {source.name} ({cut.family} {cut.style})")
    stamp_path.write_text(json.dumps({"stamp": stamp, "files": [c.file_name for c in CUTS]}),
                          encoding="utf-8")
    return True, lines
