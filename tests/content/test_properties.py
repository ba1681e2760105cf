"""Property tests: any text in a content field, and random damage to content files, end in a
printed sheet or a clear message, never in a traceback. Few examples render a PDF (about 1 s
each); the rest stop at the HTML."""

from __future__ import annotations

import contextlib
import re
import tempfile
from pathlib import Path

import markupsafe
import pypdf
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.cli.main import cli
from generator.content.loading import ContentProblems, load_content
from generator.content.yaml_source import load_yaml
from generator.errors import RenderError, UserError
from generator.models.text_policy import text_problem
from generator.render.html import render_html
from generator.render.pipeline import RenderRequest, build_view, render
from tests.conftest import page_texts
from tests.content_tools import copy_content, edit_yaml
from tests.helpers import weasyprint_warnings_kept_out_of_the_log
from tests.strategies import (
    CONTENT_PROBLEM,
    any_text,
    appears_in,
    mutated_data,
    mutated_text,
    printable_text,
    u_codes,
)

FIXTURES_OK = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
CONTENT_FILES = [
    "meta.yaml", "ui.yaml", "general.yaml", "scenarios/cancel.yaml", "carriers/mts.yaml",
    "carriers/generic.yaml", "carriers/megafon.yaml",
]


@contextlib.contextmanager
def content_copy():
    with tempfile.TemporaryDirectory(prefix="prop-") as name:
        yield copy_content(Path(name) / "content")




def with_first_item(folder: Path, text: str) -> None:
    def change(data):
        # Every language the file declares, so only the text itself can be refused.
        data["sections"][0]["items"][0]["text"] = {
            **{language: text for language in data["languages"]}, "ru": text
        }

    edit_yaml(folder / "scenarios" / "cancel.yaml", change)


def assert_clear_content_message(message: str, folder: Path) -> None:
    lines = message.splitlines()
    assert lines, "an empty message"
    if len(lines) == 21:  # 20 problems shown, the rest counted
        assert re.fullmatch(r"… and \d+ more problems", lines.pop()), message
    for line in lines:
        assert line.startswith(str(folder)), line
        assert CONTENT_PROBLEM.match(line), line


@settings(max_examples=4, suppress_health_check=FIXTURES_OK)
@given(text=printable_text(max_size=16))
@example(text="Иван Петров 王小明 محمد علي Ωμέγα ﬁ Ａｂｃ")
@example(text="Ngũgĩ wa Thiong'o & <b>Ōe</b> ✓ № 4510 123456")
def test_printable_text_is_printed_or_refused_with_a_clear_message(text):
    with content_copy() as folder, weasyprint_warnings_kept_out_of_the_log():
        with_first_item(folder, text)
        try:
            result = render(RenderRequest(content_dir=folder))
        except ContentProblems as error:
            assert not text.strip(), f"printable text refused: {error}"
            assert "missing text" in str(error)
            return
        except RenderError as error:  # a character no installed font has: named by its code
            assert u_codes(text) & set(str(error).replace("(", " ").replace(")", " ").split())
            return
    assert result.warnings == []
    page = page_texts(result.data)[0]
    assert appears_in(text, page), (text, page)


@settings(max_examples=30, suppress_health_check=FIXTURES_OK)
@given(text=any_text(max_size=24))
@example(text="\x1b[2J")
@example(text="\u202eevil")
@example(text="\ud800")
@example(text="a\u2028b")
@example(text="line\nbreak")
@example(text="0 0 0")  # its last words are joined on the sheet
@example(text="один два SIM-карта")
@example(text="一二三四五六七八")
def test_any_text_is_accepted_exactly_when_the_policy_allows_it(text):
    with content_copy() as folder:
        with_first_item(folder, text)
        # YAML itself folds line-break characters (U+0085, U+2028): judge what it reads.
        text = load_yaml(folder / "scenarios" / "cancel.yaml").data["sections"][0]["items"][0][
            "text"
        ]["ru"]
        try:
            bundle = load_content(folder)
        except ContentProblems as error:
            assert_clear_content_message(str(error), folder)
            for problem in error.problems:  # both languages hold the text
                assert problem.field.startswith("sections.0.items.0.text"), problem
            problem = text_problem(text)
            if problem:
                assert problem in str(error)
            else:
                assert not text.strip() and "missing text" in str(error)
            return
    assert text_problem(text) is None and text.strip()
    html = render_html(build_view(RenderRequest(content_dir=folder), bundle))
    # The sheet joins a text's last words (no-break space, word joiner) so no line ends on one
    # word: read the HTML as a reader sees it, spaces as spaces and joiners gone.
    def as_read(markup: str) -> str:
        return markup.replace("\u00a0", " ").replace("\u2060", "")

    assert as_read(str(markupsafe.escape(text.strip()))) in as_read(html)


def check_damaged_content(folder: Path) -> None:
    """Loading and rendering every carrier's HTML ends well or in a UserError, nothing else."""
    try:
        bundle = load_content(folder)
    except ContentProblems as error:
        assert_clear_content_message(str(error), folder)
        return
    except UserError as error:
        assert len(str(error).splitlines()) == 1
        return
    for carrier in bundle.carriers:
        try:
            render_html(build_view(RenderRequest(content_dir=folder, carrier=carrier), bundle))
        except UserError as error:
            assert len(str(error).splitlines()) == 1


@settings(max_examples=25, suppress_health_check=FIXTURES_OK)
@given(name=st.sampled_from(CONTENT_FILES), data=st.data())
def test_damaged_data_gives_a_message_or_a_sheet(name, data):
    with content_copy() as folder:
        path = folder / name
        document = load_yaml(path).data
        _what, damaged = data.draw(mutated_data(document), label="mutation")
        edit_yaml(path, lambda current: (current.clear(), current.update(damaged)))
        check_damaged_content(folder)


@settings(max_examples=25, suppress_health_check=FIXTURES_OK)
@given(name=st.sampled_from(CONTENT_FILES), data=st.data())
def test_damaged_text_gives_a_message_or_a_sheet(name, data):
    with content_copy() as folder:
        path = folder / name
        _what, damaged = data.draw(mutated_text(path.read_text(encoding="utf-8")),
                                  label="mutation")
        path.write_text(damaged, encoding="utf-8", errors="surrogatepass")
        check_damaged_content(folder)


@settings(max_examples=4, suppress_health_check=FIXTURES_OK)
@given(name=st.sampled_from(CONTENT_FILES), data=st.data())
def test_the_cli_on_damaged_content_exits_0_with_a_pdf_or_2_with_a_message(name, data):
    with content_copy() as folder, weasyprint_warnings_kept_out_of_the_log():
        path = folder / name
        _what, damaged = data.draw(mutated_text(path.read_text(encoding="utf-8")),
                                  label="mutation")
        path.write_text(damaged, encoding="utf-8", errors="surrogatepass")
        target = folder.parent / "sheet.pdf"
        result = CliRunner().invoke(
            cli, ["--content-dir", str(folder), "render", "-o", str(target)],
            prog_name="sim-checklist",
        )
        assert result.exit_code in (0, 2), (result.exit_code, result.stderr)
        assert "Traceback" not in result.stderr + result.stdout
        if result.exit_code == 0:
            assert pypdf.PdfReader(target).pages
        else:
            assert result.stderr.startswith("error: ")
            assert not target.exists()
