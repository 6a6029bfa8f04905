"""Wrapping the data key for each slot kind, and unwrapping it again.

Each wrap is AES-256-GCM whose associated data binds the store id, slot id, slot kind, key id
and (for passphrase slots) the operator id, so a wrapped key cannot be moved to another slot,
kind or store. After unwrapping, the key's own id must match the file's key id.
"""

from __future__ import annotations

import dataclasses
import hmac
import os
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldreg.core.errors import TamperError, ValidationError
from fieldreg.core.recovery_key import KEY_BYTES as RECOVERY_KEY_BYTES
from fieldreg.crypto.encoding import length_prefixed
from fieldreg.crypto.kdf import SALT_BYTES, KdfParams, derive
from fieldreg.crypto.sealing import DATA_KEY_BYTES, key_id_for
from fieldreg.crypto.slot_format import (
    NONCE_BYTES,
    RECOVERY_SALT_BYTES,
    EscrowSlot,
    PassphraseSlot,
    RecoverySlot,
    Slot,
    SlotDocument,
)

_AAD_CONTEXT = b"fieldreg/slot/v1"
_RECOVERY_INFO = b"fieldreg/recovery-slot/v1"
_ESCROW_INFO = b"fieldreg/escrow-slot/v1"


@dataclass(frozen=True)
class NewSlot:
    """A slot about to be written, with the key that must open it after the write."""

    slot: Slot
    wrapping_key: bytes


def _aad(ids: tuple[str, str], kind: str, slot_id: str, operator_id: str = "") -> bytes:
    """Associated data for a wrap; ids is (store id, key id) of the slot file."""
    store_id, key_id = ids
    return length_prefixed(
        _AAD_CONTEXT,
        store_id.encode("ascii"),
        slot_id.encode("ascii"),
        kind.encode("ascii"),
        key_id.encode("ascii"),
        operator_id.encode("ascii"),
    )


def _slot_aad(document: SlotDocument, slot: Slot) -> bytes:
    operator_id = slot.operator_id if isinstance(slot, PassphraseSlot) else ""
    return _aad((document.store_id, document.key_id), slot.kind, slot.slot_id, operator_id)


def _wrap(wrapping_key: bytes, data_key: bytes, aad: bytes) -> tuple[bytes, bytes]:
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(wrapping_key).encrypt(nonce, data_key, aad)


def open_slot(document: SlotDocument, slot: Slot, wrapping_key: bytes) -> bytes | None:
    """The data key, or None if this wrapping key does not open the slot."""
    try:
        data_key = AESGCM(wrapping_key).decrypt(
            slot.nonce, slot.wrapped_key, _slot_aad(document, slot)
        )
    except InvalidTag:
        return None
    # The AAD names the key id, but only the key itself proves it is the key the data uses.
    if len(data_key) != DATA_KEY_BYTES or not hmac.compare_digest(
        key_id_for(data_key), document.key_id
    ):
        raise TamperError("slots.key_mismatch")
    return data_key


def _hkdf(secret: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=SHA256(), length=32, salt=salt, info=info).derive(secret)


def _new_slot_id() -> str:
    return secrets.token_hex(16)


def new_passphrase_slot(
    ids: tuple[str, str],
    data_key: bytes,
    *,
    operator_id: str,
    label: str,
    passphrase: str,
    kdf: KdfParams,
) -> NewSlot:
    # A fresh salt for every slot, whatever the caller passed, so no two slots share one.
    params = dataclasses.replace(kdf, salt=os.urandom(SALT_BYTES))
    wrapping_key = derive(passphrase, params)
    slot_id = _new_slot_id()
    aad = _aad(ids, PassphraseSlot.kind, slot_id, operator_id)
    nonce, wrapped = _wrap(wrapping_key, data_key, aad)
    slot = PassphraseSlot(
        slot_id=slot_id,
        operator_id=operator_id,
        label=label,
        kdf=params,
        nonce=nonce,
        wrapped_key=wrapped,
    )
    return NewSlot(slot, wrapping_key)


def new_recovery_slot(ids: tuple[str, str], data_key: bytes, recovery_key: bytes) -> NewSlot:
    salt = os.urandom(RECOVERY_SALT_BYTES)
    wrapping_key = recovery_wrapping_key(recovery_key, salt)
    slot_id = _new_slot_id()
    nonce, wrapped = _wrap(wrapping_key, data_key, _aad(ids, RecoverySlot.kind, slot_id))
    slot = RecoverySlot(slot_id=slot_id, salt=salt, nonce=nonce, wrapped_key=wrapped)
    return NewSlot(slot, wrapping_key)


def recovery_wrapping_key(recovery_key: bytes, salt: bytes) -> bytes:
    # 128 random bits need no slow KDF; HKDF with a per-slot salt only separates the uses.
    return _hkdf(recovery_key, salt, _RECOVERY_INFO)


def _escrow_key_from_shared(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return _hkdf(shared, ephemeral + recipient, _ESCROW_INFO)


def escrow_wrapping_key(private_key: X25519PrivateKey, slot: EscrowSlot) -> bytes | None:
    """The coordinator's side of the exchange; None if the slot is not sealed to this key."""
    recipient = private_key.public_key().public_bytes_raw()
    if not hmac.compare_digest(slot.recipient, recipient):
        return None
    try:
        shared = private_key.exchange(X25519PublicKey.from_public_bytes(slot.ephemeral))
    except ValueError:
        return None  # a low-order ephemeral point: not a slot this code wrote
    return _escrow_key_from_shared(shared, slot.ephemeral, recipient)


def new_escrow_slot(ids: tuple[str, str], data_key: bytes, recipient: X25519PublicKey) -> NewSlot:
    ephemeral_key = X25519PrivateKey.generate()
    try:
        shared = ephemeral_key.exchange(recipient)
    except ValueError:
        # A low-order point yields an all-zero secret; such a key is not a coordinator's.
        raise ValidationError("escrow_key", "escrow.invalid_key") from None
    ephemeral = ephemeral_key.public_key().public_bytes_raw()
    recipient_bytes = recipient.public_bytes_raw()
    wrapping_key = _escrow_key_from_shared(shared, ephemeral, recipient_bytes)
    slot_id = _new_slot_id()
    nonce, wrapped = _wrap(wrapping_key, data_key, _aad(ids, EscrowSlot.kind, slot_id))
    slot = EscrowSlot(
        slot_id=slot_id,
        recipient=recipient_bytes,
        ephemeral=ephemeral,
        nonce=nonce,
        wrapped_key=wrapped,
    )
    return NewSlot(slot, wrapping_key)


def require_recovery_key(recovery_key: bytes) -> None:
    if type(recovery_key) is not bytes or len(recovery_key) != RECOVERY_KEY_BYTES:
        raise ValueError("a recovery key is 16 bytes; parse it with parse_recovery_key")
