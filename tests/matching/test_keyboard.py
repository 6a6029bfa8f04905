"""A name typed with the wrong keyboard layout, read back with the scan parser's own tables."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import fieldreg
from fieldreg.core import keyboards
from fieldreg.matching.keyboard import cyrillic_typed_as_latin, latin_typed_as, layout_readings

PACKAGE = Path(fieldreg.__file__).parent


def test_cyrillic_name_typed_with_the_latin_layout() -> None:
    assert latin_typed_as("Vjhjp Nfhfc", "uk") == "Мороз Тарас"
    assert latin_typed_as("Uyfn.r", "uk") == "Гнатюк"
    assert latin_typed_as("Sdfyjd", "uk") == "Іванов"
    assert latin_typed_as("Sdfyjd", "ru") == "Ыванов"


def test_latin_name_typed_with_a_cyrillic_layout() -> None:
    assert cyrillic_typed_as_latin("Ьщкщя Ефкфі") == "Moroz Taras"
    assert cyrillic_typed_as_latin("Ьщкщя Ефкфы") == "Moroz Taras"


def test_readings_try_both_ways_and_skip_what_does_not_change() -> None:
    assert layout_readings("Vjhjp") == ["Мороз"]
    assert layout_readings("Sdfyjd") == ["Іванов", "Ыванов"]
    assert layout_readings("Ьщкщя") == ["Moroz"]
    assert layout_readings("1984") == []


@pytest.mark.parametrize("layout", sorted(keyboards.LAYOUTS))
def test_every_key_of_the_shared_tables_round_trips(layout: str) -> None:
    for typed, us in keyboards.us_keys_of(keyboards.LAYOUTS[layout]).items():
        assert latin_typed_as(us, layout) == typed  # type: ignore[arg-type]
        assert cyrillic_typed_as_latin(typed) == us


def _imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }


def test_the_matcher_and_the_scan_parser_share_one_table_module() -> None:
    """One source of truth: both read core.keyboards, and neither keeps a layout of its own."""
    for user in (PACKAGE / "matching" / "keyboard.py", PACKAGE / "printing" / "payload.py"):
        assert "fieldreg.core.keyboards" in _imports_of(user), user
        source = user.read_text(encoding="utf-8")
        assert "йцукен" not in source, f"{user} has its own layout table"


def test_a_changed_shared_table_changes_the_matcher(monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldreg.matching import keyboard

    rows = list(keyboards.UKRAINIAN_ROWS)
    rows[2] = rows[2].replace("й", "ў")  # a made-up layout: the q key types ў
    monkeypatch.setitem(keyboards.LAYOUTS, "uk", tuple(rows))
    keyboard._from_us.cache_clear()
    try:
        assert latin_typed_as("q", "uk") == "ў"
    finally:
        monkeypatch.undo()
        keyboard._from_us.cache_clear()
    assert latin_typed_as("q", "uk") == "й"
