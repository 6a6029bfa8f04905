"""Exports of people for the coordinator: CSV, XLSX and PFIF 1.4 files, optionally age-encrypted,
written whole or not at all; the dashboard's figures; PFIF lists read from outside.

Every file here holds personal data: the front ends say so (`PERSONAL_DATA_NOTICE`) before
calling `write_export`. The file is built in memory, encrypted there if asked, then written to a
temporary name in the target folder (0600), made durable and renamed: no copy is left in a
temporary folder and a failed export leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Final

import pyrage

from fieldreg.core.bulk import without_cycle_collection
from fieldreg.core.entities import STATUS_FIELDS, FieldValue, PersonFields
from fieldreg.core.errors import FieldregError, ValidationError
from fieldreg.reports import pfif, table_files
from fieldreg.reports.figures import Figures, figures
from fieldreg.reports.people_table import (
    COLUMNS,
    DEFAULT_COLUMNS,
    PeopleFilter,
    PersonRecord,
    checked_columns,
    needs_details,
    rows,
)
from fieldreg.services import enrollment_service, retention
from fieldreg.services.outside_files import read_outside_file, write_outside_file
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository
from fieldreg.services.views import hlc_time
from fieldreg.store import status_events
from fieldreg.store.details import read_details
from fieldreg.sync import age_format, age_keys

__all__ = [
    "COLUMNS",
    "DEFAULT_COLUMNS",
    "Encryption",
    "Export",
    "ExportFormat",
    "ExportRequest",
    "Figures",
    "PeopleFilter",
    "PersonRecord",
    "build_export",
    "checked_columns",
    "dashboard_figures",
    "export_people",
    "people_records",
    "pfif_content",
    "pfif_person",
    "read_pfif_list",
    "status_changes",
    "write_export",
]

# No retention setting exists yet: PFIF records expire this many days after the export.
PFIF_EXPIRY_DAYS: Final = 365
PFIF_DOMAIN_SUFFIX: Final = ".fieldreg.invalid"
MIN_EXPORT_PASSPHRASE: Final = 12
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_DOMAIN = re.compile(rf"{_LABEL}(?:\.{_LABEL})*")


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    PFIF = "pfif"


@dataclass(frozen=True, slots=True)
class Encryption:
    """age v1 to a passphrase (scrypt) or to X25519 recipients ("age1..."), not both."""

    passphrase: str | None = None
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ExportRequest:
    format: ExportFormat
    columns: tuple[str, ...] = DEFAULT_COLUMNS
    filter: PeopleFilter = field(default_factory=PeopleFilter)
    encryption: Encryption | None = None
    domain: str | None = None  # PFIF record ids; None: derived from the network (see below)
    # PFIF records expire this many days after the export; None: the network's retention
    # period if one is set (fieldreg retention days), else PFIF_EXPIRY_DAYS.
    expiry_days: int | None = None
    transport: str | None = None  # only the passengers of this transport (its ID)


@dataclass(frozen=True, slots=True)
class Export:
    """An export built in memory, not yet written."""

    content: bytes
    people: int
    encrypted: bool


# --- reading the people -------------------------------------------------------------------------


def point_names(session: Session) -> dict[str, str]:
    """ID prefix -> the reception point's name: this laptop's, and on a coordinator every
    enrolled device's."""
    names = {session.prefix: session.point_name() or session.prefix}
    try:
        for device in enrollment_service.devices(session):
            names.setdefault(device.prefix, device.name or device.prefix)
    except FieldregError as exc:
        if exc.code != "sync.not_coordinator":
            raise
    return names


def people_records(
    session: Session, *, details: bool, progress: Callable[[int, int], None] | None = None
) -> list[PersonRecord]:
    """Everyone here, by ID; with `details`, each one's sealed details opened too."""
    opened: dict[str, PersonFields] = {}
    if details:
        with sync_repository(session) as repo, repo.reading():
            opened = read_details(repo, progress)
    names = point_names(session)
    created = session.registered_times()
    records = []
    for person_id, summary in sorted(session.people.summaries().items()):
        fields: Mapping[str, FieldValue] = (
            {**summary, **opened.get(person_id, {})} if details else summary
        )
        clock = created.get(person_id)
        prefix = person_id.split("-", 1)[0]
        records.append(
            PersonRecord(
                person_id=person_id,
                fields=fields,
                registered=hlc_time(clock) if clock else None,
                point=names.get(prefix, prefix),
            )
        )
    return records


def dashboard_figures(session: Session) -> Figures:
    """The counts the dashboard draws and `fieldreg stats --json` prints."""
    return figures(people_records(session, details=False))


# --- building the file --------------------------------------------------------------------------


def default_domain(session: Session) -> str:
    """The network's PFIF domain: its id under a reserved top-level domain, until the network
    is given a real one (`--domain`)."""
    network_id = enrollment_service.network_status(session).network_id
    label = re.sub(r"[^a-z0-9-]+", "-", network_id.lower()).strip("-")[:40] or "local"
    return f"{label}{PFIF_DOMAIN_SUFFIX}"


def checked_domain(untrusted: str) -> str:
    domain = untrusted.strip().lower()
    if len(domain) > 253 or not _DOMAIN.fullmatch(domain):
        raise ValidationError("domain", "export.bad_domain")
    return domain


def _full_name(fields: Mapping[str, FieldValue], *names: str) -> str:
    return " ".join([v for n in names if isinstance(v := fields.get(n), str) and v])


_PFIF_DOB = re.compile(r"\d{4}(-\d{2}-\d{2})?")
_PFIF_COUNTRY = re.compile(r"[A-Za-z]{2}")


def _pfif_dob(value: FieldValue) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.lstrip("~")
    return value if _PFIF_DOB.fullmatch(value) else None


class _PfifPeople:
    """Turns registered people into PFIF person records for one export: what every record of
    the export shares (domain, author, its moment and expiry) is worked out once."""

    def __init__(self, *, domain: str, author: str, now: dt.datetime, expiry_days: int) -> None:
        self._domain = domain
        self._author = author
        self._now = now
        self._expiry = now + dt.timedelta(days=expiry_days)

    def person(
        self,
        record: PersonRecord,
        status_changes: Sequence[tuple[dt.datetime, PersonFields]],
    ) -> pfif.PfifPerson:
        fields = record.fields
        domain, author, now = self._domain, self._author, self._now
        record_id = f"{domain}/{record.person_id}"
        notes = []
        if status_changes:
            note_id = f"{record_id}.status."
            point = record.point
            note = pfif.PfifNote
            for number, (when, change) in enumerate(status_changes, start=1):
                get_change = change.get
                status = get_change("status")
                where = get_change("status_location") or point
                transport = get_change("status_transport")
                text = f"Status: {status}" if isinstance(status, str) else "Status recorded"
                if isinstance(transport, str) and transport:
                    text += f"; transport: {transport}"
                notes.append(
                    note(
                        f"{note_id}{number}",
                        author,
                        when,
                        text,
                        now,
                        "believed_alive",
                        True,
                        where if isinstance(where, str) else None,
                    )
                )
        get = fields.get
        sex = get("sex")
        country = get("origin_country")
        family = _full_name(fields, "family_name")
        given = _full_name(fields, "given_name", "patronymic")
        latin = _full_name(fields, "latin_given_name", "latin_patronymic", "latin_family_name")
        return pfif.PfifPerson(
            person_record_id=record_id,
            source_date=record.registered or now,
            full_name=" ".join([n for n in (family, given) if n]) or "?",
            entry_date=now,
            expiry_date=self._expiry,
            author_name=author,
            source_name=domain,
            given_name=given or None,
            family_name=family or None,
            alternate_names=latin or None,
            sex=sex if sex in pfif.SEXES else None,
            date_of_birth=_pfif_dob(get("dob")),
            home_city=get("origin_settlement") or None,  # type: ignore[arg-type]
            home_state=get("origin_region") or None,  # type: ignore[arg-type]
            home_country=country.upper()
            if isinstance(country, str) and _PFIF_COUNTRY.fullmatch(country)
            else None,
            notes=tuple(notes),
        )


def pfif_person(
    record: PersonRecord,
    status_changes: Sequence[tuple[dt.datetime, PersonFields]],
    *,
    domain: str,
    author: str,
    now: dt.datetime,
    expiry_days: int,
) -> pfif.PfifPerson:
    """A registered person as a PFIF person record; each status change becomes a note."""
    people = _PfifPeople(domain=domain, author=author, now=now, expiry_days=expiry_days)
    return people.person(record, status_changes)


def status_changes(
    session: Session, person_ids: Iterable[str]
) -> dict[str, list[tuple[dt.datetime, PersonFields]]]:
    """Each person's recorded status changes, oldest first (what PFIF notes are made of): the
    events of all of them read in one pass (`store.status_events`), not one query per person."""
    wanted = list(person_ids)
    found: dict[str, list[tuple[dt.datetime, PersonFields]]] = {p: [] for p in wanted}
    with sync_repository(session) as repo, repo.reading(), without_cycle_collection():
        for person_id, changes in status_events.status_changes(repo, wanted):
            found[person_id] = [
                (hlc_time(change.hlc), _status_fields(payload))
                for change in changes
                if isinstance(payload := change.payload.get("fields"), dict)
            ]
    return found


def _status_fields(payload: Mapping[str, FieldValue]) -> PersonFields:
    return {k: v for k, v in payload.items() if k in STATUS_FIELDS}


def consented_to_tracing(record: PersonRecord) -> bool:
    return record.fields.get("consent_tracing") == "yes"


def pfif_content(
    session: Session, records: Sequence[PersonRecord], request: ExportRequest, now: dt.datetime
) -> bytes:
    """The PFIF 1.4 document of `records` (people who consented to tracing), each status change
    a note; the records expire after the request's days, else the network's retention."""
    domain = checked_domain(request.domain or default_domain(session))
    author = session.point_name() or domain
    expiry_days = request.expiry_days
    if expiry_days is None:
        expiry_days = retention.network_days(session) or PFIF_EXPIRY_DAYS
    people = _PfifPeople(domain=domain, author=author, now=now, expiry_days=expiry_days)
    with without_cycle_collection():
        changes = status_changes(session, [r.person_id for r in records])
        return pfif.document_bytes(people.person(r, changes.get(r.person_id, ())) for r in records)


def build_export(
    session: Session, request: ExportRequest, *, now: dt.datetime | None = None
) -> Export:
    """The file's bytes, encrypted if asked. PFIF holds only people who consented to tracing.
    The cycle collector is paused throughout: every person read makes a record and its fields
    (about a million small objects for 100,000 people), none of them in a cycle."""
    with without_cycle_collection():
        return _built_export(session, request, now)


def _built_export(session: Session, request: ExportRequest, now: dt.datetime | None) -> Export:
    moment = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    columns = checked_columns(request.columns)
    pfif_wanted = request.format is ExportFormat.PFIF
    passengers: set[str] | None = None
    if request.transport is not None:
        view = session.transports().get(request.transport)
        passengers = {p.person_id for p in view.passengers}
    records = [
        r
        for r in people_records(session, details=pfif_wanted or needs_details(columns))
        if request.filter.keeps(r) and (passengers is None or r.person_id in passengers)
    ]
    if pfif_wanted:
        records = [r for r in records if consented_to_tracing(r)]
        content = pfif_content(session, records, request, moment)
    elif request.format is ExportFormat.XLSX:
        content = table_files.xlsx_bytes(columns, rows(records, columns))
    else:
        content = table_files.csv_bytes(columns, rows(records, columns))
    if request.encryption is not None:
        content = encrypted(content, request.encryption)
    return Export(content, len(records), request.encryption is not None)


def encrypted(content: bytes, encryption: Encryption) -> bytes:
    """age v1, which the standard `age -d` opens."""
    if encryption.passphrase is not None and encryption.recipients:
        raise ValidationError("encryption", "export.encryption_both")
    if encryption.passphrase is not None:
        if len(encryption.passphrase) < MIN_EXPORT_PASSPHRASE:
            raise ValidationError(
                "encryption", "export.passphrase_short", min=MIN_EXPORT_PASSPHRASE
            )
        result: bytes = pyrage.passphrase.encrypt(content, encryption.passphrase)
        return result
    if not encryption.recipients:
        raise ValidationError("encryption", "export.encryption_none")
    keys = [age_keys.decode(r.strip(), "age") for r in encryption.recipients]
    return age_format.encrypt(content, keys)


# --- writing ------------------------------------------------------------------------------------


def write_export(path: Path, content: bytes) -> None:
    """Written whole or not at all, never over a link (`outside_files.write_outside_file`)."""
    write_outside_file(path, content, "export.write_failed")


def export_people(session: Session, request: ExportRequest, path: Path) -> Export:
    built = build_export(session, request)
    write_export(path, built.content)
    return built


# --- reading a PFIF list ------------------------------------------------------------------------


def read_pfif_list(path: Path) -> list[pfif.PfifPerson]:
    """The sought persons of a PFIF 1.4 file from outside: a regular file only, refused by size
    before it is parsed; nothing is stored (the sealed lists come with reconciliation)."""
    untrusted = read_outside_file(path, pfif.MAX_BYTES)
    return pfif.parse_document(untrusted)
