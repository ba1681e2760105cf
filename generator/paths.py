"""Where the project's own folders are. Import-light: the CLI reads it before anything else."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONTENT_DIR = PROJECT_ROOT / "content"
TEMPLATES_DIR = PROJECT_ROOT / "templates"
SCHEMA_DIR = PROJECT_ROOT / "schema"
FONTS_DIR = PROJECT_ROOT / "fonts"  # pre-cut fonts, built by `sim-checklist fonts`; git-ignored
