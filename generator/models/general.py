"""content/general.yaml: facts (law, general practice) that hold for every carrier."""

from __future__ import annotations

from generator.models.base import ContentFile
from generator.models.carrier import Fact


class GeneralFacts(ContentFile):
    """content/general.yaml: facts (law, general practice) that hold for every carrier."""

    facts: list[Fact]
