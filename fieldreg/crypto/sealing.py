"""Field sealing: AES-256-GCM bound to table, record id, field group and key id.

Blob layout: version (1 byte, 0x01) | key id (8 bytes) | nonce (12 random bytes) | ciphertext+tag.
The associated data binds every ciphertext to where it belongs, so a sealed value copied to
another row, group or table, or opened with another key, fails like altered bytes do.

Nonces are random: safe for far more values than one store will ever seal with one key
(the collision bound for 96-bit random nonces is about 2**32 messages per key).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from collections.abc import Callable, Sequence
from contextlib import suppress
from itertools import repeat
from operator import itemgetter as _itemgetter
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldreg.core.errors import AuthError, TamperError
from fieldreg.crypto.encoding import canonical_json, length_prefixed, strict_json_loads

VERSION = 0x01
DATA_KEY_BYTES = 32
KEY_ID_BYTES = 8
NONCE_BYTES = 12
TAG_BYTES = 16
HEADER_BYTES = 1 + KEY_ID_BYTES + NONCE_BYTES
_AAD_CONTEXT = b"fieldreg/v1"
_PREFIX = slice(0, 1 + KEY_ID_BYTES)  # version and key id
_NONCE = slice(1 + KEY_ID_BYTES, HEADER_BYTES)
_BODY = slice(HEADER_BYTES, None)  # ciphertext and tag
_LENGTH = struct.Struct(">I")  # the length prefix of a record id in the associated data
_KEY_ID_LABEL = b"fieldreg key id"


def key_id_for(data_key: bytes) -> str:
    """16 hex characters naming a data key without revealing it."""
    if type(data_key) is not bytes or len(data_key) != DATA_KEY_BYTES:
        raise ValueError("a data key is 32 bytes")
    digest = hmac.new(data_key, _KEY_ID_LABEL, hashlib.sha256).digest()
    return digest[:KEY_ID_BYTES].hex()


class FieldSealer:
    """Seals and opens personal fields with one data key; `wipe` locks it for good."""

    def __init__(self, data_key: bytes) -> None:
        self._key_id_hex = key_id_for(data_key)
        self._key_id = bytes.fromhex(self._key_id_hex)
        self._aead: AESGCM | None = AESGCM(data_key)

    @property
    def key_id(self) -> str:
        return self._key_id_hex

    def wipe(self) -> None:
        """Drop the key; further seal/open raise AuthError("store.locked").

        Python cannot scrub the key from memory; dropping every reference is what it can do.
        """
        self._aead = None

    def _cipher(self) -> AESGCM:
        if self._aead is None:
            raise AuthError("store.locked")
        return self._aead

    def _aad(self, table: str, record_id: str, group: str) -> bytes:
        for name, value in (("table", table), ("record_id", record_id), ("group", group)):
            if not isinstance(value, str) or not value:
                raise ValueError(f"{name} must be a non-empty string")
        return length_prefixed(
            _AAD_CONTEXT,
            table.encode("utf-8"),
            record_id.encode("utf-8"),
            group.encode("utf-8"),
            self._key_id,
        )

    def seal(self, table: str, record_id: str, group: str, plaintext: bytes) -> bytes:
        """Encrypt a field group for one row; raises rather than ever return plaintext."""
        cipher = self._cipher()
        if not isinstance(plaintext, bytes):
            raise TypeError("plaintext must be bytes")
        aad = self._aad(table, record_id, group)
        nonce = os.urandom(NONCE_BYTES)
        sealed = bytes([VERSION]) + self._key_id + nonce + cipher.encrypt(nonce, plaintext, aad)
        # Fail closed: a blob that is not longer than its input by the overhead is not sealed.
        if len(sealed) != HEADER_BYTES + len(plaintext) + TAG_BYTES:
            raise RuntimeError("sealing produced a malformed blob")
        return sealed

    def open(self, table: str, record_id: str, group: str, sealed: bytes) -> bytes:
        """Decrypt a blob sealed for exactly this table, row, group and key."""
        cipher = self._cipher()
        aad = self._aad(table, record_id, group)
        if (
            not isinstance(sealed, bytes)
            or len(sealed) < HEADER_BYTES + TAG_BYTES
            or sealed[0] != VERSION
            or not hmac.compare_digest(sealed[1 : 1 + KEY_ID_BYTES], self._key_id)
        ):
            raise TamperError("crypto.tamper", table=table, group=group)
        nonce = sealed[1 + KEY_ID_BYTES : HEADER_BYTES]
        try:
            return cipher.decrypt(nonce, sealed[HEADER_BYTES:], aad)
        except InvalidTag:
            raise TamperError("crypto.tamper", table=table, group=group) from None

    def sealer_for(self, table: str, group: str) -> Callable[[str, bytes], bytes]:
        """`seal` for many rows of one table and group (an import seals thousands): the
        associated data's fixed parts are encoded once. The same blobs as `seal`."""
        cipher = self._cipher()
        self._aad(table, "-", group)  # validates table and group
        head = length_prefixed(_AAD_CONTEXT, table.encode("utf-8"))
        tail = length_prefixed(group.encode("utf-8"), self._key_id)
        prefix = bytes([VERSION]) + self._key_id
        pack = struct.Struct(">I").pack

        # Random nonces drawn from the OS 1,024 at a time: one system call per value would cost
        # more than the encryption of a small field group.
        pool = bytearray()

        def seal_row(record_id: str, plaintext: bytes) -> bytes:
            rid = record_id.encode("utf-8")
            if not rid or not isinstance(plaintext, bytes):
                raise ValueError("a record id and bytes are needed")
            if not pool:
                pool.extend(os.urandom(NONCE_BYTES * 1024))
            nonce = bytes(pool[-NONCE_BYTES:])
            del pool[-NONCE_BYTES:]
            aad = head + pack(len(rid)) + rid + tail
            return prefix + nonce + cipher.encrypt(nonce, plaintext, aad)

        return seal_row

    def opener(self, table: str, group: str) -> Callable[[str, bytes], bytes]:
        """`open` for many rows of one table and group (unlock opens 100,000 of them): the
        associated data's fixed parts are encoded once. Same checks, same errors as `open`."""
        cipher = self._cipher()
        self._aad(table, "-", group)  # validates table and group
        head = length_prefixed(_AAD_CONTEXT, table.encode("utf-8"))
        tail = length_prefixed(group.encode("utf-8"), self._key_id)
        key_id = self._key_id
        pack = struct.Struct(">I").pack

        def open_row(record_id: str, sealed: bytes) -> bytes:
            rid = record_id.encode("utf-8")
            if (
                not rid
                or not isinstance(sealed, bytes)
                or len(sealed) < HEADER_BYTES + TAG_BYTES
                or sealed[0] != VERSION
                or not hmac.compare_digest(sealed[1 : 1 + KEY_ID_BYTES], key_id)
            ):
                raise TamperError("crypto.tamper", table=table, group=group)
            try:
                return cipher.decrypt(
                    sealed[1 + KEY_ID_BYTES : HEADER_BYTES],
                    sealed[HEADER_BYTES:],
                    head + pack(len(rid)) + rid + tail,
                )
            except InvalidTag:
                raise TamperError("crypto.tamper", table=table, group=group) from None

        return open_row

    def _bulk(
        self, table: str, group: str, ids: int, values: int, what: str
    ) -> tuple[AESGCM, bytes, bytes]:
        """What `open_many` and `seal_many` share: the cipher, and the associated data before and
        after each row's record id (table and group validated as `_aad` validates them)."""
        if ids != values:
            raise ValueError(f"one record id per {what}")
        cipher = self._cipher()
        self._aad(table, "-", group)
        head = length_prefixed(_AAD_CONTEXT, table.encode("utf-8"))
        return cipher, head, length_prefixed(group.encode("utf-8"), self._key_id)

    def open_many(
        self, table: str, group: str, record_ids: Sequence[str], sealed: Sequence[bytes]
    ) -> list[bytes | None]:
        """`open` of many rows of one table and group in one call (unlock opens 100,000): the
        same checks and associated data as `open`, each row under its own record id, with no
        Python call per row. A row that does not open (altered, swapped, another key, not a
        sealed blob) is None in the result, so one damaged row cannot hide the others; the
        caller decides what a None means."""
        cipher, head, tail = self._bulk(table, group, len(record_ids), len(sealed), "sealed value")
        if not record_ids:
            return []
        # The usual batch, every row well formed and intact, is opened by C-level map and zip
        # alone; the first row that is not sends the whole batch to the row-by-row loop, which
        # finds which rows do not open.
        if (
            set(map(type, record_ids)) == {str}
            and set(map(type, sealed)) == {bytes}
            and min(map(len, sealed)) >= HEADER_BYTES + TAG_BYTES
            and set(map(_itemgetter(_PREFIX), sealed)) == {bytes([VERSION]) + self._key_id}
        ):
            rids = list(map(str.encode, record_ids))
            if min(map(len, rids)) > 0:
                aads = list(
                    map(
                        b"".join,
                        zip(
                            repeat(head),
                            map(_LENGTH.pack, map(len, rids)),
                            rids,
                            repeat(tail),
                        ),
                    )
                )
                with suppress(InvalidTag):
                    return list(
                        map(
                            cipher.decrypt,
                            map(_itemgetter(_NONCE), sealed),
                            map(_itemgetter(_BODY), sealed),
                            aads,
                        )
                    )
        return self._open_each(cipher, head, tail, record_ids, sealed)

    def _open_each(
        self,
        cipher: AESGCM,
        head: bytes,
        tail: bytes,
        record_ids: Sequence[str],
        sealed: Sequence[bytes],
    ) -> list[bytes | None]:
        """`open_many` row by row, None for each row that does not open."""
        key_id = self._key_id
        decrypt = cipher.decrypt
        pack = _LENGTH.pack
        smallest = HEADER_BYTES + TAG_BYTES
        opened: list[bytes | None] = []
        append = opened.append
        for record_id, blob in zip(record_ids, sealed, strict=True):
            rid = record_id.encode("utf-8") if isinstance(record_id, str) else b""
            if (
                not rid
                or type(blob) is not bytes
                or len(blob) < smallest
                or blob[0] != VERSION
                or not hmac.compare_digest(blob[1 : 1 + KEY_ID_BYTES], key_id)
            ):
                append(None)
                continue
            try:
                append(
                    decrypt(
                        blob[1 + KEY_ID_BYTES : HEADER_BYTES],
                        blob[HEADER_BYTES:],
                        head + pack(len(rid)) + rid + tail,
                    )
                )
            except InvalidTag:
                append(None)
        return opened

    def seal_many(
        self, table: str, group: str, record_ids: Sequence[str], plaintexts: Sequence[bytes]
    ) -> list[bytes]:
        """`seal` of many rows of one table and group in one call (an import seals a hundred
        thousand): the same blobs as `seal` (each under its own record id and its own random
        nonce, the nonces drawn from the OS in one call), with no Python call per row."""
        cipher, head, tail = self._bulk(table, group, len(record_ids), len(plaintexts), "plaintext")
        prefix = bytes([VERSION]) + self._key_id
        encrypt = cipher.encrypt
        pack = struct.Struct(">I").pack
        nonces = os.urandom(NONCE_BYTES * len(record_ids))
        sealed: list[bytes] = []
        append = sealed.append
        at = 0
        for record_id, plaintext in zip(record_ids, plaintexts, strict=True):
            rid = record_id.encode("utf-8")
            if not rid or type(plaintext) is not bytes:
                raise ValueError("a record id and bytes are needed")
            nonce = nonces[at : at + NONCE_BYTES]
            at += NONCE_BYTES
            append(prefix + nonce + encrypt(nonce, plaintext, head + pack(len(rid)) + rid + tail))
        return sealed

    def seal_json(self, table: str, record_id: str, group: str, value: object) -> bytes:
        return self.seal(table, record_id, group, canonical_json(value))

    def open_json(self, table: str, record_id: str, group: str, sealed: bytes) -> Any:
        plaintext = self.open(table, record_id, group, sealed)
        try:
            return strict_json_loads(plaintext)
        except (ValueError, RecursionError):
            pass
        # Raised outside the handler: the parser's exception holds the plaintext document and
        # must not travel on as __context__ into logs or crash reports.
        raise TamperError("crypto.tamper", table=table, group=group)
