"""Every kind of content file, in one table: its path, its model and who reads it.

Loading, `validate`, `schema`, `list`, build-all's manifest and the language gates all walk
this table, so a new kind of content file is one entry here (and a field of ContentBundle when
sheets use it).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.models.base import ContentFile

# Who reads a kind of file.
SHEET = "sheet"  # every render of a sheet (and so build-all's manifest)
VALIDATE = "validate"
SCHEMA = "schema"
CATALOG = "catalog"  # build-all's index page
WIZARD = "wizard"


@dataclass(frozen=True, eq=False)
class ContentKind:
    name: str  # the schema's name: schema/<name>.schema.json
    pattern: str  # under the content folder; a `*` means one file per id (the id is the stem)
    # `module:Class`, imported when first asked for: the profile model loads phonenumbers'
    # checks, which loading the content must not pay for.
    model_path: str
    read_by: frozenset[str]
    # The ContentBundle field that holds it (a dict by id for a folder); None: not in the bundle.
    bundle_field: str | None = None
    # Its texts are in the languages it declares, checked against meta.yaml's user languages
    # (the language gates and `list` count these). The catalog and wizard files name their own.
    translated: bool = True

    @cached_property
    def model(self) -> type[ContentFile]:
        module, _, name = self.model_path.partition(":")
        return getattr(import_module(module), name)

    @property
    def folder(self) -> str | None:
        """The folder of a one-file-per-id kind, else None."""
        return self.pattern.split("/", 1)[0] if "*" in self.pattern else None

    def paths(self, root: Path) -> list[Path]:
        """The files of this kind under `root` (a single-file kind: its path, existing or not)."""
        if self.folder is None:
            return [root / self.pattern]
        return sorted((root / self.folder).glob(self.pattern.split("/", 1)[1]))

    def path_for(self, root: Path, id_: str) -> Path:
        return root / self.pattern.replace("*", id_)


_EVERY_SHEET = frozenset({SHEET, VALIDATE, SCHEMA})

KINDS: tuple[ContentKind, ...] = (
    ContentKind("meta", "meta.yaml", "generator.models.meta:Meta", _EVERY_SHEET, "meta",
                translated=False),
    ContentKind("ui", "ui.yaml", "generator.models.ui:UiStrings", _EVERY_SHEET, "ui"),
    ContentKind("general", "general.yaml", "generator.models.general:GeneralFacts",
                _EVERY_SHEET, "general"),
    ContentKind("scenario", "scenarios/*.yaml", "generator.models.scenario:Scenario",
                _EVERY_SHEET, "scenarios"),
    ContentKind("carrier", "carriers/*.yaml", "generator.models.carrier:Carrier",
                _EVERY_SHEET, "carriers"),
    ContentKind("applications", "applications.yaml",
                "generator.models.application:Applications", _EVERY_SHEET, "applications"),
    ContentKind("phrasebook", "phrasebook.yaml", "generator.models.phrasebook:Phrasebook",
                _EVERY_SHEET, "phrasebook"),
    ContentKind("catalog", "catalog.yaml", "generator.models.interface:CatalogStrings",
                frozenset({CATALOG, VALIDATE, SCHEMA}), translated=False),
    ContentKind("wizard", "wizard.yaml", "generator.models.interface:WizardStrings",
                frozenset({WIZARD, VALIDATE, SCHEMA}), translated=False),
    # A template users copy for their own profile: only its schema is ours to keep.
    ContentKind("profile", "profile-template.yaml", "generator.models.profile:Profile",
                frozenset({SCHEMA}), translated=False),
)

KIND_BY_NAME = {kind.name: kind for kind in KINDS}


def kinds_read_by(reader: str) -> list[ContentKind]:
    return [kind for kind in KINDS if reader in kind.read_by]


def bundle_kinds() -> list[ContentKind]:
    """The kinds a ContentBundle holds, in reading order (meta first)."""
    return [kind for kind in KINDS if kind.bundle_field is not None]


def translated_paths(root: Path) -> list[Path]:
    """Every file of the bundle that holds user-visible text and declares its languages, in
    reading order: what the language gates read and `list` counts."""
    return [
        path for kind in bundle_kinds() if kind.translated for path in kind.paths(root)
    ]
