"""Key slots: the random data key, wrapped once per operator passphrase, recovery key and escrow.

The slots live in a JSON file (format in `slot_format.py`, wrapping in `slot_keys.py`) and, like
the backup header of disk encryption, in a second copy kept elsewhere: a `SlotMirror`, which the
services layer backs with a table in the store's database. This module reads, chooses, writes
and repairs the copies and offers the operations.

Concurrency: every operation holds the slot lock (`slot_lock.py`); a change holds it from its
read to its last write, so no change can overwrite another. Nothing that only reads (unlock,
listing operators) deletes or renames anything: what a crash left behind is tidied by the next
change, under the lock, when no live process can own it.

Crash safety: every change writes a whole new generation: temp file (0600, O_EXCL) -> fsync ->
verify -> main to `.prev` -> temp to main -> fsync dir -> re-read and verify -> remove `.prev`
-> fsync dir -> the mirror. File first: a crash before the mirror is written leaves the file one
generation ahead, and on load the intact copy with the highest generation wins, so the change
holds (the services layer then brings the mirror up to date). Which copy is in force, and how
each copy stands, is `slot_copies.py`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hmac
import math
import os
import secrets
import stat
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from fieldreg.core.errors import (
    AuthError,
    FieldregError,
    StoreError,
    TamperError,
    ValidationError,
)
from fieldreg.core.passphrases import check_passphrase
from fieldreg.crypto.attempts import AttemptsFile, delay_after
from fieldreg.crypto.durable_file import (
    fsync_dir,
    write_new_file,
)
from fieldreg.crypto.kdf import KdfParams, derive
from fieldreg.crypto.operator_labels import check_distinct_label, check_single_script
from fieldreg.crypto.sealing import DATA_KEY_BYTES, key_id_for
from fieldreg.crypto.slot_copies import (
    Copy,
    CopyHealth,
    CopyName,
    CopyStatus,
    SlotMirror,
    SlotState,
    choose,
    parse_raw,
    store_error,
)
from fieldreg.crypto.slot_copies import health as copy_health
from fieldreg.crypto.slot_copies import read_file as _read_file
from fieldreg.crypto.slot_format import (
    MAX_SLOTS,
    EscrowSlot,
    PassphraseSlot,
    RecoverySlot,
    Slot,
    SlotDocument,
    clean_label,
    is_store_id,
    parse_document,
)
from fieldreg.crypto.slot_keys import (
    NewSlot,
    escrow_wrapping_key,
    new_escrow_slot,
    new_passphrase_slot,
    new_recovery_slot,
    open_slot,
    recovery_wrapping_key,
    require_recovery_key,
)
from fieldreg.crypto.slot_lock import SlotLock

PREV_SUFFIX = ".prev"
TEMP_INFIX = ".tmp-"


@dataclass(frozen=True)
class OperatorInfo:
    operator_id: str
    label: str


class _Stage(IntEnum):
    STARTED = 0
    TEMP_WRITTEN = 1
    MAIN_MOVED = 2
    NEW_PLACED = 3


class SlotFile:
    """One store's key slots; every method re-reads the copies, so it is never stale."""

    def __init__(
        self,
        path: Path,
        *,
        mirror: SlotMirror | None = None,
        clock: Callable[[], float] = time.time,
        lock_timeout: float | None = None,
    ) -> None:
        self._path = Path(path)
        self._prev = self._path.with_name(self._path.name + PREV_SUFFIX)
        self._mirror = mirror
        self._clock = clock  # wall clock: wrong-passphrase delays must survive a restart
        self._lock = (
            SlotLock(self._path) if lock_timeout is None else SlotLock(self._path, lock_timeout)
        )
        self._attempts = AttemptsFile(self._path)

    @property
    def path(self) -> Path:
        return self._path

    # --- creating -----------------------------------------------------------------------

    @staticmethod
    def create(
        path: Path,
        *,
        store_id: str,
        operator_label: str,
        passphrase: str,
        kdf: KdfParams,
        recovery_key: bytes,
    ) -> tuple[SlotFile, bytes, str]:
        """A new slot file with a fresh data key: (slot file, data key, first operator's id).

        Refuses (StoreError "slots.exists") if a slot file, or its `.prev`, is already there.
        """
        if not is_store_id(store_id):
            raise ValueError("store_id must be 16-64 lowercase hex characters")
        require_recovery_key(recovery_key)
        label = clean_label(operator_label)
        check_single_script(label)
        check_passphrase(passphrase)
        slot_file = SlotFile(path)
        with slot_file._lock.held(for_writing=True):
            if slot_file._file_exists():
                raise StoreError("slots.exists")
            data_key = os.urandom(DATA_KEY_BYTES)
            ids = (store_id, key_id_for(data_key))
            operator_id = uuid.uuid4().hex
            first = new_passphrase_slot(
                ids, data_key, operator_id=operator_id, label=label, passphrase=passphrase, kdf=kdf
            )
            recovery = new_recovery_slot(ids, data_key, recovery_key)
            document = SlotDocument(
                store_id=store_id, key_id=ids[1], generation=1, slots=(first.slot, recovery.slot)
            )
            slot_file._commit(document, [first, recovery], base=None)
        return slot_file, data_key, operator_id

    # --- reading (no key needed) --------------------------------------------------------

    def _file_exists(self) -> bool:
        return os.path.lexists(self._path) or os.path.lexists(self._prev)

    def exists(self) -> bool:
        """Any copy is there: the file, its `.prev`, or the mirror's."""
        if self._file_exists():
            return True
        if self._mirror is None:
            return False
        try:
            return self._mirror.read() is not None
        except FieldregError:
            return True  # something is there; reading it will say what is wrong

    def store_id(self) -> str:
        return self._load().document.store_id

    def key_id(self) -> str:
        """The data key's id; the store checks it against the key its rows were sealed with."""
        return self._load().document.key_id

    def generation(self) -> int:
        """Grows by one on every change; the store can remember it to notice a rolled-back file."""
        return self._load().document.generation

    def operators(self) -> list[OperatorInfo]:
        """Operators in the order they were added; labels are visible before unlock by design."""
        return [
            OperatorInfo(operator_id=slot.operator_id, label=slot.label)
            for slot in self._load().document.passphrase_slots()
        ]

    def has_escrow(self) -> bool:
        return any(isinstance(slot, EscrowSlot) for slot in self._load().document.slots)

    def health(self) -> list[CopyHealth]:
        """How each copy stands against the generation in force (`.prev` only while it exists)."""
        return copy_health(self._load())

    # --- unlocking ----------------------------------------------------------------------

    def unlock_passphrase(self, operator_id: str, passphrase: str) -> bytes:
        """The data key. Past three wrong passphrases in a row the operator must wait
        (AuthError "auth.retry_later" with `seconds`); no KDF is tried before the wait is over,
        and the wait survives a restart (`attempts.py`)."""
        with self._lock.held(for_writing=False):
            state = self._read_state()
            slot = self._operator_slot(state, operator_id)
            try:
                wait = self._attempts.wait_seconds(operator_id, self._clock())
            except OSError:
                wait = 0  # read-only media: nothing was counted there either
        if wait > 0:
            raise AuthError("auth.retry_later", seconds=math.ceil(wait))
        try:
            wrapping_key: bytes | None = derive(passphrase, slot.kdf)
        except ValidationError:
            wrapping_key = None
        data_key = None if wrapping_key is None else open_slot(state.document, slot, wrapping_key)
        if data_key is not None:
            if self._attempts.get(operator_id).failures:  # a read: most unlocks write nothing
                with self._lock.held(for_writing=False), contextlib.suppress(OSError):
                    self._attempts.clear(operator_id)
            return data_key
        failures = 0
        with self._lock.held(for_writing=False), contextlib.suppress(OSError):
            failures = self._attempts.record_failure(operator_id, self._clock()).failures
        delay = delay_after(failures)
        if delay > 0:
            raise AuthError("auth.wrong_passphrase_wait", seconds=math.ceil(delay))
        raise AuthError("auth.wrong_passphrase")

    def unlock_recovery(self, recovery_key: bytes) -> bytes:
        require_recovery_key(recovery_key)
        state = self._load()
        for slot in state.document.slots:
            if isinstance(slot, RecoverySlot):
                wrapping_key = recovery_wrapping_key(recovery_key, slot.salt)
                data_key = open_slot(state.document, slot, wrapping_key)
                if data_key is not None:
                    return data_key
        raise AuthError("auth.wrong_recovery_key")

    def unlock_escrow(self, private_key: X25519PrivateKey) -> bytes:
        """The coordinator's way in, with the private key the escrow slot was sealed to."""
        state = self._load()
        for slot in state.document.slots:
            if isinstance(slot, EscrowSlot):
                wrapping_key = escrow_wrapping_key(private_key, slot)
                if wrapping_key is None:
                    continue
                data_key = open_slot(state.document, slot, wrapping_key)
                if data_key is not None:
                    return data_key
        raise AuthError("auth.wrong_escrow_key")

    # --- changing (needs the unlocked data key) -----------------------------------------

    def add_operator(self, data_key: bytes, label: str, passphrase: str, kdf: KdfParams) -> str:
        """Add a passphrase slot; returns the new operator's id. The kdf salt is replaced.

        Refuses a label that mixes scripts or looks like an existing one (`operator_labels`)."""
        clean = clean_label(label)
        check_single_script(clean)
        check_passphrase(passphrase)
        operator_id = uuid.uuid4().hex

        def build(document: SlotDocument) -> tuple[tuple[Slot, ...], list[NewSlot]]:
            check_distinct_label(clean, [s.label for s in document.passphrase_slots()])
            if len(document.slots) >= MAX_SLOTS:
                raise ValidationError("operator", "operator.too_many", max=MAX_SLOTS)
            new = new_passphrase_slot(
                (document.store_id, document.key_id),
                data_key,
                operator_id=operator_id,
                label=clean,
                passphrase=passphrase,
                kdf=kdf,
            )
            return (*document.slots, new.slot), [new]

        self._change(data_key, build)
        return operator_id

    def change_passphrase(
        self, data_key: bytes, operator_id: str, new_passphrase: str, kdf: KdfParams
    ) -> None:
        """Replace an operator's slot; the old passphrase stops working once this returns."""
        check_passphrase(new_passphrase)

        def build(document: SlotDocument) -> tuple[tuple[Slot, ...], list[NewSlot]]:
            old = _find_operator(document, operator_id)
            new = new_passphrase_slot(
                (document.store_id, document.key_id),
                data_key,
                operator_id=old.operator_id,
                label=old.label,
                passphrase=new_passphrase,
                kdf=kdf,
            )
            return tuple(new.slot if slot is old else slot for slot in document.slots), [new]

        self._change(data_key, build)

    def remove_operator(self, data_key: bytes, operator_id: str) -> None:
        """Remove an operator's slot; the last passphrase slot cannot be removed."""

        def build(document: SlotDocument) -> tuple[tuple[Slot, ...], list[NewSlot]]:
            old = _find_operator(document, operator_id)
            if len(document.passphrase_slots()) == 1:
                raise ValidationError("operator", "operator.last")
            return tuple(slot for slot in document.slots if slot is not old), []

        self._change(data_key, build)

    def replace_recovery(self, data_key: bytes, recovery_key: bytes) -> None:
        """Wrap the data key for a new recovery key; the old one stops working."""
        require_recovery_key(recovery_key)

        def build(document: SlotDocument) -> tuple[tuple[Slot, ...], list[NewSlot]]:
            new = new_recovery_slot((document.store_id, document.key_id), data_key, recovery_key)
            kept = tuple(slot for slot in document.slots if not isinstance(slot, RecoverySlot))
            return (*kept, new.slot), [new]

        self._change(data_key, build)

    def set_escrow(self, data_key: bytes, coordinator_key: X25519PublicKey) -> None:
        """Seal the data key to the coordinator's X25519 key, replacing any earlier escrow."""

        def build(document: SlotDocument) -> tuple[tuple[Slot, ...], list[NewSlot]]:
            ids = (document.store_id, document.key_id)
            new = new_escrow_slot(ids, data_key, coordinator_key)
            kept = tuple(slot for slot in document.slots if not isinstance(slot, EscrowSlot))
            return (*kept, new.slot), [new]

        self._change(data_key, build)

    def repair(self, data_key: bytes) -> list[CopyHealth]:
        """Rewrite every copy that is missing, damaged or behind from the generation in force
        (which the caller's key must open); returns the copies as they stood before."""
        with self._lock.held(for_writing=True):
            state = self._read_state_for_change(data_key)
            before = [h for h in copy_health(state) if h.status is not CopyStatus.OK]
            if not before:
                return []
            document = state.document
            if state.salvaged:
                # Only salvaged slots are left: write them as a new generation above every copy.
                document = dataclasses.replace(document, generation=state.highest_generation + 1)
            file_health = next(h for h in copy_health(state) if h.copy is CopyName.FILE)
            if state.salvaged or file_health.status is not CopyStatus.OK:
                self._commit(document, [], base=state)
            else:
                self._write_mirror(document.to_bytes())
            return before

    def sync_mirror(self) -> bool:
        """Give the mirror the generation in force if it has none or an older one (an old store,
        or a crash between the file and the mirror). True if it was written."""
        if self._mirror is None:
            return False
        with self._lock.held(for_writing=True):
            state = self._read_state()
            copy = state.copy(CopyName.DATABASE)
            if copy is None or copy.problem is not None:
                return False  # damaged: left for verify to report and repair
            if copy.parsed is not None and (
                copy.parsed.document.generation >= state.document.generation
            ):
                return False
            if state.salvaged:
                return False
            self._write_mirror(state.document.to_bytes())
            return True

    # --- internals ----------------------------------------------------------------------

    @staticmethod
    def _operator_slot(state: SlotState, operator_id: str) -> PassphraseSlot:
        for slot in state.document.passphrase_slots():
            if slot.operator_id == operator_id:
                return slot
        for damaged_operator, error in state.damaged:
            if damaged_operator == operator_id:
                raise error
        raise AuthError("auth.unknown_operator")

    def _load(self) -> SlotState:
        with self._lock.held(for_writing=False):
            return self._read_state()

    def _read_copy(self, name: CopyName, path: Path) -> Copy:
        try:
            raw = _read_file(path)
        except FieldregError as exc:
            return Copy(name, None, exc)
        return parse_raw(name, raw)

    def _read_state(self) -> SlotState:
        """The generation in force: the intact copy with the highest generation; if no copy is
        intact, the slots that still parse from the copies of the highest generation. Call with
        the lock held."""
        copies = [self._read_copy(CopyName.FILE, self._path)]
        if os.path.lexists(self._prev):
            copies.append(self._read_copy(CopyName.PREV, self._prev))
        if self._mirror is not None:
            try:
                copies.append(parse_raw(CopyName.DATABASE, self._mirror.read()))
            except FieldregError as exc:
                copies.append(Copy(CopyName.DATABASE, None, exc))
        return choose(copies, self._path.parent)

    def _read_state_for_change(self, data_key: bytes) -> SlotState:
        state = self._read_state()
        if not hmac.compare_digest(key_id_for(data_key), state.document.key_id):
            # The file changed under an unlocked session, or the caller holds another store's key.
            raise TamperError("slots.key_mismatch")
        return state

    def _change(
        self,
        data_key: bytes,
        build: Callable[[SlotDocument], tuple[tuple[Slot, ...], list[NewSlot]]],
    ) -> None:
        """One read-modify-write, all under the lock: no other change can slip in between."""
        with self._lock.held(for_writing=True):
            state = self._read_state_for_change(data_key)
            slots, new_slots = build(state.document)
            document = dataclasses.replace(
                state.document, generation=state.highest_generation + 1, slots=slots
            )
            self._commit(document, new_slots, base=state)

    def _commit(
        self, document: SlotDocument, new_slots: list[NewSlot], *, base: SlotState | None
    ) -> None:
        """Write a new generation crash-safely (see the module docstring); base None = create.
        Call with the lock held: the temp files and `.prev` removed here are a dead process's."""
        payload = document.to_bytes()
        directory = self._path.parent
        temp = directory / f"{self._path.name}{TEMP_INFIX}{secrets.token_hex(8)}"
        stage = _Stage.STARTED
        # Only Exception rolls back: a simulated (or real) crash must leave the files as they are.
        try:
            self._remove_temps()
            write_new_file(temp, payload)
            stage = _Stage.TEMP_WRITTEN
            self._verify(temp, payload, document, new_slots)
            if base is None:
                if self._file_exists():
                    raise StoreError("slots.exists")
            elif _main_is_intact(base):
                self._path.replace(self._prev)
                stage = _Stage.MAIN_MOVED
            else:
                # Missing, damaged, or not a file: `.prev` (if any) and the mirror stay as they
                # are; an empty folder in its place is removed (a full one is the person's).
                self._clear_main()
            temp.replace(self._path)
            stage = _Stage.NEW_PLACED
            fsync_dir(directory)
            self._verify(self._path, payload, document, new_slots)
        except Exception as exc:
            self._roll_back(stage, temp)
            if isinstance(exc, OSError):
                raise store_error(exc, "write") from exc
            raise
        try:
            self._prev.unlink(missing_ok=True)
            fsync_dir(directory)
        except OSError:
            pass  # the change is durable; `.prev` is passed over while the main file reads
        self._write_mirror(payload)

    def _write_mirror(self, payload: bytes) -> None:
        if self._mirror is None:
            return
        # On failure the file holds the change and wins on load (higher generation); the next
        # unlock brings the mirror up to date and verify reports it until then.
        with contextlib.suppress(FieldregError):
            self._mirror.write(payload)

    def _clear_main(self) -> None:
        try:
            mode = os.lstat(self._path).st_mode
        except FileNotFoundError:
            return
        if stat.S_ISDIR(mode):
            try:
                self._path.rmdir()
            except OSError:
                raise StoreError("slots.not_a_file", path=str(self._path)) from None

    def _verify(
        self, path: Path, payload: bytes, document: SlotDocument, new_slots: list[NewSlot]
    ) -> None:
        """Read back what was written; it must parse to the same document and the new slots open."""
        try:
            raw = _read_file(path)
            parsed = parse_document(raw) if raw == payload and raw is not None else None
        except (TamperError, StoreError):
            parsed = None
        if parsed != document or parsed is None:
            raise StoreError("slots.verify_failed")
        for new in new_slots:
            slot = parsed.find_slot(new.slot.slot_id)
            if slot is None or open_slot(parsed, slot, new.wrapping_key) is None:
                raise StoreError("slots.verify_failed")

    def _roll_back(self, stage: _Stage, temp: Path) -> None:
        """Undo a failed write as far as possible; what is left, the loader copes with."""
        try:
            if stage >= _Stage.NEW_PLACED:
                if os.path.lexists(self._prev):
                    self._prev.replace(self._path)
                else:
                    self._path.unlink()  # nothing to go back to; `.prev`/the mirror still load
            elif stage == _Stage.MAIN_MOVED:
                self._prev.replace(self._path)
            temp.unlink(missing_ok=True)
            fsync_dir(self._path.parent)
        except OSError:
            pass  # the original error is the one to report

    def _remove_temps(self) -> None:
        """Temp files of a writer that died (only called with the lock held)."""
        prefix = self._path.name + TEMP_INFIX
        for entry in self._path.parent.iterdir():
            if entry.name.startswith(prefix):
                entry.unlink()


def _find_operator(document: SlotDocument, operator_id: str) -> PassphraseSlot:
    for slot in document.passphrase_slots():
        if slot.operator_id == operator_id:
            return slot
    raise AuthError("auth.unknown_operator")


def _main_is_intact(state: SlotState) -> bool:
    copy = state.copy(CopyName.FILE)
    return copy is not None and copy.parsed is not None and copy.parsed.intact
