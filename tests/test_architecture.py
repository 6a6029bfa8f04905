"""The layers of DESIGN.md §2, enforced: imports point one way, and only ui/ (and the Qt renderer
in printing/) imports PySide6; core imports nothing but the standard library."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "fieldreg"

# layer -> layers it may import (besides itself)
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "crypto": {"core"},
    "store": {"core", "crypto"},
    "sync": {"core", "crypto", "store"},
    "printing": {"core", "crypto", "store"},
    "reports": {"core", "crypto", "store"},
    "services": {"core", "crypto", "store", "sync", "printing", "reports"},
    "ui": {"core", "crypto", "store", "sync", "printing", "reports", "services", "cli"},
    "cli": {"core", "crypto", "store", "sync", "printing", "reports", "services", "ui"},
}
QT_ALLOWED = {"ui", "printing/qt_renderer.py"}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _modules() -> list[tuple[str, Path]]:
    result = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if len(relative.parts) > 1 and relative.parts[0] in ALLOWED:
            result.append((relative.parts[0], path))
    return result


def test_layers_import_one_way() -> None:
    problems = []
    for layer, path in _modules():
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] == "fieldreg" and len(parts) > 1 and parts[1] in ALLOWED:
                target = parts[1]
                if target != layer and target not in ALLOWED[layer]:
                    problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not problems, "\n".join(problems)


def test_only_ui_imports_qt() -> None:
    problems = []
    for layer, path in _modules():
        relative = str(path.relative_to(PACKAGE))
        if layer in QT_ALLOWED or relative in QT_ALLOWED:
            continue
        for name in _imports(path):
            if name.split(".")[0] in {"PySide6", "shiboken6"}:
                problems.append(f"{relative} imports {name}")
    assert not problems, "\n".join(problems)


def test_core_uses_only_the_standard_library() -> None:
    problems = []
    for layer, path in _modules():
        if layer != "core":
            continue
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
