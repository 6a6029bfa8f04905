"""Files from outside (a USB stick, a shared folder, a file a coordinator was sent): opened only
if they are regular files, refused by size before a byte is read, and never read further than
the caller can accept (DESIGN §8). Every reader of a path a user gave goes through here."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from fieldreg.core.errors import FieldregError

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
    a file that cannot be opened is `sync.unreadable_file`."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            raise FieldregError("sync.not_a_file")
        fd = os.open(path, _FLAGS)
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
