"""The keys a network and its devices are made of: what every member pins (NetworkInfo) and a
laptop's own signing and exchange keys (DeviceKeys). Storage is store/sync_store.py's; tokens,
requests and certificates are sync/enrollment.py's."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Final

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldreg.core import ids
from fieldreg.crypto.encoding import b64url

_FINGERPRINT_LABEL: Final = b"fieldreg network fingerprint v1"


def private_ed25519(raw: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(raw)


def ed25519_public(private: bytes) -> bytes:
    return private_ed25519(private).public_key().public_bytes_raw()


def x25519_public(private: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()


@dataclass(frozen=True, slots=True)
class NetworkInfo:
    """What every member of a network pins: its id and public keys."""

    network_id: str
    root_public: bytes
    recipient_public: bytes
    escrow_public: bytes

    def fingerprint(self) -> str:
        """Read aloud to check an answer came from this coordinator: 4 groups of 4 symbols."""
        digest = hashlib.sha256(_FINGERPRINT_LABEL + self.root_public).digest()
        value = int.from_bytes(digest[:10], "big")
        symbols = [ids.ALPHABET[(value >> (5 * i)) & 31] for i in range(16)]
        return "-".join("".join(symbols[i : i + 4]) for i in range(0, 16, 4))

    def to_body(self) -> dict[str, Any]:
        return {
            "id": self.network_id,
            "root": b64url(self.root_public),
            "recipient": b64url(self.recipient_public),
            "escrow": b64url(self.escrow_public),
        }


@dataclass(frozen=True, slots=True)
class DeviceKeys:
    signing: bytes  # Ed25519 private key: signs this laptop's bundles
    exchange: bytes  # X25519 private key: what the coordinator seals rosters to

    @staticmethod
    def generate() -> DeviceKeys:
        return DeviceKeys(
            Ed25519PrivateKey.generate().private_bytes_raw(),
            X25519PrivateKey.generate().private_bytes_raw(),
        )

    @property
    def signing_public(self) -> bytes:
        return ed25519_public(self.signing)

    @property
    def exchange_public(self) -> bytes:
        return x25519_public(self.exchange)

    def signer(self) -> Ed25519PrivateKey:
        return private_ed25519(self.signing)
