"""The layer check fails when it should: small package trees with one deliberately bad import
each, written to a temp folder and read by the same rules as fieldreg/."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.layer_rules import layer_cycles, layer_problems, module_cycles

GOOD = {
    "core/errors.py": "class FieldregError(Exception): ...\n",
    "store/repository.py": "from fieldreg.core.errors import FieldregError\n",
    "services/session.py": "from fieldreg.store import repository\n",
    "ui/main_window.py": (
        "from PySide6.QtWidgets import QWidget\n"
        "from fieldreg.services.session import Session\n"
        "from fieldreg.printing import qt_renderer\n"
    ),
    "printing/qt_renderer.py": "from PySide6.QtGui import QPainter\n",
    "cli/main.py": "from fieldreg.services import session\n",
}


def tree(root: Path, files: dict[str, str]) -> Path:
    package = root / "fieldreg"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        for folder in [path.parent, *path.parent.parents]:
            if folder == root:
                break
            (folder / "__init__.py").touch()
        path.write_text(text, encoding="utf-8")
    return package


def test_a_tree_that_keeps_the_rules_passes(tmp_path: Path) -> None:
    package = tree(tmp_path, GOOD)
    assert layer_problems(package) == []
    assert layer_cycles(package) == []
    assert module_cycles(package) == []


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("core/ids.py", "from fieldreg.store import repository\n", "core.ids imports"),
        ("store/models.py", "import fieldreg.services.session\n", "store.models imports"),
        # relative imports are resolved before they are judged
        ("store/engine.py", "from ..services import session\n", "store.engine imports"),
        ("store/gateway.py", "from ..ui.main_window import x\n", "store.gateway imports"),
        ("services/views.py", "from fieldreg.cli.main import run\n", "services.views imports"),
        ("ui/page.py", "from fieldreg.store.repository import R\n", "ui.page imports"),
        ("ui/other.py", "from fieldreg.cli import main\n", "ui.other imports"),
        ("cli/sync.py", "from fieldreg.sync import export\n", "cli.sync imports"),
        ("services/bands.py", "from PySide6.QtCore import QObject\n", "PySide6"),
        ("printing/zpl.py", "import PySide6.QtGui\n", "PySide6"),
    ],
)
def test_a_bad_import_is_reported(tmp_path: Path, name: str, text: str, expected: str) -> None:
    package = tree(tmp_path, {**GOOD, name: text})
    problems = layer_problems(package)
    assert len(problems) == 1, problems
    assert expected in problems[0]


def test_a_cycle_between_modules_is_reported_even_within_a_layer(tmp_path: Path) -> None:
    package = tree(
        tmp_path,
        {
            **GOOD,
            "store/models.py": "from fieldreg.store import sync_models\n",
            "store/sync_models.py": "from .models import Base\n",
        },
    )
    assert layer_problems(package) == []
    assert module_cycles(package) == [["store.models", "store.sync_models", "store.models"]]


def test_an_import_inside_a_function_is_not_a_cycle(tmp_path: Path) -> None:
    package = tree(
        tmp_path,
        {
            **GOOD,
            "store/models.py": "from fieldreg.store import sync_models\n",
            "store/sync_models.py": "def late():\n    from fieldreg.store import models\n",
        },
    )
    assert module_cycles(package) == []


def test_a_cycle_between_layers_is_reported(tmp_path: Path) -> None:
    package = tree(
        tmp_path, {**GOOD, "core/ids.py": "from fieldreg.services.session import Session\n"}
    )
    cycles = layer_cycles(package)
    assert ["core", "services", "store", "core"] in cycles
    assert any(p == "core.ids imports fieldreg.services.session" for p in layer_problems(package))
