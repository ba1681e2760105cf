"""content/applications.yaml: the Russian application drafts a profile fills in.

A draft is a plain request in the user's own name (content-rules.md, "Application wording"):
never a carrier's form. Its Russian lines name profile fields as {placeholders}; a field the
profile leaves empty is printed as a blank write-in line with its label under it.
"""

from __future__ import annotations

import string
from typing import Annotated, Literal

from pydantic import (
    Field,
    RootModel,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from generator.models.base import ContentFile, Slug, StrictModel
from generator.models.profile_fields import PROFILE_FIELDS
from generator.models.sentence import FACTS_DESCRIPTION, wrap_bare
from generator.models.text import STAFF_LANGUAGE, Text, checked_translations

FieldName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]*(\.[a-z][a-z_]*)?$")]
RussianLine = Annotated[str, StringConstraints(min_length=1, max_length=300)]
CARRIER_FIELD = "carrier"  # the carrier's Russian name; blank on the generic sheet


def placeholders(line: str) -> list[str]:
    """The {field} names in one template line."""
    return [name for _, name, _, _ in string.Formatter().parse(line) if name is not None]


class UserText(RootModel[dict[str, str]]):
    """Text shown to the user only (a gloss): every declared user language, no Russian."""

    model_config = {"frozen": True, "defer_build": True}

    @field_validator("root")
    @classmethod
    def _user_languages(cls, value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        declared = (info.context or {}).get("languages", [])
        if declared is None:  # the file's `languages` key is broken and reported on its own
            declared = list(value)
        languages = [code for code in declared if code != STAFF_LANGUAGE]
        return checked_translations(
            value, languages,
            f"is not a user language of this file ({', '.join(languages)}); a gloss has no Russian",
        )

    def __getitem__(self, language: str) -> str:
        return self.root[language]


class DraftLine(StrictModel):
    """One Russian line of a draft: a bare line, or `{text: line, facts: [id, …]}`."""

    text: RussianLine
    facts: list[str] = Field(default_factory=list, description=FACTS_DESCRIPTION)

    @model_validator(mode="before")
    @classmethod
    def _bare_line(cls, value: object) -> object:
        return wrap_bare(value, str)

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        return {"anyOf": [{"type": "string", "minLength": 1, "maxLength": 300},
                          handler(core_schema)]}


class Draft(StrictModel):
    id: Slug
    scenarios: list[Slug] = Field(description="Sheets the draft is printed on; [] for none yet")
    refund: Literal["account", "phone"] | None = Field(
        default=None,
        description="account: printed unless the profile gives refund.phone; phone: only then",
    )
    title: Text
    gloss: UserText = Field(description="What the draft asks, in the user's language")
    addressee: list[DraftLine] = Field(min_length=1, max_length=8)
    body: list[DraftLine] = Field(min_length=1, max_length=8)


class Applications(ContentFile):
    heading: Text
    note: Text = Field(description="The shop usually prints its own form; this draft helps")
    date: Text
    signature: Text
    fields: dict[FieldName, Text] = Field(description="Label of every {placeholder}")
    drafts: list[Draft]

    @field_validator("fields")
    @classmethod
    def _fields_are_known(cls, value: dict[str, Text]) -> dict[str, Text]:
        # A dotted name must be a profile field; a plain name that is not one (e.g. the power
        # of attorney's date and number) is a write-in no profile fills.
        unknown = [
            name for name in value if "." in name and name not in PROFILE_FIELDS
        ]
        if unknown:
            raise ValueError(f"no such profile field: {', '.join(unknown)}")
        return value

    @field_validator("drafts")
    @classmethod
    def _placeholders_have_labels(cls, drafts: list[Draft], info: ValidationInfo) -> list[Draft]:
        labels = info.data.get("fields") or {}
        seen: set[str] = set()
        for draft in drafts:
            if draft.id in seen:
                raise ValueError(f"draft id {draft.id!r} is used twice")
            seen.add(draft.id)
            for line in (line.text for line in [*draft.addressee, *draft.body]):
                try:
                    names = placeholders(line)
                except ValueError as error:
                    raise ValueError(f"draft {draft.id}: {error} in {line!r}") from None
                missing = [name for name in names if name not in labels]
                if missing:
                    raise ValueError(
                        f"draft {draft.id}: {{{missing[0]}}} has no label in `fields`"
                    )
        return drafts

    def drafts_for(self, scenario_id: str, refund_to_phone: bool) -> list[Draft]:
        wanted = "phone" if refund_to_phone else "account"
        return [
            draft
            for draft in self.drafts
            if scenario_id in draft.scenarios and draft.refund in (None, wanted)
        ]
