"""Export on a laptop: everything since the last export (or a chosen range), written so that a
bundle counts as exported only once it is on the stick whole; nothing is ever deleted."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_support import create_coordinator, new_laptop, open_store

from fieldreg.core.errors import FieldregError, StoreError
from fieldreg.services import sync_service as sync
from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository
from fieldreg.sync import export
from tests.conftest import PASSPHRASE


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Session]:
    coordinator = create_coordinator(tmp_path / "hub")
    session = open_store(new_laptop(tmp_path / "laptop", coordinator, "K7"))
    yield session
    session.lock()


def _register(session: Session, count: int) -> list[str]:
    return [
        session.register({"family_name": "Бойко", "given_name": f"Олена{'н' * n}"})
        for n in range(count)
    ]


def test_export_takes_everything_since_the_last_export(laptop: Session, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    _register(laptop, 3)
    [first] = sync.export_bundles(laptop, stick)
    assert (first.header.first, first.header.last) == (1, 3)
    _register(laptop, 2)
    [second] = sync.export_bundles(laptop, stick)
    assert (second.header.first, second.header.last) == (4, 5)
    assert second.header.prev == first.header.head
    with pytest.raises(FieldregError) as caught:
        sync.export_bundles(laptop, stick)
    assert caught.value.code == "bundle.nothing_to_export"
    [again] = sync.export_bundles(laptop, stick, first=2, last=4)  # a chosen range
    assert (again.header.first, again.header.last) == (2, 4)
    for exported in (first, second, again):
        assert exported.path.stat().st_mode & 0o777 == 0o600
        report = sync.inspect_bundle(exported.path, session=laptop)
        assert report.ok, report.problems
    assert sorted(p.name for p in stick.iterdir()) == sorted(
        e.path.name for e in (first, second, again)
    )
    # export never deletes: the laptop still has every person and event
    assert len(laptop.people.summaries()) == 5
    assert laptop.verify().events == 5


def test_a_range_outside_the_log_is_refused(laptop: Session, tmp_path: Path) -> None:
    _register(laptop, 2)
    with pytest.raises(FieldregError) as caught:
        sync.export_bundles(laptop, tmp_path, first=2, last=9)
    assert caught.value.code == "bundle.bad_range"


def test_an_unenrolled_laptop_cannot_export(tmp_path: Path) -> None:
    directory = DataDir(tmp_path / "solo")
    vault.init_store(directory, point="P", operator="Olena", passphrase=PASSPHRASE)
    session = open_store(directory)
    try:
        _register(session, 1)
        with pytest.raises(FieldregError) as caught:
            sync.export_bundles(session, tmp_path)
        assert caught.value.code == "sync.not_enrolled"
    finally:
        session.lock()


def test_full_disk_leaves_no_file_and_no_mark(
    laptop: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _register(laptop, 4)
    stick = tmp_path / "stick"
    stick.mkdir()
    real = export.write_new_file

    def full(path: Path, data: bytes) -> None:
        real(path, data[: len(data) // 2])  # half of it reached the stick, then ENOSPC
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(export, "write_new_file", full)
    with pytest.raises(StoreError) as caught:
        sync.export_bundles(laptop, stick)
    assert caught.value.code == "store.disk_full"
    assert list(stick.iterdir()) == []  # neither the final name nor the temporary one
    monkeypatch.setattr(export, "write_new_file", real)
    [exported] = sync.export_bundles(laptop, stick)  # not marked: the same events again
    assert (exported.header.first, exported.header.last) == (1, 4)


def test_a_bundle_that_does_not_read_back_is_removed_and_unmarked(
    laptop: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _register(laptop, 2)
    stick = tmp_path / "stick"
    stick.mkdir()
    real = Path.read_bytes

    def corrupted(self: Path) -> bytes:
        data = real(self)
        return data[:-1] + bytes([data[-1] ^ 1]) if self.parent == stick else data

    monkeypatch.setattr(Path, "read_bytes", corrupted)
    with pytest.raises(FieldregError) as caught:
        sync.export_bundles(laptop, stick)
    assert caught.value.code == "bundle.verify_failed"
    monkeypatch.setattr(Path, "read_bytes", real)
    assert list(stick.iterdir()) == []
    [exported] = sync.export_bundles(laptop, stick)
    assert exported.header.first == 1


def test_the_check_after_writing_holds_the_signature_to_the_bytes_written(
    laptop: Session, tmp_path: Path
) -> None:
    """The check after writing reuses the hash that signing made only for the very bytes that
    were signed: a bundle whose encrypted part is not those bytes is refused and left nowhere."""
    _register(laptop, 2)
    stick = tmp_path / "stick"
    stick.mkdir()
    with sync_repository(laptop) as repo, repo.reading():
        identity = export.identity_of(repo, laptop.device_id)
        last = repo.device(laptop.device_id).last_seq  # type: ignore[union-attr]
        sealed = export.seal_bundle(
            export.read_payload(repo, laptop.device_id, 1, last), identity, 1
        )
    damaged = sealed.data[:-1] + bytes([sealed.data[-1] ^ 1])  # one bit of the ciphertext
    with pytest.raises(FieldregError) as caught:
        export.write_verified(stick, "damaged.bundle", damaged, identity, signed=sealed)
    assert caught.value.code == "bundle.verify_failed"
    assert list(stick.iterdir()) == []
    written = export.write_verified(stick, "whole.bundle", sealed.data, identity, signed=sealed)
    assert written.read_bytes() == sealed.data


def test_the_target_folder_must_exist(laptop: Session, tmp_path: Path) -> None:
    _register(laptop, 1)
    with pytest.raises(FieldregError) as caught:
        sync.export_bundles(laptop, tmp_path / "no-such-stick")
    assert caught.value.code == "sync.no_folder"
