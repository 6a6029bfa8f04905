"""Handing raw ZPL to a CUPS print queue, and private files for anything that holds names.

ZPL goes to `lp -d QUEUE -o raw` on its standard input, so no spool file of ours ever holds a
name; the job title is fixed and impersonal because CUPS logs titles. The queue is checked with
`lpstat` first: a missing, stopped (`cupsdisable`) or rejecting (`cupsreject`) queue raises a
typed error before anything is sent, because CUPS would happily hold a job for a stopped queue
and the band would count as issued while nothing comes out. The CUPS tools run with LC_ALL=C so
their messages can be read whatever the desk's language.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from fieldreg.core.errors import FieldregError, NotFoundError, os_error_reason
from fieldreg.crypto.durable_file import write_new_file

JOB_TITLE: Final = "fieldreg bands"
TIMEOUT_S: Final = 60
# CUPS queue names: printable, at most 127 characters, no space, slash, hash or backslash; and
# not starting with "-", which the CUPS tools would take for an option.
_QUEUE_NAME: Final = re.compile(r"(?!-)[^\s/#\\\x00-\x1f\x7f]{1,127}")
_JOB_ID: Final = re.compile(r"request id is (\S+)")


def check_queue_name(untrusted: str) -> str:
    if not isinstance(untrusted, str) or not _QUEUE_NAME.fullmatch(untrusted):
        raise FieldregError("print.queue_name")
    return untrusted


def cups_available() -> bool:
    return shutil.which("lpstat") is not None


def check_queue(queue: str) -> None:
    """Raise unless CUPS knows `queue`, it is enabled and it accepts jobs."""
    check_queue_name(queue)
    state = _cups(["lpstat", "-p", queue])
    if state.returncode != 0:
        if "scheduler is not running" in state.stderr.lower():
            raise FieldregError("print.spooler_down")
        raise NotFoundError("print.queue_missing", queue=queue)
    if re.search(rf"^printer {re.escape(queue)} disabled", state.stdout, re.MULTILINE):
        raise FieldregError("print.queue_stopped", queue=queue)
    accepting = _cups(["lpstat", "-a", queue])
    if accepting.returncode != 0 or "not accepting" in accepting.stdout:
        raise FieldregError("print.queue_rejecting", queue=queue)


def send_raw(queue: str, data: bytes) -> str:
    """Submit `data` unfiltered to `queue`; returns the spooler's job id once it accepted it."""
    check_queue(queue)
    done = _cups(["lp", "-d", queue, "-o", "raw", "-t", JOB_TITLE], data=data)
    if done.returncode != 0:
        message = done.stderr.lower()
        if "does not exist" in message or "invalid destination" in message:
            raise NotFoundError("print.queue_missing", queue=queue)
        if "not accepting" in message:
            raise FieldregError("print.queue_rejecting", queue=queue)
        raise FieldregError("print.job_failed", queue=queue)
    match = _JOB_ID.search(done.stdout)
    if match is None:
        raise FieldregError("print.job_failed", queue=queue)
    return match[1]


class _Done:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def _cups(command: list[str], data: bytes | None = None) -> _Done:
    program = shutil.which(command[0])
    if program is None:
        raise FieldregError("print.no_cups")
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    try:
        done = subprocess.run(
            [program, *command[1:]],
            input=data if data is not None else b"",
            capture_output=True,
            env=env,
            timeout=TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise FieldregError("print.spooler_down") from None
    except OSError as exc:
        raise FieldregError("print.no_cups", reason=os_error_reason(exc)) from None
    return _Done(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


@contextmanager
def private_tempdir() -> Iterator[Path]:
    """A directory only this user can enter (0700), removed with everything in it on exit,
    also on error; for preview PDFs and any other file that holds names."""
    directory = Path(tempfile.mkdtemp(prefix="fieldreg-print-"))
    try:
        if os.name == "posix":
            directory.chmod(0o700)
        yield directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def new_private_file(path: Path, data: bytes = b"") -> Path:
    """Create `path` exclusively with mode 0600 (for a renderer to fill)."""
    write_new_file(path, data)
    return path
