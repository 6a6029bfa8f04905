"""`roster_service.roster_files`: a batch's rosters as bytes, for the hub to serve from memory.
They are the files `write_rosters` would write (a laptop imports them the same way), nothing is
written to disk for them, and the batch counts as written for each device."""

from __future__ import annotations

import gzip
from pathlib import Path

from sync_support import NETWORK_PASSPHRASE, create_coordinator, new_laptop, open_store

from fieldreg.services import roster_service as rosters
from fieldreg.services.sync_access import sync_repository
from fieldreg.store.roster_store import RosterStore


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file() and not p.name.endswith(("-wal", "-shm"))}


def test_roster_bytes_import_like_a_file_and_nothing_is_written(tmp_path: Path) -> None:
    coordinator = create_coordinator(tmp_path / "hub")
    a = open_store(new_laptop(tmp_path / "a", coordinator, "K7"))
    b = open_store(new_laptop(tmp_path / "b", coordinator, "M3", point="Вокзал"))
    hub = open_store(coordinator)
    try:
        person = hub.register({"family_name": "Кравець", "given_name": "Ольга"})
        before = _files(coordinator.root)
        sealed = rosters.roster_files(hub, network_passphrase=NETWORK_PASSPHRASE)
        assert _files(coordinator.root) == before
        by_device = {s.device_id: s for s in sealed}
        assert set(by_device) == {a.device_id, b.device_id}
        mine = by_device[b.device_id]
        assert mine.full
        assert mine.file_name == f"fieldreg-roster-M3-v{mine.version}.roster"
        stick = tmp_path / "stick"
        stick.mkdir()
        (stick / mine.file_name).write_bytes(mine.data)
        applied = rosters.import_roster(b, stick / mine.file_name)
        assert applied.added == 1
        assert b.person(person).fields["family_name"] == "Кравець"
        with sync_repository(hub) as repo, repo.reading():
            marks = RosterStore(repo).device_marks()
        assert marks[b.device_id][0] == mine.version  # written, as write_rosters records it
        assert marks[a.device_id][0] == mine.version
    finally:
        a.lock()
        b.lock()
        hub.lock()


def test_each_device_stream_unpacks_to_its_own_payload_whatever_the_order() -> None:
    """The shared gzip state is kept per shared part: a revoked device's empty list between
    two full rosters neither mixes payloads nor costs a second compression of the people."""
    people = b'[["K7-0001-X",null,[],[],[],[]]]' * 1000
    empty = b"[]"
    plans = [
        (b'{"base":0,"people":', people, b',"receipts":{"applied_up_to":1}}'),
        (b'{"base":0,"people":', empty, b',"receipts":{"applied_up_to":0}}'),
        (b'{"base":0,"people":', people, b',"receipts":{"applied_up_to":7}}'),
        (b'{"base":3,"people":', people, b',"receipts":{"applied_up_to":2}}'),
    ]
    packer = rosters._SharedPacker()
    for parts in plans:
        packed = packer.compress(parts)
        assert gzip.decompress(packed.data) == b"".join(parts)
        assert packed.size == len(b"".join(parts))
    assert len(packer._states) == 3  # (base 0, people), (base 0, empty), (base 3, people)
