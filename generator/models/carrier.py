"""content/carriers/*.yaml: a carrier's contact facts and rules, each sourced and dated."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, WithJsonSchema, field_validator, model_validator

from generator.models.base import ContentFile, Slug, StrictModel
from generator.models.text import Text

URL_PATTERN = r"^https?://[^\s<>\"']+$"
HttpUrl = Annotated[str, StringConstraints(pattern=URL_PATTERN, max_length=400)]
FactValue = Annotated[str, StringConstraints(min_length=1, max_length=80)]
# `source` takes one URL or a list of them (the validator below makes a list of one).
_URL_SCHEMA = {"type": "string", "pattern": URL_PATTERN, "maxLength": 400}
SOURCE_SCHEMA = {"anyOf": [_URL_SCHEMA, {"type": "array", "items": _URL_SCHEMA, "minItems": 1}]}


class Confidence(StrEnum):
    """How firmly the sheet may state a fact (docs/content-rules.md)."""

    CONFIRMED = "confirmed"  # printed as a plain statement
    LIKELY = "likely"  # printed with a visible "verify at the counter" mark
    UNCONFIRMED = "unconfirmed"  # never printed as a statement: becomes a question for staff


# Contact facts have a value and a label from ui.yaml; `rule` facts are sentences.
FactKind = Literal["website", "hotline", "hotline_short", "balance_code", "rule"]


class Fact(StrictModel):
    id: Slug
    kind: FactKind
    value: FactValue | list[FactValue] | None = Field(
        default=None, description="A list means sources disagree: the fact must be unconfirmed"
    )
    url: HttpUrl | None = Field(default=None, description="For `website`: the page to open")
    text: Text | None = Field(default=None, description="For `rule`: the statement")
    question: Text | None = Field(
        default=None, description="What to ask the staff; required when unconfirmed"
    )
    scenarios: list[Slug] | None = Field(
        default=None, description="Sheets the fact belongs on; all when left out"
    )
    source: Annotated[list[HttpUrl], WithJsonSchema(SOURCE_SCHEMA)] = Field(min_length=1)
    checked: dt.date
    confidence: Confidence

    @field_validator("source", mode="before")
    @classmethod
    def _one_source_is_a_list(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _consistent(self) -> Fact:
        if self.kind == "rule":
            if self.text is None:
                raise ValueError("a rule needs `text`")
            if self.value is not None:
                raise ValueError("a rule has `text`, not `value`")
        elif self.value is None:
            raise ValueError(f"a {self.kind} fact needs `value`")
        if isinstance(self.value, list):
            if len(self.value) < 2:
                raise ValueError("`value` as a list means conflicting values: give two or more")
            if self.confidence is not Confidence.UNCONFIRMED:
                raise ValueError("conflicting values must have confidence `unconfirmed`")
        if self.confidence is Confidence.UNCONFIRMED and self.question is None:
            raise ValueError("an unconfirmed fact needs a `question` to ask the staff")
        if self.kind == "website" and self.url is None:
            raise ValueError("a website fact needs `url`")
        if self.checked > dt.date.today():
            raise ValueError("`checked` is in the future")
        return self

    @property
    def is_statement(self) -> bool:
        return self.confidence is not Confidence.UNCONFIRMED

    def applies_to(self, scenario_id: str) -> bool:
        return self.scenarios is None or scenario_id in self.scenarios


class Carrier(ContentFile):
    id: Slug
    name: Text
    generic: bool = Field(default=False, description="The carrier-neutral sheet")
    facts: list[Fact] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_fact_ids(self) -> Carrier:
        seen: set[str] = set()
        for fact in self.facts:
            if fact.id in seen:
                raise ValueError(f"fact id {fact.id!r} is used twice")
            seen.add(fact.id)
        return self

    def facts_for(self, scenario_id: str) -> list[Fact]:
        return [fact for fact in self.facts if fact.applies_to(scenario_id)]
