"""Personal data goes into the PDF body and nowhere else: not the file name, the metadata,
the bookmarks, the terminal, or any file left in the output or temporary folders."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from generator.cli.main import cli
from generator.content.profile import load_profile
from tests.conftest import page_texts, squash
from tests.content_tools import copy_content, edit_yaml
from tests.privacy_checks import leftovers, places_outside_the_body, texts_outside_the_body

PROJECT = Path(__file__).resolve().parents[2]

PROFILE = """\
name_latin: "QIAN DUOYU"
name_native: "钱多余"
passport_number: "EK9081726"
citizenship: "Китай (КНР)"
phone: "+7 916 555-01-23"
iccid: "8970199876543210987"
email: "qian.duoyu@example.org"
refund:
  bank: "ПАО Сбербанк"
  bik: "044525225"
  account: "40817810438000000001"
"""


def secrets(profile_path: Path) -> list[str]:
    """Every value, and the spellings a leak could take (digits only, no spaces)."""
    values = [v for v in load_profile(profile_path).secrets() if v not in {"ПАО Сбербанк",
                                                                          "Китай (КНР)"}]
    variants = {squash(v) for v in values} | {"".join(c for c in v if c.isdigit()) for v in values}
    return sorted({*values, *(v for v in variants if len(v) >= 6)})


def run_cli(folder: Path, *args: str) -> subprocess.CompletedProcess:
    temporary = folder / "tmp"
    temporary.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(temporary), "PYTHONPATH": str(PROJECT)}
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True,
                          text=True, env=env, cwd=folder, check=False)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("privacy")
    profile = folder / "me.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    result = run_cli(folder, "render", "-c", "mts", "--profile", "me.yaml")
    assert result.returncode == 0, result.stderr
    return folder, profile, result


def test_the_values_are_in_the_pdf_body(rendered):
    folder, _, _ = rendered
    reader = pypdf.PdfReader(folder / "output" / "cancel-mts-zh-Hans.pdf")
    body = squash("".join(page.extract_text() for page in reader.pages))
    for value in ["QIANDUOYU", "钱多余", "EK9081726", "+7916555-01-23", "40817810438000000001"]:
        assert value in body, value  # so the checks below look for something that is there


JINJA_CACHE = "_jinja2-cache-"  # compiled templates kept between runs (generator/render/html.py)


def _template_cache(folder: Path) -> list[Path]:
    return [path for path in (folder / "tmp").iterdir() if path.name.startswith(JINJA_CACHE)]


def test_file_name_and_folders_hold_nothing_personal(rendered):
    folder, profile, _ = rendered
    cache = _template_cache(folder)
    left = sorted(str(path.relative_to(folder)) for path in folder.rglob("*")
                  if not any(path == c or c in path.parents for c in cache))
    assert left == ["me.yaml", "output", "output/cancel-mts-zh-Hans.pdf", "tmp"]
    names = " ".join(left)
    for secret in secrets(profile):
        assert secret not in names


def test_no_temporary_file_is_left_behind(rendered):
    """Only Jinja2's cache of compiled templates stays: our own markup, nothing personal."""
    folder, profile, _ = rendered
    cache = _template_cache(folder)
    assert sorted(set((folder / "tmp").iterdir()) - set(cache)) == []
    for path in (file for folder_ in cache for file in folder_.rglob("*") if file.is_file()):
        assert path.suffix == ".cache", path
        data = path.read_bytes()
        for secret in secrets(profile):
            assert secret.encode("utf-8") not in data, (path, secret)


def test_metadata_bookmarks_and_raw_bytes_hold_nothing_personal(rendered):
    folder, profile, _ = rendered
    data = (folder / "output" / "cancel-mts-zh-Hans.pdf").read_bytes()
    reader = pypdf.PdfReader(io.BytesIO(data))
    metadata = " ".join(str(value) for value in (reader.metadata or {}).values())
    xmp = reader.xmp_metadata
    xmp_text = xmp.stream.get_data().decode("utf-8", "replace") if xmp else ""

    def titles(outline) -> list[str]:
        found = []
        for item in outline:
            found.extend(titles(item) if isinstance(item, list) else [item.title])
        return found

    bookmarks = " ".join(titles(reader.outline))
    assert metadata and bookmarks  # there is something to search
    for secret in secrets(profile):
        assert secret not in metadata, secret
        assert secret not in xmp_text, secret
        assert secret not in bookmarks, secret
        # Text in the body is stored as glyph numbers of a subset font: a value readable as
        # plain bytes would be a leak into a dictionary (info, XMP, tags, names).
        assert secret.encode("utf-8") not in data, secret
        assert secret.encode("utf-16-be") not in data, secret


def test_the_terminal_shows_nothing_personal(rendered):
    _, profile, result = rendered
    for secret in secrets(profile):
        assert secret not in result.stdout + result.stderr
    assert "output/cancel-mts-zh-Hans.pdf" in result.stdout


def test_html_output_keeps_the_values_out_of_the_title(tmp_path):
    profile = tmp_path / "me.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    result = run_cli(tmp_path, "render", "--profile", "me.yaml", "--format", "html")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "output" / "cancel-generic-zh-Hans.html").read_text(encoding="utf-8")
    head = html[: html.index("<body>")]
    assert "EK9081726" in html[html.index("<body>"):]
    for secret in secrets(profile):
        assert secret not in head


def test_a_refused_profile_writes_nothing_and_echoes_no_value(tmp_path):
    profile = tmp_path / "me.yaml"
    profile.write_text(PROFILE.replace('"EK9081726"', '"EK90#81726"').replace(
        '"40817810438000000001"', '"40817810438000000002"'), encoding="utf-8")
    result = run_cli(tmp_path, "render", "--profile", "me.yaml")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, result.stderr  # one line per problem
    assert "me.yaml:3: passport_number:" in lines[0]
    assert "me.yaml:11: refund.account:" in lines[1]
    for secret in ["EK90#81726", "EK90", "40817810438000000002", "QIAN"]:
        assert secret not in result.stderr
    assert not (tmp_path / "output").exists()
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_character_no_font_has_is_reported_by_field_not_echoed(caplog):
    from generator.errors import RenderError
    from generator.models.profile import Profile
    from generator.render.pipeline import RenderRequest, render

    profile = Profile(name_native="钱\U0010fffd余")
    with pytest.raises(RenderError) as error:
        render(RenderRequest(profile=profile))
    assert "name_native" in str(error.value)
    assert "\U0010fffd" not in str(error.value) and "U+10FFFD" not in str(error.value)
    caplog.clear()  # WeasyPrint's warning about the glyph is the point of this test


# Content text that stands in for personal data, rendered through the CLI in-process.
STAND_IN = "Иван Петров 4510 123456"


def test_body_text_stays_out_of_metadata_bookmarks_file_names_and_leftovers(tmp_path):
    folder = copy_content(tmp_path / "content")

    def change(data):
        languages = [*data["languages"], "ru"]
        data["sections"][0]["items"][0]["text"] = dict.fromkeys(languages, STAND_IN)

    edit_yaml(folder / "scenarios" / "cancel.yaml", change)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["--content-dir", str(folder), "render", "-o",
                                      str(out / "sheet.pdf")], prog_name="sim-checklist")
    assert result.exit_code == 0, result.stderr
    pdf = (out / "sheet.pdf").read_bytes()
    assert squash(STAND_IN) in squash(page_texts(pdf)[0])  # it is printed
    assert places_outside_the_body(pdf, STAND_IN) == []
    assert "4510" not in result.stdout + result.stderr
    assert leftovers(out, {"sheet.pdf"}) == set()


def test_the_check_sees_text_outside_the_body():
    """The control: a heading's text is in the bookmarks, so the check can fail."""
    from tests.conftest import rendered

    pdf = rendered().data
    heading = texts_outside_the_body(pdf)["bookmarks"][0]
    assert "bookmarks" in places_outside_the_body(pdf, heading)  # (and the title)
    assert "document info" in places_outside_the_body(pdf, "WeasyPrint")
