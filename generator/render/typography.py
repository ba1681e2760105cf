"""Line-breaking help for the PDF: no paragraph ends on one word alone (a widow).

WeasyPrint has no `text-wrap: pretty`, so the end of a text is kept on one line: the last two
words of a spaced text are joined by a no-break space (and a hyphenated last word is held
together by a word joiner after its hyphen), the last three hanzi of a Chinese text by
word joiners (invisible, never extracted). A wrapped paragraph then ends with at least two words
or three hanzi. Only short endings are joined, so a long pair never pushes past its column.
"""

from __future__ import annotations

import re

NO_BREAK_SPACE = "\u00a0"
WORD_JOINER = "\u2060"
LONGEST_JOINED_ENDING = 30  # characters: two words, never near a whole line
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Three hanzi at the end, then only closing punctuation (。？！」) or nothing.
HAN_ENDING = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{3})(\W*)$")
# A hyphen between two letters ("по-русски", "SIM-карта").
INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def keep_last_words_together(text: str) -> str:
    ending = HAN_ENDING.search(text)
    if ending and len(HAN.findall(text)) > 6:
        joined = WORD_JOINER.join(ending.group(1))
        return f"{text[:ending.start()]}{joined}{ending.group(2)}"
    head, space, last = text.rpartition(" ")
    if not space or " " not in head.strip():  # fewer than three words: nothing to keep
        return text
    before = head.rpartition(" ")[2]
    if not before or len(before) + 1 + len(last) > LONGEST_JOINED_ENDING:
        return text
    # A hyphen is a break opportunity too ("SIM-|карту."): held like the phone page's words.
    return f"{head}{NO_BREAK_SPACE}{hold_hyphenated_words(last)}"


def hold_hyphenated_words(text: str) -> str:
    """A word joiner after each inner hyphen: a narrow screen wraps before "по-русски", never
    inside it (browsers break after a hyphen; the joiner is invisible and never copied as a
    space)."""
    return INNER_HYPHEN.sub("-" + WORD_JOINER, text)
