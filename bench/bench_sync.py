"""Sync: export 10,000 events to a bundle; import 50 bundles x 2,000 events into an empty
coordinator store and then the same 50 again (replays); encrypt + sign throughput against the
`age` tool encrypting the same payload in the same run.

Bundles for the import come from five enrolled devices whose events are made directly (the same
events `Session` writes: registrations, household links, status changes, notes, edits, most of
them about people registered shortly before, as at a reception desk).
"""

from __future__ import annotations

import os
import random
import secrets
import shutil
import sqlite3
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench.gauge import interleaved, timed
from bench.reporting import Reporter
from bench.synthetic import people
from fieldreg.core import ids
from fieldreg.core.events import Event, EventType, make_event
from fieldreg.core.fold import PersonState, apply
from fieldreg.crypto import network_keys
from fieldreg.services import enrollment_service as enroll
from fieldreg.services import sync_service as sync
from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from fieldreg.sync import age_format, age_keys, bundle_format, enrollment, export, minisign

PASSPHRASE = "benchmark passphrase 1"
NETWORK_PASSPHRASE = "benchmark network passphrase"
EXPORT_EVENTS = 10_000
BUNDLES, PER_BUNDLE, DEVICES = 50, 2_000, 5
CLOCK_START = 1_790_000_000_000 << 16
EXPORT_ROUNDS, THROUGHPUT_ROUNDS, IMPORT_ROUNDS = 5, 5, 3
# The events table's columns, as the store defines them (fieldreg.store.models.EventRow).
ALL_EVENTS = "SELECT device_id, seq, event_id, prev_id, hlc, subject_id, body, redacted FROM events"
EXPORTED_EVENTS = ALL_EVENTS + " WHERE device_id = ? AND seq BETWEEN 1 AND ? ORDER BY seq"
UPSERT_EVENTS = (
    "INSERT INTO events (device_id, seq, event_id, prev_id, hlc, subject_id, body, redacted)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id, seq) DO NOTHING"
)


def _device_events(device_id: str, prefix: str, count: int, rng: random.Random) -> list[Event]:
    pool = list(people(400, seed=rng.randrange(1 << 30)))
    events: list[Event] = []
    states: dict[str, PersonState] = {}
    recent: list[str] = []
    counter, hlc = 0, CLOCK_START

    def add(kind: EventType, subject: str, payload: dict[str, object]) -> None:
        nonlocal hlc
        hlc += rng.randint(1, 5000) << 16
        event = make_event(
            device_id=device_id,
            seq=len(events) + 1,
            hlc=hlc,
            operator_id="0f" * 16,
            type=kind,
            subject_id=subject,
            payload=payload,
            prev=events[-1].event_id if events else "",
            salt=secrets.token_hex(16),
        )
        events.append(event)
        if kind is not EventType.HOUSEHOLD_CREATED:
            apply(states.setdefault(subject, PersonState(subject)), event)

    while len(events) < count:
        roll = rng.random()
        if roll < 0.35 or not recent:
            counter = ids.next_counter(prefix, counter)
            person = ids.format_id(prefix, counter)
            fields = {k: v for k, v in rng.choice(pool).items() if k != "needs"}
            fields.update(status="arrived", dob=f"{rng.randint(1935, 2024)}")
            add(EventType.PERSON_REGISTERED, person, {"fields": fields})
            recent = [*recent[-40:], person]
        elif roll < 0.45:
            counter = ids.next_counter(prefix, counter)
            household = ids.format_id(prefix, counter)
            add(EventType.HOUSEHOLD_CREATED, household, {})
            for person in recent[-2:]:
                removes = states[person].households.tags()
                payload = {"household_id": household, "relationship": "child", "removes": removes}
                add(EventType.MEMBER_LINKED, person, payload)
        else:
            # Mostly people registered a moment ago; one in ten from any time before.
            person = rng.choice(recent if rng.random() < 0.9 else list(states))
            state = states[person]
            if roll < 0.75:
                fields = {"status": rng.choice(["waiting", "medical_referral", "departed"])}
                if fields["status"] == "departed":
                    fields["status_transport"] = f"Bus {rng.randint(1, 40)}"
                payload = {"fields": fields, "base": state.base_for(sorted(fields))}
                add(EventType.STATUS_CHANGED, person, payload)
            elif roll < 0.9:
                add(
                    EventType.NOTE_ADDED,
                    person,
                    {"text": f"Needs a seat near the door ({roll:.3f})"},
                )
            else:
                fields = {"phone": f"+380{rng.randint(500000000, 999999999)}"}
                payload = {"fields": fields, "base": state.base_for(["phone"])}
                add(EventType.FIELDS_CHANGED, person, payload)
    return events[:count]


def _coordinator(root: Path) -> tuple[DataDir, list[tuple[str, export.Identity]]]:
    directory = DataDir(root / "coordinator")
    enroll.create_network(
        directory,
        point="Bench hub",
        operator="Bench",
        passphrase=PASSPHRASE,
        network_passphrase=NETWORK_PASSPHRASE,
    )
    session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE, load=False)
    devices = []
    try:
        for number in range(DEVICES):
            prefix = f"B{number + 1}"
            device_id = secrets.token_hex(32)
            keys = network_keys.DeviceKeys.generate()
            request = enrollment.make_request(
                device_id, f"Point {number}", f"ZB{number}AAA", keys, 1
            )
            approval = enroll.approve_request(
                session, request, prefix=prefix, network_passphrase=NETWORK_PASSPHRASE
            )
            answer = enrollment.parse_answer(approval.answer)
            identity = export.Identity(answer.network, keys, answer.certificate.text, 1, prefix)
            devices.append((device_id, identity))
    finally:
        session.lock()
    return directory, devices


def _laptop(root: Path, coordinator: DataDir) -> DataDir:
    directory = DataDir(root / "laptop")
    vault.init_store(directory, point="Bench point", operator="Bench", passphrase=PASSPHRASE)
    laptop = vault.open_session(directory, operator=None, passphrase=PASSPHRASE, load=False)
    hub = vault.open_session(coordinator, operator=None, passphrase=PASSPHRASE, load=False)
    try:
        request = enroll.enrollment_request(laptop)
        approval = enroll.approve_request(
            hub, request, prefix="P1", network_passphrase=NETWORK_PASSPHRASE
        )
        enroll.accept_answer(laptop, approval.answer)
        batch = list(people(100, seed=5))
        for _ in range(EXPORT_EVENTS // len(batch)):
            laptop.register_batch(batch)
    finally:
        laptop.lock()
        hub.lock()
    return directory


def _raw_read(db: Path, device_id: str) -> None:
    """Read the events an export reads, with plain sqlite3."""
    connection = sqlite3.connect(db)
    try:
        connection.execute(EXPORTED_EVENTS, (device_id, EXPORT_EVENTS)).fetchall()
    finally:
        connection.close()


def _age(recipients: list[bytes], source: Path, target: Path) -> None:
    arguments = []
    for recipient in recipients:
        arguments += ["-r", age_keys.recipient_text(recipient)]
    subprocess.run(["age", *arguments, "-o", str(target), str(source)], check=True)


def _bench_export(root: Path, report: Reporter) -> None:
    coordinator = DataDir(root / "export-hub")
    enroll.create_network(
        coordinator,
        point="Hub",
        operator="Bench",
        passphrase=PASSPHRASE,
        network_passphrase=NETWORK_PASSPHRASE,
    )
    directory = _laptop(root, coordinator)
    session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE, load=False)
    out = root / "export-stick"
    out.mkdir()
    try:
        with sync.sync_repository(session) as repo, repo.reading():
            events = export.read_events(repo, session.device_id, 1, EXPORT_EVENTS)
            network = export.identity_of(repo, session.device_id).network
        plaintext = bundle_format.build_payload(session.device_id, events)
        recipients = [network.recipient_public, network.escrow_public]  # as export's
        source = root / "payload.bin"  # the payload the export encrypts, to the same recipients
        source.write_bytes(plaintext)
        have_age = shutil.which("age") is not None

        def baseline() -> float:
            start = time.perf_counter()
            _raw_read(directory.db, session.device_id)
            _age(recipients, source, root / "baseline.age")
            return time.perf_counter() - start

        measured = timed(lambda: sync.export_bundles(session, out, first=1, last=EXPORT_EVENTS))
        if have_age:
            times, raw_times = interleaved(measured, baseline, EXPORT_ROUNDS)
        else:
            times, raw_times = [measured() for _ in range(EXPORT_ROUNDS)], []
    finally:
        session.lock()
    name = f"export {EXPORT_EVENTS} events to a bundle"
    if raw_times:
        report.ratio(
            name,
            statistics.median(times),
            statistics.median(raw_times),
            2,
            " s",
            baseline_name="raw read + age tool",
        )
    else:
        report.missing(name, statistics.median(times), " s", "age not installed", "≤ 2×")
    _bench_throughput(root, plaintext, report)


def _bench_throughput(root: Path, plaintext: bytes, report: Reporter) -> None:
    """Our encrypt + sign against `age -r` on the same plaintext (the exported payload)."""
    recipients = [_public(os.urandom(32)), _public(os.urandom(32))]
    signer = network_keys.DeviceKeys.generate().signer()
    source = root / "payload.bin"
    source.write_bytes(plaintext)

    def ours() -> None:
        ciphertext = age_format.encrypt(plaintext, recipients)
        minisign.sign(signer, ciphertext, trusted_comment="{}", untrusted_comment="bench")

    name = f"encrypt + sign {len(plaintext) / 1e6:.1f} MB (age v1 + minisign)"
    if shutil.which("age") is None:
        seconds = statistics.median(timed(ours)() for _ in range(THROUGHPUT_ROUNDS))
        report.missing(name, seconds * 1000, " ms", "age not installed", "≤ 2×")
        return
    theirs = timed(lambda: _age(recipients, source, root / "out.age"))
    times, age_times = interleaved(timed(ours), theirs, THROUGHPUT_ROUNDS)
    report.ratio(
        name,
        statistics.median(times),
        statistics.median(age_times),
        2,
        " ms",
        baseline_name="age tool, same payload",
        scale=1000,
    )


def _raw_upsert(path: Path, schema: list[str], rows: list[tuple[object, ...]]) -> float:
    """The import's floor: the same event rows upserted into a table of the same shape (the
    store's own CREATE statements) with plain sqlite3 executemany, in one durable commit."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        for statement in schema:
            connection.execute(statement)
        start = time.perf_counter()
        connection.execute("BEGIN")
        connection.executemany(UPSERT_EVENTS, rows)
        connection.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        connection.close()


def _stored_events(db: Path) -> tuple[list[str], list[tuple[object, ...]]]:
    """The events table's CREATE statements and every row, as an import stored them."""
    connection = sqlite3.connect(db)
    try:
        schema = [
            sql
            for (sql,) in connection.execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name = 'events' AND sql IS NOT NULL"
                " ORDER BY type DESC"  # the table before its indexes
            )
        ]
        rows = connection.execute(ALL_EVENTS).fetchall()
    finally:
        connection.close()
    return schema, rows


def _bench_import(root: Path, report: Reporter) -> None:
    empty, devices = _coordinator(root)
    rng = random.Random(20261124)
    stick = root / "stick"
    stick.mkdir()
    paths = []
    per_device = BUNDLES // DEVICES * PER_BUNDLE
    for device_id, identity in devices:
        events = _device_events(device_id, identity.prefix, per_device, rng)
        for start in range(0, per_device, PER_BUNDLE):
            data, header = export.build_bundle(events[start : start + PER_BUNDLE], identity, 1)
            path = stick / f"{identity.prefix}-{header.first:06d}.bundle"
            path.write_bytes(data)
            paths.append(path)
    rng.shuffle(paths)  # sticks arrive in any order; a bundle after a gap waits for its turn
    replays: list[float] = []
    stored: list[tuple[list[str], list[tuple[object, ...]]]] = []

    def measured() -> float:
        # Each round into a copy of the empty coordinator store.
        directory = DataDir(root / f"coordinator-{len(replays)}")
        shutil.copytree(empty.root, directory.root)
        session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE)
        try:
            start = time.perf_counter()
            outcomes = sync.import_bundles(session, paths, workers=1)
            elapsed = time.perf_counter() - start
            applied = sum(o.result.applied for o in outcomes if o.result)
            assert applied == BUNDLES * PER_BUNDLE, applied
            start = time.perf_counter()
            again = sync.import_bundles(session, paths, workers=1)
            replays.append(time.perf_counter() - start)
            assert all(o.result and o.result.outcome.value == "replay" for o in again)
        finally:
            session.lock()
        if not stored:
            stored.append(_stored_events(directory.db))
        shutil.rmtree(directory.root)
        return elapsed

    def baseline() -> float:
        schema, rows = stored[0]
        path = root / f"raw-upsert-{secrets.token_hex(4)}.sqlite"
        try:
            return _raw_upsert(path, schema, rows)
        finally:
            for leftover in root.glob(f"{path.name}*"):
                leftover.unlink()

    # The rows the baseline writes are the ones the first import stored: that one goes first.
    first = measured()
    times, raw_times = interleaved(measured, baseline, IMPORT_ROUNDS - 1)
    raw_times.append(baseline())
    times.append(first)
    report.ratio(
        f"import {BUNDLES} x {PER_BUNDLE} events, empty store",
        statistics.median(times),
        statistics.median(raw_times),
        2.5,
        " s",
        baseline_name="raw executemany upsert, one commit",
    )
    events = BUNDLES * PER_BUNDLE
    report("  import rate", events / statistics.median(times), "(events/s)", True, "/s")
    replay = statistics.median(replays)
    report(f"import the same {BUNDLES} again (replays)", replay, "≤ 0.5 s", replay <= 0.5, " s")


def _public(private: bytes) -> bytes:
    return network_keys.x25519_public(private)


def run(report: Reporter) -> None:
    os.environ.setdefault("FIELDREG_KDF_PROFILE", "minimum")
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        _bench_export(root, report)
        _bench_import(root, report)
