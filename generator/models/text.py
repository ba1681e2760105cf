"""A user-visible string in every language it is shown in."""

from __future__ import annotations

from pydantic import RootModel, ValidationInfo, field_validator

from generator.models.text_policy import text_problem

STAFF_LANGUAGE = "ru"
MAX_TEXT_LENGTH = 600


class Text(RootModel[dict[str, str]]):
    """`{ru: …, zh-Hans: …, …}`: the staff language plus every declared user language.

    Which languages are required comes from the validation context (`languages`): Russian
    plus the user languages the file declares in its `languages` key.
    """

    model_config = {"frozen": True, "defer_build": True}

    @field_validator("root")
    @classmethod
    def _check_languages(cls, value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        languages: list[str] | None = (info.context or {}).get("languages", [STAFF_LANGUAGE])
        if languages is None:  # the file's `languages` key is broken and reported on its own
            languages = list(value)
        return checked_translations(
            value, languages, f"is not in this file's `languages` ({', '.join(languages)})"
        )

    def __getitem__(self, language: str) -> str:
        return self.root[language]

    @property
    def languages(self) -> list[str]:
        return list(self.root)


def checked_translations(value: dict[str, str], languages: list[str], unknown_hint: str
                         ) -> dict[str, str]:
    """Exactly `languages`, each non-empty, short enough and free of unsafe characters; shared by
    every multilingual text model so they refuse the same things with the same words."""
    unknown = sorted(set(value) - set(languages))
    if unknown:
        raise ValueError(f"language {', '.join(unknown)} {unknown_hint}")
    missing = [code for code in languages if not (value.get(code) or "").strip()]
    if missing:
        raise ValueError(f"missing text in {', '.join(missing)}")
    for code, text in value.items():
        if len(text) > MAX_TEXT_LENGTH:
            raise ValueError(f"{code} text is longer than {MAX_TEXT_LENGTH} characters")
        if problem := text_problem(text):
            raise ValueError(f"{code} text {problem}")
    return {code: text.strip() for code, text in value.items()}
