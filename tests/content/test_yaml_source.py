from pathlib import Path

import pytest

from generator.content.yaml_source import load_yaml
from generator.errors import ContentError


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: &x [1, 2]\nb: *x\n", "file.yaml:2: invalid YAML, column 4: aliases (*name) are not"),
        ("a: " + "[" * 100 + "]" * 100 + "\n", "nested deeper than 40 levels"),
        ("a: " + "7" * 5000 + "\n", "this value cannot be read; put it in quotes"),
        ("? " + "7" * 5000 + "\n: a\n", "this value cannot be read; put it in quotes"),
        ("a: b\x00\n", "file.yaml:1: invalid YAML, column 5: character U+0000 is not allowed"),
        ("a: !!binary aGk=\n", "binary values are not allowed"),
        ("a: !!set {x}\n", "the tag tag:yaml.org,2002:set is not allowed"),
        ("a: !!python/tuple [1]\n", "the tag tag:yaml.org,2002:python/tuple is not allowed"),
        ("[1]: a\n", "mapping keys must be text"),
        ("<<: {a: 1}\n", "file.yaml:1: invalid YAML"),
    ],
)
def test_hostile_yaml_is_refused_with_its_line(tmp_path, text, expected):
    with pytest.raises(ContentError) as error:
        load_yaml(write(tmp_path, text))
    assert expected in str(error.value)
    assert "\n" not in str(error.value)


def test_a_byte_order_mark_is_not_content(tmp_path):
    assert load_yaml(write(tmp_path, "\ufeffa: 1\n".encode())).data == {"a": 1}


def test_pipes_and_oversized_files_are_refused_without_reading_them(tmp_path):
    import os

    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)  # reading it would block forever
    with pytest.raises(ContentError, match="is not a regular file"):
        load_yaml(pipe)
    big = write(tmp_path, "#" * (256 * 1024 + 1))
    with pytest.raises(ContentError, match="is larger than 256 KB"):
        load_yaml(big)
