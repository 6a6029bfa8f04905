"""Reports of unexpected errors (bugs) that carry no personal data, and the log they go to.

An exception's message may quote what a volunteer typed or a file held (a name in a KeyError, a
value in a ValueError), so a report keeps only the exception's type, the stable code of an
expected error, an OSError's errno name, and where in the code it happened: file (relative to
the package), line, function and the source line. No messages, no locals, no arguments.
"""

from __future__ import annotations

import logging
import os
import platform
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import Final

from fieldreg import __version__
from fieldreg.core.errors import FieldregError, os_error_reason
from fieldreg.services.paths import ensure_private_dir

LOG_NAME: Final = "fieldreg.log"
LOGGER_NAME: Final = "fieldreg.app"  # writes to logs/fieldreg.log
LOG_BYTES: Final = 512 * 1024
LOG_BACKUPS: Final = 3
MAX_CHAIN: Final = 5
_ANCHORS: Final = ("site-packages", "dist-packages", "lib")


def _where(filename: str) -> str:
    """A path without the user's home or install location: from the package or library root."""
    parts = Path(filename).parts
    for index in range(len(parts) - 1, -1, -1):
        if parts[index] == "fieldreg" or parts[index] in _ANCHORS:
            start = index if parts[index] == "fieldreg" else index + 1
            return "/".join(parts[start:])
    return parts[-1] if parts else "?"


def _describe_type(exc: BaseException) -> str:
    kind = type(exc)
    name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    if isinstance(exc, FieldregError):
        return f"{name} [{exc.code}]"  # codes and their params are never personal (see errors.py)
    if isinstance(exc, OSError):
        return f"{name} [{os_error_reason(exc)}]"
    return name


def safe_report(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> str:
    """The text for the log and the crash dialog's "copy report"."""
    lines = [
        f"fieldreg {__version__}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}",
    ]
    current: BaseException | None = exc
    current_tb = tb
    seen: set[int] = set()
    depth = 0
    while depth < MAX_CHAIN:
        name = _describe_type(current) if current is not None else exc_type.__qualname__
        lines.append(("" if depth == 0 else "caused by: ") + name)
        for frame in traceback.extract_tb(current_tb):
            code = (frame.line or "").strip()
            lines.append(f"  {_where(frame.filename)}:{frame.lineno} in {frame.name}")
            if code:
                lines.append(f"    {code}")
        if current is None:
            break
        seen.add(id(current))
        following = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
        if following is None or id(following) in seen:
            break
        current, current_tb = following, following.__traceback__
        depth += 1
    return "\n".join(lines)


class _PrivateRotatingHandler(RotatingFileHandler):
    """Rotating log files created 0600 whatever the umask."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
        return os.fdopen(fd, self.mode.replace("w", "a"), encoding=self.encoding)


def open_log(logs_dir: Path) -> logging.Logger:
    """The application's logger, writing to `logs_dir/fieldreg.log` (rotated, private)."""
    ensure_private_dir(logs_dir)
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    handler = _PrivateRotatingHandler(
        logs_dir / LOG_NAME, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    return logger


def close_log(logger: logging.Logger) -> None:
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
