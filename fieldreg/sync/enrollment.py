"""Network keys and enrollment, without storage: the coordinator's network (root signing key,
bundle recipient key, escrow key), a laptop's enrollment request, the device certificate the
coordinator signs, the answer the laptop imports, and revocations.

The root key signs certificates, answers and revocations, and nothing else; with the escrow key it
is kept wrapped under the network passphrase (Argon2id + AES-256-GCM) because it is used rarely.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from typing import Any, Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldreg.core import canonical, ids
from fieldreg.core.errors import AuthError, FieldregError, TamperError, ValidationError
from fieldreg.core.validation import clean_text
from fieldreg.crypto.encoding import b64encode, b64url, strict_b64decode
from fieldreg.crypto.kdf import KdfParams, derive
from fieldreg.crypto.network_keys import (
    DeviceKeys,
    NetworkInfo,
    ed25519_public,
    private_ed25519,
    x25519_public,
)
from fieldreg.sync import tokens
from fieldreg.sync.tokens import exact_keys, field, key_field

FORMAT: Final = 1
NAME_MAX: Final = 60
ENROLLED_PREFIX_MAX: Final = 4
DEVICE_ID: Final = re.compile(r"[0-9a-f]{64}")
NETWORK_ID: Final = re.compile(r"[0-9a-f]{32}")
HUB_ADDRESS: Final = re.compile(r"[!-~]{1,253}:[0-9]{1,5}")
SHA256: Final = re.compile(r"[0-9a-f]{64}")
_WRAP_AAD: Final = b"fieldreg network secrets v1"


@dataclass(frozen=True, slots=True)
class NetworkSecrets:
    root: bytes  # Ed25519 private key
    recipient: bytes  # X25519 private key: opens bundles
    escrow: bytes  # X25519 private key: opens laptops' escrow slots (and bundles)


def new_network() -> tuple[NetworkInfo, NetworkSecrets]:
    secrets = NetworkSecrets(
        root=Ed25519PrivateKey.generate().private_bytes_raw(),
        recipient=X25519PrivateKey.generate().private_bytes_raw(),
        escrow=X25519PrivateKey.generate().private_bytes_raw(),
    )
    info = NetworkInfo(
        network_id=os.urandom(16).hex(),
        root_public=ed25519_public(secrets.root),
        recipient_public=x25519_public(secrets.recipient),
        escrow_public=x25519_public(secrets.escrow),
    )
    return info, secrets


def wrap_rare_secrets(secrets: NetworkSecrets, passphrase: str, kdf: KdfParams) -> dict[str, Any]:
    """The root and escrow keys under the network passphrase (to be sealed in the store too)."""
    key = derive(passphrase, kdf)
    nonce = os.urandom(12)
    plain = canonical.dumps({"root": b64encode(secrets.root), "escrow": b64encode(secrets.escrow)})
    return {
        "kdf": kdf.to_json(),
        "nonce": b64encode(nonce),
        "ciphertext": b64encode(AESGCM(key).encrypt(nonce, plain, _WRAP_AAD)),
    }


def unwrap_rare_secrets(wrapped: dict[str, Any], passphrase: str) -> tuple[bytes, bytes]:
    """(root private key, escrow private key); AuthError if the passphrase is wrong."""
    params = KdfParams.from_json(wrapped.get("kdf"))
    nonce = strict_b64decode(wrapped.get("nonce"), 12)
    ciphertext = strict_b64decode(wrapped.get("ciphertext"), 4096)
    if nonce is None or ciphertext is None:
        raise TamperError("sync.network_corrupt")
    try:
        key = derive(passphrase, params)
    except ValidationError:
        raise AuthError("sync.wrong_network_passphrase") from None
    try:
        plain = AESGCM(key).decrypt(nonce, ciphertext, _WRAP_AAD)
    except InvalidTag:
        raise AuthError("sync.wrong_network_passphrase") from None
    opened = canonical.loads(plain)
    root = strict_b64decode(opened.get("root"), 32)
    escrow = strict_b64decode(opened.get("escrow"), 32)
    if root is None or escrow is None:
        raise TamperError("sync.network_corrupt")
    return root, escrow


def clean_name(untrusted: str) -> str:
    return clean_text("point", untrusted, max_len=NAME_MAX, required=True)


def enrolled_prefix(untrusted: str) -> str:
    """A prefix the coordinator may assign: 2-4 Crockford symbols, never provisional."""
    try:
        prefix = ids.validate_prefix(untrusted.strip().upper())
    except (ValueError, TypeError):
        raise ValidationError("prefix", "validation.prefix") from None
    if len(prefix) > ENROLLED_PREFIX_MAX or ids.is_provisional_prefix(prefix):
        raise ValidationError("prefix", "enroll.prefix_form", max=ENROLLED_PREFIX_MAX)
    return prefix


# --- request (laptop -> coordinator) ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Request:
    device_id: str
    name: str
    prefix: str  # the prefix the laptop used so far (provisional, or assigned by an earlier cert)
    ed25519: bytes
    x25519: bytes
    created: int
    text: str

    def digest(self) -> str:
        return hashlib.sha256(self.text.encode("ascii")).hexdigest()


def make_request(device_id: str, name: str, prefix: str, keys: DeviceKeys, created: int) -> str:
    body = {
        "v": FORMAT,
        "device": device_id,
        "name": clean_name(name),
        "prefix": prefix,
        "ed25519": b64url(keys.signing_public),
        "x25519": b64url(keys.exchange_public),
        "created": created,
    }
    return tokens.sign(tokens.REQUEST, body, keys.signer())


def parse_request(untrusted: str | bytes) -> Request:
    """A request whose self-signature holds (the laptop has the private key it asks to enroll)."""
    code = "enroll.request_invalid"
    token = tokens.parse(untrusted, tokens.REQUEST, code)
    body = token.body
    exact_keys(body, {"v", "device", "name", "prefix", "ed25519", "x25519", "created"}, code)
    if field(body, "v", int, code) != FORMAT:
        raise FieldregError("enroll.unknown_version")
    device_id = field(body, "device", str, code)
    if not DEVICE_ID.fullmatch(device_id):
        raise FieldregError(code, part="device")
    name = field(body, "name", str, code)
    try:
        name_ok = clean_name(name) == name
    except ValidationError:
        name_ok = False
    if not name_ok:
        raise FieldregError(code, part="name")
    prefix = field(body, "prefix", str, code)
    try:
        prefix_ok = ids.validate_prefix(prefix) == prefix
    except ValueError:
        prefix_ok = False
    if not prefix_ok:
        raise FieldregError(code, part="prefix")
    created = field(body, "created", int, code)
    request = Request(
        device_id=device_id,
        name=name,
        prefix=prefix,
        ed25519=key_field(body, "ed25519", code),
        x25519=key_field(body, "x25519", code),
        created=created,
        text=token.text,
    )
    token.verify(request.ed25519, code)
    return request


# --- certificate (coordinator -> laptop, and inside every bundle) -----------------------------


@dataclass(frozen=True, slots=True)
class Certificate:
    network_id: str
    device_id: str
    epoch: int
    name: str
    prefix: str
    prefixes: tuple[str, ...]  # every prefix whose ids this device may create
    ed25519: bytes
    x25519: bytes
    issued: int
    text: str


def issue_certificate(
    request: Request,
    network: NetworkInfo,
    root: bytes,
    *,
    prefix: str,
    epoch: int,
    issued: int,
) -> str:
    prefixes = sorted({prefix, request.prefix})
    body = {
        "v": FORMAT,
        "network": network.network_id,
        "device": request.device_id,
        "epoch": epoch,
        "name": request.name,
        "prefix": prefix,
        "prefixes": prefixes,
        "ed25519": b64url(request.ed25519),
        "x25519": b64url(request.x25519),
        "issued": issued,
    }
    return tokens.sign(tokens.CERTIFICATE, body, private_ed25519(root))


def parse_certificate(untrusted: str | bytes, root_public: bytes) -> Certificate:
    """A certificate signed by the network's root key; FieldregError("sync.certificate_invalid")."""
    code = "sync.certificate_invalid"
    token = tokens.parse(untrusted, tokens.CERTIFICATE, code)
    token.verify(root_public, code)
    body = token.body
    keys = {"v", "network", "device", "epoch", "name", "prefix", "prefixes", "ed25519", "x25519"}
    exact_keys(body, keys | {"issued"}, code)
    if field(body, "v", int, code) != FORMAT:
        raise FieldregError(code, part="v")
    prefixes = field(body, "prefixes", list, code)
    prefix = field(body, "prefix", str, code)
    if not 1 <= len(prefixes) <= 8 or prefix not in prefixes:
        raise FieldregError(code, part="prefixes")
    for item in prefixes:
        try:
            canonical = ids.validate_prefix(item) if isinstance(item, str) else None
        except ValueError:
            canonical = None
        if canonical != item:
            raise FieldregError(code, part="prefixes")
    epoch = field(body, "epoch", int, code)
    if epoch < 1:
        raise FieldregError(code, part="epoch")
    return Certificate(
        network_id=field(body, "network", str, code),
        device_id=field(body, "device", str, code),
        epoch=epoch,
        name=field(body, "name", str, code),
        prefix=prefix,
        prefixes=tuple(prefixes),
        ed25519=key_field(body, "ed25519", code),
        x25519=key_field(body, "x25519", code),
        issued=field(body, "issued", int, code),
        text=token.text,
    )


# --- answer (coordinator -> laptop) -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HubPin:
    """Where the network's hub listens and the SHA-256 of its TLS certificate (DER), which the
    laptop pins instead of trusting a CA (docs/hub.md)."""

    address: str
    sha256: str

    def to_body(self) -> dict[str, str]:
        return {"address": self.address, "sha256": self.sha256}


@dataclass(frozen=True, slots=True)
class Answer:
    network: NetworkInfo
    certificate: Certificate
    request_digest: str
    hub: HubPin | None = None  # answers made before the hub, or without one, carry none


def make_answer(
    network: NetworkInfo,
    certificate: str,
    request: Request,
    root: bytes,
    hub: HubPin | None = None,
) -> str:
    body: dict[str, Any] = {
        "v": FORMAT,
        "network": network.to_body(),
        "certificate": certificate,
        "request": request.digest(),
    }
    if hub is not None:
        body["hub"] = check_hub(hub.to_body(), "enroll.answer_invalid").to_body()
    return tokens.sign(tokens.ANSWER, body, private_ed25519(root))


def check_hub(untrusted: object, code: str) -> HubPin:
    """A hub address (HOST:PORT, printable ASCII) and a certificate SHA-256 (64 hex digits)."""
    if not isinstance(untrusted, dict):
        raise FieldregError(code, part="hub")
    exact_keys(untrusted, {"address", "sha256"}, code)
    address = field(untrusted, "address", str, code)
    sha256 = field(untrusted, "sha256", str, code)
    if not HUB_ADDRESS.fullmatch(address) or not SHA256.fullmatch(sha256):
        raise FieldregError(code, part="hub")
    return HubPin(address, sha256)


def parse_answer(untrusted: str | bytes) -> Answer:
    """An answer signed by the root key it carries, whose certificate that key signed too.
    Whether that root key is the right one, the volunteer checks by its fingerprint."""
    code = "enroll.answer_invalid"
    token = tokens.parse(untrusted, tokens.ANSWER, code)
    body = token.body
    keys = {"v", "network", "certificate", "request"}
    exact_keys(body, keys | {"hub"} if "hub" in body else keys, code)
    if field(body, "v", int, code) != FORMAT:
        raise FieldregError("enroll.unknown_version")
    raw = field(body, "network", dict, code)
    exact_keys(raw, {"id", "root", "recipient", "escrow"}, code)
    network_id = field(raw, "id", str, code)
    if not NETWORK_ID.fullmatch(network_id):
        raise FieldregError(code, part="id")
    network = NetworkInfo(
        network_id=network_id,
        root_public=key_field(raw, "root", code),
        recipient_public=key_field(raw, "recipient", code),
        escrow_public=key_field(raw, "escrow", code),
    )
    token.verify(network.root_public, code)
    certificate = parse_certificate(field(body, "certificate", str, code), network.root_public)
    if certificate.network_id != network.network_id:
        raise FieldregError(code, part="certificate")
    hub = check_hub(body["hub"], code) if "hub" in body else None
    return Answer(network, certificate, field(body, "request", str, code), hub)


# --- revocation (kept by the coordinator; later carried in rosters) ---------------------------


def make_revocation(
    network: NetworkInfo, device_id: str, up_to: int, revoked: int, root: bytes
) -> str:
    body = {
        "v": FORMAT,
        "network": network.network_id,
        "device": device_id,
        "up_to": up_to,
        "revoked": revoked,
    }
    return tokens.sign(tokens.REVOCATION, body, private_ed25519(root))
