"""The formats under the bundle, each parsed strictly: minisign signatures, the age header, age's
key text, and signed tokens."""

from __future__ import annotations

import os

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldreg.core.errors import FieldregError
from fieldreg.crypto.encoding import b64url
from fieldreg.sync import age_format, age_keys, minisign, tokens


def _keys() -> tuple[bytes, bytes]:
    private = X25519PrivateKey.generate()
    return private.private_bytes_raw(), private.public_key().public_bytes_raw()


def test_age_keys_match_pyrage() -> None:
    identity = pyrage.x25519.Identity.generate()
    raw = age_keys.decode(str(identity), age_keys.IDENTITY_HRP)
    public = X25519PrivateKey.from_private_bytes(raw).public_key().public_bytes_raw()
    assert age_keys.recipient_text(public) == str(identity.to_public())
    assert age_keys.identity_text(raw) == str(identity)
    text = str(identity.to_public())
    for bad in (text[:-1] + ("q" if text[-1] != "q" else "p"), text.upper()[:10] + text[10:], ""):
        with pytest.raises(FieldregError):
            age_keys.decode(bad, age_keys.RECIPIENT_HRP)


def test_age_header_is_read_before_decryption() -> None:
    (mine, mine_public), (_other, other_public) = _keys(), _keys()
    ciphertext = age_format.encrypt(b"payload" * 100, [mine_public, other_public])
    header = age_format.parse_header(ciphertext)
    age_format.check_recipients(header, 2)
    assert age_format.unwrap_file_key(header, mine) is not None
    assert age_format.unwrap_file_key(header, _keys()[0]) is None
    with pytest.raises(FieldregError):
        age_format.check_recipients(header, 1)
    assert age_format.decrypt(ciphertext, mine) == b"payload" * 100


@pytest.mark.parametrize(
    "mangle",
    [
        lambda c: c.replace(b"age-encryption.org/v1", b"age-encryption.org/v2", 1),
        lambda c: c.replace(b"\n-> X25519 ", b"\n-> X25519  ", 1),
        lambda c: c.replace(b"\n--- ", b"\n---", 1),
        lambda c: c[: c.index(b"\n--- ") + 20],
        lambda c: c.replace(b"\n-> X25519 ", b"\n-> scrypt ", 1),
    ],
)
def test_a_malformed_age_header_is_refused(mangle: object) -> None:
    ciphertext = age_format.encrypt(b"x" * 10, [_keys()[1]])

    def read() -> None:
        header = age_format.parse_header(mangle(ciphertext))  # type: ignore[operator]
        age_format.check_recipients(header, 1)

    with pytest.raises(FieldregError) as caught:
        read()
    assert caught.value.code == "bundle.age_header"


def test_an_altered_header_mac_is_refused() -> None:
    mine, mine_public = _keys()
    ciphertext = bytearray(age_format.encrypt(b"x" * 10, [mine_public]))
    mac_at = ciphertext.index(b"\n--- ") + 5
    ciphertext[mac_at] = ord("A") if ciphertext[mac_at] != ord("A") else ord("B")
    header = age_format.parse_header(bytes(ciphertext))
    with pytest.raises(FieldregError) as caught:
        age_format.unwrap_file_key(header, mine)
    assert caught.value.params["reason"] in {"mac", "base64"}


def test_minisign_signature_round_trip_and_strictness() -> None:
    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes_raw()
    text = minisign.sign(key, b"data", trusted_comment='{"a":1}', untrusted_comment="x")
    signature = minisign.parse(text.encode())
    minisign.verify(signature, b"data", public)
    with pytest.raises(FieldregError):
        minisign.verify(signature, b"date", public)
    with pytest.raises(FieldregError):
        minisign.verify(
            signature, b"data", Ed25519PrivateKey.generate().public_key().public_bytes_raw()
        )
    legacy = text.splitlines()
    blob = legacy[1]
    for bad in (
        text.replace("\n", "\r\n"),
        text + "extra\n",
        text.replace("trusted comment: ", "trusted comment:", 1),
        "\n".join([legacy[0], blob[:-2] + "==", *legacy[2:]]) + "\n",
    ):
        with pytest.raises(FieldregError):
            minisign.parse(bad.encode())
    with pytest.raises(ValueError, match="one short line"):
        minisign.sign(key, b"data", trusted_comment="two\nlines", untrusted_comment="x")


def test_tokens_are_signed_and_have_one_spelling() -> None:
    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes_raw()
    text = tokens.sign(tokens.REQUEST, {"a": 1}, key)
    token = tokens.parse(text, tokens.REQUEST, "enroll.request_invalid")
    token.verify(public, "enroll.request_invalid")
    with pytest.raises(FieldregError):
        tokens.parse(text, tokens.ANSWER, "enroll.answer_invalid")  # another kind
    with pytest.raises(FieldregError):
        token.verify(os.urandom(32), "enroll.request_invalid")
    body, signature = text.split(":", 1)[1].split(".")
    spaced = b64url(b'{ "a":1}')
    with pytest.raises(FieldregError):
        tokens.parse(f"FRQ1:{spaced}.{signature}", tokens.REQUEST, "enroll.request_invalid")
    assert body
