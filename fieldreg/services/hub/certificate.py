"""The hub's TLS certificate: self-signed (there is no public CA in a reception area), on an
ECDSA P-256 key, which every TLS stack takes. Laptops pin its SHA-256 (of the DER certificate)
instead of trusting a CA; the coordinator reads it out or puts it in enrollment answers."""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from fieldreg.core.errors import FieldregError, StoreError, os_error_reason
from fieldreg.crypto.durable_file import write_new_file
from fieldreg.services.paths import ensure_private_dir

CERT_FILE: Final = "hub-cert.pem"
KEY_FILE: Final = "hub-key.pem"
VALID_DAYS: Final = 3 * 365


@dataclass(frozen=True, slots=True)
class HubCertificate:
    cert_path: Path
    key_path: Path
    sha256: str


def fingerprint(der: bytes) -> str:
    return hashlib.sha256(der).hexdigest()


def make_certificate(out_dir: Path, names: list[str], *, now: dt.datetime) -> HubCertificate:
    """A new key and self-signed certificate for `names` (host names or IP addresses), written
    as private files (0600) in `out_dir` (0700); refuses to overwrite."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "fieldreg hub")])
    alternatives: list[x509.GeneralName] = []
    for name in names:
        try:
            alternatives.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            alternatives.append(x509.DNSName(name))
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=VALID_DAYS))
        .add_extension(x509.SubjectAlternativeName(alternatives), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = out_dir / CERT_FILE, out_dir / KEY_FILE
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    try:
        ensure_private_dir(out_dir)
        if cert_path.exists() or key_path.exists():
            raise FieldregError("hub.certificate_exists")
        write_new_file(key_path, key_pem)
        write_new_file(cert_path, certificate.public_bytes(serialization.Encoding.PEM))
    except OSError as exc:
        raise StoreError("hub.certificate_io", reason=os_error_reason(exc)) from None
    der = certificate.public_bytes(serialization.Encoding.DER)
    return HubCertificate(cert_path, key_path, fingerprint(der))


def certificate_fingerprint(cert_path: Path) -> str:
    """The SHA-256 laptops pin, of the PEM certificate file the hub serves."""
    try:
        pem = cert_path.read_bytes()
        certificate = x509.load_pem_x509_certificate(pem)
    except OSError as exc:
        raise StoreError("hub.certificate_io", reason=os_error_reason(exc)) from None
    except ValueError:
        raise FieldregError("hub.certificate_invalid") from None
    return fingerprint(certificate.public_bytes(serialization.Encoding.DER))
