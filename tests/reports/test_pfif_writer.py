"""The PFIF writer was rewritten for speed (issue 14, "Speed"): it must write the very bytes the
previous one wrote. The previous writer and record builder are kept here, as they were, and
both are run on a synthetic store and on records with every awkward value a list can hold."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence

import pytest

from fieldreg.core.entities import FieldValue, PersonFields
from fieldreg.reports import pfif
from fieldreg.services import exports
from fieldreg.services.session import Session
from tests.reports.people import register_people

NOW = dt.datetime(2026, 11, 30, 9, 15, 0, tzinfo=dt.UTC)
DOMAIN = "writer.example.org"

# --- the previous writer and record builder, as they were --------------------------------------

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _previous_text(value: str) -> str:
    if not value.isprintable():
        value = _NOT_XML.sub("", value)
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    return value


def _previous_value(value: object) -> str:
    if isinstance(value, str):
        return _previous_text(value)
    if isinstance(value, dt.datetime):
        return pfif.utc_text(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return _previous_text(str(value))


def _previous_note(note: pfif.PfifNote, person_record_id: str) -> str:
    parts = ["    <pfif:note>\n"]
    for name, value in (
        ("note_record_id", note.note_record_id),
        ("person_record_id", person_record_id),
        ("entry_date", note.entry_date),
        ("author_name", note.author_name),
        ("source_date", note.source_date),
        ("author_made_contact", note.author_made_contact),
        ("status", note.status),
        ("last_known_location", note.last_known_location),
        ("text", note.text),
    ):
        if value is not None:
            parts.append(f"      <pfif:{name}>{_previous_value(value)}</pfif:{name}>\n")
    parts.append("    </pfif:note>\n")
    return "".join(parts)


def _previous_person(person: pfif.PfifPerson) -> str:
    parts = ["  <pfif:person>\n"]
    for name in pfif.PERSON_FIELDS:
        if name not in pfif.PfifPerson.__dataclass_fields__:
            continue
        value = getattr(person, name)
        if value is not None:
            parts.append(f"    <pfif:{name}>{_previous_value(value)}</pfif:{name}>\n")
    parts.extend(_previous_note(note, person.person_record_id) for note in person.notes)
    parts.append("  </pfif:person>\n")
    return "".join(parts)


def previous_document(persons: Iterable[pfif.PfifPerson]) -> bytes:
    head = f'<?xml version="1.0" encoding="UTF-8"?>\n<pfif:pfif xmlns:pfif="{pfif.NAMESPACE}">\n'
    body = "".join(_previous_person(p) for p in persons)
    return (head + body + "</pfif:pfif>\n").encode("utf-8")


def _previous_full_name(fields: Mapping[str, FieldValue], *names: str) -> str:
    return " ".join(v for n in names if isinstance(v := fields.get(n), str) and v)


def previous_pfif_person(
    record: exports.PersonRecord,
    changes: Sequence[tuple[dt.datetime, PersonFields]],
    author: str,
) -> pfif.PfifPerson:
    fields = record.fields
    record_id = f"{DOMAIN}/{record.person_id}"
    notes = []
    for number, (when, change) in enumerate(changes, start=1):
        status = change.get("status")
        where = change.get("status_location") or record.point
        transport = change.get("status_transport")
        text = f"Status: {status}" if isinstance(status, str) else "Status recorded"
        if isinstance(transport, str) and transport:
            text += f"; transport: {transport}"
        notes.append(
            pfif.PfifNote(
                note_record_id=f"{DOMAIN}/{record.person_id}.status.{number}",
                author_name=author,
                source_date=when,
                entry_date=NOW,
                text=text,
                status="believed_alive",
                author_made_contact=True,
                last_known_location=where if isinstance(where, str) else None,
            )
        )
    dob = fields.get("dob")
    dob = dob.lstrip("~") if isinstance(dob, str) else None
    country = fields.get("origin_country")
    sex = fields.get("sex")
    return pfif.PfifPerson(
        person_record_id=record_id,
        source_date=record.registered or NOW,
        full_name=_previous_full_name(fields, "family_name", "given_name", "patronymic") or "?",
        entry_date=NOW,
        expiry_date=NOW + dt.timedelta(days=30),
        author_name=author,
        source_name=DOMAIN,
        given_name=_previous_full_name(fields, "given_name", "patronymic") or None,
        family_name=_previous_full_name(fields, "family_name") or None,
        alternate_names=_previous_full_name(
            fields, "latin_given_name", "latin_patronymic", "latin_family_name"
        )
        or None,
        sex=sex if sex in pfif.SEXES else None,
        date_of_birth=dob if dob and re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", dob) else None,
        home_city=fields.get("origin_settlement") or None,  # type: ignore[arg-type]
        home_state=fields.get("origin_region") or None,  # type: ignore[arg-type]
        home_country=country.upper()
        if isinstance(country, str) and re.fullmatch(r"[A-Za-z]{2}", country)
        else None,
        notes=tuple(notes),
    )


# --- the tests ----------------------------------------------------------------------------------


@pytest.fixture
def store_people(session: Session) -> list[str]:
    """Synthetic people, all consenting, with names, places and transports that need escaping,
    people with several status changes and people with none."""
    ids = list(register_people(session, 24, consent_every=1))
    awkward = session.register(
        {
            "family_name": "О'Браєн-Син",
            "given_name": "Анна",
            "dob": "~1980",
            "sex": "female",
            "origin_settlement": "Вільне > Нове & <Старе>",
            "origin_region": 'Донецька "обл."',
            "origin_country": "ua",
            "latin_given_name": "Anna",
            "latin_family_name": "O'Brien-Son",
        }
    )
    session.record_consent(awkward, {"consent_tracing": "yes"})
    ids.append(awkward)
    for position, person_id in enumerate(ids):
        if position % 3 == 1:
            session.set_status(person_id, "waiting", location="Зала <2> & 3")
        if position % 4 == 2:
            session.set_status(person_id, "departed", transport=f"Автобус {position} & Co")
    session.set_status(awkward, "departed", transport="<Bus>")
    return ids


def test_the_store_exports_the_bytes_the_previous_writer_wrote(
    session: Session, store_people: list[str]
) -> None:
    request = exports.ExportRequest(format=exports.ExportFormat.PFIF, domain=DOMAIN, expiry_days=30)
    written = exports.build_export(session, request, now=NOW).content

    records = [
        r for r in exports.people_records(session, details=True) if exports.consented_to_tracing(r)
    ]
    changes = exports.status_changes(session, [r.person_id for r in records])
    author = session.point_name() or DOMAIN
    previous = previous_document(
        previous_pfif_person(r, changes.get(r.person_id, []), author) for r in records
    )
    assert written == previous
    assert written.count(b"<pfif:person>") == len(store_people)
    assert "&gt; Нове &amp; &lt;Старе&gt;".encode() in written
    assert b"<pfif:home_country>UA</pfif:home_country>" in written
    assert pfif.parse_document(written)  # and it still reads as PFIF 1.4


def _awkward_people() -> list[pfif.PfifPerson]:
    kyiv = dt.timezone(dt.timedelta(hours=2))
    return [
        pfif.PfifPerson(
            person_record_id="k7.example/K7-0001-X",
            source_date=dt.datetime(2026, 3, 4, 5, 6, 7, 890123, tzinfo=dt.UTC),
            full_name='Бондар\x00 <Ольга>\x1f & "Петрівна"\n\tз\ufffeлінії',
            entry_date=dt.datetime(2026, 3, 4, 7, 6, 7, tzinfo=kyiv),  # written in UTC
            expiry_date=dt.datetime(999, 1, 2, 3, 4, 5, tzinfo=dt.UTC),  # a year of 3 digits
            given_name="",
            alternate_names="A & B",
            description="line one\nline two",
            notes=(
                pfif.PfifNote(
                    note_record_id="k7.example/K7-0001-X.status.1",
                    author_name="Школа > 5",
                    source_date=dt.datetime(2026, 11, 3, tzinfo=dt.UTC),
                    text="Status: waiting",
                    author_made_contact=False,
                ),
                pfif.PfifNote(
                    note_record_id="k7.example/K7-0001-X.status.2",
                    author_name="Школа 5",
                    source_date=dt.datetime(2026, 11, 4, 1, 2, 3, tzinfo=kyiv),
                    entry_date=NOW,
                    text="",
                    status="believed_alive",
                    author_made_contact=True,
                    last_known_location="Зала\x0b 2",
                ),
            ),
        ),
        pfif.PfifPerson(
            person_record_id="k7.example/K7-0002-Y",
            source_date=NOW,
            full_name="Плай Ім'я",
            sex="male",
            date_of_birth="1990",
            age="30-35",
            home_city="Київ",
            home_state="Київська",
            home_country="UA",
        ),
        pfif.PfifPerson(person_record_id="k7.example/K7-0003-Z", source_date=NOW, full_name="?"),
        # One awkward value each, the rest plain: a control character, a line break, a bracket.
        pfif.PfifPerson(
            person_record_id="k7.example/K7-0004-A", source_date=NOW, full_name="А\x00Б"
        ),
        pfif.PfifPerson(person_record_id="k7.example/K7-0005-B", source_date=NOW, full_name="А\nБ"),
        pfif.PfifPerson(
            person_record_id="k7.example/K7-0006-C",
            source_date=NOW,
            full_name="Плай",
            notes=(
                pfif.PfifNote(
                    note_record_id="k7.example/K7-0006-C.status.1",
                    author_name="Школа 5",
                    source_date=NOW,
                    text="Status: waiting",
                    last_known_location="Зала\x0c 2",
                ),
            ),
        ),
        pfif.PfifPerson(
            person_record_id="k7.example/K7-0008-E", source_date=NOW, full_name="А & Б"
        ),
        pfif.PfifPerson(
            person_record_id="k7.example/K7-0009-F", source_date=NOW, full_name="А < Б"
        ),
        pfif.PfifPerson(
            person_record_id="k7.example/K7-0007-D",
            source_date=NOW,
            full_name="Плай",
            notes=(
                pfif.PfifNote(
                    note_record_id="k7.example/K7-0007-D.status.1",
                    author_name="Школа 5",
                    source_date=NOW,
                    text="Status: departed; transport: >1",
                ),
            ),
        ),
    ]


def test_awkward_values_are_written_as_the_previous_writer_wrote_them() -> None:
    persons = _awkward_people()
    written = pfif.document_bytes(persons)
    assert written == previous_document(persons)
    assert not {b"\x00", b"\x0b", b"\x0c", b"\x1f"} & {bytes([c]) for c in written}
    assert b"<pfif:entry_date>2026-03-04T05:06:07Z</pfif:entry_date>" in written
    assert b"<pfif:author_made_contact>false</pfif:author_made_contact>" in written
