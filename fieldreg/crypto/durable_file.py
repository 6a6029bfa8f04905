"""Durable, owner-only writes and bounded reads for the small files that hold wrapped keys.

These raise OSError unchanged; the caller names the failure for the user.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

FILE_MODE = 0o600


def read_limited(path: Path, limit: int) -> bytes | None:
    """At most limit + 1 bytes of the file (so the caller sees "too big"), or None if absent."""
    try:
        with path.open("rb") as handle:
            return handle.read(limit + 1)
    except FileNotFoundError:
        return None


def write_new_file(path: Path, payload: bytes) -> None:
    """Create path exclusively, owner-only, and make its bytes durable before returning."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, FILE_MODE)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, FILE_MODE)  # the umask can only remove bits; make the mode exact
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(directory: Path) -> None:
    """Make renames durable; Windows cannot open a directory and journals renames itself."""
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        # Some file systems (network shares, FUSE) cannot sync a directory; nothing more to do.
        if exc.errno not in {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}:
            raise
    finally:
        os.close(fd)
