"""The slot file's document: typed slots, strict parsing of untrusted bytes, serialisation.

No cryptography happens here; `slots.py` wraps and unwraps. Anything unexpected in a file is
TamperError("slots.corrupt") (or "kdf.params" from `KdfParams.from_json`); a newer format is
StoreError("slots.newer_version") so an old build refuses rather than misreads it.

Version 2 adds a `checksum` (SHA-256 over the canonical JSON of everything else): it detects
damage, not an attacker (who could recompute it; the wrapped keys are AEAD-protected anyway), so
a copy whose bytes changed is known to be damaged even where the change parses (a label, a
KDF parameter still in range). `parse_copy` parses each slot on its own: one damaged slot is
skipped and counted, and the others, the recovery slot included, still open. Version 1 files
(no checksum) are still read.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar, NoReturn

from fieldreg.core.errors import StoreError, TamperError, ValidationError
from fieldreg.crypto.encoding import b64encode, strict_b64decode, strict_json_loads
from fieldreg.crypto.kdf import KdfParams

FORMAT = "fieldreg-slots"
FORMAT_VERSION = 2
_OLDEST_VERSION = 1
MAX_FILE_BYTES = 1024 * 1024
MAX_SLOTS = 200
MAX_LABEL_CHARS = 64
MAX_GENERATION = 2**53  # exact in every JSON reader
NONCE_BYTES = 12
WRAPPED_KEY_BYTES = 32 + 16  # data key + GCM tag
RECOVERY_SALT_BYTES = 32
X25519_KEY_BYTES = 32

_HEX_ID = re.compile(r"[0-9a-f]{32}")
_STORE_ID = re.compile(r"[0-9a-f]{16,64}")
_KEY_ID = re.compile(r"[0-9a-f]{16}")
_TOP_KEYS_V1 = frozenset({"format", "version", "store_id", "key_id", "generation", "slots"})
_TOP_KEYS = _TOP_KEYS_V1 | {"checksum"}
_CHECKSUM_PREFIX = "sha256:"


def _corrupt() -> NoReturn:
    raise TamperError("slots.corrupt")


@dataclass(frozen=True)
class PassphraseSlot:
    kind: ClassVar[str] = "passphrase"
    slot_id: str
    operator_id: str
    label: str
    kdf: KdfParams
    nonce: bytes
    wrapped_key: bytes

    def to_json(self) -> dict[str, object]:
        return {
            "slot_id": self.slot_id,
            "kind": self.kind,
            "operator_id": self.operator_id,
            "label": self.label,
            "kdf": self.kdf.to_json(),
            "nonce": b64encode(self.nonce),
            "wrapped_key": b64encode(self.wrapped_key),
        }


@dataclass(frozen=True)
class RecoverySlot:
    kind: ClassVar[str] = "recovery"
    slot_id: str
    salt: bytes
    nonce: bytes
    wrapped_key: bytes

    def to_json(self) -> dict[str, object]:
        return {
            "slot_id": self.slot_id,
            "kind": self.kind,
            "salt": b64encode(self.salt),
            "nonce": b64encode(self.nonce),
            "wrapped_key": b64encode(self.wrapped_key),
        }


@dataclass(frozen=True)
class EscrowSlot:
    """The data key sealed to a coordinator's X25519 public key (ephemeral-static ECDH)."""

    kind: ClassVar[str] = "escrow"
    slot_id: str
    recipient: bytes
    ephemeral: bytes
    nonce: bytes
    wrapped_key: bytes

    def to_json(self) -> dict[str, object]:
        return {
            "slot_id": self.slot_id,
            "kind": self.kind,
            "recipient": b64encode(self.recipient),
            "ephemeral": b64encode(self.ephemeral),
            "nonce": b64encode(self.nonce),
            "wrapped_key": b64encode(self.wrapped_key),
        }


Slot = PassphraseSlot | RecoverySlot | EscrowSlot


@dataclass(frozen=True)
class SlotDocument:
    store_id: str
    key_id: str
    generation: int
    slots: tuple[Slot, ...]

    def to_bytes(self) -> bytes:
        document: dict[str, object] = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "store_id": self.store_id,
            "key_id": self.key_id,
            "generation": self.generation,
            "slots": [slot.to_json() for slot in self.slots],
        }
        document["checksum"] = _checksum(document)
        # Indented and unescaped so a person inspecting the file can read the labels.
        return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")

    def passphrase_slots(self) -> list[PassphraseSlot]:
        return [slot for slot in self.slots if isinstance(slot, PassphraseSlot)]

    def find_slot(self, slot_id: str) -> Slot | None:
        return next((slot for slot in self.slots if slot.slot_id == slot_id), None)


def is_store_id(value: object) -> bool:
    return isinstance(value, str) and _STORE_ID.fullmatch(value) is not None


def clean_label(label: str) -> str:
    """An operator's display name as stored: NFC, trimmed, printable, at most 64 characters."""
    text = unicodedata.normalize("NFC", label).strip()
    if not text:
        raise ValidationError("operator", "operator.label_empty")
    if len(text) > MAX_LABEL_CHARS:
        raise ValidationError("operator", "operator.label_too_long", max=MAX_LABEL_CHARS)
    for char in text:
        category = unicodedata.category(char)
        # C*: controls, bidi overrides, unassigned; Zl/Zp: line breaks. They could spoof the
        # unlock screen's list of names.
        if category[0] == "C" or category in {"Zl", "Zp"}:
            raise ValidationError("operator", "operator.label_invalid_char")
    return text


def label_key(label: str) -> str:
    """What two labels must not share: case-insensitive, after normalisation."""
    return unicodedata.normalize("NFC", label.casefold())


def _checksum(top: Mapping[str, object]) -> str:
    body = {key: value for key, value in top.items() if key != "checksum"}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return _CHECKSUM_PREFIX + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ParsedCopy:
    """One copy of the slots as far as it could be read.

    `document` holds only the slots that parsed; `damaged_slots` maps the operator id of each
    passphrase slot that did not (when its id could be read; "" otherwise) to the reason.
    """

    document: SlotDocument
    checksum_ok: bool | None  # None: a version 1 file, written before checksums
    damaged_slots: tuple[tuple[str, TamperError], ...]

    @property
    def intact(self) -> bool:
        return self.checksum_ok is not False and not self.damaged_slots

    def slot_error(self, operator_id: str) -> TamperError | None:
        return next((error for op, error in self.damaged_slots if op == operator_id), None)


def parse_copy(untrusted: bytes) -> ParsedCopy:
    """Parse a copy's bytes; the header must be sound, each slot is parsed on its own."""
    if len(untrusted) > MAX_FILE_BYTES:
        _corrupt()
    try:
        top = strict_json_loads(untrusted)
    except (ValueError, RecursionError):
        _corrupt()
    if not isinstance(top, dict) or top.get("format") != FORMAT:
        _corrupt()
    version = top.get("version")
    if type(version) is int and version > FORMAT_VERSION:
        raise StoreError("slots.newer_version", version=version)
    if type(version) is not int or not _OLDEST_VERSION <= version <= FORMAT_VERSION:
        _corrupt()
    if set(top) != (_TOP_KEYS_V1 if version == 1 else _TOP_KEYS):
        _corrupt()
    store_id, key_id, generation = top["store_id"], top["key_id"], top["generation"]
    if not is_store_id(store_id) or not isinstance(key_id, str) or not _KEY_ID.fullmatch(key_id):
        _corrupt()
    if type(generation) is not int or not 1 <= generation <= MAX_GENERATION:
        _corrupt()
    raw_slots = top["slots"]
    if not isinstance(raw_slots, list) or not 1 <= len(raw_slots) <= MAX_SLOTS:
        _corrupt()
    slots: list[Slot] = []
    damaged: list[tuple[str, TamperError]] = []
    for raw in raw_slots:
        try:
            slots.append(_parse_slot(raw))
        except TamperError as exc:
            damaged.append((_operator_id_of(raw), exc))
    if not slots:
        raise damaged[0][1]
    _check_unique(tuple(slots))
    checksum_ok: bool | None = None
    if version > 1:
        claimed = top["checksum"]
        checksum_ok = isinstance(claimed, str) and hmac.compare_digest(
            claimed.encode("utf-8", "replace"), _checksum(top).encode("ascii")
        )
    document = SlotDocument(
        store_id=store_id, key_id=key_id, generation=generation, slots=tuple(slots)
    )
    return ParsedCopy(document, checksum_ok, tuple(damaged))


def _operator_id_of(raw: object) -> str:
    """The operator a damaged passphrase slot belonged to, if that much of it is readable."""
    if isinstance(raw, dict) and raw.get("kind") == PassphraseSlot.kind:
        value = raw.get("operator_id")
        if isinstance(value, str) and _HEX_ID.fullmatch(value):
            return value
    return ""


def parse_document(untrusted: bytes) -> SlotDocument:
    """Strictly parse a slot file's bytes: every slot must parse and the checksum match."""
    copy = parse_copy(untrusted)
    if copy.checksum_ok is False:
        _corrupt()
    if copy.damaged_slots:
        raise copy.damaged_slots[0][1]
    return copy.document


def _check_unique(slots: tuple[Slot, ...]) -> None:
    slot_ids = [slot.slot_id for slot in slots]
    passphrase = [slot for slot in slots if isinstance(slot, PassphraseSlot)]
    operator_ids = [slot.operator_id for slot in passphrase]
    labels = [label_key(slot.label) for slot in passphrase]
    recovery = [slot for slot in slots if isinstance(slot, RecoverySlot)]
    if (
        len(set(slot_ids)) != len(slot_ids)
        or len(set(operator_ids)) != len(operator_ids)
        or len(set(labels)) != len(labels)
        or len(recovery) > 1
    ):
        _corrupt()


def _bytes_field(raw: Mapping[str, object], name: str, size: int) -> bytes:
    value = strict_b64decode(raw[name], size)
    if value is None or len(value) != size:
        _corrupt()
    return value


def _id_field(raw: Mapping[str, object], name: str) -> str:
    value = raw[name]
    if not isinstance(value, str) or not _HEX_ID.fullmatch(value):
        _corrupt()
    return value


_SLOT_KEYS = {
    PassphraseSlot.kind: frozenset(
        {"slot_id", "kind", "operator_id", "label", "kdf", "nonce", "wrapped_key"}
    ),
    RecoverySlot.kind: frozenset({"slot_id", "kind", "salt", "nonce", "wrapped_key"}),
    EscrowSlot.kind: frozenset(
        {"slot_id", "kind", "recipient", "ephemeral", "nonce", "wrapped_key"}
    ),
}


def _parse_slot(raw: object) -> Slot:
    if not isinstance(raw, dict):
        _corrupt()
    kind = raw.get("kind")
    if not isinstance(kind, str) or kind not in _SLOT_KEYS or set(raw) != _SLOT_KEYS[kind]:
        _corrupt()
    slot_id = _id_field(raw, "slot_id")
    nonce = _bytes_field(raw, "nonce", NONCE_BYTES)
    wrapped_key = _bytes_field(raw, "wrapped_key", WRAPPED_KEY_BYTES)
    if kind == PassphraseSlot.kind:
        label = raw["label"]
        try:
            if not isinstance(label, str) or clean_label(label) != label:
                _corrupt()
        except ValidationError:
            _corrupt()
        return PassphraseSlot(
            slot_id=slot_id,
            operator_id=_id_field(raw, "operator_id"),
            label=label,
            kdf=KdfParams.from_json(raw["kdf"]),
            nonce=nonce,
            wrapped_key=wrapped_key,
        )
    if kind == RecoverySlot.kind:
        return RecoverySlot(
            slot_id=slot_id,
            salt=_bytes_field(raw, "salt", RECOVERY_SALT_BYTES),
            nonce=nonce,
            wrapped_key=wrapped_key,
        )
    return EscrowSlot(
        slot_id=slot_id,
        recipient=_bytes_field(raw, "recipient", X25519_KEY_BYTES),
        ephemeral=_bytes_field(raw, "ephemeral", X25519_KEY_BYTES),
        nonce=nonce,
        wrapped_key=wrapped_key,
    )
