"""A publisher adds a carrier or a scenario by writing YAML only (README: "Add a carrier")."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pypdf

from generator.content.loading import PROJECT_ROOT
from tests.helpers import add_fictional_carrier, copy_content, run


def text_of(path: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def untracked_or_changed_code() -> str:
    """Python and template files changed under git: a test that wrote there would show here."""
    result = subprocess.run(["git", "status", "--porcelain", "--", "generator", "templates"],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, check=False)
    return result.stdout


def test_a_carrier_written_in_yaml_renders_and_is_listed(tmp_path):
    before = untracked_or_changed_code()
    content = copy_content(tmp_path)
    add_fictional_carrier(content)
    listed = run("--content-dir", str(content), "list")
    assert "polar" in listed.output and "Полярная связь" in listed.output
    target = tmp_path / "polar.pdf"
    result = run("--content-dir", str(content), "render", "-c", "polar", "-o", str(target))
    assert result.exit_code == 0, result.output
    text = text_of(target)
    assert "Полярная связь" in text and "极光通信" in text
    assert "example.org" in text and "8 800 000-00-00" in text
    assert untracked_or_changed_code() == before


def test_a_scenario_written_in_yaml_renders_by_its_alias(tmp_path):
    content = copy_content(tmp_path, keep_carriers=("generic",))
    source = (content / "scenarios" / "cancel.yaml").read_text(encoding="utf-8")
    # the copy needs aliases of its own: each alias leads to one scenario
    source, replaced = re.subn(r"(?m)^aliases: \[.*\]$", "aliases: [第二张卡]", source)
    assert replaced == 1
    scenario = (
        source.replace("id: cancel", "id: close-second")
        .replace("到营业厅注销手机卡（实体 SIM 卡）", "注销第二张手机卡")
        .replace("Расторжение договора связи (SIM-карта)", "Расторжение договора на второй номер")
    )
    (content / "scenarios" / "close-second.yaml").write_text(scenario, encoding="utf-8")
    # its sentences name the facts cancel's do: those facts must apply to it too (README)
    for facts_file in [content / "general.yaml", *(content / "carriers").glob("*.yaml")]:
        text = facts_file.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^(\s+scenarios: \[)([^\]]*\bcancel\b[^\]]*)\]",
                      r"\1\2, close-second]", text)
        facts_file.write_text(text, encoding="utf-8")
    target = tmp_path / "second.pdf"
    result = run("--content-dir", str(content), "render", "-s", "第二张卡", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "Расторжение договора на второй номер" in text_of(target)


def test_a_mistake_in_the_new_carrier_is_one_line_naming_file_and_line(tmp_path):
    content = copy_content(tmp_path, keep_carriers=("generic",))
    path = add_fictional_carrier(content)
    path.write_text(path.read_text(encoding="utf-8").replace("confidence: likely",
                                                             "confidence: maybe"),
                    encoding="utf-8")
    result = run("--content-dir", str(content), "render", "-c", "polar",
                 "-o", str(tmp_path / "x.pdf"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}:20: facts.1.confidence: Input should be")
    assert not (tmp_path / "x.pdf").exists()


def test_the_readme_table_names_every_scenario_and_carrier():
    from generator.content.loading import load_content

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Situations and carriers"):readme.index("## Set up")]
    bundle = load_content()
    for name in [*bundle.scenarios, *bundle.carriers]:
        assert f"| `{name}` |" in table, f"add {name} to the README's table"
    for alias in (alias for s in bundle.scenarios.values() for alias in s.aliases):
        assert alias in table
