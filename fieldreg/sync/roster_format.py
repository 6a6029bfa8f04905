"""The roster file (coordinator -> one laptop), specified in docs/roster-format.md.

    magic (8) | version (u16 BE) | 2 x (length u32 BE | bytes):
        1. signature: minisign signature file of part 2 by the network's root key; its trusted
                      comment is the header
        2. payload:   age v1 ciphertext, to exactly one X25519 recipient (the laptop's key from its
                      certificate), of the gzip-compressed payload JSON

The container mirrors the bundle's (sync/bundle_format.py), so the standard `minisign` and `age`
tools check and open a roster once `bundle_tools.split_roster_bytes` has split it. What the
payload JSON holds is sync/roster content's business; this module signs, encrypts, compresses
and checks, in the order `read_roster` documents, and returns the bytes only when every check
held.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from fieldreg.core import canonical
from fieldreg.core.dates import ms_text
from fieldreg.core.errors import FieldregError
from fieldreg.crypto.network_keys import private_ed25519
from fieldreg.sync import age_format, container, minisign

MAGIC: Final = b"\x89FRS\r\n\x1a\n"
VERSION: Final = 1
HEADER_FORMAT: Final = "fieldreg-roster"
SIGNATURE_COMMENT: Final = "fieldreg roster signature"  # the untrusted comment, fixed
MAX_SIGNATURE_BYTES: Final = minisign.MAX_FILE_BYTES
MAX_PAYLOAD_BYTES: Final = 64 * 1024 * 1024  # the age ciphertext
MAX_FILE_BYTES: Final = len(MAGIC) + 2 + 8 + MAX_SIGNATURE_BYTES + MAX_PAYLOAD_BYTES
MAX_HEADER_BYTES: Final = minisign.MAX_COMMENT_BYTES
MAX_PLAINTEXT_BYTES: Final = 512 * 1024 * 1024  # the payload JSON, once decompressed
MAX_VERSION: Final = 2**53
MAX_COUNT: Final = 10_000_000
RECIPIENTS: Final = 1
COMPRESSION_LEVEL: Final = 6
_GZIP: Final = 31  # zlib's wbits for a gzip stream: `age -d … | gunzip` reads the payload
_STEP: Final = 1024 * 1024  # bytes decompressed per step while the size is measured
_PARTS: Final = (("signature", MAX_SIGNATURE_BYTES), ("payload", MAX_PAYLOAD_BYTES))
_HASH: Final = re.compile(r"[0-9a-f]{64}")
_NETWORK: Final = re.compile(r"[0-9a-f]{32}")
_HEADER_KEYS: Final = frozenset(
    {"format", "v", "network", "device", "epoch", "version", "base", "created", "expires"}
    | {"payload", "count"}
)


class RosterRejected(FieldregError):
    """A roster that must not be applied; the code says why (`roster.*`)."""


@dataclass(frozen=True, slots=True)
class RosterDraft:
    """What the coordinator says about a roster before it is written (the header without the
    payload's hash, which `seal_roster` computes)."""

    network: str
    device: str  # the receiving laptop
    epoch: int  # of the laptop's certificate
    version: int  # >= 1, increases with every roster written for the network
    base: int  # 0: a full roster; else the version this delta applies on
    created: int  # milliseconds since 1970
    expires: int  # milliseconds since 1970
    count: int  # people in it

    def header(self, payload: str) -> RosterHeader:
        return RosterHeader(
            network=self.network,
            device=self.device,
            epoch=self.epoch,
            version=self.version,
            base=self.base,
            created=self.created,
            expires=self.expires,
            payload=payload,
            count=self.count,
        )


@dataclass(frozen=True, slots=True)
class RosterHeader:
    """What the root key signed about a roster (minisign's trusted comment)."""

    network: str
    device: str
    epoch: int
    version: int
    base: int
    created: int
    expires: int
    payload: str  # SHA-256 of the compressed payload (the age plaintext)
    count: int

    @property
    def is_delta(self) -> bool:
        return self.base > 0

    def text(self) -> str:
        return canonical.dumps(
            {
                "format": HEADER_FORMAT,
                "v": VERSION,
                "network": self.network,
                "device": self.device,
                "epoch": self.epoch,
                "version": self.version,
                "base": self.base,
                "created": self.created,
                "expires": self.expires,
                "payload": self.payload,
                "count": self.count,
            }
        ).decode("ascii")


# --- writing ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Compressed:
    """A payload compressed once, to be sealed for any number of laptops."""

    data: bytes  # gzip of the payload JSON: the age plaintext
    sha256: str
    size: int  # of the payload JSON


def compress(payload_json: bytes) -> Compressed:
    if not payload_json or len(payload_json) > MAX_PLAINTEXT_BYTES:
        raise ValueError("a roster payload is 1 byte to 512 MiB of JSON")
    packer = zlib.compressobj(COMPRESSION_LEVEL, zlib.DEFLATED, _GZIP)
    data = packer.compress(payload_json) + packer.flush()
    if len(data) > MAX_PAYLOAD_BYTES - 64 * 1024:
        raise ValueError("the compressed roster payload is too large")
    return Compressed(data, hashlib.sha256(data).hexdigest(), len(payload_json))


def seal_roster(
    compressed: Compressed,
    draft: RosterDraft,
    *,
    root_private: bytes,
    device_x25519_public: bytes,
) -> bytes:
    """The roster file of a compressed payload for one laptop: encrypted to its key, signed by
    the root key (raw Ed25519 private key, as in the network's sealed secrets)."""
    header = draft.header(compressed.sha256)
    _check_header_values(header)  # the writer keeps what the reader demands
    ciphertext = age_format.encrypt(compressed.data, [device_x25519_public])
    signature = minisign.sign(
        private_ed25519(root_private),
        ciphertext,
        trusted_comment=header.text(),
        untrusted_comment=SIGNATURE_COMMENT,
    )
    return build_container(signature, ciphertext)


def write_roster(
    payload_json: bytes,
    draft: RosterDraft,
    *,
    root_private: bytes,
    device_x25519_public: bytes,
) -> bytes:
    return seal_roster(
        compress(payload_json),
        draft,
        root_private=root_private,
        device_x25519_public=device_x25519_public,
    )


def write_rosters(
    payload_json: bytes,
    targets: Sequence[tuple[RosterDraft, bytes]],
    *,
    root_private: bytes,
) -> list[bytes]:
    """One roster file per (draft, laptop's X25519 public key), the payload compressed once."""
    compressed = compress(payload_json)
    return [
        seal_roster(compressed, draft, root_private=root_private, device_x25519_public=key)
        for draft, key in targets
    ]


def build_container(signature: str, payload: bytes) -> bytes:
    return container.join_parts(MAGIC, VERSION, (signature.encode("utf-8"), payload))


# --- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Container:
    signature: bytes
    payload: bytes


def parse_container(untrusted: bytes) -> Container:
    return Container(
        *container.split_parts(
            untrusted,
            kind="roster",
            magic=MAGIC,
            version=VERSION,
            parts=_PARTS,
            max_bytes=MAX_FILE_BYTES,
            refuse=RosterRejected,
        )
    )


def parse_signature(untrusted: bytes) -> minisign.Signature:
    try:
        signature = minisign.parse(untrusted)
    except FieldregError as exc:
        raise RosterRejected("roster.signature_format", **exc.params) from None
    if signature.untrusted_comment != SIGNATURE_COMMENT:
        raise RosterRejected("roster.signature_format", part="untrusted_comment")
    return signature


def _int(raw: dict[str, Any], key: str, low: int, high: int) -> int:
    return container.header_int(raw, key, low, high, kind="roster", refuse=RosterRejected)


def _match(raw: dict[str, Any], key: str, pattern: re.Pattern[str]) -> str:
    return container.header_text(raw, key, pattern, kind="roster", refuse=RosterRejected)


def parse_header(untrusted: str) -> RosterHeader:
    """The header from a trusted comment: canonical JSON, exactly the known keys, each in range."""
    encoded = untrusted.encode("utf-8")
    if len(encoded) > MAX_HEADER_BYTES:
        raise RosterRejected("roster.header_invalid", key="size")
    try:
        raw = canonical.loads(encoded, max_bytes=MAX_HEADER_BYTES)
    except FieldregError:
        raise RosterRejected("roster.header_invalid", key="json") from None
    if not isinstance(raw, dict) or canonical.dumps(raw) != encoded:
        raise RosterRejected("roster.header_invalid", key="json")
    if raw.get("format") != HEADER_FORMAT:
        raise RosterRejected("roster.header_invalid", key="format")
    if raw.get("v") != VERSION or type(raw.get("v")) is not int:
        raise RosterRejected("roster.unknown_version", version=str(raw.get("v"))[:8])
    if set(raw) != _HEADER_KEYS:
        raise RosterRejected("roster.header_invalid", key="keys")
    header = RosterHeader(
        network=_match(raw, "network", _NETWORK),
        device=_match(raw, "device", _HASH),
        epoch=_int(raw, "epoch", 1, 2**31),
        version=_int(raw, "version", 1, MAX_VERSION),
        base=_int(raw, "base", 0, MAX_VERSION),
        created=_int(raw, "created", 0, 2**62),
        expires=_int(raw, "expires", 0, 2**62),
        payload=_match(raw, "payload", _HASH),
        count=_int(raw, "count", 0, MAX_COUNT),
    )
    _check_header_values(header)
    return header


def _check_header_values(header: RosterHeader) -> None:
    """What the keys must say of one another: a delta's base is older than it, a roster expires
    after it was made."""
    if not 0 <= header.base < header.version:
        raise RosterRejected("roster.header_invalid", key="base")
    if header.expires <= header.created:
        raise RosterRejected("roster.header_invalid", key="expires")
    if len(header.text()) > MAX_HEADER_BYTES:
        raise RosterRejected("roster.header_invalid", key="size")


def read_roster_header(raw: bytes) -> RosterHeader:
    """The header of a roster, read without any key (for `roster show`): the signature is not
    checked here, so nothing it says is to be acted on."""
    container = parse_container(raw)
    return parse_header(parse_signature(container.signature).trusted_comment)


def expiry_text(expires: int) -> str:
    """An expiry as a person reads it, in UTC: "09.12.2026 14:00 UTC"."""
    return ms_text(expires, dt.UTC)


def read_roster(
    raw: bytes,
    *,
    network_id: str,
    root_public: bytes,
    device_id: str,
    epoch: int,
    x25519_private: bytes,
    applied_version: int,
    now_ms: int,
) -> tuple[RosterHeader, bytes]:
    """The header and the payload JSON of a roster for this laptop, once every check held, in
    this order: size -> container -> signature file -> header -> network -> device and its
    certificate's epoch -> root key's signature -> version (rollback, a delta's base) -> expiry
    -> age header and decryption -> payload hash -> bounded decompression. Raises RosterRejected."""
    container = parse_container(raw)
    signature = parse_signature(container.signature)
    header = parse_header(signature.trusted_comment)
    if header.network != network_id:
        raise RosterRejected("roster.other_network")
    if header.device != device_id:
        raise RosterRejected("roster.other_device")
    if header.epoch != epoch:
        raise RosterRejected("roster.other_epoch", epoch=header.epoch, ours=epoch)
    try:
        minisign.verify(signature, container.payload, root_public)
    except FieldregError:
        raise RosterRejected("roster.bad_signature") from None
    if header.version <= applied_version:
        raise RosterRejected("roster.rollback", version=header.version, applied=applied_version)
    if header.is_delta and header.base != applied_version:
        raise RosterRejected("roster.delta_base", base=header.base, applied=applied_version)
    if now_ms >= header.expires:
        raise RosterRejected("roster.expired", expired=expiry_text(header.expires))
    compressed = _decrypt(container.payload, x25519_private)
    if hashlib.sha256(compressed).hexdigest() != header.payload:
        raise RosterRejected("roster.payload_mismatch")
    return header, decompress(compressed)


def _decrypt(ciphertext: bytes, identity: bytes) -> bytes:
    try:
        age = age_format.parse_header(ciphertext)
        age_format.check_recipients(age, RECIPIENTS)
        file_key = age_format.unwrap_file_key(age, identity)
    except FieldregError as exc:
        raise RosterRejected("roster.age_header", reason=exc.params.get("reason", "")) from None
    if file_key is None:
        raise RosterRejected("roster.not_for_us")
    try:
        return age_format.decrypt(ciphertext, identity)
    except FieldregError:
        raise RosterRejected("roster.decrypt_failed") from None


def decompress(untrusted: bytes, limit: int = MAX_PLAINTEXT_BYTES) -> bytes:
    """The payload JSON of a gzip stream: exactly one member and nothing after it, at most
    `limit` bytes. gzip's trailer states the size (mod 2**32; every payload within the limit is
    below that): a stream stating at most `limit` is unpacked in one pass that stops one byte
    past what it states, so it costs no more memory than it states. One stating more, or whose
    statement is a lie, is measured in 1 MiB steps whose output is dropped, so a bomb is refused
    having cost about 1 MiB of memory, never `limit`."""
    stated = int.from_bytes(untrusted[-4:], "little") if len(untrusted) >= 4 else 0
    if stated <= limit:
        unpacker = zlib.decompressobj(_GZIP)
        try:
            plain = unpacker.decompress(untrusted, stated + 1)
        except zlib.error:
            raise RosterRejected("roster.payload_invalid", reason="compression") from None
        if len(plain) <= stated:
            _check_end(unpacker, len(plain))
            return plain
    _measure(untrusted, limit)  # raises: too large, or not what its trailer says
    raise RosterRejected("roster.payload_invalid", reason="compression")


def _measure(untrusted: bytes, limit: int) -> None:
    """Unpack in steps, dropping the output; raise as soon as the size passes `limit`, or at
    the end if the stream is damaged."""
    unpacker = zlib.decompressobj(_GZIP)
    produced = 0
    pending = untrusted
    try:
        while not unpacker.eof:
            step = len(unpacker.decompress(pending, _STEP))
            produced += step
            if produced > limit:
                raise RosterRejected("roster.payload_too_large", max=limit)
            pending = unpacker.unconsumed_tail
            if not step and not pending:
                break  # the input ended before the stream did
    except zlib.error:
        raise RosterRejected("roster.payload_invalid", reason="compression") from None
    _check_end(unpacker, produced)


def _check_end(unpacker: Any, produced: int) -> None:
    if not unpacker.eof:
        raise RosterRejected("roster.payload_invalid", reason="compression")
    if unpacker.unused_data:
        raise RosterRejected("roster.payload_invalid", reason="trailing")
    if produced == 0:
        raise RosterRejected("roster.payload_invalid", reason="empty")
