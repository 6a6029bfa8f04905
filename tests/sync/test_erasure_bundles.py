"""Erasure reaches the bundles the coordinator keeps without having applied them: one held for a
gap (a sealed copy in the store) and one refused into quarantine (a file in the data folder).
Either opens with the coordinator's bundle key, which sits in the same store, so after the
erasure no canary value may be readable in any of them; bundles that do not name the person stay,
and the device's log still completes once the gap is filled."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from erasure_support import (
    CANARIES,
    CANARY,
    CANARY_NOTE,
    blobs_in_files,
    leaks_in_files,
    leaks_in_sealed,
)
from sqlalchemy import select
from sync_support import create_coordinator, new_laptop, open_store

from fieldreg.core.errors import NotFoundError
from fieldreg.crypto.encoding import strict_b64decode
from fieldreg.crypto.kdf import minimum_params
from fieldreg.services import erasure, vault
from fieldreg.services import sync_service as sync
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository
from fieldreg.store.sync_store import HELD, SyncStore
from fieldreg.sync import age_format, bundle_format
from tests.conftest import TODAY

SECOND = "second operator passphrase"


@pytest.fixture(autouse=True)
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every temporary file of the program (and of SQLite) goes here, where the tests look."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    return folder


@pytest.fixture
def network(tmp_path: Path) -> Iterator[tuple[Session, Session]]:
    hub_dir = create_coordinator(tmp_path / "hub")
    laptop_dir = new_laptop(tmp_path / "laptop", hub_dir, "K7")
    hub, laptop = open_store(hub_dir), open_store(laptop_dir)
    vault.add_operator(hub, label="Друга", passphrase=SECOND, kdf=minimum_params())
    yield hub, laptop
    for session in (hub, laptop):
        if not session.locked:
            session.lock()


def _export(laptop: Session, folder: Path) -> Path:
    folder.mkdir()
    [exported] = sync.export_bundles(laptop, folder)
    return exported.path


def _tampered(bundle: Path, folder: Path) -> Path:
    """The same bundle with its signature's untrusted comment changed: refused before anything
    is decrypted (so it goes to quarantine), its encrypted payload untouched."""
    parts = bundle_format.parse_container(bundle.read_bytes())
    signature = parts.signature.decode("utf-8")
    changed = signature.replace(bundle_format.SIGNATURE_COMMENT, "changed on the way", 1)
    assert changed != signature
    folder.mkdir()
    target = folder / bundle.name
    target.write_bytes(
        bundle_format.build_container(changed, parts.certificate.decode("ascii"), parts.payload)
    )
    return target


def _kept_bundles(hub: Session) -> list[tuple[str, bytes]]:
    """(where, bytes) of every bundle the coordinator keeps unapplied."""
    with sync_repository(hub) as repo, repo.reading():
        store = SyncStore(repo)
        found = [("held", store.held_body(h.bundle_hash)) for h in store.held()]
    found += [(p.name, p.read_bytes()) for p in sorted(hub.data_dir.quarantine.glob("*.bundle"))]
    return found


def _readable(hub: Session) -> list[tuple[str, str]]:
    """(where, canary) for each canary value readable in a kept bundle with the hub's key."""
    with sync_repository(hub) as repo, repo.reading():
        network = SyncStore(repo).network()
    assert network is not None
    identity = strict_b64decode(network.secrets.get("recipient"), 32)
    assert identity is not None
    found = []
    for where, raw in _kept_bundles(hub):
        plaintext = age_format.decrypt(bundle_format.parse_container(raw).payload, identity)
        found += [(where, c) for c in CANARIES if c.encode("utf-8") in plaintext]
    return found


def _held_sealed(hub: Session) -> list[bytes]:
    with sync_repository(hub) as repo, repo.reading():
        return [bytes(b) for b in repo.conn.execute(select(HELD.c.body)).scalars()]


def test_erasure_destroys_held_and_quarantined_bundles_that_name_the_person(
    network: tuple[Session, Session], tmp_path: Path
) -> None:
    hub, laptop = network
    person = laptop.register(CANARY)
    first = _export(laptop, tmp_path / "a")
    kept = laptop.register({"family_name": "Коваль", "given_name": "Петро"})
    gap = _export(laptop, tmp_path / "b")  # travels late: what follows waits for it
    laptop.add_note(person, CANARY_NOTE)
    laptop.set_status(person, "waiting", location="Спортзал")
    late = _export(laptop, tmp_path / "c")
    [applied] = sync.import_bundles(hub, [first])
    assert applied.error is None
    [held] = sync.import_bundles(hub, [late])
    assert held.error is None
    refused = sync.import_bundles(
        hub, [_tampered(late, tmp_path / "d"), _tampered(gap, tmp_path / "e")]
    )
    assert [o.error is not None for o in refused] == [True, True]
    assert len(list(hub.data_dir.quarantine.glob("*.bundle"))) == 2
    noted = [w for w, c in _readable(hub) if c == CANARY_NOTE]
    assert len(noted) == 2  # held, and its tampered copy in quarantine
    assert "held" in noted
    sealed_before = _held_sealed(hub)
    assert sealed_before

    request = erasure.request_erasure(hub, person, "data_subject_request")
    second = vault.open_session(
        hub.data_dir, operator="Друга", passphrase=SECOND, today=lambda: TODAY
    )
    try:
        assert erasure.confirm_erasure(second, request.request_id) == person
        assert _readable(second) == []
        kept_files = [w for w, _raw in _kept_bundles(second)]
        assert len(kept_files) == 1  # the tampered copy of the bundle that names only Коваль
        assert len(list(second.data_dir.quarantine.glob("*.reason.json"))) == 1
        assert blobs_in_files(sealed_before, second.data_dir.root) == []
        assert leaks_in_sealed(second) == []

        # the gap is filled: the log goes on; the erased person stays erased
        [filled] = sync.import_bundles(second, [gap])
        assert filled.error is None
        assert second.person(kept).fields["family_name"] == "Коваль"
        with pytest.raises(NotFoundError):
            second.person(person)
        assert second.verify().ok
    finally:
        second.lock()
    hub.lock()
    assert leaks_in_files(hub.data_dir.root) == []
