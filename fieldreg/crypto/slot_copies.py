"""The copies of the key slots (the file, its `.prev`, the mirror's) and which one is in force.

Each copy is read on its own: one that is missing, not a regular file, too large or damaged is
passed over. The intact copy (checksum and every slot sound) with the highest generation wins:
writes go file first, mirror second, so a crash between them keeps the change. If no copy is
intact, the slots that still parse from the copies of the highest generation are pieced
together (`SlotState.salvaged`), so one bad slot never blocks another.
"""

from __future__ import annotations

import dataclasses
import errno
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from fieldreg.core.errors import FieldregError, StoreError, TamperError, os_error_reason
from fieldreg.crypto.durable_file import NotARegularFileError, read_limited
from fieldreg.crypto.slot_format import MAX_FILE_BYTES, ParsedCopy, Slot, SlotDocument, parse_copy


class SlotMirror(Protocol):
    """The second copy of the slot document, kept somewhere else than the file's folder."""

    def read(self) -> bytes | None:
        """The copy's bytes, None if there is none yet; StoreError if it cannot be read."""
        ...

    def write(self, payload: bytes) -> None:
        """Replace the copy durably; StoreError if it cannot be written."""
        ...


class CopyName(StrEnum):
    FILE = "file"
    PREV = "prev"
    DATABASE = "database"


class CopyStatus(StrEnum):
    OK = "ok"
    MISSING = "missing"
    NOT_A_FILE = "not_a_file"
    DAMAGED = "damaged"
    OLDER = "older"


@dataclass(frozen=True)
class CopyHealth:
    copy: CopyName
    status: CopyStatus
    generation: int | None


@dataclass(frozen=True)
class Copy:
    name: CopyName
    parsed: ParsedCopy | None
    problem: FieldregError | None  # why it could not be read; both None: nothing there


@dataclass(frozen=True)
class SlotState:
    document: SlotDocument  # the generation in force (only the slots that parse)
    copies: tuple[Copy, ...]
    damaged: tuple[tuple[str, TamperError], ...]  # damaged slots of that generation, if salvaged
    salvaged: bool = False  # no copy was intact: the slots that parsed, pieced together

    def copy(self, name: CopyName) -> Copy | None:
        return next((c for c in self.copies if c.name == name), None)

    @property
    def highest_generation(self) -> int:
        return max(c.parsed.document.generation for c in self.copies if c.parsed is not None)


_COPY_ORDER = {CopyName.FILE: 2, CopyName.DATABASE: 1, CopyName.PREV: 0}


def _generation(copy: Copy) -> tuple[int, int]:
    """Highest generation first; at a tie the main file, then the mirror, then `.prev`."""
    assert copy.parsed is not None
    return copy.parsed.document.generation, _COPY_ORDER[copy.name]


def parse_raw(name: CopyName, raw: bytes | None) -> Copy:
    if raw is None:
        return Copy(name, None, None)
    try:
        return Copy(name, parse_copy(raw), None)
    except FieldregError as exc:
        return Copy(name, None, exc)


def choose(copies: list[Copy], folder: Path) -> SlotState:
    """The generation in force: the intact copy with the highest generation; if no copy is
    intact, the slots that still parse from the copies of the highest generation."""
    readable = [c for c in copies if c.parsed is not None]
    intact = [c for c in readable if c.parsed is not None and c.parsed.intact]
    if intact:
        best = max(intact, key=_generation)
        assert best.parsed is not None
        return SlotState(best.parsed.document, tuple(copies), ())
    if not readable:
        # The main file's problem first: it is the one a person can see and act on.
        for copy in copies:
            if copy.problem is not None:
                raise copy.problem
        raise StoreError("slots.missing", folder=str(folder))
    top = max(readable, key=_generation)
    assert top.parsed is not None
    head = top.parsed.document
    same = [
        c.parsed
        for c in readable
        if c.parsed is not None
        and c.parsed.document.generation == head.generation
        and c.parsed.document.key_id == head.key_id
        and c.parsed.document.store_id == head.store_id
    ]
    slots: dict[str, Slot] = {}
    for parsed in same:
        for slot in parsed.document.slots:
            slots.setdefault(slot.slot_id, slot)
    document = dataclasses.replace(head, slots=tuple(slots.values()))
    present = {slot.operator_id for slot in document.passphrase_slots()}
    damaged = tuple(
        (operator, error)
        for parsed in same
        for operator, error in parsed.damaged_slots
        if operator not in present
    )
    return SlotState(document, tuple(copies), damaged, salvaged=True)


def health(state: SlotState) -> list[CopyHealth]:
    result = []
    for copy in state.copies:
        if copy.parsed is not None:
            generation = copy.parsed.document.generation
            if not copy.parsed.intact:
                status = CopyStatus.DAMAGED
            elif generation < state.document.generation:
                status = CopyStatus.OLDER
            else:
                status = CopyStatus.OK
            result.append(CopyHealth(copy.name, status, generation))
        elif copy.problem is None:
            result.append(CopyHealth(copy.name, CopyStatus.MISSING, None))
        elif copy.problem.code == "slots.not_a_file":
            result.append(CopyHealth(copy.name, CopyStatus.NOT_A_FILE, None))
        else:
            result.append(CopyHealth(copy.name, CopyStatus.DAMAGED, None))
    # `.prev` is a leftover whenever the main file is good; it is not a copy to keep.
    return [h for h in result if h.copy is not CopyName.PREV]


def store_error(exc: OSError, op: str) -> StoreError:
    """Name an environment failure; disk full and read-only share the store's messages."""
    if exc.errno == errno.ENOSPC:
        return StoreError("store.disk_full")
    if exc.errno == errno.EROFS:
        return StoreError("store.read_only")
    return StoreError("slots.io", op=op, reason=os_error_reason(exc))


def read_file(path: Path) -> bytes | None:
    """The file's bytes, None if nothing is there; refuses a non-file and more than
    MAX_FILE_BYTES (TamperError "slots.corrupt": a key file is a few kilobytes)."""
    try:
        data = read_limited(path, MAX_FILE_BYTES)
    except NotARegularFileError:
        raise StoreError("slots.not_a_file", path=str(path)) from None
    except OSError as exc:
        raise store_error(exc, "read") from exc
    if data is not None and len(data) > MAX_FILE_BYTES:
        raise TamperError("slots.corrupt")
    return data
