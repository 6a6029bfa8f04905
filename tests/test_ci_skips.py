"""Under CI=true a test that skips (a tool is missing) fails the run; elsewhere it still skips."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

INNER = """
import pytest

def test_needs_a_tool():
    pytest.skip("not installed: zbarimg")

@pytest.mark.skipif(True, reason="the age tool is not installed")
def test_marked():
    pass

@pytest.mark.xfail(reason="a known bug", strict=True)
def test_expected_failure():
    raise AssertionError
"""

# The inner run uses the project's own hook, not a copy of it.
CONFTEST = "from tests.conftest import pytest_runtest_makereport  # noqa: F401\n"


def _run_inner(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, ci: str | None
) -> pytest.RunResult:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(INNER)
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", "-rA")


def test_a_skip_fails_under_ci(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _run_inner(pytester, monkeypatch, "true")
    # A skip decided at setup (a skipif mark) is reported as an error: the run fails either way.
    result.assert_outcomes(failed=1, errors=1, xfailed=1)
    result.stdout.fnmatch_lines(["*skipped under CI: not installed: zbarimg*"])
    result.stdout.fnmatch_lines(["*skipped under CI: the age tool is not installed*"])


def test_a_skip_still_skips_off_ci(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _run_inner(pytester, monkeypatch, None)
    result.assert_outcomes(skipped=2, xfailed=1)
