"""A sentence that names the facts it states: `{text: …, facts: [id, …]}`.

Where a field was a bare Text (or a bare Russian line), the bare form stays valid and names no
fact; the mapping form adds `facts`. On each carrier's sheet the sentence is as firm as the
weakest of its facts there (generator/content/claims.py).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from generator.models.base import StrictModel
from generator.models.text import Text

FACTS_DESCRIPTION = "ids of the facts this sentence states"
# The JSON Schema of a Text (RootModel[dict[str, str]]), the bare form of a Stated.
_TEXT_SCHEMA = {"type": "object", "additionalProperties": {"type": "string"}}


def wrap_bare(value: Any, bare: type | tuple[type, ...]) -> Any:
    """A bare text becomes `{text: value}`; a mapping with `text` or `facts` is the long form."""
    if isinstance(value, dict) and ("text" in value or "facts" in value):
        return value
    return {"text": value} if isinstance(value, bare) else value


class Stated(StrictModel):
    """A Text that may name its facts: a bare Text, or `{text: Text, facts: [id, …]}`."""

    text: Text
    facts: list[str] = Field(default_factory=list, description=FACTS_DESCRIPTION)

    @model_validator(mode="before")
    @classmethod
    def _bare_text(cls, value: Any) -> Any:
        return wrap_bare(value, dict)

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        return {"anyOf": [_TEXT_SCHEMA, handler(core_schema)]}

    def __getitem__(self, language: str) -> str:
        return self.text[language]

    @property
    def languages(self) -> list[str]:
        return self.text.languages
