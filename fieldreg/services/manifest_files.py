"""Manifest files of a transport: PDF (drawn with Qt through printing.qt_renderer) or CSV (the
reports' CSV writer), in English, Ukrainian or Russian, optionally age-encrypted, written whole
or not at all exactly as exports are (`services.exports`). Every manifest holds personal data:
the front ends show `NOTICE` before calling `write_manifest`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Final

from fieldreg.reports.manifest import (
    Language,
    Manifest,
    ManifestInput,
    ManifestPassenger,
    build_manifest,
    document_of,
    manifest_csv,
    names_of,
)
from fieldreg.services import exports
from fieldreg.services.session import Session

NOTICE: Final = (
    "This manifest holds the personal data of {people}. Hand it only to the parties it "
    "names, encrypted where you can, and delete copies that have served."
)


class ManifestFormat(StrEnum):
    PDF = "pdf"
    CSV = "csv"


@dataclass(frozen=True, slots=True)
class ManifestFile:
    content: bytes
    manifest: Manifest
    encrypted: bool

    @property
    def people(self) -> int:
        return len(self.manifest.rows)


def manifest_input(session: Session, transport_id: str) -> ManifestInput:
    """Everything the manifest shows, read from the store: the passengers' records, their
    households' other members and where those travel."""
    transports = session.transports()
    view = transports.get(transport_id)
    others = [t for t in transports.all() if t.transport_id != view.transport_id]
    elsewhere: dict[str, list[str]] = {}
    for other in others:
        for passenger in other.passengers:
            elsewhere.setdefault(passenger.person_id, []).append(other.name)
    passengers = []
    households: dict[str, list[str]] = {}
    for passenger, fields in transports.passenger_records(view):
        passengers.append(
            ManifestPassenger(
                person_id=passenger.person_id,
                fields=fields,
                seat=passenger.seat,
                boarded=passenger.boarded is not None,
                assistance=passenger.assistance,
                escort=passenger.escort,
            )
        )
        household = fields.get("household_id")
        if isinstance(household, str) and household not in households:
            households[household] = sorted(session.people.household_members(household))
    names = {}
    for listed in passengers:
        escort = listed.escort
        if escort and escort not in {p.person_id for p in passengers}:
            summary = session.people.summary(escort)
            names[escort] = names_of(summary)[0] if summary else ""
    return ManifestInput(
        transport_id=view.transport_id,
        transport=view.fields,
        version=view.version,
        changed=view.changed,
        passengers=passengers,
        households=households,
        elsewhere=elsewhere,
        names=names,
    )


def manifest_of(session: Session, transport_id: str, language: Language) -> Manifest:
    return build_manifest(
        manifest_input(session, transport_id), language=language, today=session.today()
    )


def render_pdf(manifest: Manifest) -> bytes:
    from fieldreg.printing.qt_renderer import QtLabelRenderer, table_pdf  # Qt only for a PDF

    with QtLabelRenderer():
        return table_pdf(document_of(manifest))


def build_manifest_file(
    session: Session,
    transport_id: str,
    form: ManifestFormat,
    *,
    language: Language = "en",
    encryption: exports.Encryption | None = None,
) -> ManifestFile:
    manifest = manifest_of(session, transport_id, language)
    content = render_pdf(manifest) if form is ManifestFormat.PDF else manifest_csv(manifest)
    if encryption is not None:
        content = exports.encrypted(content, encryption)
    return ManifestFile(content, manifest, encryption is not None)


def write_manifest(path: Path, content: bytes) -> None:
    """Written whole or not at all, 0600, never over a link (as every export)."""
    exports.write_export(path, content)
