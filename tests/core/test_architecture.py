"""The direction of imports between the engine's stages: read -> text -> pair -> folder -> output.

A module of a stage imports only its own stage, earlier stages and the shared foundation (model, places,
run, wording); nothing in core imports the viewer or Qt, and the foundation imports no stage."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import newsdiff

PACKAGE = Path(newsdiff.__file__).resolve().parent
CORE = PACKAGE / "core"
STAGES = ("read", "text", "pair", "folder", "output")
FOUNDATION = ("model", "places", "run", "wording")


def _imports(path: Path) -> set[str]:
    """The newsdiff modules and the Qt packages that `path` imports, at any depth of its code."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith(("newsdiff", "PySide6", "shiboken6"))}


def _part(module: str) -> str | None:
    """The stage or foundation part of core that a dotted module name lies in, None outside core."""
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["newsdiff", "core"] else None


def _core_modules() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def _own_part(path: Path) -> str:
    relative = path.relative_to(CORE).parts
    return relative[0] if len(relative) > 1 else relative[0].removesuffix(".py")


@pytest.mark.parametrize("path", _core_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_core_module_imports_only_earlier_stages_and_the_foundation(path: Path) -> None:
    own = _own_part(path)
    for module in _imports(path):
        assert not module.startswith(("PySide6", "shiboken6", "newsdiff.ui")), f"{path.name} imports {module}"
        part = _part(module)
        if part is None or part == own or part in FOUNDATION or part == "__init__":
            continue
        assert own not in FOUNDATION, f"the foundation module {path.name} imports the stage {module}"
        if own in STAGES and part in STAGES:
            assert STAGES.index(part) < STAGES.index(own), f"{path.relative_to(CORE)} imports a later stage: {module}"


def test_every_core_module_belongs_to_a_stage_or_the_foundation() -> None:
    parts = {_own_part(path) for path in _core_modules()} - {"__init__"}
    assert parts <= set(STAGES) | set(FOUNDATION), parts - set(STAGES) - set(FOUNDATION)


def test_the_rule_catches_an_import_of_a_later_stage(tmp_path: Path) -> None:
    module = tmp_path / "x.py"
    module.write_text("from newsdiff.core.folder.analysis import FolderAnalysis\nimport PySide6.QtCore\n")
    imported = _imports(module)
    assert "newsdiff.core.folder.analysis" in imported and "PySide6.QtCore" in imported
    assert STAGES.index(_part("newsdiff.core.folder.analysis")) > STAGES.index("pair")
