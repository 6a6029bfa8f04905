"""age v1 (https://age-encryption.org/v1) around pyrage: encryption and decryption are pyrage's;
this module reads the header strictly *before* anything is decrypted.

    age-encryption.org/v1
    -> X25519 <base64 ephemeral share>
    <base64 wrapped file key>
    --- <base64 header MAC>
    <16-byte nonce><ChaCha20-Poly1305 chunks of 64 KiB, the last one flagged>

Checking the stanzas, unwrapping the file key with the coordinator's identity and checking the
header MAC here lets an import say exactly why a file is refused ("not for this coordinator",
"damaged header") and bounds every length before pyrage sees the bytes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass
from typing import Final

import pyrage
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldreg.core.errors import FieldregError
from fieldreg.sync.age_keys import identity_text, recipient_text

VERSION_LINE: Final = b"age-encryption.org/v1\n"
X25519_TYPE: Final = "X25519"
X25519_INFO: Final = b"age-encryption.org/v1/X25519"
FILE_KEY_BYTES: Final = 16
NONCE_BYTES: Final = 16
TAG_BYTES: Final = 16
CHUNK_BYTES: Final = 64 * 1024
BODY_COLUMNS: Final = 64
MAX_HEADER_BYTES: Final = 16 * 1024
MAX_STANZAS: Final = 16
MAX_ARGS: Final = 8
MAX_LINE_BYTES: Final = 1024
MAX_BODY_BYTES: Final = 4096


@dataclass(frozen=True, slots=True)
class Stanza:
    type: str
    args: tuple[str, ...]
    body: bytes


@dataclass(frozen=True, slots=True)
class AgeHeader:
    stanzas: tuple[Stanza, ...]
    mac: bytes
    mac_input: bytes  # the header up to and including "---"
    payload_offset: int

    def x25519(self) -> list[Stanza]:
        return [s for s in self.stanzas if s.type == X25519_TYPE]


def _fail(reason: str) -> FieldregError:
    return FieldregError("bundle.age_header", reason=reason)


def _unpadded_b64(untrusted: str, max_bytes: int) -> bytes:
    """Canonical base64 without padding (age's encoding); non-canonical spellings are refused."""
    if len(untrusted) > 4 * ((max_bytes + 2) // 3) or "=" in untrusted or len(untrusted) % 4 == 1:
        raise _fail("base64")
    try:
        decoded = base64.b64decode(untrusted + "=" * (-len(untrusted) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise _fail("base64") from None
    if base64.b64encode(decoded).decode("ascii").rstrip("=") != untrusted:
        raise _fail("base64")
    return decoded


def _is_vchar(text: str) -> bool:
    return bool(text) and all(33 <= ord(c) <= 126 for c in text)


def _line(untrusted: bytes, start: int) -> tuple[str, int]:
    end = untrusted.find(b"\n", start, start + MAX_LINE_BYTES + 1)
    if end < 0:
        raise _fail("line")
    raw = untrusted[start:end]
    if not raw.isascii():
        raise _fail("line")
    return raw.decode("ascii"), end + 1


def parse_header(untrusted: bytes) -> AgeHeader:
    """Parse the header strictly and check that the payload's length fits age's chunk layout."""
    if not untrusted.startswith(VERSION_LINE):
        raise _fail("version")
    position = len(VERSION_LINE)
    stanzas: list[Stanza] = []
    while True:
        if position > MAX_HEADER_BYTES:
            raise _fail("size")
        line_start = position
        line, position = _line(untrusted, position)
        if line.startswith("--- "):
            mac = _unpadded_b64(line[4:], 32)
            if len(mac) != 32:
                raise _fail("mac")
            header = AgeHeader(
                tuple(stanzas), mac, untrusted[: line_start + 3], payload_offset=position
            )
            _check_payload_layout(len(untrusted) - position)
            return header
        if not line.startswith("-> "):
            raise _fail("stanza")
        args = line[3:].split(" ")
        if len(args) > MAX_ARGS + 1 or not all(_is_vchar(arg) for arg in args):
            raise _fail("stanza")
        body_text = ""
        while True:
            body_line, position = _line(untrusted, position)
            if len(body_line) > BODY_COLUMNS:
                raise _fail("stanza_body")
            body_text += body_line
            if len(body_text) > 4 * MAX_BODY_BYTES // 3 + 4:
                raise _fail("stanza_body")
            if len(body_line) < BODY_COLUMNS:
                break
        stanzas.append(Stanza(args[0], tuple(args[1:]), _unpadded_b64(body_text, MAX_BODY_BYTES)))
        if len(stanzas) > MAX_STANZAS:
            raise _fail("stanzas")


def _check_payload_layout(length: int) -> None:
    """A nonce, then chunks of 64 KiB + tag; only the last may be shorter, and empty only alone."""
    rest = length - NONCE_BYTES
    if rest < TAG_BYTES:
        raise _fail("payload")
    full, last = divmod(rest, CHUNK_BYTES + TAG_BYTES)
    if last == 0:
        return
    if last < TAG_BYTES or (last == TAG_BYTES and full > 0):
        raise _fail("payload")


def check_recipients(header: AgeHeader, expected: int) -> None:
    """Exactly `expected` well-formed X25519 stanzas; others are grease, but no passphrase."""
    x25519 = header.x25519()
    for stanza in header.stanzas:
        if stanza.type == "scrypt":
            raise _fail("scrypt")
    for stanza in x25519:
        if len(stanza.args) != 1 or len(_unpadded_b64(stanza.args[0], 32)) != 32:
            raise _fail("x25519")
        if len(stanza.body) != FILE_KEY_BYTES + TAG_BYTES:
            raise _fail("x25519")
    if len(x25519) != expected:
        raise _fail("recipients")


def _hkdf(secret: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=SHA256(), length=32, salt=salt, info=info).derive(secret)


def unwrap_file_key(header: AgeHeader, identity: bytes) -> bytes | None:
    """The file key, if one X25519 stanza is for this identity (raw private key) and the header
    MAC holds; None if the file was not encrypted to it. Raises if the MAC is wrong."""
    private = X25519PrivateKey.from_private_bytes(identity)
    recipient = private.public_key().public_bytes_raw()
    for stanza in header.x25519():
        share = _unpadded_b64(stanza.args[0], 32)
        try:
            shared = private.exchange(X25519PublicKey.from_public_bytes(share))
        except ValueError:
            raise _fail("x25519") from None  # a low-order share: all-zero secret
        key = _hkdf(shared, share + recipient, X25519_INFO)
        try:
            file_key = ChaCha20Poly1305(key).decrypt(bytes(12), stanza.body, None)
        except InvalidTag:
            continue
        mac_key = _hkdf(file_key, b"", b"header")
        expected = hmac.new(mac_key, header.mac_input, hashlib.sha256).digest()
        if not hmac.compare_digest(expected, header.mac):
            raise _fail("mac")
        return file_key
    return None


def encrypt(plaintext: bytes, recipients: list[bytes]) -> bytes:
    """age-encrypt to the X25519 public keys (raw bytes)."""
    keys = [pyrage.x25519.Recipient.from_str(recipient_text(r)) for r in recipients]
    result: bytes = pyrage.encrypt(plaintext, keys)
    return result


def decrypt(ciphertext: bytes, identity: bytes) -> bytes:
    """Decrypt with pyrage; any failure (a missing or altered chunk) is "bundle.decrypt_failed"."""
    key = pyrage.x25519.Identity.from_str(identity_text(identity))
    try:
        result: bytes = pyrage.decrypt(ciphertext, [key])
    except pyrage.DecryptError:
        raise FieldregError("bundle.decrypt_failed") from None
    return result
