"""The minisign signature format (https://jedisct1.github.io/minisign/), written and checked here
with `cryptography`'s Ed25519 so that the standard `minisign -V` verifies what fieldreg signs.

A signature file is four lines:

    untrusted comment: <text>
    base64("ED" || key id (8 bytes) || Ed25519(BLAKE2b-512(file)))
    trusted comment: <text>
    base64(Ed25519(signature || trusted comment))

"ED" is the prehashed algorithm (the only one fieldreg writes or accepts). The second signature,
the global one, covers the trusted comment, which is how a bundle's header is signed. A public key
is base64("Ed" || key id || Ed25519 public key).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fieldreg.core.errors import FieldregError
from fieldreg.crypto.encoding import b64encode, strict_b64decode

SIGNATURE_ALGORITHM: Final = b"ED"  # Ed25519 over BLAKE2b-512 of the file
KEY_ALGORITHM: Final = b"Ed"
KEY_ID_BYTES: Final = 8
SIGNATURE_BYTES: Final = 64
# minisign reads lines into fixed buffers; stay well inside them.
MAX_COMMENT_BYTES: Final = 1000
MAX_FILE_BYTES: Final = 4096
UNTRUSTED_PREFIX: Final = "untrusted comment: "
TRUSTED_PREFIX: Final = "trusted comment: "
_KEY_ID_LABEL: Final = b"fieldreg minisign key id v1"


@dataclass(frozen=True, slots=True)
class Signature:
    untrusted_comment: str
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes


def key_id_for(public_key: bytes) -> bytes:
    """fieldreg derives the 8-byte key id from the public key, so there is nothing more to keep."""
    return hashlib.blake2b(_KEY_ID_LABEL + public_key, digest_size=KEY_ID_BYTES).digest()


def key_id_text(key_id: bytes) -> str:
    """How minisign shows a key id: the little-endian number in upper-case hex."""
    return key_id[::-1].hex().upper()


def public_key_base64(public_key: bytes) -> str:
    """The form `minisign -P` takes."""
    return b64encode(KEY_ALGORITHM + key_id_for(public_key) + public_key)


def public_key_file(public_key: bytes) -> str:
    """The content of a minisign public key file (`minisign -p FILE`)."""
    key_id = key_id_text(key_id_for(public_key))
    return f"{UNTRUSTED_PREFIX}minisign public key {key_id}\n{public_key_base64(public_key)}\n"


def _check_comment(text: str) -> bytes:
    encoded = text.encode("utf-8")
    if len(encoded) > MAX_COMMENT_BYTES or any(c in text for c in "\r\n\x00"):
        raise ValueError("a minisign comment is one short line")
    return encoded


def prehash(data: bytes) -> bytes:
    """BLAKE2b-512 of the file: what the "ED" signature signs."""
    return hashlib.blake2b(data, digest_size=64).digest()


def sign(
    private_key: Ed25519PrivateKey, data: bytes, *, trusted_comment: str, untrusted_comment: str
) -> str:
    """The signature file for `data` (prehashed), with `trusted_comment` under the global one."""
    return sign_prehashed(
        private_key,
        prehash(data),
        trusted_comment=trusted_comment,
        untrusted_comment=untrusted_comment,
    )


def sign_prehashed(
    private_key: Ed25519PrivateKey, digest: bytes, *, trusted_comment: str, untrusted_comment: str
) -> str:
    """`sign` of the file whose `prehash` is `digest` (an export hashes its 6 MB once)."""
    if len(digest) != 64:
        raise ValueError("a minisign prehash is BLAKE2b-512")
    trusted = _check_comment(trusted_comment)
    _check_comment(untrusted_comment)
    public = private_key.public_key().public_bytes_raw()
    signature = private_key.sign(digest)
    global_signature = private_key.sign(signature + trusted)
    return (
        f"{UNTRUSTED_PREFIX}{untrusted_comment}\n"
        f"{b64encode(SIGNATURE_ALGORITHM + key_id_for(public) + signature)}\n"
        f"{TRUSTED_PREFIX}{trusted_comment}\n"
        f"{b64encode(global_signature)}\n"
    )


def parse(untrusted: bytes) -> Signature:
    """Parse a signature file strictly: four LF-terminated lines, canonical base64, prehashed."""
    if len(untrusted) > MAX_FILE_BYTES:
        raise FieldregError("bundle.signature_format", part="size")
    try:
        text = untrusted.decode("utf-8")
    except UnicodeDecodeError:
        raise FieldregError("bundle.signature_format", part="encoding") from None
    lines = text.split("\n")
    if len(lines) != 5 or lines[4] != "" or any("\r" in line or "\x00" in line for line in lines):
        raise FieldregError("bundle.signature_format", part="lines")
    untrusted_line, signature_line, trusted_line, global_line = lines[:4]
    if not untrusted_line.startswith(UNTRUSTED_PREFIX):
        raise FieldregError("bundle.signature_format", part="untrusted_comment")
    if not trusted_line.startswith(TRUSTED_PREFIX):
        raise FieldregError("bundle.signature_format", part="trusted_comment")
    trusted_comment = trusted_line[len(TRUSTED_PREFIX) :]
    if len(trusted_comment.encode("utf-8")) > MAX_COMMENT_BYTES:
        raise FieldregError("bundle.signature_format", part="trusted_comment")
    blob = strict_b64decode(signature_line, 2 + KEY_ID_BYTES + SIGNATURE_BYTES)
    if blob is None or len(blob) != 2 + KEY_ID_BYTES + SIGNATURE_BYTES:
        raise FieldregError("bundle.signature_format", part="signature")
    if blob[:2] != SIGNATURE_ALGORITHM:
        raise FieldregError("bundle.signature_format", part="algorithm")
    global_signature = strict_b64decode(global_line, SIGNATURE_BYTES)
    if global_signature is None or len(global_signature) != SIGNATURE_BYTES:
        raise FieldregError("bundle.signature_format", part="global_signature")
    return Signature(
        untrusted_comment=untrusted_line[len(UNTRUSTED_PREFIX) :],
        key_id=blob[2 : 2 + KEY_ID_BYTES],
        signature=blob[2 + KEY_ID_BYTES :],
        trusted_comment=trusted_comment,
        global_signature=global_signature,
    )


def verify(signature: Signature, data: bytes, public_key: bytes) -> None:
    """Raise FieldregError("bundle.bad_signature") unless both signatures hold for this key."""
    if signature.key_id != key_id_for(public_key):  # before hashing the file
        raise FieldregError("bundle.bad_signature")
    verify_prehashed(signature, prehash(data), public_key)


def verify_prehashed(signature: Signature, digest: bytes, public_key: bytes) -> None:
    """`verify` of the file whose `prehash` is `digest`."""
    if signature.key_id != key_id_for(public_key):
        raise FieldregError("bundle.bad_signature")
    key = Ed25519PublicKey.from_public_bytes(public_key)
    try:
        key.verify(signature.signature, digest)
        key.verify(
            signature.global_signature,
            signature.signature + signature.trusted_comment.encode("utf-8"),
        )
    except InvalidSignature:
        raise FieldregError("bundle.bad_signature") from None
