"""content/phrasebook.yaml: short phrases for the visit, with a Latin reading to say aloud."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from generator.models.base import ContentFile, Slug, StrictModel
from generator.models.sentence import FACTS_DESCRIPTION
from generator.models.text import Text

# The reading is reviewed content, not generated at render time: ASCII letters plus the
# acute accent that marks the stressed vowel, and the punctuation of the phrase.
Reading = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-záéíóúýÁÉÍÓÚÝ' ,.?!\-]+$", max_length=120)
]


# What one sheet's phrasebook page holds (one page, two columns).
PHRASES_PER_SHEET = 25


class Phrase(StrictModel):
    text: Text
    reading: Reading = Field(description="Latin transliteration to read the Russian aloud")
    facts: list[str] = Field(default_factory=list, description=FACTS_DESCRIPTION)
    scenarios: list[Slug] | None = Field(
        default=None, description="Sheets the phrase is printed on; all when left out"
    )

    def applies_to(self, scenario_id: str) -> bool:
        return self.scenarios is None or scenario_id in self.scenarios


class Phrasebook(ContentFile):
    heading: Text
    reading_hint: Text = Field(description="How to read the Latin line")
    phrases: list[Phrase] = Field(min_length=15, max_length=60)

    @field_validator("phrases")
    @classmethod
    def _no_repeats(cls, phrases: list[Phrase]) -> list[Phrase]:
        seen: set[str] = set()
        for phrase in phrases:
            if phrase.text["ru"] in seen:
                raise ValueError(f"phrase {phrase.text['ru']!r} is listed twice")
            seen.add(phrase.text["ru"])
        named = {name for phrase in phrases for name in phrase.scenarios or []}
        for name in sorted(named):
            shown = [phrase for phrase in phrases if phrase.applies_to(name)]
            if len(shown) > PHRASES_PER_SHEET:
                raise ValueError(
                    f"{len(shown)} phrases on the {name} sheet; one page holds "
                    f"{PHRASES_PER_SHEET}"
                )
        if sum(phrase.scenarios is None for phrase in phrases) > PHRASES_PER_SHEET:
            raise ValueError(f"more than {PHRASES_PER_SHEET} phrases on every sheet")
        return phrases

    def phrases_for(self, scenario_id: str) -> list[Phrase]:
        return [phrase for phrase in self.phrases if phrase.applies_to(scenario_id)]
