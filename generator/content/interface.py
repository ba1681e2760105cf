"""Load the interface files (content/catalog.yaml, content/wizard.yaml) with file:line errors."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from generator.content.loading import ContentProblems
from generator.content.loading import _problems_from as problems_from  # same file:line mapping
from generator.content.registry import KIND_BY_NAME
from generator.content.yaml_source import load_yaml
from generator.errors import ContentError
from generator.models.base import ContentFile
from generator.models.interface import CatalogStrings, WizardStrings

InterfaceT = TypeVar("InterfaceT", bound=ContentFile)


def load_interface(path: Path, model: type[InterfaceT]) -> InterfaceT:
    """Validate one interface file; its own `languages` say which languages each text needs."""
    document = load_yaml(path)
    if not isinstance(document.data, dict):
        problem = ContentError(path, 1, "(file)", "must be a mapping of keys to values")
        raise ContentProblems([problem])
    declared = document.data.get("languages")
    declared = declared if isinstance(declared, list) else []
    languages = [code for code in declared if isinstance(code, str)]
    context = {"languages": languages, "user_languages": languages}
    try:
        return model.model_validate(document.data, context=context)
    except ValidationError as error:
        raise ContentProblems(problems_from(error, document)) from None


def load_catalog_strings(content_dir: Path) -> CatalogStrings:
    return load_interface(KIND_BY_NAME["catalog"].paths(Path(content_dir))[0], CatalogStrings)


def load_wizard_strings(content_dir: Path) -> WizardStrings:
    return load_interface(KIND_BY_NAME["wizard"].paths(Path(content_dir))[0], WizardStrings)

