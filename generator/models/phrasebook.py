"""content/phrasebook.yaml: short phrases for the visit, with a Latin reading to say aloud."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from generator.models.base import ContentFile, StrictModel
from generator.models.sentence import FACTS_DESCRIPTION
from generator.models.text import Text

# The reading is reviewed content, not generated at render time: ASCII letters plus the
# acute accent that marks the stressed vowel, and the punctuation of the phrase.
Reading = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-záéíóúýÁÉÍÓÚÝ' ,.?!\-]+$", max_length=120)
]


class Phrase(StrictModel):
    text: Text
    reading: Reading = Field(description="Latin transliteration to read the Russian aloud")
    facts: list[str] = Field(default_factory=list, description=FACTS_DESCRIPTION)


class Phrasebook(ContentFile):
    heading: Text
    reading_hint: Text = Field(description="How to read the Latin line")
    phrases: list[Phrase] = Field(min_length=15, max_length=25)

    @field_validator("phrases")
    @classmethod
    def _no_repeats(cls, phrases: list[Phrase]) -> list[Phrase]:
        seen: set[str] = set()
        for phrase in phrases:
            if phrase.text["ru"] in seen:
                raise ValueError(f"phrase {phrase.text['ru']!r} is listed twice")
            seen.add(phrase.text["ru"])
        return phrases
