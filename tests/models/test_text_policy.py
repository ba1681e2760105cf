
import pytest

from generator.errors import printable_message
from generator.models.text_policy import char_problem, text_problem, unsafe_strings


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Иван Петров 王小明 محمد", None),
        ("two\nlines", None),
        ("bell\a", "holds the control character U+0007; remove it"),
        ("next\x85line", "holds the control character U+0085; remove it"),
        ("evil\u202etxt.pdf", "holds the invisible direction control U+202E"),
        ("half \ud83d", "holds a broken character (U+D83D, half of a UTF-16 pair)"),
        ("\ufffe", "holds U+FFFE, which is not a character"),
    ],
)
def test_text_problem_names_the_character(text, problem):
    found = text_problem(text)
    assert found == problem if problem is None else found.startswith(problem)


def test_unsafe_strings_checks_keys_and_nested_values():
    data = {"ok": ["fine", {"deep": "bad\x00"}], "k\x1b": "v"}
    assert [location for location, _ in unsafe_strings(data)] == [
        ("ok", 1, "deep"), ("k\x1b",)
    ]


def test_messages_never_send_control_characters_to_the_terminal():
    assert printable_message("a\x1b[2Jb\u202ec\nd") == "a\\x1b[2Jb\\u202ec\nd"


def test_one_search_refuses_exactly_the_characters_char_problem_refuses():
    """text_problem screens with a regular expression; it must agree with the per-character
    rules on every code point, with and without line breaks allowed."""
    for code in range(0x110000):
        char = chr(code)
        for multiline in (True, False):
            assert text_problem(char, multiline=multiline) == char_problem(
                char, multiline=multiline
            ), f"U+{code:04X}"


def test_the_first_refused_character_is_named():
    assert text_problem("ok\u202eand\x00") == char_problem("\u202e")
    assert text_problem("a\nb\x07", multiline=False) == "must be one line; remove the line break"
    assert text_problem("a\nb\x07") == char_problem("\x07")
