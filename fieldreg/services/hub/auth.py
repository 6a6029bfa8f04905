"""Device-signed requests. A laptop signs, with its certificate's Ed25519 key:

    fieldreg hub request v1 \n network \n METHOD \n path \n sha256(body) \n device \n time \n nonce

and sends device, time (ms), nonce and signature in headers. The hub accepts a request only from
a device of its own network that is not revoked, within five minutes of its own clock, with a
nonce it has not seen in that window."""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fieldreg.crypto.encoding import b64url
from fieldreg.sync.tokens import from_b64url

DEVICE_HEADER: Final = "x-fieldreg-device"
TIME_HEADER: Final = "x-fieldreg-time"
NONCE_HEADER: Final = "x-fieldreg-nonce"
SIGNATURE_HEADER: Final = "x-fieldreg-signature"
SKEW_MS: Final = 5 * 60 * 1000
NONCE_CACHE_MAX: Final = 200_000  # a window's worth at the rate limits, many times over
_DEVICE: Final = re.compile(r"[0-9a-f]{64}")
_NONCE: Final = re.compile(r"[0-9a-f]{32}")
_TIME: Final = re.compile(r"[0-9]{1,15}")
_DOMAIN: Final = b"fieldreg hub request v1"


def signed_text(
    network_id: str,
    *,
    method: str,
    path: str,
    body_sha256: str,
    device: str,
    time_ms: int,
    nonce: str,
) -> bytes:
    parts = [network_id, method.upper(), path, body_sha256, device, str(time_ms), nonce]
    return b"\n".join([_DOMAIN, *(part.encode("ascii") for part in parts)])


def sign_headers(
    key: Ed25519PrivateKey,
    *,
    network_id: str,
    device: str,
    method: str,
    path: str,
    body: bytes,
    time_ms: int,
    nonce: str | None = None,
) -> dict[str, str]:
    """The headers that authenticate one request (a fresh nonce unless given)."""
    nonce = nonce or secrets.token_hex(16)
    digest = hashlib.sha256(body).hexdigest()
    text = signed_text(
        network_id,
        method=method,
        path=path,
        body_sha256=digest,
        device=device,
        time_ms=time_ms,
        nonce=nonce,
    )
    return {
        DEVICE_HEADER: device,
        TIME_HEADER: str(time_ms),
        NONCE_HEADER: nonce,
        SIGNATURE_HEADER: b64url(key.sign(text)),
    }


class Refused(Exception):
    """A request the hub answers with `status` (401, 403, 400) and a short reason code."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Claim:
    """What the headers say before the body is read: who, when, which nonce, which signature."""

    device: str
    time_ms: int
    nonce: str
    signature: bytes


def read_claim(untrusted_headers: Mapping[str, str]) -> Claim:
    """The signing headers, strictly parsed; Refused(401) when any is missing or malformed."""
    device = untrusted_headers.get(DEVICE_HEADER)
    time_text = untrusted_headers.get(TIME_HEADER)
    nonce = untrusted_headers.get(NONCE_HEADER)
    signature_text = untrusted_headers.get(SIGNATURE_HEADER)
    if device is None or time_text is None or nonce is None or signature_text is None:
        raise Refused(401, "unsigned")
    if not (_DEVICE.fullmatch(device) and _TIME.fullmatch(time_text) and _NONCE.fullmatch(nonce)):
        raise Refused(400, "bad_headers")
    signature = from_b64url(signature_text, 64)
    if signature is None or len(signature) != 64:
        raise Refused(400, "bad_headers")
    return Claim(device, int(time_text), nonce, signature)


class NonceCache:
    """Nonces seen within the allowed clock window; a nonce seen again is a replay."""

    def __init__(self, window_ms: int = 2 * SKEW_MS, limit: int = NONCE_CACHE_MAX) -> None:
        self._seen: OrderedDict[str, int] = OrderedDict()
        self._window = window_ms
        self._limit = limit
        self._lock = threading.Lock()

    def admit(self, device: str, nonce: str, now_ms: int) -> bool:
        key = f"{device}:{nonce}"
        with self._lock:
            while self._seen:
                oldest_key, seen_at = next(iter(self._seen.items()))
                if seen_at > now_ms - self._window and len(self._seen) < self._limit:
                    break
                self._seen.pop(oldest_key)
            if key in self._seen:
                return False
            self._seen[key] = now_ms
            return True


@dataclass(frozen=True, slots=True)
class KnownDevice:
    device_id: str
    prefix: str
    ed25519: bytes
    revoked: bool


def verify(
    claim: Claim,
    *,
    device: KnownDevice | None,
    network_id: str,
    method: str,
    path: str,
    body: bytes,
    now_ms: int,
    nonces: NonceCache,
) -> None:
    """Refused unless the claim holds for this body; the nonce is spent only by a valid one."""
    if device is None:
        raise Refused(403, "unknown_device")  # another network's device, or never enrolled
    if abs(now_ms - claim.time_ms) > SKEW_MS:
        raise Refused(401, "stale")
    digest = hashlib.sha256(body).hexdigest()
    text = signed_text(
        network_id,
        method=method,
        path=path,
        body_sha256=digest,
        device=claim.device,
        time_ms=claim.time_ms,
        nonce=claim.nonce,
    )
    try:
        Ed25519PublicKey.from_public_bytes(device.ed25519).verify(claim.signature, text)
    except (InvalidSignature, ValueError):
        raise Refused(401, "bad_signature") from None
    if device.revoked:
        raise Refused(403, "revoked")
    if not nonces.admit(claim.device, claim.nonce, now_ms):
        raise Refused(401, "replayed")
