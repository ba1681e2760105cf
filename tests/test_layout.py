"""The package reads as the pipeline: no import cycle (type-only imports included), and each
stage imports only the stages before it: models ← content ← view ← render ← publish ← cli."""

from __future__ import annotations

import ast
from pathlib import Path

from generator.paths import PACKAGE_DIR

# A stage may import itself and what stands before it here; quality and the shared modules at
# the top (errors, paths, output, speed) sit apart.
ORDER = ("models", "content", "view", "render", "publish", "cli")
SHARED = {"errors", "paths", "output", "speed", "__init__", "__main__"}


def _imports() -> dict[str, set[str]]:
    graph = {}
    for path in PACKAGE_DIR.rglob("*.py"):
        module = ".".join(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
        module = module.removesuffix(".__init__")
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[module] = found
    return {module: {dep for dep in deps if dep in graph and dep != module}
            for module, deps in graph.items()}


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_no_module_imports_itself_through_others():
    graph = _imports()
    state: dict[str, int] = {}
    cycles = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for dep in sorted(graph[module]):
            if state.get(dep) == 1:
                cycles.append(" → ".join([*path[path.index(dep):], dep]))
            elif dep not in state:
                visit(dep, [*path, dep])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_each_stage_imports_only_the_stages_before_it():
    backwards = []
    for module, deps in _imports().items():
        stage = _stage(module)
        if stage not in ORDER:
            continue
        allowed = set(ORDER[: ORDER.index(stage) + 1]) | {
            name for name in SHARED if not name.startswith("__")}
        backwards += [f"{module} imports {dep}" for dep in sorted(deps)
                      if _stage(dep) not in allowed | {"__init__"}]
    assert backwards == []


def test_the_folders_are_the_stages():
    folders = {path.name for path in PACKAGE_DIR.iterdir()
               if path.is_dir() and (path / "__init__.py").is_file()}
    assert folders == {*ORDER, "quality"}
    assert all((Path(__file__).parent / stage).is_dir() for stage in (*ORDER, "quality"))
