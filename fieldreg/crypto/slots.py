"""Key slots: the random data key, wrapped once per operator passphrase, recovery key and escrow.

All slots live in one JSON file: its format is in `slot_format.py`, the wrapping in
`slot_keys.py`; this module reads and writes the file and offers the operations.

Every change writes a whole new generation, crash-safely:
temp file (0600, O_EXCL) -> fsync -> verify -> main to `.prev` -> temp to main -> fsync dir ->
re-read and verify -> remove `.prev` -> fsync dir. The loader falls back to `.prev` when the
main file is missing or unreadable, which is exactly the state a crash between the two renames
leaves. One process owns a slot file at a time; the app holds it for its whole run.
"""

from __future__ import annotations

import dataclasses
import errno
import hmac
import os
import secrets
import uuid
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from fieldreg.core.errors import (
    AuthError,
    StoreError,
    TamperError,
    ValidationError,
    os_error_reason,
)
from fieldreg.core.passphrases import check_passphrase
from fieldreg.crypto.durable_file import fsync_dir, read_limited, write_new_file
from fieldreg.crypto.kdf import KdfParams, derive
from fieldreg.crypto.sealing import DATA_KEY_BYTES, key_id_for
from fieldreg.crypto.slot_format import (
    MAX_FILE_BYTES,
    MAX_SLOTS,
    EscrowSlot,
    PassphraseSlot,
    RecoverySlot,
    Slot,
    SlotDocument,
    clean_label,
    is_store_id,
    label_key,
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

PREV_SUFFIX = ".prev"
TEMP_INFIX = ".tmp-"


@dataclass(frozen=True)
class OperatorInfo:
    operator_id: str
    label: str


@dataclass(frozen=True)
class _Loaded:
    document: SlotDocument
    from_prev: bool  # the main file was missing or unreadable; `.prev` is the current generation


class _Stage(IntEnum):
    STARTED = 0
    TEMP_WRITTEN = 1
    MAIN_MOVED = 2
    NEW_PLACED = 3


class SlotFile:
    """One store's key slots; every method re-reads the file, so it is never stale."""

    def __init__(self, path: Path) -> None:
        self._path = Path(path)
        self._prev = self._path.with_name(self._path.name + PREV_SUFFIX)

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
        check_passphrase(passphrase)
        slot_file = SlotFile(path)
        if slot_file.exists():
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

    def exists(self) -> bool:
        return os.path.lexists(self._path) or os.path.lexists(self._prev)

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

    # --- unlocking ----------------------------------------------------------------------

    def unlock_passphrase(self, operator_id: str, passphrase: str) -> bytes:
        loaded = self._load()
        slot = self._operator_slot(loaded.document, operator_id)
        try:
            wrapping_key = derive(passphrase, slot.kdf)
        except ValidationError:
            raise AuthError("auth.wrong_passphrase") from None
        data_key = open_slot(loaded.document, slot, wrapping_key)
        if data_key is None:
            raise AuthError("auth.wrong_passphrase")
        self._tidy(loaded)
        return data_key

    def unlock_recovery(self, recovery_key: bytes) -> bytes:
        require_recovery_key(recovery_key)
        loaded = self._load()
        for slot in loaded.document.slots:
            if isinstance(slot, RecoverySlot):
                wrapping_key = recovery_wrapping_key(recovery_key, slot.salt)
                data_key = open_slot(loaded.document, slot, wrapping_key)
                if data_key is not None:
                    self._tidy(loaded)
                    return data_key
        raise AuthError("auth.wrong_recovery_key")

    def unlock_escrow(self, private_key: X25519PrivateKey) -> bytes:
        """The coordinator's way in, with the private key the escrow slot was sealed to."""
        loaded = self._load()
        for slot in loaded.document.slots:
            if isinstance(slot, EscrowSlot):
                wrapping_key = escrow_wrapping_key(private_key, slot)
                if wrapping_key is None:
                    continue
                data_key = open_slot(loaded.document, slot, wrapping_key)
                if data_key is not None:
                    self._tidy(loaded)
                    return data_key
        raise AuthError("auth.wrong_escrow_key")

    # --- changing (needs the unlocked data key) -----------------------------------------

    def add_operator(self, data_key: bytes, label: str, passphrase: str, kdf: KdfParams) -> str:
        """Add a passphrase slot; returns the new operator's id. The kdf salt is replaced."""
        loaded = self._load_for_change(data_key)
        document = loaded.document
        clean = clean_label(label)
        if any(label_key(s.label) == label_key(clean) for s in document.passphrase_slots()):
            raise ValidationError("operator", "operator.duplicate")
        if len(document.slots) >= MAX_SLOTS:
            raise ValidationError("operator", "operator.too_many", max=MAX_SLOTS)
        check_passphrase(passphrase)
        operator_id = uuid.uuid4().hex
        new = new_passphrase_slot(
            (document.store_id, document.key_id),
            data_key,
            operator_id=operator_id,
            label=clean,
            passphrase=passphrase,
            kdf=kdf,
        )
        self._write(loaded, (*document.slots, new.slot), [new])
        return operator_id

    def change_passphrase(
        self, data_key: bytes, operator_id: str, new_passphrase: str, kdf: KdfParams
    ) -> None:
        """Replace an operator's slot; the old passphrase stops working once this returns."""
        loaded = self._load_for_change(data_key)
        document = loaded.document
        old = self._operator_slot(document, operator_id)
        check_passphrase(new_passphrase)
        new = new_passphrase_slot(
            (document.store_id, document.key_id),
            data_key,
            operator_id=old.operator_id,
            label=old.label,
            passphrase=new_passphrase,
            kdf=kdf,
        )
        slots = tuple(new.slot if slot is old else slot for slot in document.slots)
        self._write(loaded, slots, [new])

    def remove_operator(self, data_key: bytes, operator_id: str) -> None:
        """Remove an operator's slot; the last passphrase slot cannot be removed."""
        loaded = self._load_for_change(data_key)
        document = loaded.document
        old = self._operator_slot(document, operator_id)
        if len(document.passphrase_slots()) == 1:
            raise ValidationError("operator", "operator.last")
        self._write(loaded, tuple(slot for slot in document.slots if slot is not old), [])

    def replace_recovery(self, data_key: bytes, recovery_key: bytes) -> None:
        """Wrap the data key for a new recovery key; the old one stops working."""
        require_recovery_key(recovery_key)
        loaded = self._load_for_change(data_key)
        document = loaded.document
        new = new_recovery_slot((document.store_id, document.key_id), data_key, recovery_key)
        kept = tuple(slot for slot in document.slots if not isinstance(slot, RecoverySlot))
        self._write(loaded, (*kept, new.slot), [new])

    def set_escrow(self, data_key: bytes, coordinator_key: X25519PublicKey) -> None:
        """Seal the data key to the coordinator's X25519 key, replacing any earlier escrow."""
        loaded = self._load_for_change(data_key)
        document = loaded.document
        new = new_escrow_slot((document.store_id, document.key_id), data_key, coordinator_key)
        kept = tuple(slot for slot in document.slots if not isinstance(slot, EscrowSlot))
        self._write(loaded, (*kept, new.slot), [new])

    # --- internals ----------------------------------------------------------------------

    @staticmethod
    def _operator_slot(document: SlotDocument, operator_id: str) -> PassphraseSlot:
        for slot in document.passphrase_slots():
            if slot.operator_id == operator_id:
                return slot
        raise AuthError("auth.unknown_operator")

    def _load(self) -> _Loaded:
        """The current generation: the main file, or `.prev` if a crash left the main unusable."""
        main_error: TamperError | None = None
        raw = _read_file_or_corrupt(self._path)
        if isinstance(raw, bytes):
            try:
                return _Loaded(parse_document(raw), from_prev=False)
            except TamperError as exc:
                main_error = exc
        elif isinstance(raw, TamperError):
            main_error = raw
        prev_error: TamperError | None = None
        prev_raw = _read_file_or_corrupt(self._prev)
        if isinstance(prev_raw, bytes):
            try:
                return _Loaded(parse_document(prev_raw), from_prev=True)
            except TamperError as exc:
                prev_error = exc
        elif isinstance(prev_raw, TamperError):
            prev_error = prev_raw
        # Report the main file's problem first: it is the one a person can see and act on.
        if main_error is not None:
            raise main_error
        if prev_error is not None:
            raise prev_error
        raise StoreError("slots.missing")

    def _load_for_change(self, data_key: bytes) -> _Loaded:
        loaded = self._load()
        if not hmac.compare_digest(key_id_for(data_key), loaded.document.key_id):
            # The file changed under an unlocked session, or the caller holds another store's key.
            raise TamperError("slots.key_mismatch")
        return loaded

    def _write(self, loaded: _Loaded, slots: tuple[Slot, ...], new_slots: list[NewSlot]) -> None:
        document = dataclasses.replace(
            loaded.document, generation=loaded.document.generation + 1, slots=slots
        )
        self._commit(document, new_slots, base=loaded)

    def _commit(
        self, document: SlotDocument, new_slots: list[NewSlot], *, base: _Loaded | None
    ) -> None:
        """Write a new generation crash-safely (see the module docstring); base None = create."""
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
                if self.exists():
                    raise StoreError("slots.exists")
            elif not base.from_prev:
                self._path.replace(self._prev)
                stage = _Stage.MAIN_MOVED
            # With base.from_prev the main file is missing or unreadable and `.prev` is current.
            temp.replace(self._path)
            stage = _Stage.NEW_PLACED
            fsync_dir(directory)
            self._verify(self._path, payload, document, new_slots)
        except Exception as exc:
            self._roll_back(stage, temp)
            if isinstance(exc, OSError):
                raise _store_error(exc, "write") from exc
            raise
        try:
            self._prev.unlink(missing_ok=True)
            fsync_dir(directory)
        except OSError:
            pass  # the change is durable; `.prev` is ignored while the main file reads, and tidied

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
                    self._path.unlink()  # a failed create: there is nothing to go back to
            elif stage == _Stage.MAIN_MOVED:
                self._prev.replace(self._path)
            temp.unlink(missing_ok=True)
            fsync_dir(self._path.parent)
        except OSError:
            pass  # the original error is the one to report

    def _remove_temps(self) -> None:
        prefix = self._path.name + TEMP_INFIX
        for entry in self._path.parent.iterdir():
            if entry.name.startswith(prefix):
                entry.unlink()

    def _tidy(self, loaded: _Loaded) -> None:
        """After an unlock proved the loaded generation good, clear what a crash left behind."""
        try:
            if loaded.from_prev:
                self._prev.replace(self._path)
            else:
                # An older generation: its passphrases must stop working.
                self._prev.unlink(missing_ok=True)
            self._remove_temps()
            fsync_dir(self._path.parent)
        except OSError:
            pass  # best effort; the next unlock or write tries again


def _store_error(exc: OSError, op: str) -> StoreError:
    """Name an environment failure; disk full and read-only share the store's messages."""
    if exc.errno == errno.ENOSPC:
        return StoreError("store.disk_full")
    if exc.errno == errno.EROFS:
        return StoreError("store.read_only")
    return StoreError("slots.io", op=op, reason=os_error_reason(exc))


def _read_file(path: Path) -> bytes | None:
    """The file's bytes, None if it does not exist; refuses more than MAX_FILE_BYTES."""
    try:
        data = read_limited(path, MAX_FILE_BYTES)
    except OSError as exc:
        raise _store_error(exc, "read") from exc
    if data is not None and len(data) > MAX_FILE_BYTES:
        raise TamperError("slots.corrupt")
    return data


def _read_file_or_corrupt(path: Path) -> bytes | TamperError | None:
    try:
        return _read_file(path)
    except TamperError as exc:
        return exc
