"""Files from outside (a USB stick, a shared folder, a file a coordinator was sent): opened only
if they are regular files, and never read further than the caller can accept (DESIGN §8)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from fieldreg.core.errors import FieldregError

# A link could read another file; a FIFO or a device could block the reader for ever.
_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def read_outside_file(path: Path, limit: int) -> bytes:
    """At most `limit + 1` bytes of the regular file at `path`: one more than any caller allows,
    so its parser says "too large" without the rest being read. A link, a folder, a FIFO or a
    device is refused (`sync.not_a_file`), as is a file swapped for one of them meanwhile."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            raise FieldregError("sync.not_a_file")
        with os.fdopen(os.open(path, _FLAGS | getattr(os, "O_BINARY", 0)), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise FieldregError("sync.not_a_file")
            return handle.read(limit + 1)
    except OSError as exc:
        raise FieldregError("sync.unreadable_file") from exc
