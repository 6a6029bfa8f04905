"""The end of every device's log, kept outside the database so that cutting the log short is found.

Deleting the newest events and winding the `devices` row back leaves a database that agrees with
itself; only a copy of "device D had reached event N, whose id is H" kept elsewhere tells. After
each commit the write pipeline hands `Anchor.record` the position of every device, and `verify`
compares them with the log (`Anchor.read`).

Choices, and why:

* Two files, `anchor.0` and `anchor.1`, written in turn, each one sealed record (AES-256-GCM with
  the store's data key, associated data naming the anchor: it cannot be forged or taken from
  another row or store; the GCM tag is the checksum) behind its length, overwritten in place. A
  torn or half-written file does not open and the other still does, so no fsync is needed: a
  crash can only leave the anchor *behind* the database, and behind is not tampering (only a log
  that ends before the anchor is). Cost per save: a lock, two small reads, one write (~0.1 ms).
* Written after the database commit, never before: the anchor is never ahead of the database.
* Writers take an exclusive `flock` on `anchor.0` and merge: each device's position is the
  furthest of what both files hold and what is being recorded. Two processes committing at once
  therefore cannot move the anchor backwards, and what they merge was all committed.
* A failure to write it (disk full) is not a failed save: the data is committed; the anchor stays
  behind until the next commit writes it.
* No anchor at all (a store made before anchors, or one never written to since) is not tampering;
  `read` returns None and `verify` says so.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import struct
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from fieldreg.core.errors import TamperError
from fieldreg.crypto.encoding import canonical_json
from fieldreg.crypto.sealing import FieldSealer

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: writers are not serialised, only merged
    fcntl = None  # type: ignore[assignment]

_LOG = logging.getLogger(__name__)
NAMES = ("anchor.0", "anchor.1")
_TABLE, _RECORD, _GROUP = "anchor", "log-ends", "positions"
_MAX_BYTES = 4 * 1024 * 1024  # a record of tens of thousands of devices; more is not ours
_LENGTH = struct.Struct(">I")  # each file: the sealed record's length, the record, then leftovers


@dataclass(frozen=True, slots=True)
class Mark:
    """How far one device's log had come: its last sequence number, head event id and clock."""

    seq: int
    head: str
    hlc: int


class AnchorDamaged(TamperError):
    """Anchor files are there but none opens: altered, replaced, or sealed with another key."""

    def __init__(self) -> None:
        super().__init__("verify.anchor_damaged")


class Anchor:
    """The anchor files of one store folder, sealed with the store's data key."""

    def __init__(self, directory: Path, sealer: FieldSealer) -> None:
        self._paths = tuple(directory / name for name in NAMES)
        self._sealer = sealer
        # The sealed records this instance wrote, and what they hold: a file that still holds
        # one was not written by anyone else since, so it need not be opened again.
        self._written: dict[bytes, tuple[int, dict[str, Mark]]] = {}

    def read(self) -> dict[str, Mark] | None:
        """Device id -> its anchored position; None if no anchor was written yet.
        Raises AnchorDamaged if files are there but none opens."""
        with self._locked(shared=True):  # not while a writer is half-way
            # An empty file is one a writer created to lock and had not written yet.
            records = [self._load(p) for p in self._paths if p.exists() and p.stat().st_size]
        if not records:
            return None
        opened = [r for r in records if r is not None]
        if not opened:
            raise AnchorDamaged
        return _merged(mark for _, marks in opened for mark in marks.items())

    def record(self, marks: Mapping[str, Mark]) -> None:
        """Anchor `marks` (committed positions), merged with what is anchored already."""
        try:
            with self._locked():
                loaded = [self._load(path) for path in self._paths]
                found = [r for r in loaded if r is not None]
                generation = max((g for g, _ in found), default=0) + 1
                merged = _merged([*(m for _, ms in found for m in ms.items()), *marks.items()])
                self._write(self._paths[generation % 2], generation, merged)
        except OSError as exc:
            _LOG.warning("the anchor was not written (%s); it is written at the next save", exc)

    @contextlib.contextmanager
    def _locked(self, *, shared: bool = False) -> Iterator[None]:
        """The writers' lock on `anchor.0` (created for a writer; a reader of a store without it
        reads unlocked, there being nothing to wait for)."""
        try:
            fd = os.open(self._paths[0], os.O_RDONLY if shared else os.O_RDWR | os.O_CREAT, 0o600)
        except FileNotFoundError:
            if not shared:
                raise
            yield
            return
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing drops the lock

    def _load(self, path: Path) -> tuple[int, dict[str, Mark]] | None:
        """(generation, marks) of one file; None if it is empty, torn or does not open."""
        try:
            with path.open("rb") as file:
                untrusted = file.read(_MAX_BYTES + 1)
        except FileNotFoundError:
            return None
        if len(untrusted) < _LENGTH.size or len(untrusted) > _MAX_BYTES:
            return None
        (size,) = _LENGTH.unpack_from(untrusted)
        sealed = untrusted[_LENGTH.size : _LENGTH.size + size]
        known = self._written.get(sealed)
        if known is not None:
            return known
        try:
            raw = json.loads(self._sealer.open(_TABLE, _RECORD, _GROUP, sealed))
            marks = {
                str(device): Mark(int(seq), str(head), int(hlc))
                for device, (seq, head, hlc) in raw["devices"].items()
            }
            return int(raw["generation"]), marks
        except (TamperError, ValueError, KeyError, TypeError):
            return None

    def _write(self, path: Path, generation: int, marks: Mapping[str, Mark]) -> None:
        document = {
            "generation": generation,
            "devices": {d: [m.seq, m.head, m.hlc] for d, m in sorted(marks.items())},
        }
        sealed = self._sealer.seal(_TABLE, _RECORD, _GROUP, canonical_json(document))
        record = _LENGTH.pack(len(sealed)) + sealed
        self._written = {k: v for k, v in self._written.items() if v[0] >= generation - 1}
        self._written[sealed] = (generation, dict(marks))
        # Overwritten in place, never truncated: truncating makes ext4 flush the file at close
        # (half a millisecond per save); what is left past the record is not read.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            written = 0
            while written < len(record):
                written += os.pwrite(fd, record[written:], written)
        finally:
            os.close(fd)


def _merged(marks: Iterator[tuple[str, Mark]] | list[tuple[str, Mark]]) -> dict[str, Mark]:
    """Each device's furthest position among `marks`."""
    result: dict[str, Mark] = {}
    for device, mark in marks:
        known = result.get(device)
        if known is None or mark.seq > known.seq:
            result[device] = mark
    return result
