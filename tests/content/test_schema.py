"""The committed JSON Schema matches the models, and every content file validates against it."""

from __future__ import annotations

import json

import jsonschema
import pytest

from generator.content.loading import DEFAULT_CONTENT_DIR
from generator.content.registry import KIND_BY_NAME, SCHEMA, kinds_read_by
from generator.content.schema import SCHEMA_DIR, schema_file_name, stale_files, write_schemas
from generator.content.yaml_source import load_yaml
from tests.helpers import run

SCHEMAS = [kind.name for kind in kinds_read_by(SCHEMA)]


def test_committed_schema_is_up_to_date():
    stale = stale_files(SCHEMA_DIR)
    assert stale == [], f"stale: {stale}; run `sim-checklist schema` and commit schema/"
    assert sorted(path.name for path in SCHEMA_DIR.glob("*.json")) == sorted(
        schema_file_name(name) for name in SCHEMAS
    )


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_content_file_validates_against_its_schema(name):
    pattern = f"content/{KIND_BY_NAME[name].pattern}"
    schema = json.loads((SCHEMA_DIR / schema_file_name(name)).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    files = sorted(DEFAULT_CONTENT_DIR.parent.glob(pattern))
    assert files, pattern
    validator = jsonschema.Draft202012Validator(schema, format_checker=None)
    for path in files:
        data = json.loads(json.dumps(load_yaml(path).data, default=str))  # dates as text
        errors = [error.message for error in validator.iter_errors(data)]
        assert errors == [], f"{path}: {errors}"


def test_the_schema_catches_a_misspelt_key():
    schema = json.loads((SCHEMA_DIR / "carrier.schema.json").read_text(encoding="utf-8"))
    data = {"languages": ["zh-Hans"], "id": "x", "name": {"ru": "X"}, "factz": []}
    errors = [error.message for error in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert any("factz" in message for message in errors)


def test_check_flag_reports_a_stale_folder_and_the_command_writes_it(tmp_path):
    stale = run("schema", "--check", "-o", str(tmp_path))
    assert stale.exit_code == 1
    assert "carrier.schema.json is stale" in stale.stderr
    written = run("schema", "-o", str(tmp_path))
    assert written.exit_code == 0
    assert run("schema", "--check", "-o", str(tmp_path)).exit_code == 0
    assert [path.name for path in write_schemas(tmp_path)] == [
        schema_file_name(name) for name in SCHEMAS
    ]


def test_content_files_point_editors_at_their_schema():
    for name in ("catalog", "wizard"):
        first = (DEFAULT_CONTENT_DIR / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schema/{name}.schema.json"
