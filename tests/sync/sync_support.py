"""Helpers for the sync tests: coordinator and laptop stores, and "devices" that write events
directly (real keys, real certificates) so tests can make any bundle, honest or hostile."""

from __future__ import annotations

import hashlib
import secrets
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from fieldreg.core import canonical, ids
from fieldreg.core.events import FORMAT_VERSION, Event, EventType, make_event
from fieldreg.core.fold import PersonState, apply
from fieldreg.crypto.kdf import minimum_params
from fieldreg.crypto.network_keys import DeviceKeys
from fieldreg.services import enrollment_service as enroll
from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.sync import age_format, bundle_format, enrollment, export, minisign
from fieldreg.sync.bundle_format import Header
from tests.conftest import PASSPHRASE, TODAY
from tests.pg_support import copy_database, table_rows

NETWORK_PASSPHRASE = "network passphrase for tests"
# A module's `pytestmark = PG_TOO` runs each of its tests on SQLite and on PostgreSQL.
PG_TOO = pytest.mark.parametrize("store_backend", ["sqlite", "postgresql"], indirect=True)
CLOCK = 1_795_000_000_000 << 16


def create_coordinator(path: Path, store_url: str | None = None) -> DataDir:
    """A coordinator store in `path` (its rows in PostgreSQL at `store_url` if given)."""
    directory = DataDir(path, store_url)
    enroll.create_network(
        directory,
        point="Хаб",
        operator="Координатор",
        passphrase=PASSPHRASE,
        network_passphrase=NETWORK_PASSPHRASE,
        kdf=minimum_params(),
    )
    return directory


def open_store(directory: DataDir) -> Session:
    return vault.open_session(directory, operator=None, passphrase=PASSPHRASE, today=lambda: TODAY)


def copy_store(source: DataDir, target: Path) -> DataDir:
    """A copy of a store no session has open (its WAL is checkpointed on close); on
    PostgreSQL the folder and a new database made from the store's as a template."""
    shutil.copytree(source.root, target)
    if source.store_url is None:
        return DataDir(target)
    return DataDir(target, copy_database(source.store_url))


def new_laptop(path: Path, coordinator: DataDir, prefix: str, point: str = "Школа 5") -> DataDir:
    """A laptop store, enrolled with `prefix` through request -> approve -> accept."""
    directory = DataDir(path)
    vault.init_store(
        directory, point=point, operator="Оксана", passphrase=PASSPHRASE, kdf=minimum_params()
    )
    laptop, hub = open_store(directory), open_store(coordinator)
    try:
        request = enroll.enrollment_request(laptop)
        approval = enroll.approve_request(
            hub, request, prefix=prefix, network_passphrase=NETWORK_PASSPHRASE
        )
        enroll.accept_answer(laptop, approval.answer)
    finally:
        laptop.lock()
        hub.lock()
    return directory


def snapshot(directory: DataDir) -> str:
    """Every row of every table, read-only: equal snapshots mean an unchanged store."""
    if directory.store_url is not None:
        return hashlib.sha256(
            repr(sorted(table_rows(directory.store_url).items())).encode()
        ).hexdigest()
    connection = sqlite3.connect(f"file:{directory.db}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        tables = connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
        ).fetchall()
        for (table,) in tables:
            rows = connection.execute(f'SELECT * FROM "{table}"').fetchall()
            for row in sorted(rows, key=repr):
                digest.update(repr((table, row)).encode())
        return digest.hexdigest()
    finally:
        connection.close()


@dataclass
class Device:
    """An enrolled device whose events the test writes directly."""

    device_id: str
    identity: export.Identity
    events: list[Event] = field(default_factory=list)
    states: dict[str, PersonState] = field(default_factory=dict)
    counter: int = 0
    clock: int = CLOCK

    @property
    def prefix(self) -> str:
        return self.identity.prefix

    def new_id(self) -> str:
        self.counter = ids.next_counter(self.prefix, self.counter)
        return ids.format_id(self.prefix, self.counter)

    def event(
        self, kind: EventType, subject: str, payload: dict[str, Any], *, tick: int = 1
    ) -> Event:
        self.clock += tick << 16
        event = make_event(
            device_id=self.device_id,
            seq=len(self.events) + 1,
            hlc=self.clock,
            operator_id="0f" * 16,
            type=kind,
            subject_id=subject,
            payload=payload,
            prev=self.events[-1].event_id if self.events else "",
            salt=secrets.token_hex(16),
        )
        self.events.append(event)
        if kind is not EventType.HOUSEHOLD_CREATED:
            apply(self.states.setdefault(subject, PersonState(subject)), event)
        return event

    def register(self, **fields: Any) -> str:
        person = self.new_id()
        self.event(EventType.PERSON_REGISTERED, person, {"fields": fields})
        return person

    def change(
        self, person: str, kind: EventType = EventType.FIELDS_CHANGED, **fields: Any
    ) -> Event:
        state = self.states.setdefault(person, PersonState(person))
        payload = {"fields": fields, "base": state.base_for(sorted(fields))}
        return self.event(kind, person, payload)

    def learn(self, events: list[Event]) -> None:
        """What a roster would bring: another device's events folded into this one's view."""
        for event in events:
            if event.type is not EventType.HOUSEHOLD_CREATED:
                apply(
                    self.states.setdefault(event.subject_id, PersonState(event.subject_id)), event
                )

    def bundle(self, first: int = 1, last: int | None = None, created: int = 1) -> bytes:
        chosen = self.events[first - 1 : last]
        data, _header = export.build_bundle(chosen, self.identity, created)
        return data


def enroll_device(coordinator: Session, prefix: str) -> Device:
    device_id = secrets.token_hex(32)
    keys = DeviceKeys.generate()
    request = enrollment.make_request(device_id, f"Пункт {prefix}", "Z" + prefix + "000", keys, 1)
    approval = enroll.approve_request(
        coordinator, request, prefix=prefix, network_passphrase=NETWORK_PASSPHRASE
    )
    answer = enrollment.parse_answer(approval.answer)
    identity = export.Identity(answer.network, keys, answer.certificate.text, 1, prefix)
    return Device(device_id, identity)


# --- hostile bundles ---------------------------------------------------------------------------


def raw_event(device: Device, seq: int, prev: str, body: dict[str, Any], subject: str) -> list[Any]:
    """A payload row whose id is right for whatever body it carries (even an unknown type)."""
    hlc = CLOCK + (seq << 20)
    document = {
        "v": FORMAT_VERSION,
        "device": device.device_id,
        "seq": seq,
        "hlc": hlc,
        "subject": subject,
        "prev": prev,
        **body,
    }
    event_id = hashlib.sha256(canonical.dumps(document)).hexdigest()
    return [seq, hlc, subject, prev, event_id, body]


def signed_bundle(
    device: Device,
    plaintext: bytes,
    *,
    first: int,
    last: int,
    prev: str = "",
    head: str = "0" * 64,
    recipients: list[bytes] | None = None,
    ciphertext: bytes | None = None,
    signer: Any = None,
) -> bytes:
    """A bundle with any plaintext, honestly encrypted and signed by the device (or `signer`)."""
    network = device.identity.network
    header = Header(
        network=network.network_id,
        device=device.device_id,
        epoch=device.identity.epoch,
        first=first,
        last=last,
        prev=prev,
        head=head,
        payload=hashlib.sha256(plaintext).hexdigest(),
        created=1,
    )
    if ciphertext is None:
        ciphertext = age_format.encrypt(
            plaintext, recipients or [network.recipient_public, network.escrow_public]
        )
    signature = minisign.sign(
        signer or device.identity.keys.signer(),
        ciphertext,
        trusted_comment=header.text(),
        untrusted_comment=bundle_format.SIGNATURE_COMMENT,
    )
    return bundle_format.build_container(signature, device.identity.certificate, ciphertext)


def payload_of(device: Device, rows: list[Any], first: int = 1) -> bytes:
    return canonical.dumps(
        {"v": bundle_format.VERSION, "device": device.device_id, "first": first, "events": rows}
    )


@dataclass
class Hub:
    directory: DataDir
    session: Session
    a: Device  # prefix K7
    b: Device  # prefix M3
    c: Device  # prefix P5


@dataclass(frozen=True)
class Template:
    directory: DataDir  # never opened after it was made: tests copy it
    devices: tuple[Device, ...]

    def fresh_devices(self) -> list[Device]:
        """The enrolled devices with empty logs (tests write their events)."""
        return [Device(d.device_id, d.identity) for d in self.devices]
