"""What one request may cost the hub: its body's size (refused from Content-Length before a byte
is read, and counted while reading when it lies), the time to send it (a slow-loris trickle of
the body ends in 408; of the headers, in a closed connection: server.py) and how often one
device may ask (a token bucket per device, 429)."""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Final

import anyio

from fieldreg.services.hub.auth import Refused
from fieldreg.sync import bundle_format

MAX_BODY: Final = bundle_format.MAX_FILE_BYTES


@dataclass(frozen=True, slots=True)
class Limits:
    max_body: int = MAX_BODY
    read_timeout: float = 20.0  # seconds to receive a whole body
    header_timeout: float = 10.0  # seconds to receive a request's headers
    rate: float = 20.0  # requests per second per device, sustained
    burst: int = 60  # requests one device may make at once
    devices_tracked: int = 10_000


def declared_length(untrusted: str | None, max_body: int) -> int | None:
    """Content-Length as a number (None if absent); Refused(400) if malformed, 413 if too big."""
    if untrusted is None:
        return None
    if not untrusted.isascii() or not untrusted.isdigit() or len(untrusted) > 15:
        raise Refused(400, "bad_headers")
    length = int(untrusted)
    if length > max_body:
        raise Refused(413, "too_large")
    return length


async def read_body(chunks: AsyncIterator[bytes], limits: Limits) -> bytes:
    """The whole body within the size and time limits (413, 408)."""
    received = bytearray()
    try:
        with anyio.fail_after(limits.read_timeout):
            async for chunk in chunks:
                received += chunk
                if len(received) > limits.max_body:
                    raise Refused(413, "too_large")
    except TimeoutError:
        raise Refused(408, "too_slow") from None
    return bytes(received)


class RateLimiter:
    """A token bucket per device; the least recently seen devices are forgotten beyond a bound."""

    def __init__(self, limits: Limits, clock: Callable[[], float] = time.monotonic) -> None:
        self._limits = limits
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # device -> (tokens, at)
        self._lock = threading.Lock()

    def allow(self, device: str) -> bool:
        now = self._clock()
        with self._lock:
            tokens, at = self._buckets.pop(device, (float(self._limits.burst), now))
            tokens = min(float(self._limits.burst), tokens + (now - at) * self._limits.rate)
            allowed = tokens >= 1.0
            self._buckets[device] = (tokens - 1.0 if allowed else tokens, now)
            if len(self._buckets) > self._limits.devices_tracked:
                self._buckets.pop(next(iter(self._buckets)))
            return allowed
