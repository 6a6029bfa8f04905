"""Files from outside (a USB stick, a shared folder, a file a coordinator was sent): opened only
if they are regular files, refused by size before a byte is read, and never read further than
the caller can accept (DESIGN §8). Every reader of a path a user gave goes through here, and so
does every writer of one (`write_outside_file`: whole or not at all, never over a link)."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from fieldreg.core.errors import FieldregError, StoreError, os_error_reason
from fieldreg.crypto.durable_file import fsync_dir, write_new_file

# A link could read another file; a FIFO or a device could block the reader for ever.
_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


@dataclass(frozen=True, slots=True)
class OpenedFile:
    fd: int  # open for reading, at offset 0; closed when the `with` block ends
    size: int  # as fstat saw it when the file was opened


@contextmanager
def open_outside_file(path: Path) -> Iterator[OpenedFile]:
    """The regular file at `path`, open. A link, a folder, a FIFO or a device is refused
    (`sync.not_a_file`), as is a file swapped for one of them between the check and the open;
    a name with nothing there is `sync.no_such_file` (a mistyped name, a stick not mounted), a
    file that cannot be opened `sync.unreadable_file`."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            raise FieldregError("sync.not_a_file")
        fd = os.open(path, _FLAGS)
    except FileNotFoundError as exc:
        raise FieldregError("sync.no_such_file") from exc
    except OSError as exc:
        raise FieldregError("sync.unreadable_file") from exc
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise FieldregError("sync.not_a_file")
        yield OpenedFile(fd, status.st_size)
    finally:
        os.close(fd)


def read_outside_file(path: Path, limit: int, too_large: FieldregError | None = None) -> bytes:
    """At most `limit + 1` bytes of the regular file at `path`: one more than any caller allows,
    so its parser says "too large" without the rest being read. With `too_large`, a file whose
    size is over `limit` is refused with it before a byte is read."""
    with open_outside_file(path) as opened:
        if too_large is not None and opened.size > limit:
            raise too_large
        try:
            return read_at_most(opened.fd, limit + 1)
        except OSError as exc:
            raise FieldregError("sync.unreadable_file") from exc


def refuse_unless_regular(path: Path, failed: str) -> None:
    """Nothing at `path`, or a regular file a writer may replace; a link, a folder or a device is
    `sync.not_a_file`, a path that cannot be looked at is `failed` (`StoreError`)."""
    try:
        existing = path.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(failed, reason=os_error_reason(exc)) from exc
    if not stat.S_ISREG(existing.st_mode):
        raise FieldregError("sync.not_a_file")


def write_outside_file(path: Path, content: bytes, failed: str) -> None:
    """Written whole or not at all: a private temporary file beside `path`, made durable, then
    renamed over it, so a reader (or a file-sync tool) never sees half of it. A link, a folder or
    a device at `path` is refused (`sync.not_a_file`): replacing it would surprise whoever made
    it, and the rename would not write where the link points anyway. Other failures raise
    `failed` (a disk problem: `StoreError`) with the reason."""
    refuse_unless_regular(path, failed)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        write_new_file(temporary, content)
        temporary.replace(path)
        fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise StoreError(failed, reason=os_error_reason(exc)) from exc


def read_at_most(fd: int, count: int) -> bytes:
    """Up to `count` bytes from `fd`, fewer only at its end; memory grows with what is read,
    not with what was asked for."""
    parts: list[bytes] = []
    left = count
    while left > 0:
        chunk = os.read(fd, min(left, CHUNK))
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


CHUNK = 1024 * 1024
