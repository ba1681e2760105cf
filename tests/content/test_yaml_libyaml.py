"""The LibYAML fast path must read exactly what the pure-Python loader reads, and hand every
unusual file back to it (which words the errors: tests/content/test_yaml_source.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, find, given, settings
from hypothesis import strategies as st

from generator.content import yaml_libyaml, yaml_source
from generator.errors import ContentError
from generator.paths import DEFAULT_CONTENT_DIR
from tests.strategies import mutated_text

pytestmark = pytest.mark.skipif(not yaml_libyaml.AVAILABLE, reason="PyYAML without LibYAML")

CONTENT_FILES = sorted(DEFAULT_CONTENT_DIR.rglob("*.yaml"))


def fast(text: str):
    return yaml_libyaml.compose_plain(text, yaml_source._RESOLVER, yaml_source.MAX_NESTING)


def pure(text: str, monkeypatch: pytest.MonkeyPatch) -> yaml_source.YamlDocument:
    with monkeypatch.context() as patch:
        patch.setattr(yaml_libyaml, "AVAILABLE", False)
        return yaml_source.load_yaml(Path("file.yaml"), text)


def outcome(text: str, monkeypatch: pytest.MonkeyPatch, libyaml: bool):
    """What load_yaml makes of a text with or without the LibYAML fast path: the data (repr
    too: 1 and True, 1.0 and 1 compare equal) and lines, or the error it reports."""
    with monkeypatch.context() as patch:
        patch.setattr(yaml_libyaml, "AVAILABLE", libyaml)
        try:
            document = yaml_source.load_yaml(Path("file.yaml"), text)
        except ContentError as error:
            return ("refused", str(error))
    return ("read", document.data, repr(document.data), document.lines)


def assert_same_as_pure(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """load_yaml gives the same result, data or error, with the fast path as without it."""
    assert outcome(text, monkeypatch, libyaml=True) == outcome(text, monkeypatch, libyaml=False)


def assert_fast_path_reads_like_pure(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast path takes the text itself, and reads what the pure loader reads."""
    plain = fast(text)
    assert plain is not None, "the fast path handed this text back"
    data, lines = plain
    assert ("read", data, repr(data), lines) == outcome(text, monkeypatch, libyaml=False)


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda path: path.name)
def test_every_content_file_takes_the_fast_path_with_the_same_result(path, monkeypatch):
    assert_fast_path_reads_like_pure(yaml_source.read_text(path), monkeypatch)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [1, 2]\nb: *x\n",  # aliases
        "a: &x 1\n",  # an anchor alone
        "a: " + "[" * 41 + "]" * 41 + "\n",
        "facts: " + "[" * 5000 + "]" * 5000 + "\n",
        "a: " + "7" * 5000 + "\n",
        "a: !!binary aGk=\n",
        "a: !!str x\n",  # any explicit tag, even a harmless one
        "a: ! x\n",
        "a: 1\na: 2\n",
        "1: a\n",
        "null: a\n",
        "[1]: a\n",
        "{a: 1}: b\n",
        "<<: {a: 1}\n",
        "a: =\n",
        "a: 1\n---\nb: 2\n",
        "%YAML 1.1\n---\na: 1\n",
        "a: [1, 2\n",
        "a: b\x00\n",
        "\ta: 1\n",
        "a: b\n...\n",
        "---\n",
        "- \n- a\n",
        "[a?b]\n",
        "a: |#\n  b\n",
        "a: {b: c}\n",
        "- [a: b]\n",
    ],
)
def test_unusual_files_are_left_to_the_pure_loader(text):
    assert fast(text) is None


def test_the_nesting_limit_is_the_pure_loaders(monkeypatch):
    deepest = "a: " + "[" * 39 + "]" * 39 + "\n"  # 40 nodes deep, counting the mapping
    assert_fast_path_reads_like_pure(deepest, monkeypatch)
    with pytest.raises(ContentError, match="nested deeper than 40 levels"):
        pure("a: " + "[" * 40 + "]" * 40 + "\n", monkeypatch)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a comment\n",
        "a:\n",
        "- a\n- - b\n  - c: d\n    e: [f, 'g: h', \"?\"]\n",
        "a: yes\nb: no\nc: on\nd: 2026-11-21\ne: TRUE\nf: ~\ng: 0x1F\nh: 1_000\ni: .inf\n",
        "j: 1:30\nk: 0o17\nl: 017\nm: +1.5e3\nn: -.5\no: 'true'\np: \"1\"\nq: ''\n",
        "text: |\n  two\n  lines\nfolded: >\n  one\n  line\n\nafter: x\n",
        "a:\r\n  b: c\r\n",
        "quoted: \"tab\\there \\u263A \\x41 \\e\"\nsingle: 'it''s'\n",
        "key with spaces: value:with colon\nurl: https://x.ru/a#b\n",
        "\u4e2d\u6587: \u0440\u0443\u0441\u0441\u043a\u0438\u0439\n",
    ],
)
def test_plain_files_take_the_fast_path_with_the_same_result(text, monkeypatch):
    assert_fast_path_reads_like_pure(text, monkeypatch)


SETTINGS = settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
YAML_PIECES = st.sampled_from(
    ["a", "b", "1", "0x1", "1.5", "true", "~", "null", "yes", "'q'", '"d"', ": ", ":", "- ",
     "-", "[", "]", "{", "}", ", ", "#", " ", "  ", "\n", "\t", "? ", "|", ">", "&a ", "*a",
     "!", "%", "@", "`", "---", "...", "\\", "\u4e2d", "\u044f", "\r\n", "\r", "\u2028",
     "\x85", "\ufeff", "+", "2", ".", "e", "\ud800", "\x00"]
)


# Every example is compared: the data or the error message must be the same on both paths (a
# text the fast path hands back is read by the pure loader both times, which also holds).
@SETTINGS
@given(st.data())
def test_damaged_content_files_read_the_same_on_both_paths(monkeypatch, data):
    path = data.draw(st.sampled_from(CONTENT_FILES), label="file")
    _, text = data.draw(mutated_text(yaml_source.read_text(path)), label="damage")
    event("fast path" if fast(text) is not None else "handed back")
    assert_same_as_pure(text, monkeypatch)


@SETTINGS
@given(st.lists(YAML_PIECES, max_size=40).map("".join))
def test_random_yaml_reads_the_same_on_both_paths(monkeypatch, text):
    event("fast path" if fast(text) is not None else "handed back")
    assert_same_as_pure(text, monkeypatch)


# ... and the comparisons above are not all of texts the fast path hands back: each strategy
# reaches the fast path with texts that differ from the file they came from.
def test_damaged_files_reach_the_fast_path():
    original = yaml_source.read_text(DEFAULT_CONTENT_DIR / "meta.yaml")
    _, text = find(mutated_text(original),
                   lambda pair: pair[1] != original and fast(pair[1]) is not None,
                   settings=settings(database=None, max_examples=2000))
    assert fast(text) is not None


def test_random_yaml_reaches_the_fast_path():
    text = find(st.lists(YAML_PIECES, min_size=3, max_size=40).map("".join),
                lambda text: ":" in text and fast(text) is not None,
                settings=settings(database=None, max_examples=2000))
    assert fast(text) is not None


def test_without_libyaml_the_pure_loader_reads_everything(monkeypatch):
    monkeypatch.setattr(yaml_libyaml, "AVAILABLE", False)
    path = DEFAULT_CONTENT_DIR / "meta.yaml"
    assert yaml_source.load_yaml(path).data["staff_language"] == "ru"
