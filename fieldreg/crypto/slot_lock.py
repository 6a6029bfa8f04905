"""One process at a time reads or changes a store's key slots: an OS file lock beside them.

`filelock` takes `fcntl.flock` on POSIX and `msvcrt.locking` on Windows, so the lock dies with
its process: a crashed writer never leaves the store locked. Every read-modify-write of the slot
file holds the lock from the read to the last rename (and the copy in the database), so two
changes cannot interleave and lose one; readers take it too, only for the few milliseconds of
reading, so they never see the half-way state between two renames. The passphrase KDF of an
unlock runs outside it. The lock file (`<slot file>.lock`, 0600) holds nothing and is kept.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from fieldreg.core.errors import StoreError, os_error_reason

LOCK_SUFFIX = ".lock"
LOCK_TIMEOUT_S = 20.0
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def lock_path(slot_path: Path) -> Path:
    return slot_path.with_name(slot_path.name + LOCK_SUFFIX)


class SlotLock:
    """The exclusive lock of one slot file; re-entrant within one thread."""

    def __init__(self, slot_path: Path, timeout: float = LOCK_TIMEOUT_S) -> None:
        self._timeout = timeout
        self._lock = FileLock(
            lock_path(slot_path),
            timeout=timeout,
            mode=0o600,
            poll_interval=0.01,  # waiters poll: short, so a busy reader cannot starve a writer
            fallback_to_soft=False,  # a soft lock left by a crash would block for ever
            preserve_lock_file=True,  # deleting it on release would race the next locker
        )

    @contextmanager
    def held(self, *, for_writing: bool) -> Iterator[None]:
        """Hold the lock; StoreError("slots.busy") after the timeout. A reader on read-only
        media (where no lock file can be made, and so no writer can run) reads unlocked."""
        try:
            self._lock.acquire()
        except Timeout:
            raise StoreError("slots.busy", seconds=round(self._timeout)) from None
        except OSError as exc:
            if for_writing or exc.errno not in _READ_ONLY_ERRNOS:
                raise _lock_error(exc) from exc
            yield
            return
        try:
            yield
        finally:
            self._lock.release()


def _lock_error(exc: OSError) -> StoreError:
    if exc.errno == errno.ENOSPC:
        return StoreError("store.disk_full")
    if exc.errno == errno.EROFS:
        return StoreError("store.read_only")
    return StoreError("slots.io", op="lock", reason=os_error_reason(exc))
