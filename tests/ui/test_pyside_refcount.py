"""PySide6-Essentials 6.12.0 on CPython 3.11 leaks a reference to None on every call of a method
returning nothing, and the interpreter aborts after a few thousand ("none_dealloc"). The pin in
pyproject.toml avoids it; this test fails if a leaking build comes back."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_do_not_leak_none() -> None:
    obj = QObject()
    for _ in range(100):  # warm-up: first calls may cache
        obj.setObjectName("warm")
    before = sys.getrefcount(None)
    for i in range(5000):
        obj.setObjectName("x" if i % 2 else "y")
        obj.blockSignals(False)
    leaked = sys.getrefcount(None) - before
    assert leaked < 100, f"{leaked} references to None leaked by 10,000 void Qt calls"
