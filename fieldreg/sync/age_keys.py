"""age's text form of X25519 keys: Bech32 (BIP 173) with the "age" (recipient) and
"AGE-SECRET-KEY-" (identity) prefixes, so keys made here work with the `age` tool and pyrage."""

from __future__ import annotations

from typing import Final

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldreg.core.errors import FieldregError

RECIPIENT_HRP: Final = "age"
IDENTITY_HRP: Final = "age-secret-key-"
KEY_BYTES: Final = 32
_CHARSET: Final = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_GENERATOR: Final = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
_MAX_TEXT: Final = 128


def _polymod(values: list[int]) -> int:
    check = 1
    for value in values:
        top = check >> 25
        check = (check & 0x1FFFFFF) << 5 ^ value
        for bit, generator in enumerate(_GENERATOR):
            if (top >> bit) & 1:
                check ^= generator
    return check


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convert_bits(data: bytes | list[int], from_bits: int, to_bits: int, pad: bool) -> list[int]:
    accumulator = bits = 0
    result: list[int] = []
    mask = (1 << to_bits) - 1
    for value in data:
        accumulator = (accumulator << from_bits) | value
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            result.append((accumulator >> bits) & mask)
    if pad and bits:
        result.append((accumulator << (to_bits - bits)) & mask)
    elif not pad and (bits >= from_bits or (accumulator << (to_bits - bits)) & mask):
        raise ValueError("non-zero padding")
    return result


def encode(hrp: str, data: bytes) -> str:
    values = _convert_bits(data, 8, 5, pad=True)
    polymod = _polymod([*_hrp_expand(hrp), *values, 0, 0, 0, 0, 0, 0]) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_CHARSET[v] for v in values + checksum)


def decode(untrusted: str, hrp: str) -> bytes:
    """The key bytes of a Bech32 string with prefix `hrp`; FieldregError("sync.bad_key")."""
    if not isinstance(untrusted, str) or len(untrusted) > _MAX_TEXT or not untrusted.isascii():
        raise FieldregError("sync.bad_key")
    if untrusted.lower() != untrusted and untrusted.upper() != untrusted:
        raise FieldregError("sync.bad_key")  # mixed case is invalid Bech32
    text = untrusted.lower()
    separator = text.rfind("1")
    if text[:separator] != hrp or len(text) - separator < 7:
        raise FieldregError("sync.bad_key")
    try:
        values = [_CHARSET.index(c) for c in text[separator + 1 :]]
        if _polymod([*_hrp_expand(hrp), *values]) != 1:
            raise ValueError("checksum")
        data = bytes(_convert_bits(values[:-6], 5, 8, pad=False))
    except ValueError:
        raise FieldregError("sync.bad_key") from None
    if len(data) != KEY_BYTES:
        raise FieldregError("sync.bad_key")
    return data


def recipient_text(public_key: bytes) -> str:
    return encode(RECIPIENT_HRP, public_key)


def identity_text(private_key: bytes) -> str:
    return encode(IDENTITY_HRP, private_key).upper()


def identity_file(private_key: bytes) -> str:
    """An age identity file, as `age-keygen` writes one (`age -d -i FILE`)."""
    public = X25519PrivateKey.from_private_bytes(private_key).public_key().public_bytes_raw()
    return f"# public key: {recipient_text(public)}\n{identity_text(private_key)}\n"
