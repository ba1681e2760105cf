"""The package installs anywhere: a wheel built from the repository, installed into a fresh
virtualenv, renders from an empty folder and writes there nothing but the sheet asked for."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from generator.paths import PROJECT_ROOT

DATA_FOLDERS = {"content": "_content", "templates": "_templates", "schema": "_schema"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out),
                    str(PROJECT_ROOT)], check=True, capture_output=True)
    (built,) = out.glob("sim_checklist-*.whl")
    return built


def test_the_wheel_carries_every_file_of_content_templates_and_schema(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        f"generator/{inside}/{path.relative_to(PROJECT_ROOT / folder).as_posix()}"
        for folder, inside in DATA_FOLDERS.items()
        for path in (PROJECT_ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert expected - names == set()


def test_an_installed_wheel_renders_from_an_empty_folder(wheel, tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=env)
    # The dependencies come from the test environment (a .pth line adds its site-packages,
    # after the fresh one's own): no download, and no editable checkout on the path.
    site = Path(subprocess.run(
        [venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True, capture_output=True, text=True, env=env).stdout.strip())
    subprocess.run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--no-deps",
                    str(wheel)], check=True, capture_output=True, env=env)
    # (after the install: pip would take the test environment's editable install for this one)
    (site / "test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    where = subprocess.run(
        [venv / "bin" / "python", "-c", "import generator.paths as p; print(p.TEMPLATES_DIR)"],
        cwd=empty, env=env, check=True, capture_output=True, text=True).stdout.strip()
    assert Path(where).is_relative_to(site)  # the installed copy, not this checkout
    result = subprocess.run([venv / "bin" / "sim-checklist", "render", "-c", "mts", "--quiet"],
                            cwd=empty, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    written = sorted(path.relative_to(empty).as_posix() for path in empty.rglob("*"))
    assert written == ["output", "output/cancel-mts-zh-Hans.pdf"]
    assert (empty / "output" / "cancel-mts-zh-Hans.pdf").read_bytes().startswith(b"%PDF")
    listed = subprocess.run([venv / "bin" / "sim-checklist", "list"], cwd=empty, env=env,
                            capture_output=True, text=True)
    assert listed.returncode == 0 and "mts" in listed.stdout
