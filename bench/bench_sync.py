"""Sync: export 10,000 events to a bundle; import 50 bundles x 2,000 events into an empty
coordinator store and then the same 50 again (replays); encrypt + sign throughput against the
`age` tool encrypting the same payload in the same run.

Bundles for the import come from five enrolled devices whose events are made directly (the same
events `Session` writes: registrations, household links, status changes, notes, edits, most of
them about people registered shortly before, as at a reception desk).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import secrets
import shutil
import sqlite3
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.gauge import interleaved, timed
from bench.reporting import Reporter
from bench.synthetic import people
from fieldreg.core import ids
from fieldreg.core.events import Event, EventType, make_event
from fieldreg.core.fold import PersonState, apply
from fieldreg.crypto import durable_file, network_keys, sealing
from fieldreg.crypto.encoding import strict_b64decode
from fieldreg.services import enrollment_service as enroll
from fieldreg.services import sync_service as sync
from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from fieldreg.sync import age_format, age_keys, bundle_format, enrollment, export, minisign
from fieldreg.sync.enrollment import parse_certificate

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
# The other rows an import must store (the floor below writes them as the import stored them).
FLOOR_TABLES = {  # table -> (read what the import stored, write it again)
    "people": (
        "SELECT id, created_hlc, updated_hlc, summary, details, meta FROM people",
        "INSERT INTO people (id, created_hlc, updated_hlc, summary, details, meta)"
        " VALUES (?, ?, ?, ?, ?, ?)",
    ),
    "notes": (
        "SELECT event_id, person_id, hlc, body FROM notes",
        "INSERT INTO notes (event_id, person_id, hlc, body) VALUES (?, ?, ?, ?)",
    ),
    "households": (
        "SELECT id, created_hlc FROM households",
        "INSERT INTO households (id, created_hlc) VALUES (?, ?)",
    ),
}
SEAL_OVERHEAD = sealing.HEADER_BYTES + sealing.TAG_BYTES


def _device_events(device_id: str, prefix: str, count: int, rng: random.Random) -> list[Event]:
    pool = list(people(400, seed=rng.randrange(1 << 30)))
    events: list[Event] = []
    states: dict[str, PersonState] = {}
    recent: list[str] = []
    everyone: list[str] = []  # the keys of `states` in order: no list(states) per event
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
            state = states.get(subject)
            if state is None:
                state = states[subject] = PersonState(subject)
                everyone.append(subject)
            apply(state, event)

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
            person = rng.choice(recent if rng.random() < 0.9 else everyone)
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


def _raw_read(db: Path, device_id: str) -> list[tuple[object, ...]]:
    """Read the events an export reads, with plain sqlite3."""
    connection = sqlite3.connect(db)
    try:
        return connection.execute(EXPORTED_EVENTS, (device_id, EXPORT_EVENTS)).fetchall()
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
            identity = export.identity_of(repo, session.device_id)
            network = identity.network
        plaintext = bundle_format.build_payload(session.device_id, events)
        recipients = [network.recipient_public, network.escrow_public]  # as export's
        source = root / "payload.bin"  # the payload the export encrypts, to the same recipients
        source.write_bytes(plaintext)
        have_age = shutil.which("age") is not None

        signer = identity.keys.signer()
        sealer = sealing.FieldSealer(session.data_key)
        floor_times: list[float] = []

        def floor() -> float:
            """What any export of these events must do beyond the baseline's read: open each
            sealed body (the store seals them), encrypt (our age writer: the tool's output
            would do as well) and sign the payload, and write it durably (temporary name,
            fsync, rename, fsync of the folder). Not in it: putting the payload together
            from the rows, checking the ids, reading back and verifying, marking exported."""
            target = out / f".floor-{secrets.token_hex(4)}"
            start = time.perf_counter()
            rows = _raw_read(directory.db, session.device_id)
            sealer.open_many("events", "body", [r[2] for r in rows], [r[6] for r in rows])
            ciphertext = age_format.encrypt(plaintext, recipients)
            minisign.sign(signer, ciphertext, trusted_comment="{}", untrusted_comment="floor")
            durable_file.write_new_file(target, ciphertext)
            target.replace(target.with_suffix(".bundle"))
            durable_file.fsync_dir(out)
            seconds = time.perf_counter() - start
            target.with_suffix(".bundle").unlink()
            return seconds

        def baseline() -> float:
            start = time.perf_counter()
            _raw_read(directory.db, session.device_id)
            _age(recipients, source, root / "baseline.age")
            seconds = time.perf_counter() - start
            floor_times.append(floor())  # beside each baseline: information
            return seconds

        measured = timed(lambda: sync.export_bundles(session, out, first=1, last=EXPORT_EVENTS))
        if have_age:
            times, raw_times = interleaved(measured, baseline, EXPORT_ROUNDS)
        else:
            times, raw_times = [measured() for _ in range(EXPORT_ROUNDS)], []
    finally:
        session.lock()
    name = f"export {EXPORT_EVENTS} events to a bundle"
    if raw_times:
        baseline_seconds = statistics.median(raw_times)
        report.ratio(
            name,
            statistics.median(times),
            baseline_seconds,
            2,
            " s",
            baseline_name="raw read + age tool",
        )
        least = statistics.median(floor_times)
        note = f"({least / baseline_seconds:.2f}× the read + age: the least)"
        report("  floor: read, open, encrypt, sign, write durably", least, note, True, " s")
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


def _schema(connection: sqlite3.Connection, table: str) -> list[str]:
    """A table's CREATE statements as the store made them, the table before its indexes; not
    its triggers (the roster's marks: fieldreg's own work, not the physical floor, and they name
    tables the floor's database does not have)."""
    return [
        sql
        for (sql,) in connection.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL"
            " AND type IN ('table', 'index') ORDER BY type DESC",
            (table,),
        )
    ]


def _stored_events(db: Path) -> tuple[list[str], list[tuple[object, ...]]]:
    """The events table's CREATE statements and every row, as an import stored them."""
    connection = sqlite3.connect(db)
    try:
        return _schema(connection, "events"), connection.execute(ALL_EVENTS).fetchall()
    finally:
        connection.close()


@dataclass(slots=True)
class _Floor:
    """What any import of these bundles must do, with the tools the import uses (or the least
    of them), and nothing of ours: check each signature (minisign: BLAKE2b and Ed25519), decrypt
    each payload (pyrage), parse it (json.loads), hash every event (SHA-256: the chain), seal
    every value the store keeps (AES-GCM: event bodies, each person's three sealed columns,
    notes) and store every row the import stored, in one durable commit. Not in it: the schema
    checks, the fold, encoding people, reading the people already stored, the second process.
    """

    containers: list[bundle_format.Container]
    signatures: list[minisign.Signature]
    keys: list[bytes]  # each bundle's device's Ed25519 key
    identity: bytes  # the coordinator's X25519 bundle key
    event_rows: list[bytes]  # each event's row as encoded in its payload (what gets hashed)
    schema: list[str]
    rows: dict[str, list[tuple[object, ...]]]  # table -> the rows an import stored
    seal: dict[tuple[str, str], tuple[list[str], list[bytes]]]  # (table, column) -> ids, plain

    def decode_side(self) -> float:
        """The part a second process can do (the import's decoder does it)."""
        start = time.perf_counter()
        for container, signature, key in zip(
            self.containers, self.signatures, self.keys, strict=True
        ):
            minisign.verify(signature, container.payload, key)
            json.loads(age_format.decrypt(container.payload, self.identity))
        for row in self.event_rows:
            hashlib.sha256(row).digest()
        return time.perf_counter() - start

    def store_side(self, path: Path) -> float:
        """Seal every value and store every row, one durable commit (as `_raw_upsert`)."""
        sealer = sealing.FieldSealer(os.urandom(32))
        connection = sqlite3.connect(path, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            for statement in self.schema:
                connection.execute(statement)
            start = time.perf_counter()
            for (table, column), (record_ids, plain) in self.seal.items():
                sealer.seal_many(table, column, record_ids, plain)
            connection.execute("BEGIN")
            connection.executemany(UPSERT_EVENTS, self.rows["events"])
            for table, (_, insert) in FLOOR_TABLES.items():
                connection.executemany(insert, self.rows[table])
            connection.execute("COMMIT")
            return time.perf_counter() - start
        finally:
            connection.close()


def _floor(db: Path, paths: list[Path], session_identity: bytes, root_public: bytes) -> _Floor:
    containers = [bundle_format.parse_container(path.read_bytes()) for path in paths]
    signatures = [minisign.parse(c.signature) for c in containers]
    keys = [
        parse_certificate(c.certificate.decode("ascii"), root_public).ed25519 for c in containers
    ]
    event_rows = []
    for container in containers:
        payload = json.loads(age_format.decrypt(container.payload, session_identity))
        event_rows += [
            json.dumps(row, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
            for row in payload["events"]
        ]
    connection = sqlite3.connect(db)
    try:
        schema = [sql for table in ("events", *FLOOR_TABLES) for sql in _schema(connection, table)]
        rows = {"events": connection.execute(ALL_EVENTS).fetchall()}
        for table, (select, _) in FLOOR_TABLES.items():
            rows[table] = connection.execute(select).fetchall()
    finally:
        connection.close()

    def plain(blobs: list[object]) -> list[bytes]:  # plaintexts as long as the stored ones
        return [os.urandom(max(len(b) - SEAL_OVERHEAD, 1)) for b in blobs if isinstance(b, bytes)]

    def sealed(table: str, key: int, column: int) -> tuple[list[str], list[bytes]]:
        kept = [r for r in rows[table] if isinstance(r[column], bytes)]
        return [str(r[key]) for r in kept], plain([r[column] for r in kept])

    seal = {("events", "body"): sealed("events", 2, 6), ("notes", "body"): sealed("notes", 0, 3)}
    for column, name in ((3, "summary"), (4, "details"), (5, "meta")):
        seal["people", name] = sealed("people", 0, column)
    return _Floor(containers, signatures, keys, session_identity, event_rows, schema, rows, seal)


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
    floors: list[_Floor] = []
    floor_times: list[tuple[float, float]] = []  # (decode side, store side)

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
            if not floors:
                with sync.sync_repository(session) as repo:
                    network = sync.coordinator_network(repo)
                identity = strict_b64decode(network.secrets.get("recipient"), 32)
                assert identity is not None
                floors.append(_floor(directory.db, paths, identity, network.info.root_public))
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
            seconds = _raw_upsert(path, schema, rows)
        finally:
            for leftover in root.glob(f"{path.name}*"):
                leftover.unlink()
        # The floor beside each baseline (information: how far down any import could go).
        floor_path = root / f"floor-{secrets.token_hex(4)}.sqlite"
        try:
            floor_times.append((floors[0].decode_side(), floors[0].store_side(floor_path)))
        finally:
            for leftover in root.glob(f"{floor_path.name}*"):
                leftover.unlink()
        return seconds

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
    raw = statistics.median(raw_times)
    decode_side = statistics.median(t[0] for t in floor_times)
    store_side = statistics.median(t[1] for t in floor_times)
    for name, seconds in (
        ("  floor: verify, decrypt, parse, hash, seal, store", decode_side + store_side),
        ("  floor, decoding on a second core", max(decode_side, store_side)),
    ):
        # Information: the least any import of these bundles does (see _Floor), as a ratio.
        note = f"({seconds / raw:.2f}× the raw upsert: the least)"
        report(name, seconds, note, True, " s")
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
