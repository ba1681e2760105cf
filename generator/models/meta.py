"""content/meta.yaml: the content version, the languages and the defaults."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from generator.models.base import Slug, StrictModel
from generator.models.scenario import Alias

LANGUAGE_CODE_PATTERN = r"^[a-z]{2}(-[A-Za-z]{2,4})?$"
LanguageCode = Annotated[str, StringConstraints(pattern=LANGUAGE_CODE_PATTERN)]


class LanguageInfo(StrictModel):
    code: LanguageCode
    name: str = Field(min_length=1, max_length=40, description="The language's own name")


class Defaults(StrictModel):
    scenario: Slug
    carrier: Slug
    language: LanguageCode


class Meta(StrictModel):
    content_version: str = Field(min_length=1, max_length=40)
    staff_language: Literal["ru"]
    user_languages: list[LanguageInfo] = Field(min_length=1)
    defaults: Defaults
    ambiguous_aliases: dict[Alias, list[Slug]] = Field(
        default_factory=dict,
        description="A word people type that means more than one situation → those situations: "
                    "`render -s` names them and stops, the wizard asks which one",
    )

    @model_validator(mode="after")
    def _default_language_is_declared(self) -> Meta:
        codes = [language.code for language in self.user_languages]
        if len(set(codes)) != len(codes):
            raise ValueError("user_languages lists a language twice")
        if self.defaults.language not in codes:
            raise ValueError(f"defaults.language must be one of {', '.join(codes)}")
        for alias, choices in self.ambiguous_aliases.items():
            if len(set(choices)) < 2:
                raise ValueError(f"ambiguous alias {alias!r} needs two or more different "
                                 "situations; a word for one situation belongs in its aliases")
        return self

    @property
    def language_codes(self) -> list[str]:
        return [language.code for language in self.user_languages]
