"""Hybrid logical clock: timestamps that order events across devices whose clocks disagree.

A timestamp is the wall-clock milliseconds a device believed in, plus a logical counter that
breaks ties and keeps time moving forward when the wall clock stalls or jumps back. Packed into
one integer (``wall_ms << 16 | logical``) it fits a signed 64-bit column and sorts correctly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

LOGICAL_BITS: Final = 16
MAX_LOGICAL: Final = (1 << LOGICAL_BITS) - 1
# wall_ms << 16 must stay below 2**63 (about the year 6400), so packed values fit SQLite's INTEGER.
MAX_WALL_MS: Final = (1 << (63 - LOGICAL_BITS)) - 1

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_MAX_PACKED: Final = MAX_WALL_MS << LOGICAL_BITS | MAX_LOGICAL


def packed_wall_ms(packed: int) -> int:
    """The wall-clock milliseconds of a packed timestamp (ValueError out of range), without
    making the Hlc: an export turns hundreds of thousands of clocks into times."""
    if not 0 <= packed <= _MAX_PACKED:
        raise ValueError(f"packed hlc out of range: {packed}")
    return packed >> LOGICAL_BITS


@dataclass(frozen=True, order=True, slots=True)
class Hlc:
    wall_ms: int
    logical: int

    def __post_init__(self) -> None:
        if not 0 <= self.wall_ms <= MAX_WALL_MS:
            raise ValueError(f"wall_ms out of range: {self.wall_ms}")
        if not 0 <= self.logical <= MAX_LOGICAL:
            raise ValueError(f"logical out of range: {self.logical}")

    def pack(self) -> int:
        return self.wall_ms << LOGICAL_BITS | self.logical

    @classmethod
    def unpack(cls, value: int) -> Hlc:
        return cls(packed_wall_ms(value), value & MAX_LOGICAL)

    def __str__(self) -> str:
        moment = _EPOCH + timedelta(milliseconds=self.wall_ms)
        return f"{moment:%Y-%m-%dT%H:%M:%S}.{self.wall_ms % 1000:03d}Z#{self.logical:05d}"


class HybridClock:
    """Issues strictly increasing timestamps for one device; not thread-safe (one writer)."""

    def __init__(self, now_ms: Callable[[], int], last: Hlc | None = None) -> None:
        self._now_ms = now_ms
        self._last = last

    @property
    def last(self) -> Hlc | None:
        return self._last

    def tick(self) -> Hlc:
        """A timestamp for a local event, later than every one issued or observed before."""
        now = self._now_ms()
        last = self._last
        if last is None or now > last.wall_ms:
            stamp = Hlc(now, 0)
        else:
            stamp = _carry(last.wall_ms, last.logical + 1)
        self._last = stamp
        return stamp

    def observe(self, remote: Hlc) -> Hlc:
        """Merge a timestamp received from another device; returns a stamp later than both."""
        now = self._now_ms()
        last = self._last
        wall = max(now, remote.wall_ms, last.wall_ms if last is not None else 0)
        if last is not None and wall == last.wall_ms == remote.wall_ms:
            logical = max(last.logical, remote.logical) + 1
        elif last is not None and wall == last.wall_ms:
            logical = last.logical + 1
        elif wall == remote.wall_ms:
            logical = remote.logical + 1
        else:
            logical = 0
        stamp = _carry(wall, logical)
        self._last = stamp
        return stamp


def _carry(wall_ms: int, logical: int) -> Hlc:
    # A full logical counter borrows the next millisecond rather than breaking monotonicity.
    if logical > MAX_LOGICAL:
        return Hlc(wall_ms + 1, 0)
    return Hlc(wall_ms, logical)
