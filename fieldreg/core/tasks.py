"""What every long task takes from its caller: a progress callback and a cancel flag."""

from __future__ import annotations

from collections.abc import Callable

from fieldreg.core.errors import Cancelled

Progress = Callable[[int, int], None]  # (done, total)
CancelFlag = Callable[[], bool]  # true once the person asked the task to stop


def stop_if_cancelled(cancelled: CancelFlag | None) -> None:
    """Raise `Cancelled` if the person asked to stop."""
    if cancelled is not None and cancelled():
        raise Cancelled
