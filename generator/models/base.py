"""The base every content model shares: strict keys, no silent coercion of shapes."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

SLUG_PATTERN = r"^[a-z][a-z0-9-]*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=40)]


class StrictModel(BaseModel):
    # defer_build: a model's validator is built when first used, not when the class is
    # created; only the file-level models validate on their own, so the nested ones (most of
    # them) never build one, and `list` starts about twice as fast (see benchmarks/).
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class ContentFile(StrictModel):
    """A content file that holds user-visible text: it declares the user languages it has.

    Every string in the file must then exist in Russian and in each declared language, so a
    translation can land one file at a time; a sheet renders in a language only when every
    file it uses declares that language.
    """

    languages: list[str] = Field(min_length=1, description="User languages this file provides")

    @field_validator("languages")
    @classmethod
    def _declared_in_meta(cls, value: list[str], info: ValidationInfo) -> list[str]:
        known: list[str] = (info.context or {}).get("user_languages", value)
        unknown = [code for code in value if code not in known]
        if unknown:
            raise ValueError(
                f"{', '.join(unknown)} not in meta.yaml user_languages ({', '.join(known)})"
            )
        if len(set(value)) != len(value):
            raise ValueError("a language is listed twice")
        return value
