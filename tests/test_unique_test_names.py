"""pytest imports each test file by its bare name (the test folders are not packages), so two
files of the same name in different folders make the second fail to collect: in a run with both,
a whole file of tests is lost as one collection error."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_every_test_file_name_is_unique() -> None:
    names = Counter(path.name for path in TESTS.rglob("test_*.py"))
    assert sorted(name for name, count in names.items() if count > 1) == []
