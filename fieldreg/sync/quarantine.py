"""Quarantine: a rejected bundle is moved (never deleted) into the store's quarantine folder, beside
a small reason file with the error code and its parameters (no personal data: codes, limits,
sequence numbers, a hash). Files are named by time and hash, never by what the stick called them.
A file refused by its size alone is not read at all: moved if it can be renamed, else left on the
stick (`quarantine_unread`).

An erasure at the coordinator reaches these files too (`purge_quarantined`), and the bundles held
in the store for a gap (`drop_held`): one whose payload, opened with the coordinator's bundle key,
names an erased person is destroyed, since the key that reads it is in the same store.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import secrets
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from fieldreg.core.errors import FieldregError
from fieldreg.crypto.durable_file import fsync_dir, write_new_file
from fieldreg.store.sync_store import SyncStore
from fieldreg.sync import age_format, bundle_format

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
    directory: Path, source: Path, fd: int, error: FieldregError, now: dt.datetime
) -> Quarantined:
    """Move `source`, already open as `fd` (a regular file, opened without following links),
    into `directory` (created 0700) with its reason. It is hashed, and copied when it sits on
    another file system (the stick), in chunks from `fd`: a file of any size costs `CHUNK` bytes
    of memory, and what is hashed is what was opened, never a file put at `source` meanwhile."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    opened = os.fstat(fd)
    digest, size = _hash(fd)
    target, reason = _names(directory, digest, now)
    kept = False
    try:
        in_place = _moved_in(source, target, opened)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        _copy(fd, target)  # another file system (the stick): copy, then remove
        kept = not _remove_if_same(source, opened)
    else:
        if not in_place:  # swapped after it was opened: keep a copy of what was read
            _copy(fd, target)
            kept = True
    return _recorded(target, reason, error, now, digest=digest, size=size, kept=kept)


def quarantine_unread(
    directory: Path, source: Path, fd: int, error: FieldregError, now: dt.datetime
) -> Quarantined | None:
    """A file refused by its size alone, moved into `directory` without a byte of it read: renamed
    there when it lies on the store's file system, else (a stick) left where it is, and None.
    Hashing it would read gigabytes from the stick, and a copy could fill the coordinator's disk
    under its store, for a file that cannot be a bundle anyway. Named by time and a random token;
    its reason has no hash (`sha256` "")."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    opened = os.fstat(fd)
    target, reason = _names(directory, secrets.token_hex(8), now)
    try:
        if not _moved_in(source, target, opened):
            return None
    except OSError:  # another file system, or a stick that is read-only: it stays
        return None
    return _recorded(target, reason, error, now, digest="", size=opened.st_size, kept=False)


def _moved_in(source: Path, target: Path, opened: os.stat_result) -> bool:
    """Rename `source` to `target` (OSError if it cannot be: another file system); True if what
    arrived is the file that was opened (then made owner-only), False if it was swapped after
    it was opened (the stranger is put back where it was)."""
    source.rename(target)
    moved = target.lstat()
    if (moved.st_dev, moved.st_ino) != (opened.st_dev, opened.st_ino):
        target.rename(source)
        return False
    target.chmod(0o600)
    return True


def _recorded(
    target: Path,
    reason: Path,
    error: FieldregError,
    now: dt.datetime,
    *,
    digest: str,
    size: int,
    kept: bool,
) -> Quarantined:
    """The reason file beside the quarantined `target`, made durable with the folder."""
    write_new_file(reason, _reason(error, digest, size, now, kept))
    fsync_dir(target.parent)
    return Quarantined(target, error.code, dict(error.params), digest, now.isoformat(), kept)


CHUNK = 1024 * 1024


def _hash(fd: int) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    os.lseek(fd, 0, os.SEEK_SET)
    while chunk := os.read(fd, CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def _copy(fd: int, target: Path) -> None:
    """The bytes of `fd` into the new, owner-only file `target`, made durable."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    out = os.open(target, flags, 0o600)
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        while chunk := os.read(fd, CHUNK):
            view = memoryview(chunk)
            while view:
                view = view[os.write(out, view) :]
        os.fsync(out)
    except BaseException:
        os.close(out)
        target.unlink(missing_ok=True)
        raise
    os.close(out)


def _remove_if_same(source: Path, opened: os.stat_result) -> bool:
    """Remove `source` if it is still the file that was opened; False if it stays."""
    try:
        now = source.lstat()
        if (now.st_dev, now.st_ino) != (opened.st_dev, opened.st_ino):
            return False
        source.unlink()
    except OSError:
        return False
    return True


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


# --- erasure ------------------------------------------------------------------------------------


def names_any(raw: bytes, identity: bytes, person_ids: Collection[str]) -> bool | None:
    """Whether the bundle `raw`, decrypted with `identity` (the coordinator's raw X25519 bundle
    key), names one of `person_ids` anywhere in its events (a subject, a household link): its
    payload is canonical JSON, where an id is always written as the same quoted string, so a
    payload that does not even parse is judged too. None: it does not open with that key (then
    this store cannot read what it carries either)."""
    try:
        payload = bundle_format.parse_container(raw).payload
        plaintext = age_format.decrypt(payload, identity)
    except (FieldregError, ValueError):
        return None
    return any(json.dumps(p).encode("ascii") in plaintext for p in person_ids)


def drop_held(store: SyncStore, identity: bytes, person_ids: Collection[str]) -> int:
    """Inside the caller's transaction (the erasure's): the held bundles that name one of
    `person_ids` are dropped (their sealed copy goes; the store zeroes freed pages). The device's
    log then has a gap there, which the roster's receipts show it: its next export of that span
    carries the person redacted. Returns how many were dropped."""
    dropped = 0
    for held in store.held():
        if names_any(store.held_body(held.bundle_hash), identity, person_ids):
            store.release(held.bundle_hash)
            dropped += 1
    return dropped


def purge_quarantined(directory: Path, identity: bytes, person_ids: Collection[str]) -> int:
    """Destroy the quarantined bundles that name one of `person_ids` (overwritten, made durable,
    removed), with their reason files; returns how many. Files that do not open with the key
    stay: nothing in them is readable with this store's keys."""
    if not directory.is_dir() or not person_ids:
        return 0
    removed = 0
    for bundle in sorted(directory.glob("*.bundle")):
        try:
            with bundle.open("rb") as file:
                data = file.read(bundle_format.MAX_FILE_BYTES + 1)
        except OSError:
            continue
        if not names_any(data, identity, person_ids):
            continue
        _shred(bundle)
        reason = bundle.with_name(bundle.name + REASON_SUFFIX)
        if reason.exists():
            _shred(reason)
        removed += 1
    if removed:
        fsync_dir(directory)
    return removed


def _shred(path: Path) -> None:
    """Overwrite the file with zeros, make that durable, then remove it."""
    flags = os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        size = os.fstat(fd).st_size
        chunk = b"\0" * min(size, 1 << 20)
        written = 0
        while written < size:
            written += os.write(fd, chunk[: size - written])
        os.fsync(fd)
    finally:
        os.close(fd)
    path.unlink()
