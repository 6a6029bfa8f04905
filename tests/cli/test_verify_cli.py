"""The tamper matrix of `fieldreg verify`: each edit made straight in the SQLite file with sqlite3,
as someone with the file but not the key could, then `fieldreg verify` run as a person runs it.
Every edit is found (exit 7) and named in a sentence with the person or the row."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from faker import Faker

from fieldreg.cli.main import run
from fieldreg.core import ids
from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from tests.conftest import PASSPHRASE, TODAY


@pytest.fixture(autouse=True)
def _umask() -> Iterator[None]:
    """`run` sets the process umask to 0o077, as the command does; the tests share the process."""
    previous = os.umask(0o077)
    yield
    os.umask(previous)


@dataclass(frozen=True, slots=True)
class Store:
    """A store of a few made-up people: a household of two (head, child), one person alone with
    a note, and one registered last."""

    root: Path
    device: str  # the device id as verify names it (12 characters)
    household: str
    head: str
    child: str
    alone: str
    note: str  # the event id of the note on `alone`
    last: str

    @property
    def db(self) -> Path:
        return self.root / "store.sqlite"


def _person(faker: Faker) -> dict[str, object]:
    return {
        "family_name": faker.last_name(),
        "given_name": faker.first_name(),
        "dob": str(faker.random_int(1940, 2015)),
    }


def _open(root: Path) -> Session:
    return vault.open_session(
        DataDir(root), operator=None, passphrase=PASSPHRASE, today=lambda: TODAY
    )


@pytest.fixture
def store(session: Session, monkeypatch: pytest.MonkeyPatch) -> Store:
    faker = Faker("uk_UA")
    faker.seed_instance(7)
    household = session.register_household([(_person(faker), None), (_person(faker), "child")])
    alone = session.register(_person(faker))
    session.add_note(alone, "Потребує окулярів")
    last = session.register(_person(faker))
    device = session.device_id[:12]
    root = session.data_dir.root
    session.lock()
    with sqlite3.connect(root / "store.sqlite") as db:
        (note,) = db.execute("SELECT event_id FROM notes WHERE person_id = ?", (alone,)).fetchone()
    monkeypatch.setenv("FIELDREG_PASSPHRASE", PASSPHRASE)
    head, child = household.new_ids
    return Store(root, device, household.household_id, head, child, alone, note, last)


def verify(root: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str]:
    code = run(["verify", *options, "--data-dir", str(root)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out + captured.err


def edit(store: Store, *statements: tuple[str, tuple[object, ...]]) -> None:
    with sqlite3.connect(store.db) as db:
        for sql, params in statements:
            db.execute(sql, params)


def _rewind_device(store: Store, *, next_counter: int | None = None) -> tuple[str, tuple[object]]:
    """The devices row moved back to the event before its last, as a careful tamperer would."""
    counter = "" if next_counter is None else f", next_counter = {next_counter}"
    return (
        "UPDATE devices SET last_seq = last_seq - 1,"
        " head = (SELECT event_id FROM events e WHERE e.seq = devices.last_seq - 1),"
        f" last_hlc = (SELECT hlc FROM events e WHERE e.seq = devices.last_seq - 1){counter}"
        " WHERE device_id LIKE ?",
        (store.device + "%",),
    )


def _last_seq(store: Store) -> int:
    with sqlite3.connect(store.db) as db:
        return int(db.execute("SELECT max(seq) FROM events").fetchone()[0])


def _seq_of(store: Store, event_id: str) -> int:
    with sqlite3.connect(store.db) as db:
        return int(
            db.execute("SELECT seq FROM events WHERE event_id = ?", (event_id,)).fetchone()[0]
        )


def test_a_clean_store_verifies(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = verify(store.root, capsys)
    assert code == 0, out
    assert "events: 8  people: 4  notes: 1" in out
    assert "OK: every derived record matches the event log" in out


def test_deleting_the_last_person_is_found(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    end = _last_seq(store)
    counter = ids.parse_id(store.last).counter
    edit(
        store,
        ("DELETE FROM events WHERE seq = ?", (end,)),
        ("DELETE FROM people WHERE id = ?", (store.last,)),
        _rewind_device(store, next_counter=counter),
    )
    code, out = verify(store.root, capsys)
    assert code == 7, out
    assert (
        f"Event log of device {store.device}: it ends at event {end - 1}, but the anchor outside"
        f" the database records event {end}: events were removed." in out
    )


def test_deleting_the_last_note_is_found(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    again = _open(store.root)
    again.add_note(store.last, "Другий запис")
    again.lock()
    end = _last_seq(store)
    edit(
        store,
        ("DELETE FROM notes WHERE event_id = (SELECT event_id FROM events WHERE seq = ?)", (end,)),
        ("DELETE FROM events WHERE seq = ?", (end,)),
        _rewind_device(store),
    )
    code, out = verify(store.root, capsys)
    assert code == 7, out
    assert (
        f"it ends at event {end - 1}, but the anchor outside the database records event {end}"
        in out
    )


def test_deleting_a_note_row_is_found(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    edit(store, ("DELETE FROM notes WHERE event_id = ?", (store.note,)))
    code, out = verify(store.root, capsys)
    assert code == 7, out
    assert (
        f"Person {store.alone}: note {store.note[:12]} is in the history but its record is missing."
        in out
    )


def test_a_note_moved_to_another_person_is_found(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(store, ("UPDATE notes SET person_id = ? WHERE event_id = ?", (store.last, store.note)))
    code, out = verify(store.root, capsys)
    assert code == 7, out
    assert (
        f"Note {store.note[:12]}: filed under person {store.last}, but it was written for person"
        f" {store.alone}." in out
    )


def test_a_note_event_marked_erased_is_found(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(store, ("UPDATE events SET redacted = 1 WHERE event_id = ?", (store.note,)))
    code, out = verify(store.root, capsys)
    assert code == 7, out
    seq = _seq_of(store, store.note)
    assert (
        f"Event log of device {store.device}: event {seq} of person {store.alone} is marked"
        " erased, but the person is not." in out
    )


def test_a_zeroed_creation_clock_is_found(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    edit(store, ("UPDATE people SET created_hlc = 0 WHERE id = ?", (store.head,)))
    code, out = verify(store.root, capsys)
    assert code == 7, out
    assert (
        f"Person {store.head}: the stored registration or change time differs from the history."
        in out
    )


def test_a_changed_prefix_is_found(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    edit(store, ("UPDATE devices SET prefix = 'Q9'", ()))
    code, out = verify(store.root, capsys)
    assert code == 7, out
    assert f"Device {store.device}: its ID prefix is Q9, but its IDs were issued under K7." in out


def test_a_device_clock_set_back_is_found(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    edit(store, ("UPDATE devices SET last_hlc = 0", ()))
    code, out = verify(store.root, capsys)
    assert code == 7, out
    assert (
        f"Event log of device {store.device}: its recorded clock does not match its last event."
        in out
    )


def test_a_rewound_counter_is_found_and_registration_refuses_cleanly(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(store, ("UPDATE devices SET next_counter = 1", ()))
    code, out = verify(store.root, capsys)
    assert code == 7, out
    assert (
        f"Device {store.device}: its ID counter was set back to 1, but ID {store.last} was already"
        " issued; new registrations would be refused." in out
    )
    events = _last_seq(store)
    code = run(["register", "--family", "Тест", "--given", "Ян", "--data-dir", str(store.root)])
    captured = capsys.readouterr()
    assert code == 7
    assert captured.err.startswith("fieldreg: This store's ID counter was set back: ID K7-")
    assert "already taken. Nothing was saved; run fieldreg verify." in captured.err
    assert "Traceback" not in captured.err
    assert "INSERT" not in captured.err
    assert _last_seq(store) == events  # nothing was written


def test_a_deleted_people_row_is_found(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    edit(store, ("DELETE FROM people WHERE id = ?", (store.last,)))
    code, out = verify(store.root, capsys)
    assert code == 7, out
    assert f"Person {store.last}: has a history in the event log but no record." in out


def test_a_deleted_household_row_is_found(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    edit(store, ("DELETE FROM households WHERE id = ?", (store.household,)))
    code, out = verify(store.root, capsys)
    assert code == 7, out
    assert f"Household {store.household}: created in the event log but has no record." in out


def test_this_devices_deleted_row_is_found(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """The store cannot be opened without it (another device's row: test_verify_tamper)."""
    edit(store, ("DELETE FROM devices", ()))
    code, out = verify(store.root, capsys)
    assert code == 7, out
    assert out == "fieldreg: The store has no device record.\n"


def test_a_swapped_sealed_value_names_the_person_and_the_part(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(
        store,
        (
            "UPDATE people SET details = (SELECT details FROM people WHERE id = ?) WHERE id = ?",
            (store.head, store.child),
        ),
    )
    code, out = verify(store.root, capsys)
    assert code == 7, out
    assert f"Person {store.child}: the sealed details part does not open (altered or moved)." in out
    assert "{" not in out  # no template left unfilled


def test_a_deleted_middle_event_is_named_by_its_own_number(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(store, ("DELETE FROM events WHERE seq = 3", ()))
    code, out = verify(store.root, capsys)
    assert code == 7, out
    assert f"Event log of device {store.device}: event 3 missing." in out
    assert "event 4" not in out


def test_json_gives_codes_and_parameters(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    edit(store, ("UPDATE notes SET person_id = ? WHERE event_id = ?", (store.last, store.note)))
    code, out = verify(store.root, capsys, "--json")
    assert code == 7
    problems = json.loads(out)["problems"]
    assert {
        "code": "verify.note_moved",
        "note": store.note[:12],
        "person": store.last,
        "owner": store.alone,
    } in problems


def test_an_anchor_behind_the_database_is_not_tampering(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """A crash after the commit and before the anchor write leaves the anchor behind."""
    saved = {p.name: p.read_bytes() for p in store.root.glob("anchor.*")}
    again = _open(store.root)
    again.register({"family_name": "Тест", "given_name": "Ян"})
    again.lock()
    for name, content in saved.items():
        (store.root / name).write_bytes(content)
    code, out = verify(store.root, capsys)
    assert code == 0, out


def test_a_store_without_anchor_says_so_and_passes(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in store.root.glob("anchor.*"):
        path.unlink()
    code, out = verify(store.root, capsys)
    assert code == 0, out
    assert "No anchor yet" in out
    again = _open(store.root)
    again.register({"family_name": "Тест", "given_name": "Ян"})
    again.lock()
    anchors = sorted(p.name for p in store.root.glob("anchor.*"))
    assert anchors
    assert all((store.root / n).stat().st_mode & 0o777 == 0o600 for n in anchors)
    code, out = verify(store.root, capsys)
    assert code == 0
    assert "No anchor yet" not in out


def test_a_replaced_anchor_is_found(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    for path in store.root.glob("anchor.*"):
        path.write_bytes(b"\x01" + os.urandom(200))
    code, out = verify(store.root, capsys)
    assert code == 7, out
    assert "The anchor outside the database (files anchor.0, anchor.1) does not open." in out


@pytest.mark.parametrize("tampered", [False, True])
def test_the_command_exits_as_documented(store: Store, tampered: bool) -> None:
    """The real program, in its own process: 0 for a clean store, 7 for a tampered one."""
    if tampered:
        edit(store, ("DELETE FROM notes WHERE event_id = ?", (store.note,)))
    done = subprocess.run(
        [sys.executable, "-m", "fieldreg", "verify", "--data-dir", str(store.root)],
        capture_output=True,
        text=True,
        env={**os.environ, "FIELDREG_PASSPHRASE": PASSPHRASE},
        timeout=120,
        check=False,
    )
    assert done.returncode == (7 if tampered else 0), done.stdout + done.stderr
    assert ("its record is missing" in done.stdout) is tampered
