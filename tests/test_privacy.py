"""Text that stands in for personal data reaches the page body and nothing else."""

from click.testing import CliRunner
from conftest import page_texts, squash
from content_tools import copy_content, edit_yaml
from privacy_checks import leftovers, places_outside_the_body, texts_outside_the_body

from generator.cli import cli

STAND_IN = "Иван Петров 4510 123456"


def test_body_text_stays_out_of_metadata_bookmarks_file_names_and_leftovers(tmp_path):
    folder = copy_content(tmp_path / "content")

    def change(data):
        data["sections"][0]["items"][0]["text"] = {"zh-Hans": STAND_IN, "ru": STAND_IN}

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
    from conftest import rendered

    pdf = rendered().data
    heading = texts_outside_the_body(pdf)["bookmarks"][0]
    assert "bookmarks" in places_outside_the_body(pdf, heading)  # (and the title)
    assert "document info" in places_outside_the_body(pdf, "WeasyPrint")
