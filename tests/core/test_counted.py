"""English counts on the command line say one thing or several, never "bundle(s)"."""

from __future__ import annotations

import pytest

from fieldreg.core.messages import counted


@pytest.mark.parametrize(
    ("count", "text"),
    [(0, "0 bundles"), (1, "1 bundle"), (2, "2 bundles"), (1200, "1,200 bundles")],
)
def test_a_count_says_one_or_several(count: int, text: str) -> None:
    assert counted(count, "bundle", "bundles") == text
