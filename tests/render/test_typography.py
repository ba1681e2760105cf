"""The no-widow joiners: the end of a text stays on one line, nothing else changes."""

from generator.render.typography import (
    NO_BREAK_SPACE,
    WORD_JOINER,
    hold_hyphenated_words,
    keep_last_words_together,
)


def test_last_two_words_are_joined():
    text = "Когда вернут деньги?"
    assert keep_last_words_together(text) == f"Когда вернут{NO_BREAK_SPACE}деньги?"


def test_two_words_or_a_long_ending_stay_breakable():
    assert keep_last_words_together("Goodbye friend") == "Goodbye friend"
    long_ending = "оригинал нотариальнойнотариальной доверенностидоверенности."
    assert keep_last_words_together(long_ending) == long_ending


def test_last_three_hanzi_are_joined_before_closing_punctuation():
    joined = keep_last_words_together("如果號碼要解除合約？")
    assert joined == f"如果號碼要解除{WORD_JOINER.join('合約')}？".replace(
        "除合", f"除{WORD_JOINER}合")
    assert joined.replace(WORD_JOINER, "") == "如果號碼要解除合約？"
    assert keep_last_words_together("解除？") == "解除？"  # too short to wrap


def test_a_hyphenated_last_word_cannot_break_at_its_hyphen():
    joined = keep_last_words_together("Я хочу получить SIM-карту.")
    assert joined == f"Я хочу получить{NO_BREAK_SPACE}SIM-{WORD_JOINER}карту."


def test_the_phone_page_holds_hyphenated_words_whole():
    held = hold_hyphenated_words("Я плохо говорю по-русски. SIM-карта — ниже")
    assert held == f"Я плохо говорю по-{WORD_JOINER}русски. SIM-{WORD_JOINER}карта — ниже"
