"""Looking at a bundle without decrypting it, and splitting a bundle or a roster into the files the
standard tools read: `payload.age` (for `age -d`), `payload.age.minisig` (for `minisign -V`), the
signer's minisign public key (the device's for a bundle, with its certificate; the network's root
key for a roster) and a README with the commands."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fieldreg.core.errors import FieldregError
from fieldreg.crypto.durable_file import fsync_dir, write_new_file
from fieldreg.sync import age_format, bundle_format, minisign, roster_format, tokens
from fieldreg.sync.bundle_format import Header
from fieldreg.sync.enrollment import Certificate, parse_certificate
from fieldreg.sync.tokens import key_field

PAYLOAD = "payload.age"
SIGNATURE = "payload.age.minisig"
PUBLIC_KEY = "device.pub"
CERTIFICATE = "certificate.txt"
ROOT_KEY = "network.pub"
README = "README.txt"


@dataclass(slots=True)
class Inspection:
    size: int
    header: Header | None = None
    device_key: bytes | None = None  # the Ed25519 key the certificate names
    certificate: Certificate | None = None  # set only when checked against a root key
    certificate_ok: bool | None = None  # None: no root key to check it with
    signature_ok: bool | None = None
    recipients: int | None = None  # X25519 stanzas in the age header
    problems: list[FieldregError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.signature_ok) and self.certificate_ok is not False


def inspect_bytes(untrusted: bytes, root_public: bytes | None) -> Inspection:
    """Everything that can be said about a bundle without its payload key."""
    report = Inspection(size=len(untrusted))
    try:
        container = bundle_format.parse_container(untrusted)
        signature = minisign.parse(container.signature)
        report.header = bundle_format.parse_header(signature.trusted_comment)
        token = tokens.parse(container.certificate, tokens.CERTIFICATE, "sync.certificate_invalid")
        report.device_key = key_field(token.body, "ed25519", "sync.certificate_invalid")
    except FieldregError as exc:
        report.problems.append(exc)
        return report
    if root_public is not None:
        try:
            report.certificate = parse_certificate(token.text, root_public)
            if report.certificate.device_id != report.header.device:
                raise FieldregError("bundle.unknown_device")
            report.certificate_ok = True
        except FieldregError as exc:
            report.certificate_ok = False
            report.problems.append(exc)
    try:
        minisign.verify(signature, container.payload, report.device_key)
        report.signature_ok = True
    except FieldregError as exc:
        report.signature_ok = False
        report.problems.append(exc)
    try:
        age = age_format.parse_header(container.payload)
        report.recipients = len(age.x25519())
    except FieldregError as exc:
        report.problems.append(exc)
    return report


def split_bytes(untrusted: bytes, out_dir: Path) -> list[Path]:
    """Write the parts for `age` and `minisign` into `out_dir` (new files only, 0600)."""
    container = bundle_format.parse_container(untrusted)
    minisign.parse(container.signature)
    token = tokens.parse(container.certificate, tokens.CERTIFICATE, "sync.certificate_invalid")
    device_key = key_field(token.body, "ed25519", "sync.certificate_invalid")
    files = {
        PAYLOAD: container.payload,
        SIGNATURE: container.signature,
        PUBLIC_KEY: minisign.public_key_file(device_key).encode("ascii"),
        CERTIFICATE: container.certificate + b"\n",
        README: _readme(minisign.public_key_base64(device_key)).encode("utf-8"),
    }
    return _write_parts(files, out_dir)


def split_roster_bytes(untrusted: bytes, out_dir: Path, root_public: bytes) -> list[Path]:
    """A roster's parts for `minisign` (with the network's root key, which a roster does not
    carry: the laptop pinned it at enrollment) and `age`, in `out_dir` (new files only, 0600)."""
    container = roster_format.parse_container(untrusted)
    roster_format.parse_signature(container.signature)
    files = {
        PAYLOAD: container.payload,
        SIGNATURE: container.signature,
        ROOT_KEY: minisign.public_key_file(root_public).encode("ascii"),
        README: _roster_readme(minisign.public_key_base64(root_public)).encode("utf-8"),
    }
    return _write_parts(files, out_dir)


def _write_parts(files: dict[str, bytes], out_dir: Path) -> list[Path]:
    out_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    written = []
    for name, data in files.items():
        path = out_dir / name
        try:
            write_new_file(path, data)
        except FileExistsError:
            raise FieldregError("sync.file_exists") from None
        written.append(path)
    fsync_dir(out_dir)
    return written


def _readme(public_key: str) -> str:
    return f"""A fieldreg bundle, split for the standard tools (see docs/bundle-format.md).

{PAYLOAD}          the events, encrypted in the age v1 format to the coordinator and escrow keys
{SIGNATURE}  the device's minisign signature of {PAYLOAD}; its trusted comment
                     is the bundle header (device, epoch, sequence range, head hash, count)
{PUBLIC_KEY}           the device's minisign public key, taken from the certificate
{CERTIFICATE}      the device certificate; `fieldreg bundle inspect` checks it against the
                     network's root key (the minisign check alone does not)

Check the signature (prints the trusted comment, i.e. the header):

    minisign -Vm {PAYLOAD} -p {PUBLIC_KEY}
    minisign -Vm {PAYLOAD} -P {public_key}

Decrypt (the coordinator's identity: `fieldreg network identity --out coordinator.key`):

    age -d -i coordinator.key -o payload.json {PAYLOAD}

payload.json holds personal data: keep it on the coordinator's encrypted disk and delete it after.
"""


def _roster_readme(public_key: str) -> str:
    return f"""A fieldreg roster, split for the standard tools (see docs/roster-format.md).

{PAYLOAD}          the roster's people, gzip-compressed, encrypted in the age v1 format to
                     one laptop's key
{SIGNATURE}  the network root key's minisign signature of {PAYLOAD}; its trusted
                     comment is the roster header (network, device, version, base, expiry)
{ROOT_KEY}          the network's root key as a minisign public key (compare it with the
                     fingerprint the coordinator reads aloud at enrollment)

Check the signature (prints the trusted comment, i.e. the header):

    minisign -Vm {PAYLOAD} -p {ROOT_KEY}
    minisign -Vm {PAYLOAD} -P {public_key}

Decrypt with the laptop's own key and unpack:

    age -d -i laptop.key {PAYLOAD} | gunzip > roster.json

roster.json holds personal data: keep it on an encrypted disk and delete it after.
"""
