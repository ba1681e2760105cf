"""content/scenarios/*.yaml: one situation's checklist and staff request."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from generator.models.base import ContentFile, Slug, StrictModel
from generator.models.sentence import Stated
from generator.models.text import Text

# The four pause points of docs/print-rules.md rule 1, in this order.
SECTION_ORDER = ("before", "counter", "leaving", "after")
SectionId = Literal["before", "counter", "leaving", "after"]
Alias = Annotated[str, StringConstraints(min_length=1, max_length=20)]


class Item(StrictModel):
    text: Text
    facts: list[str] = Field(default_factory=list, description="ids of the facts this sentence states")


class Section(StrictModel):
    id: SectionId
    trigger: Text = Field(description="One line: when to use this section")
    items: list[Item] = Field(min_length=2, max_length=9)


class StaffCard(StrictModel):
    request: Stated = Field(description="What I want, addressed to the shop assistant")
    details: list[Stated] = Field(default_factory=list, max_length=4)


class Scenario(ContentFile):
    id: Slug
    title: Text
    aliases: list[Alias] = Field(default_factory=list)
    sections: list[Section]
    staff: StaffCard

    @model_validator(mode="after")
    def _pause_points_in_order(self) -> Scenario:
        found = tuple(section.id for section in self.sections)
        if found != SECTION_ORDER:
            raise ValueError(
                f"sections must be {', '.join(SECTION_ORDER)} in this order; found "
                f"{', '.join(found) or 'none'}"
            )
        return self
