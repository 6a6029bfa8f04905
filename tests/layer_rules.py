"""The import rules of DESIGN.md §2, read from the source with `ast` (no import is executed), so the
same check runs over fieldreg/ and over the small bad trees its own tests build."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# layer -> the layers it may import besides itself. Imports point one way:
# ui, cli, hub -> services -> sync, printing, reports, matching -> store, crypto -> core.
# store seals with crypto's FieldSealer (DESIGN.md §4), so store may import crypto, never back.
# matching works on names only, never on stored records: it may import core and nothing else.
LOWER = {"store", "crypto", "core"}
MIDDLE = {"sync", "printing", "reports", "matching"}
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "crypto": {"core"},
    "store": {"crypto", "core"},
    **{layer: set(LOWER) for layer in MIDDLE},
    "matching": {"core"},
    "services": MIDDLE | LOWER,
    "hub": {"services", "core"},
    "ui": {"services", "core"},
    "cli": {"services", "core"},
}
# Single modules a front end may import beyond its layers: the Qt renderer is ui's own.
ALLOWED_MODULES: dict[str, set[str]] = {"ui": {"printing.qt_renderer"}}
QT = {"PySide6", "shiboken6"}
QT_ALLOWED = ("ui", "printing/qt_renderer.py")


@dataclass(frozen=True, slots=True)
class Import:
    source: str  # the importing module, dotted, relative to the package ("ui.app")
    target: str  # the imported module, dotted and absolute ("fieldreg.services.session")
    top_level: bool  # run at import time (not inside a function or `if TYPE_CHECKING:`)


def module_name(package: Path, path: Path) -> str:
    parts = list(path.relative_to(package).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(package_name: str, current: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The absolute module of `from ... import`, relative forms included."""
    if node.level == 0:
        return node.module or ""
    base = [package_name, *current.split(".")] if current else [package_name]
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _is_module(package: Path, dotted: str) -> bool:
    parts = dotted.split(".")
    if parts[0] != package.name:
        return False
    path = package.joinpath(*parts[1:])
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(package: Path, path: Path) -> Iterator[Import]:
    """Every import in one file, with `from . import x` resolved to `<package>.x`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    current = module_name(package, path)
    is_package = path.name == "__init__.py"

    def walk(node: ast.AST, top_level: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield Import(current, alias.name, top_level)
            elif isinstance(child, ast.ImportFrom):
                base = _resolve(package.name, current, is_package, child)
                # `from fieldreg.store import models` names a module; other names, the base's
                named = [f"{base}.{alias.name}" for alias in child.names]
                modules = [name for name in named if _is_module(package, name)]
                if len(modules) < len(named):
                    yield Import(current, base, top_level)
                for name in modules:
                    yield Import(current, name, top_level)
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) or (
                isinstance(child, ast.If) and _is_type_checking(child)
            ):
                yield from walk(child, False)
            else:
                yield from walk(child, top_level)

    yield from walk(tree, True)


def all_imports(package: Path) -> list[Import]:
    return [found for path in sorted(package.rglob("*.py")) for found in imports(package, path)]


def _internal(package: Path, found: Import) -> tuple[str, str] | None:
    """(layer, module inside the package) of an import of the package itself, else None."""
    parts = found.target.split(".")
    if parts[0] != package.name or len(parts) < 2:
        return None
    return parts[1], ".".join(parts[1:])


def layer_problems(package: Path) -> list[str]:
    """Imports that point the wrong way (or into a front end), and non-ui imports of Qt."""
    problems = []
    for found in all_imports(package):
        layer = found.source.split(".")[0]
        if found.target.split(".")[0] in QT and not (
            layer == QT_ALLOWED[0] or found.source.replace(".", "/") + ".py" == QT_ALLOWED[1]
        ):
            problems.append(f"{found.source} imports {found.target}")
        internal = _internal(package, found)
        if internal is None or layer not in ALLOWED:
            continue
        target_layer, target_module = internal
        if target_layer == layer or target_layer not in ALLOWED:
            continue
        if target_layer in ALLOWED[layer]:
            continue
        if any(
            target_module == allowed or target_module.startswith(allowed + ".")
            for allowed in ALLOWED_MODULES.get(layer, ())
        ):
            continue
        problems.append(f"{found.source} imports {found.target}")
    return sorted(set(problems))


def module_cycles(package: Path) -> list[list[str]]:
    """Cycles among the package's modules through imports run at import time."""
    modules = {module_name(package, p) for p in package.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for found in all_imports(package):
        internal = _internal(package, found)
        if not found.top_level or internal is None or internal[1] == found.source:
            continue
        if internal[1] in modules:
            graph[found.source].add(internal[1])
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(modules)))
    for module in sorted(modules):
        if module not in state:
            visit(module)
    return cycles


def layer_cycles(package: Path) -> list[list[str]]:
    """Cycles between layers (packages), whatever the rules allow."""
    graph: dict[str, set[str]] = {}
    for found in all_imports(package):
        internal = _internal(package, found)
        layer = found.source.split(".")[0]
        if internal is not None and internal[0] != layer:
            graph.setdefault(layer, set()).add(internal[0])
    cycles = []
    for start in sorted(graph):
        stack = [(start, [start])]
        while stack:
            node, trail = stack.pop()
            for nxt in sorted(graph.get(node, ())):
                if nxt == start:
                    cycles.append([*trail, start])
                elif nxt not in trail:
                    stack.append((nxt, [*trail, nxt]))
    return cycles
