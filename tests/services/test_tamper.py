"""A sealed value moved to another row or another field does not open: the volunteer gets a clear
error, and `verify` names the damaged records. A wrong passphrase changes nothing on disk."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from fieldreg.core.errors import AuthError, FieldregError, TamperError
from fieldreg.core.messages import describe
from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from tests.conftest import PASSPHRASE


def _register_two(session: Session) -> tuple[str, str]:
    first = session.register({"family_name": "Гнатюк", "given_name": "Ярина", "dob": "1990"})
    second = session.register({"family_name": "Остапчук", "given_name": "Лука", "dob": "1985"})
    return first, second


def _reopen(directory: DataDir) -> Session:
    return vault.open_session(directory, operator=None, passphrase=PASSPHRASE)


@pytest.mark.parametrize(
    ("source_column", "target_column", "same_row"),
    [
        ("details", "details", False),  # the same group copied into another person
        ("summary", "details", True),  # another group of the same person
        ("meta", "meta", False),
    ],
)
def test_moved_ciphertext_fails_to_open(
    session: Session, source_column: str, target_column: str, same_row: bool
) -> None:
    first, second = _register_two(session)
    directory = session.data_dir
    session.lock()
    target = first if same_row else second
    with sqlite3.connect(directory.db) as db:
        (blob,) = db.execute(
            f"SELECT {source_column} FROM people WHERE id = ?", (first,)
        ).fetchone()
        db.execute(f"UPDATE people SET {target_column} = ? WHERE id = ?", (blob, target))
    again = _reopen(directory)
    try:
        if target_column == "meta":  # the person view is built from the fold state
            with pytest.raises(TamperError) as caught:
                again.person(target)
            assert caught.value.code == "crypto.tamper"
            assert "Гнатюк" not in str(caught.value)
        report = again.verify()
        assert not report.ok
        assert ("verify.sealed_person", {"person": target, "group": target_column}) in (
            report.problems
        )
        sentences = [describe(FieldregError(c, **p)) for c, p in report.problems]
        assert f"Person {target}: the sealed {target_column} part does not open" in sentences[0]
        assert "{" not in " ".join(sentences)  # no raw template left
    finally:
        again.lock()


def test_event_body_swapped_between_events_is_detected(session: Session) -> None:
    _register_two(session)
    directory = session.data_dir
    session.lock()
    with sqlite3.connect(directory.db) as db:
        rows = db.execute("SELECT seq, body FROM events ORDER BY seq").fetchall()
        db.execute("UPDATE events SET body = ? WHERE seq = ?", (rows[0][1], rows[1][0]))
    again = _reopen(directory)
    try:
        report = again.verify()
        assert ("verify.sealed_event", {"device": session.device_id[:12], "seq": 2}) in (
            report.problems
        )
    finally:
        again.lock()


def test_wrong_passphrase_changes_nothing_on_disk(session: Session) -> None:
    _register_two(session)
    directory = session.data_dir
    session.lock()

    def digest() -> dict[str, str]:
        return {
            p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in directory.root.rglob("*")
            if p.is_file() and p.name != "keyslots.json.attempts"  # counts failures by design
        }

    before = digest()
    with pytest.raises(AuthError) as caught:
        vault.open_session(directory, operator=None, passphrase="definitely not it")
    assert caught.value.code == "auth.wrong_passphrase"
    assert digest() == before


def test_one_damaged_summary_does_not_lock_everyone_out(session: Session) -> None:
    first, second = _register_two(session)
    directory = session.data_dir
    session.lock()
    with sqlite3.connect(directory.db) as db:
        (blob,) = db.execute("SELECT summary FROM people WHERE id = ?", (first,)).fetchone()
        db.execute("UPDATE people SET summary = ? WHERE id = ?", (blob, second))
    again = _reopen(directory)
    try:
        assert again.people.damaged == (second,)
        assert again.search("Гнатюк").hits[0].person_id == first
        assert not again.verify().ok
    finally:
        again.lock()
