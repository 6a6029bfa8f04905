"""Crash safety of slot file writes: a crash at any step leaves a store that the passphrase valid
at that moment still opens, and a failure that is reported leaves the files as they were."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from crypto_support import PASSPHRASE, STORE_ID, Store, directory_snapshot

from fieldreg.core.errors import AuthError, StoreError
from fieldreg.crypto import slots
from fieldreg.crypto.kdf import minimum_params
from fieldreg.crypto.recovery import new_recovery_key
from fieldreg.crypto.slots import SlotFile

NEW = "a brand new passphrase"
TEMP = slots.TEMP_INFIX


class Crash(BaseException):
    """Stands for the process dying: not an Exception, so no cleanup code runs."""


def fail_on_call(
    monkeypatch: pytest.MonkeyPatch, name: str, call: int, error: BaseException
) -> None:
    """Make os.<name> raise `error` on its call-th call (1-based), and behave normally otherwise.
    For "open" only the temp files count, not the lock's or the reads'."""
    original: Callable[..., Any] = getattr(os, name)
    calls = 0

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        if name == "open" and TEMP not in str(args[0]):
            return original(*args, **kwargs)
        calls += 1
        if calls == call:
            raise error
        return original(*args, **kwargs)

    monkeypatch.setattr(os, name, wrapper)


def change(store: Store) -> None:
    store.slot_file.change_passphrase(store.data_key, store.operator_id, NEW, minimum_params())


SIDE_FILES = {"slots.json.lock", "slots.json.attempts"}  # the lock; wrong-passphrase counts


def names(directory: Path) -> set[str]:
    return {entry.name for entry in directory.iterdir()} - SIDE_FILES


def assert_opens_only_with(store: Store, valid: str, invalid: str) -> None:
    fresh = SlotFile(store.path)  # what the app sees after a restart
    with pytest.raises(AuthError, match="wrong_passphrase"):
        fresh.unlock_passphrase(store.operator_id, invalid)
    assert fresh.unlock_passphrase(store.operator_id, valid) == store.data_key


def test_crash_after_the_temp_file_is_written(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_on_call(monkeypatch, "replace", 1, Crash())  # current -> .prev never happens
    with pytest.raises(Crash):
        change(store)
    monkeypatch.undo()
    leftovers = names(store.path.parent) - {"slots.json"}
    assert len(leftovers) == 1
    assert leftovers.pop().startswith("slots.json.tmp-")
    assert_opens_only_with(store, PASSPHRASE, NEW)
    # An unlock deletes nothing (the temp file could be a live writer's); the next change,
    # holding the lock, knows its writer is dead and tidies it.
    assert len(names(store.path.parent)) == 2
    change(store)
    assert names(store.path.parent) == {"slots.json"}


def test_crash_before_the_temp_file_is_durable(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_on_call(monkeypatch, "fsync", 1, Crash())
    with pytest.raises(Crash):
        change(store)
    monkeypatch.undo()
    assert_opens_only_with(store, PASSPHRASE, NEW)


def test_crash_after_the_rename_to_prev(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    fail_on_call(monkeypatch, "replace", 2, Crash())  # temp -> main never happens
    with pytest.raises(Crash):
        change(store)
    monkeypatch.undo()
    assert not store.path.exists()
    assert (store.path.parent / "slots.json.prev").exists()
    assert SlotFile(store.path).exists()
    assert SlotFile(store.path).operators()[0].operator_id == store.operator_id
    assert_opens_only_with(store, PASSPHRASE, NEW)
    assert not store.path.exists()  # an unlock moves nothing; the next change puts it right
    change(store)
    assert names(store.path.parent) == {"slots.json"}
    assert_opens_only_with(store, NEW, PASSPHRASE)


def test_a_change_after_the_crash_works_without_an_unlock_first(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_on_call(monkeypatch, "replace", 2, Crash())
    with pytest.raises(Crash):
        change(store)
    monkeypatch.undo()
    change(store)
    assert names(store.path.parent) == {"slots.json"}
    assert_opens_only_with(store, NEW, PASSPHRASE)


def test_crash_before_prev_is_removed(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    fail_on_call(monkeypatch, "unlink", 1, Crash())
    with pytest.raises(Crash):
        change(store)
    monkeypatch.undo()
    assert (store.path.parent / "slots.json.prev").exists()
    # The new generation is in place and verified: it wins, and the old passphrase is refused.
    assert_opens_only_with(store, NEW, PASSPHRASE)
    assert (store.path.parent / "slots.json.prev").exists()  # left for the next change


def test_crash_while_adding_an_operator(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    fail_on_call(monkeypatch, "replace", 2, Crash())
    with pytest.raises(Crash):
        store.slot_file.add_operator(store.data_key, "Petro", NEW, minimum_params())
    monkeypatch.undo()
    assert [op.label for op in SlotFile(store.path).operators()] == ["Olena"]
    assert_opens_only_with(store, PASSPHRASE, NEW)


def test_crash_while_creating_allows_a_retry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "slots.json"

    def create() -> tuple[SlotFile, bytes, str]:
        return SlotFile.create(
            path,
            store_id=STORE_ID,
            operator_label="Olena",
            passphrase=PASSPHRASE,
            kdf=minimum_params(),
            recovery_key=new_recovery_key(),
        )

    fail_on_call(monkeypatch, "replace", 1, Crash())
    with pytest.raises(Crash):
        create()
    monkeypatch.undo()
    assert not SlotFile(path).exists()
    slot_file, data_key, operator_id = create()
    assert slot_file.unlock_passphrase(operator_id, PASSPHRASE) == data_key
    assert {n for n in names(path.parent) if n.startswith("slots")} == {"slots.json"}


@pytest.mark.parametrize(
    "step",
    [
        ("open", 1, errno.ENOSPC, "store.disk_full"),  # temp file creation
        ("write", 1, errno.ENOSPC, "store.disk_full"),
        ("fsync", 1, errno.EIO, "slots.io"),  # temp file
        ("replace", 1, errno.EACCES, "slots.io"),  # current -> .prev
        ("replace", 2, errno.EIO, "slots.io"),  # temp -> current
        ("fsync", 2, errno.EIO, "slots.io"),  # directory, after the renames
        ("open", 1, errno.EROFS, "store.read_only"),
    ],
)
def test_a_failed_write_is_reported_and_undone(
    store: Store, monkeypatch: pytest.MonkeyPatch, step: tuple[str, int, int, str]
) -> None:
    name, call, error_number, code = step
    before = directory_snapshot(store.path.parent)
    fail_on_call(monkeypatch, name, call, OSError(error_number, os.strerror(error_number)))
    with pytest.raises(StoreError) as caught:
        change(store)
    monkeypatch.undo()
    assert caught.value.code == code
    assert directory_snapshot(store.path.parent) == before
    assert_opens_only_with(store, PASSPHRASE, NEW)


def test_a_failure_to_remove_prev_after_success_is_not_an_error(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_on_call(monkeypatch, "unlink", 1, OSError(errno.EIO, "I/O error"))
    change(store)
    monkeypatch.undo()
    assert_opens_only_with(store, NEW, PASSPHRASE)
    assert names(store.path.parent) == {"slots.json", "slots.json.prev"}
    change(store)  # the next change removes what the failed unlink left
    assert names(store.path.parent) == {"slots.json"}


def test_a_file_that_reads_back_wrong_is_rolled_back(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = directory_snapshot(store.path.parent)
    real_read = slots._read_file
    reads = 0

    def flaky_read(path: Path) -> bytes | None:
        nonlocal reads
        reads += 1
        data = real_read(path)
        # Read 1 loads, 2 verifies the temp file, 3 verifies the file in place: corrupt that one.
        return data[:-2] if reads == 3 and data is not None else data

    monkeypatch.setattr(slots, "_read_file", flaky_read)
    with pytest.raises(StoreError) as caught:
        change(store)
    monkeypatch.undo()
    assert caught.value.code == "slots.verify_failed"
    assert directory_snapshot(store.path.parent) == before
    assert_opens_only_with(store, PASSPHRASE, NEW)
