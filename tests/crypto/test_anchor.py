"""The anchor outside the database: it survives a torn write, never goes backwards when two
writers record at once, cannot be forged without the data key, and is private."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from fieldreg.crypto.anchor import Anchor, AnchorDamaged, Mark
from fieldreg.crypto.sealing import FieldSealer

DEVICE = "d" * 64
OTHER = "e" * 64


def _mark(seq: int) -> Mark:
    return Mark(seq, f"{seq:064x}", 1_000_000 + seq)


@pytest.fixture
def key() -> bytes:
    return os.urandom(32)


def test_no_anchor_yet_reads_as_none(tmp_path: Path, key: bytes) -> None:
    assert Anchor(tmp_path, FieldSealer(key)).read() is None


def test_a_lock_file_not_yet_written_is_no_anchor(tmp_path: Path, key: bytes) -> None:
    """A crash after the first writer created the lock file, before it wrote anything."""
    (tmp_path / "anchor.0").touch(mode=0o600)
    assert Anchor(tmp_path, FieldSealer(key)).read() is None


def test_records_merge_per_device_and_files_are_private(tmp_path: Path, key: bytes) -> None:
    anchor = Anchor(tmp_path, FieldSealer(key))
    anchor.record({DEVICE: _mark(3), OTHER: _mark(9)})
    anchor.record({DEVICE: _mark(4)})  # the other device is kept from before
    assert anchor.read() == {DEVICE: _mark(4), OTHER: _mark(9)}
    for name in ("anchor.0", "anchor.1"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o600


def test_an_older_position_never_moves_the_anchor_back(tmp_path: Path, key: bytes) -> None:
    anchor = Anchor(tmp_path, FieldSealer(key))
    anchor.record({DEVICE: _mark(7)})
    anchor.record({DEVICE: _mark(5)})  # a slower writer recording what it saw earlier
    assert anchor.read() == {DEVICE: _mark(7)}


def test_a_torn_write_leaves_the_previous_record(tmp_path: Path, key: bytes) -> None:
    anchor = Anchor(tmp_path, FieldSealer(key))
    anchor.record({DEVICE: _mark(1)})
    anchor.record({DEVICE: _mark(2)})
    newest = tmp_path / "anchor.0"  # generation 2 (the files take turns: 1, 0, 1, ...)
    content = newest.read_bytes()
    newest.write_bytes(content[: len(content) // 2])  # the crash came mid-write
    assert anchor.read() == {DEVICE: _mark(1)}  # behind the database: allowed
    anchor.record({DEVICE: _mark(3)})
    assert anchor.read() == {DEVICE: _mark(3)}


def test_a_shorter_record_over_a_longer_one_reads_back(tmp_path: Path, key: bytes) -> None:
    anchor = Anchor(tmp_path, FieldSealer(key))
    many = {f"{n:064x}": _mark(n + 1) for n in range(20)}
    anchor.record(many)
    anchor.record(many)
    anchor.record({DEVICE: _mark(1)})
    assert anchor.read() == {**many, DEVICE: _mark(1)}


def test_another_key_or_altered_bytes_do_not_open(tmp_path: Path, key: bytes) -> None:
    Anchor(tmp_path, FieldSealer(key)).record({DEVICE: _mark(1)})
    with pytest.raises(AnchorDamaged) as caught:
        Anchor(tmp_path, FieldSealer(os.urandom(32))).read()
    assert caught.value.code == "verify.anchor_damaged"
    path = tmp_path / "anchor.1"
    data = bytearray(path.read_bytes())
    data[-1] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(AnchorDamaged):
        Anchor(tmp_path, FieldSealer(key)).read()


def test_two_writers_at_once_end_at_the_furthest_position(tmp_path: Path, key: bytes) -> None:
    """Each writer records its own increasing positions of one device; whatever the
    interleaving, the anchor ends at the furthest, and it only ever moved forward."""
    first, second = Anchor(tmp_path, FieldSealer(key)), Anchor(tmp_path, FieldSealer(key))
    reader = Anchor(tmp_path, FieldSealer(key))
    seen: list[int] = []
    stop = threading.Event()

    def write(anchor: Anchor, start: int) -> None:
        for seq in range(start, 400, 2):
            anchor.record({DEVICE: _mark(seq)})

    def watch() -> None:
        while not stop.is_set():
            marks = reader.read()
            if marks:
                seen.append(marks[DEVICE].seq)

    threads = [
        threading.Thread(target=write, args=(first, 1)),
        threading.Thread(target=write, args=(second, 2)),
    ]
    watcher = threading.Thread(target=watch)
    watcher.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    watcher.join()
    assert reader.read() == {DEVICE: _mark(399)}
    assert seen == sorted(seen)
