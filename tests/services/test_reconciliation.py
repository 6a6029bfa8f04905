"""Reconciling a list of sought persons: the planted true matches found (3,000 sought against
100,000, in other spellings), decisions kept across re-matching, a report that never names
someone who did not consent to tracing, and the desk's yes/no check."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pyrage
import pytest

from bench.bench_reconciliation import PLANTED, PlantedList, planted_list, recall
from fieldreg.services import reconciliation
from fieldreg.services.exports import Encryption
from fieldreg.services.session import Session
from tests.reports.people import register_people


@pytest.fixture(scope="module")
def planted() -> PlantedList:
    return planted_list()


def test_planted_true_matches_are_labelled_likely_or_possible(planted: PlantedList) -> None:
    assert len(planted.entries) == 3_000
    assert len(planted.registered) == 100_000
    assert len(planted.truth) == PLANTED
    matches = reconciliation.match_entries(planted.entries, planted.registered)
    likely, either = recall(matches, planted.truth)
    assert likely >= 90
    assert either >= 98


def test_a_rejected_candidate_is_left_out(planted: PlantedList) -> None:
    entry = next(e for e in planted.entries if e.entry_no in planted.truth)
    first = reconciliation.match_entries([entry], planted.registered)[0]
    rejected = planted.truth[entry.entry_no]
    assert rejected in [c.person_id for c in first.candidates]
    decided = type(entry)(entry.entry_no, entry.body, {rejected: "rejected"})
    again = reconciliation.match_entries([decided], planted.registered)[0]
    assert rejected not in [c.person_id for c in again.candidates]


def _write_list(path: Path, session: Session, person_ids: list[str]) -> None:
    """A list of these people as another registry writes them (Latin, year of birth only)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Ref", "Family name", "Given name", "Year of birth"])
    for number, person_id in enumerate(person_ids, start=1):
        fields = session.person(person_id).fields
        dob = str(fields.get("dob") or "")
        writer.writerow(
            [f"R{number}", fields["family_name"], fields["given_name"], dob.lstrip("~")[:4]]
        )
    writer.writerow(["R999", "Незнайомець", "Тарас", "1931"])
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.fixture
def reviewed(session: Session, tmp_path: Path) -> tuple[str, dict[str, bool]]:
    """24 registered (half refused tracing), a list of them all plus one stranger, every
    best candidate confirmed."""
    consented = register_people(session, 24, seed=8)
    path = tmp_path / "list.csv"
    _write_list(path, session, list(consented))
    preview = reconciliation.preview(path, "csv")
    info = reconciliation.import_list(
        session, path, fmt="csv", mapping=preview.proposal, owner="Regional office"
    )
    assert info.entries == 25
    for match in reconciliation.match(session, info.list_id):
        if match.candidates:
            best = match.candidates[0].person_id
            reconciliation.decide(session, info.list_id, match.entry_no, best, "confirmed")
    return info.list_id, consented


def test_decisions_survive_a_new_registration_and_rematching(
    session: Session, reviewed: tuple[str, dict[str, bool]]
) -> None:
    list_id, consented = reviewed
    first = next(iter(consented))
    fields = session.person(first).fields
    session.register(
        {"family_name": fields["family_name"], "given_name": fields["given_name"], "sex": "male"}
    )
    matches = reconciliation.match(session, list_id)
    confirmed = {m.entry.reference: m.confirmed for m in matches}
    assert confirmed["R1"] == first
    assert sum(c is not None for c in confirmed.values()) == 24
    assert confirmed["R999"] is None
    [shown] = reconciliation.lists(session)
    assert (shown.entries, shown.confirmed) == (25, 24)


def test_the_report_never_names_people_without_tracing_consent(
    session: Session, reviewed: tuple[str, dict[str, bool]], tmp_path: Path
) -> None:
    list_id, consented = reviewed
    content = reconciliation.report_content(session, list_id)
    counts = reconciliation.report_counts(content)
    refusing = [p for p, agrees in consented.items() if not agrees]
    assert counts == {
        "sought": 25,
        "found": 24 - len(refusing),
        "found_without_consent": len(refusing),
        "not_found": 1,
    }
    table = reconciliation.build_report(content, "csv").content.decode("utf-8-sig")
    pdf = tmp_path / "report.pdf"
    reconciliation.write_report(pdf, reconciliation.build_report(content, "pdf"))
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "poppler-utils is needed"
    extracted = subprocess.run(
        [pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    shown = " ".join(extracted.split())
    for person_id, agrees in consented.items():
        fields = session.person(person_id).fields
        name = f"{fields['family_name']} {fields['given_name']}"
        for text in (table, shown):
            assert (person_id in text) is agrees
            assert (name in text) is agrees, name
    internal = reconciliation.build_report(content, "protection_csv").content.decode("utf-8-sig")
    assert internal.startswith("INTERNAL")
    assert all(p in internal for p in refusing)
    assert not any(p in internal for p, agrees in consented.items() if agrees)


def test_an_encrypted_report_opens_only_with_the_recipients_key(
    session: Session, reviewed: tuple[str, dict[str, bool]]
) -> None:
    list_id, _ = reviewed
    identity = pyrage.x25519.Identity.generate()
    content = reconciliation.report_content(session, list_id)
    built = reconciliation.build_report(
        content, "csv", Encryption(recipients=(str(identity.to_public()),))
    )
    assert built.encrypted
    assert b"found" not in built.content
    assert pyrage.decrypt(built.content, [identity]).decode("utf-8-sig").startswith("outcome,")


def test_the_desk_check_says_only_whether_someone_may_be_sought(
    session: Session, reviewed: tuple[str, dict[str, bool]], tmp_path: Path
) -> None:
    path = tmp_path / "open.csv"
    path.write_text("Прізвище,Ім'я,Рік народження\nГнатюк,Олексій,1978\n", encoding="utf-8")
    reconciliation.import_list(session, path, fmt="csv", mapping="family=Прізвище,given=Ім'я")
    watch = reconciliation.sought_watch(session)
    assert len(watch) == 2  # the stranger of the first list and this one: the rest are found
    assert watch.may_be_sought("Гнатюк", "Алексей", dob="1978-05-02")
    assert watch.may_be_sought("Hnatiuk", "Oleksii", dob="1978")
    assert not watch.may_be_sought("Гнатюк", "Ірина", dob="2001")
    assert not watch.may_be_sought("Шевченко", "Олексій", dob="1978")
