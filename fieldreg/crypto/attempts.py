"""Wrong-passphrase delays, per operator, that survive a restart.

A small JSON file beside the slot file (`<slot file>.attempts`, 0600) holds, per operator id,
the count of failed attempts in a row and the wall-clock time of the last one: no secret, so it
needs no sealing. After three free failures each one doubles the wait (1, 2, 4 ... s), capped at
five minutes, so a typing volunteer is barely slowed, guessing is, and nobody is locked out for
good. A failure is counted once its KDF has run and a success clears the count, so a good
unlock only reads this file. A damaged or missing file counts as no failures: whoever can write
it could delete it (or copy the key file away) as well, so it throttles the keyboard and the
desk, not someone holding the disk.
"""

from __future__ import annotations

import json
import math
import secrets
from dataclasses import dataclass
from pathlib import Path

from fieldreg.crypto.durable_file import NotARegularFileError, read_limited, write_new_file

ATTEMPTS_SUFFIX = ".attempts"
FREE_FAILURES = 3
MAX_DELAY_S = 300.0
_MAX_BYTES = 64 * 1024
_MAX_OPERATORS = 512


def attempts_path(slot_path: Path) -> Path:
    return slot_path.with_name(slot_path.name + ATTEMPTS_SUFFIX)


def delay_after(failures: int) -> float:
    """Seconds to wait after `failures` wrong passphrases in a row: 0, 0, 0, 1, 2, 4 ... 300."""
    if failures <= FREE_FAILURES:
        return 0.0
    return min(MAX_DELAY_S, 2.0 ** min(failures - FREE_FAILURES - 1, 16))


@dataclass(frozen=True)
class Attempts:
    failures: int
    last: float  # time.time() of the last failure


class AttemptsFile:
    """Read and write the counters; call only while holding the slot lock."""

    def __init__(self, slot_path: Path) -> None:
        self._path = attempts_path(slot_path)

    def _read_all(self) -> dict[str, Attempts]:
        try:
            untrusted = read_limited(self._path, _MAX_BYTES)
        except (NotARegularFileError, OSError):
            return {}
        if untrusted is None or len(untrusted) > _MAX_BYTES:
            return {}
        try:
            top = json.loads(untrusted)
        except (ValueError, RecursionError):
            return {}
        result: dict[str, Attempts] = {}
        if not isinstance(top, dict):
            return result
        for operator_id, entry in list(top.items())[:_MAX_OPERATORS]:
            if not isinstance(entry, dict):
                continue
            failures, last = entry.get("failures"), entry.get("last")
            if type(last) is int:
                last = float(last)
            if (
                isinstance(failures, int)
                and failures > 0
                and type(last) is float
                and math.isfinite(last)
            ):
                result[str(operator_id)] = Attempts(failures, last)
        return result

    def get(self, operator_id: str) -> Attempts:
        return self._read_all().get(operator_id, Attempts(0, 0.0))

    def wait_seconds(self, operator_id: str, now: float) -> float:
        """How long this operator must still wait; a last failure "in the future" (the clock
        was set back) counts from now, so the wait never exceeds one delay."""
        counters = self._read_all()
        entry = counters.get(operator_id, Attempts(0, 0.0))
        if entry.last > now:
            counters[operator_id] = entry = Attempts(entry.failures, now)
            self._write(counters)
        return max(0.0, delay_after(entry.failures) - (now - entry.last))

    def record_failure(self, operator_id: str, now: float) -> Attempts:
        counters = self._read_all()
        entry = counters.get(operator_id, Attempts(0, 0.0))
        counters[operator_id] = Attempts(entry.failures + 1, now)
        self._write(counters)
        return counters[operator_id]

    def clear(self, operator_id: str) -> None:
        counters = self._read_all()
        if counters.pop(operator_id, None) is not None:
            self._write(counters)

    def _write(self, counters: dict[str, Attempts]) -> None:
        if not counters:
            self._path.unlink(missing_ok=True)  # nothing to remember: leave no file behind
            return
        payload = json.dumps(
            {op: {"failures": a.failures, "last": a.last} for op, a in counters.items()}
        ).encode("ascii")
        temp = self._path.with_name(f"{self._path.name}.tmp-{secrets.token_hex(8)}")
        try:
            write_new_file(temp, payload)
            temp.replace(self._path)
        finally:
            temp.unlink(missing_ok=True)
