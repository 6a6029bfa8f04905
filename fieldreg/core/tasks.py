"""What every long task takes from its caller: a progress callback and a cancel flag."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]  # (done, total)
CancelFlag = Callable[[], bool]  # true once the person asked to stop: raise core.errors.Cancelled
