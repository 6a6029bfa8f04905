"""Durable, owner-only writes and bounded reads for the small files that hold wrapped keys.

These raise OSError unchanged; the caller names the failure for the user.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

FILE_MODE = 0o600

# A link could read another file; a FIFO or a device could block the reader for ever.
_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_BINARY", 0)
)


class NotARegularFileError(OSError):
    """A folder, link, FIFO or device is where a key file should be."""


def read_limited(path: Path, limit: int) -> bytes | None:
    """At most limit + 1 bytes of the regular file at path (so the caller sees "too big"), or
    None if nothing is there. A link, folder, FIFO or device raises NotARegularFileError: it is
    checked before opening (lstat) and again on the open descriptor (fstat), and the open
    neither follows a link nor waits on a FIFO, so a swap in between cannot make it block."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            raise NotARegularFileError(errno.EINVAL, "not a regular file")
        fd = os.open(path, _READ_FLAGS)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a link swapped in after lstat
            raise NotARegularFileError(errno.ELOOP, "not a regular file") from exc
        raise
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise NotARegularFileError(errno.EINVAL, "not a regular file")
        return handle.read(limit + 1)


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
