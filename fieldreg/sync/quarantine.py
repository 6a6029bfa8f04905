"""Quarantine: a rejected bundle is moved (never deleted) into the store's quarantine folder, beside
a small reason file with the error code and its parameters (no personal data: codes, limits,
sequence numbers, a hash). Files are named by time and hash, never by what the stick called them.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from fieldreg.core.errors import FieldregError
from fieldreg.crypto.durable_file import fsync_dir, write_new_file

REASON_SUFFIX = ".reason.json"
MAX_REASON_BYTES = 4096


@dataclass(frozen=True, slots=True)
class Quarantined:
    path: Path
    code: str
    params: dict[str, object]
    sha256: str
    when: str
    source_kept: bool = False  # the original could not be removed (a read-only stick)

    @property
    def error(self) -> FieldregError:
        """The error the file was refused with, to describe it again."""
        return FieldregError(self.code, **self.params)


def _names(directory: Path, digest: str, now: dt.datetime) -> tuple[Path, Path]:
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    base = directory / f"{stamp}-{digest[:16]}.bundle"
    return base, base.with_name(base.name + REASON_SUFFIX)


def _reason(error: FieldregError, digest: str, size: int, now: dt.datetime, kept: bool) -> bytes:
    document = {
        "code": error.code,
        "params": {k: v if isinstance(v, int | str) else str(v) for k, v in error.params.items()},
        "sha256": digest,
        "size": size,
        "quarantined": now.astimezone(dt.UTC).isoformat(timespec="seconds"),
        "source_kept": kept,
    }
    return json.dumps(document, sort_keys=True, indent=1).encode("utf-8")


def quarantine_file(
    directory: Path, source: Path, error: FieldregError, now: dt.datetime
) -> Quarantined:
    """Move `source` into `directory` (created 0700) with its reason."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    data = source.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    target, reason = _names(directory, digest, now)
    kept = False
    try:
        source.rename(target)
        target.chmod(0o600)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        write_new_file(target, data)  # another file system (the stick): copy, then remove
        try:
            source.unlink()
        except OSError:
            kept = True
    write_new_file(reason, _reason(error, digest, len(data), now, kept))
    fsync_dir(directory)
    return Quarantined(target, error.code, dict(error.params), digest, now.isoformat(), kept)


def quarantine_bytes(
    directory: Path, data: bytes, error: FieldregError, now: dt.datetime
) -> Quarantined:
    """A bundle that was held in the store and failed when its turn came."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    digest = hashlib.sha256(data).hexdigest()
    target, reason = _names(directory, digest, now)
    write_new_file(target, data)
    write_new_file(reason, _reason(error, digest, len(data), now, False))
    fsync_dir(directory)
    return Quarantined(target, error.code, dict(error.params), digest, now.isoformat())


def entries(directory: Path) -> list[Quarantined]:
    """What is in quarantine, oldest first (reason files that do not parse are skipped)."""
    if not directory.is_dir():
        return []
    found = []
    for reason in sorted(directory.glob("*" + REASON_SUFFIX)):
        try:
            raw = reason.read_bytes()[:MAX_REASON_BYTES]
            document = json.loads(raw)
            found.append(
                Quarantined(
                    path=reason.with_name(reason.name[: -len(REASON_SUFFIX)]),
                    code=str(document["code"]),
                    params=dict(document["params"]),
                    sha256=str(document["sha256"]),
                    when=str(document["quarantined"]),
                    source_kept=bool(document.get("source_kept", False)),
                )
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return found
