"""The layers of DESIGN.md §2, enforced (the rules and their reader are in tests/layer_rules.py,
whose own tests feed it deliberately bad trees): imports point one way, nothing imports ui or
cli, no import cycles between layers or modules, only ui/ (and the Qt renderer in printing/)
imports PySide6, and core imports nothing but the standard library."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from tests.layer_rules import all_imports, layer_cycles, layer_problems, module_cycles

PACKAGE = Path(__file__).resolve().parent.parent / "fieldreg"


def test_layers_import_one_way_and_only_ui_imports_qt() -> None:
    assert layer_problems(PACKAGE) == []


def test_no_import_cycles_between_layers_or_modules() -> None:
    assert layer_cycles(PACKAGE) == []
    assert module_cycles(PACKAGE) == []


def test_sql_lives_in_store() -> None:
    """Only store/ imports SQLAlchemy; the session names its engine's types and the pipeline
    recognises a taken log position, neither runs a statement."""
    outside = {
        (found.source, found.target)
        for found in all_imports(PACKAGE)
        if found.target.split(".")[0] == "sqlalchemy" and not found.source.startswith("store")
    }
    assert outside == {
        ("services.session", "sqlalchemy"),
        ("services.write_pipeline", "sqlalchemy.exc"),
    }


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_core_uses_only_the_standard_library() -> None:
    problems = []
    for path in sorted((PACKAGE / "core").rglob("*.py")):
        for name in _imports(path):
            top = name.split(".")[0]
            if top not in sys.stdlib_module_names and top not in {"fieldreg", "__future__"}:
                problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not problems, "\n".join(problems)


def test_no_bidi_or_invisible_characters_in_source() -> None:
    forbidden = {
        chr(c)
        for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0x200E, 0x200F, 0xFEFF)
    }
    root = PACKAGE.parent
    problems = []
    for folder in ("fieldreg", "tests", "migrations", "bench"):
        for path in (root / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if any(ch in forbidden for ch in text):
                problems.append(str(path.relative_to(root)))
    assert not problems, problems
