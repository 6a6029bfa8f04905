"""fieldreg.crypto imports only the standard library, `cryptography` and fieldreg.core."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import fieldreg.crypto

PACKAGE = Path(fieldreg.crypto.__file__).resolve().parent


def test_crypto_imports_only_what_it_may() -> None:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                allowed = (
                    top in sys.stdlib_module_names
                    or top in {"__future__", "cryptography", "filelock"}  # filelock: slot_lock
                    or module == "fieldreg.core"
                    or module.startswith(("fieldreg.core.", "fieldreg.crypto"))
                )
                if not allowed:
                    problems.append(f"{path.name} imports {module}")
    assert not problems, "\n".join(problems)


def test_sources_are_ascii() -> None:
    # No look-alike or bidi characters: non-ASCII text is written as escapes.
    for path in sorted(PACKAGE.rglob("*.py")):
        assert path.read_text(encoding="utf-8").isascii(), path.name
