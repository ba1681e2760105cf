from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.yaml_source import load_yaml


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "file.yaml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def test_remembers_the_line_of_every_key_and_item(tmp_path):
    document = load_yaml(write(tmp_path, "a: 1\nlist:\n  - x: 2\n  - y: 3\n"))
    assert document.line_of(("a",)) == 1
    assert document.line_of(("list", 1, "y")) == 4
    # An unknown deeper location falls back to the nearest known parent.
    assert document.line_of(("list", 0, "missing")) == 3


def test_yes_and_no_stay_text_and_dates_stay_strings(tmp_path):
    document = load_yaml(write(tmp_path, "yes: no\non: 2026-11-21\nflag: true\n"))
    assert document.data == {"yes": "no", "on": "2026-11-21", "flag": True}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\na: 2\n", "file.yaml:2: invalid YAML, column 1: duplicate key 'a'"),
        ("a: [1, 2\n", "file.yaml:2: invalid YAML"),
        ("a: b: c\n", "file.yaml:1: invalid YAML, column 5"),
    ],
)
def test_broken_yaml_names_file_and_line(tmp_path, text, expected):
    with pytest.raises(ContentError) as error:
        load_yaml(write(tmp_path, text))
    assert expected in str(error.value)


def test_non_utf8_and_missing_files_are_one_line_errors(tmp_path):
    with pytest.raises(ContentError, match=r"file.yaml:2: is not UTF-8"):
        load_yaml(write(tmp_path, b"a: 1\nb: \xff\xfe\n"))
    with pytest.raises(ContentError, match="file not found"):
        load_yaml(tmp_path / "absent.yaml")
    with pytest.raises(ContentError, match="is a folder"):
        load_yaml(tmp_path)
