"""Typed models of the content files. Every model rejects unknown keys."""

from generator.models.carrier import Carrier, Confidence, Fact
from generator.models.general import GeneralFacts
from generator.models.meta import LanguageInfo, Meta
from generator.models.scenario import Scenario, Section
from generator.models.text import Text
from generator.models.ui import UiStrings

__all__ = [
    "Carrier",
    "Confidence",
    "Fact",
    "GeneralFacts",
    "LanguageInfo",
    "Meta",
    "Scenario",
    "Section",
    "Text",
    "UiStrings",
]
