"""Signed tokens: the short texts that carry enrollment requests, certificates, enrollment
answers and revocations. Small enough for a QR code, strict to parse.

    <TAG>:<base64url(canonical JSON body)>.<base64url(Ed25519 signature)>

The signature covers a domain string naming the tag, then the body bytes, so a signature made for
one kind of token is never valid for another.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fieldreg.core import canonical
from fieldreg.core.errors import FieldregError
from fieldreg.crypto.encoding import b64url

REQUEST: Final = "FRQ1"
CERTIFICATE: Final = "FRC1"
ANSWER: Final = "FRA1"
REVOCATION: Final = "FRR1"
MAX_TOKEN_CHARS: Final = 8192
SIGNATURE_BYTES: Final = 64
KEY_BYTES: Final = 32


def from_b64url(untrusted: object, max_bytes: int) -> bytes | None:
    """Canonical unpadded base64url of at most max_bytes bytes, else None."""
    if not isinstance(untrusted, str) or len(untrusted) > 4 * ((max_bytes + 2) // 3):
        return None
    if not untrusted.isascii() or "=" in untrusted or len(untrusted) % 4 == 1:
        return None
    try:
        decoded = base64.b64decode(
            untrusted + "=" * (-len(untrusted) % 4), altchars=b"-_", validate=True
        )
    except (binascii.Error, ValueError):
        return None
    return decoded if b64url(decoded) == untrusted else None


def _domain(tag: str) -> bytes:
    return b"fieldreg token " + tag.encode("ascii") + b"\n"


@dataclass(frozen=True, slots=True)
class Token:
    tag: str
    body: Mapping[str, Any]
    body_bytes: bytes
    signature: bytes
    text: str

    def verify(self, public_key: bytes, code: str) -> None:
        """Raise FieldregError(code) unless `public_key` signed this token."""
        try:
            Ed25519PublicKey.from_public_bytes(public_key).verify(
                self.signature, _domain(self.tag) + self.body_bytes
            )
        except (InvalidSignature, ValueError):
            raise FieldregError(code, part="signature") from None


def sign(tag: str, body: Mapping[str, Any], private_key: Ed25519PrivateKey) -> str:
    body_bytes = canonical.dumps(dict(body))
    signature = private_key.sign(_domain(tag) + body_bytes)
    return f"{tag}:{b64url(body_bytes)}.{b64url(signature)}"


def parse(untrusted: str | bytes, tag: str, code: str) -> Token:
    """Split and decode a token of kind `tag` (signature not yet checked); FieldregError(code)."""
    if isinstance(untrusted, bytes):
        try:
            untrusted = untrusted.decode("ascii")
        except UnicodeDecodeError:
            raise FieldregError(code, part="encoding") from None
    text = untrusted.strip(" \t\r\n")
    if len(text) > MAX_TOKEN_CHARS:
        raise FieldregError(code, part="size")
    head, colon, rest = text.partition(":")
    if not colon or head != tag:
        raise FieldregError(code, part="kind")
    body_text, dot, signature_text = rest.partition(".")
    body_bytes = from_b64url(body_text, MAX_TOKEN_CHARS) if dot else None
    signature = from_b64url(signature_text, SIGNATURE_BYTES) if dot else None
    if body_bytes is None or signature is None or len(signature) != SIGNATURE_BYTES:
        raise FieldregError(code, part="encoding")
    try:
        body = canonical.loads(body_bytes, max_bytes=MAX_TOKEN_CHARS)
    except FieldregError:
        raise FieldregError(code, part="body") from None
    if not isinstance(body, dict) or canonical.dumps(body) != body_bytes:
        raise FieldregError(code, part="body")  # one spelling per token
    return Token(tag, body, body_bytes, signature, text)


def field(body: Mapping[str, Any], name: str, kind: type, code: str) -> Any:
    """body[name] if it has exactly type `kind` (bool is not an int here)."""
    value = body.get(name)
    if type(value) is not kind:
        raise FieldregError(code, part=name)
    return value


def key_field(body: Mapping[str, Any], name: str, code: str) -> bytes:
    value = from_b64url(body.get(name), KEY_BYTES)
    if value is None or len(value) != KEY_BYTES:
        raise FieldregError(code, part=name)
    return value


def exact_keys(body: Mapping[str, Any], keys: set[str], code: str) -> None:
    if set(body) != keys:
        raise FieldregError(code, part="keys")
