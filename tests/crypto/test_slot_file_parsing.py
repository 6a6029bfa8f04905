"""Hostile and damaged slot files give typed errors, never a crash, a hang or a huge allocation."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from crypto_support import PASSPHRASE, Store, directory_snapshot

from fieldreg.core.errors import AuthError, StoreError, TamperError
from fieldreg.crypto import slot_format
from fieldreg.crypto.kdf import minimum_params
from fieldreg.crypto.slot_keys import new_passphrase_slot
from fieldreg.crypto.slots import SlotFile

Edit = Callable[[dict[str, Any]], None]


def rewrite(store: Store, edit: Edit) -> None:
    document = json.loads(store.path.read_text(encoding="utf-8"))
    edit(document)
    store.path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def tamper_code(store: Store) -> str:
    """The error a restarted app meets; every entry point agrees and nothing is written."""
    before = directory_snapshot(store.path.parent)
    fresh = SlotFile(store.path)
    with pytest.raises(TamperError) as listed:
        fresh.operators()
    with pytest.raises(TamperError) as unlocked:
        fresh.unlock_passphrase(store.operator_id, PASSPHRASE)
    with pytest.raises(TamperError):
        fresh.unlock_recovery(store.recovery_key)
    assert listed.value.code == unlocked.value.code
    assert directory_snapshot(store.path.parent) == before
    return listed.value.code


def first_slot(document: dict[str, Any]) -> dict[str, Any]:
    slot: dict[str, Any] = document["slots"][0]
    return slot


@pytest.mark.parametrize("keep", [0, 1, 10, 100, 500, -2])
def test_truncated_json(store: Store, keep: int) -> None:
    raw = store.path.read_bytes()
    store.path.write_bytes(raw[:keep])
    assert tamper_code(store) == "slots.corrupt"


@pytest.mark.parametrize(
    "raw",
    [
        b"\xff\xfe{}",
        b"[]",
        b"null",
        b'"slots"',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"format": "fieldreg-slots", "version": NaN}',
    ],
)
def test_garbage(store: Store, raw: bytes) -> None:
    store.path.write_bytes(raw)
    assert tamper_code(store) == "slots.corrupt"


def test_two_mebibyte_file(store: Store) -> None:
    def pad(document: dict[str, Any]) -> None:
        first_slot(document)["label"] = "x" * (2 * 1024 * 1024)

    rewrite(store, pad)
    assert store.path.stat().st_size > 2 * 1024 * 1024
    assert tamper_code(store) == "slots.corrupt"


def test_file_just_under_the_limit_is_read(store: Store) -> None:
    raw = store.path.read_bytes()
    store.path.write_bytes(raw.rstrip() + b" " * (slot_format.MAX_FILE_BYTES - len(raw.rstrip())))
    assert SlotFile(store.path).unlock_passphrase(store.operator_id, PASSPHRASE) == store.data_key


@pytest.mark.parametrize(
    ("field", "value", "param"),
    [
        ("memory_kib", 1024 * 1024 * 1024, "memory_kib"),  # 1 TiB
        ("memory_kib", 1024 * 1024 + 1, "memory_kib"),
        ("iterations", 1_000_000, "iterations"),
        ("lanes", 64, "lanes"),
        ("memory_kib", 1, "memory_kib"),
        ("salt", "", "salt"),
    ],
)
def test_hostile_kdf_params_are_capped(store: Store, field: str, value: object, param: str) -> None:
    def edit(document: dict[str, Any]) -> None:
        first_slot(document)["kdf"][field] = value

    rewrite(store, edit)
    fresh = SlotFile(store.path)
    with pytest.raises(TamperError) as caught:
        fresh.unlock_passphrase(store.operator_id, PASSPHRASE)
    assert caught.value.code == "kdf.params"
    assert caught.value.params == {"param": param}
    # Only that slot is refused: the recovery key still opens the store.
    assert fresh.unlock_recovery(store.recovery_key) == store.data_key


def _set(path: tuple[str | int, ...], value: object) -> Edit:
    def edit(document: dict[str, Any]) -> None:
        target: Any = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return edit


def _delete(path: tuple[str | int, ...]) -> Edit:
    def edit(document: dict[str, Any]) -> None:
        target: Any = document
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return edit


def _duplicate_first_slot(document: dict[str, Any]) -> None:
    document["slots"].append(dict(first_slot(document)))


def _second_recovery_slot(document: dict[str, Any]) -> None:
    extra = dict(document["slots"][1])
    extra["slot_id"] = "e" * 32
    document["slots"].append(extra)


def _same_label_twice(document: dict[str, Any]) -> None:
    extra = dict(first_slot(document))
    extra["slot_id"], extra["operator_id"], extra["label"] = "e" * 32, "f" * 32, "OLENA"
    document["slots"].append(extra)


@pytest.mark.parametrize(
    "edit",
    [
        _set(("format",), "something-else"),
        _set(("version",), "1"),
        _set(("version",), 0),
        _set(("version",), True),
        _set(("generation",), "2"),
        _set(("generation",), 0),
        _set(("generation",), 2**60),
        _set(("generation",), 1.0),
        _set(("store_id",), 12345),
        _set(("store_id",), "NOT-HEX-NOT-HEX-"),
        _set(("key_id",), "abc"),
        _set(("slots",), {}),
        _set(("slots",), []),
        _set(("extra",), 1),
        _delete(("key_id",)),
        _delete(("checksum",)),
        _duplicate_first_slot,
        _second_recovery_slot,
        _same_label_twice,
    ],
)
def test_wrong_shapes_and_types(store: Store, edit: Edit) -> None:
    rewrite(store, edit)
    assert tamper_code(store) in {"slots.corrupt", "kdf.params"}


@pytest.mark.parametrize(
    "edit",
    [
        _set(("slots", 0), "passphrase"),
        _set(("slots", 0, "kind"), "fingerprint"),
        _set(("slots", 0, "kind"), None),
        _set(("slots", 0, "kind"), "recovery"),  # the wrong fields for that kind
        _set(("slots", 0, "slot_id"), "ABC"),
        _set(("slots", 0, "operator_id"), 7),
        _set(("slots", 0, "label"), ""),
        _set(("slots", 0, "label"), "Olena\u202e"),
        _set(("slots", 0, "label"), " Olena"),  # not in its cleaned form
        _set(("slots", 0, "label"), ["Olena"]),
        _set(("slots", 0, "nonce"), "AAAA"),
        _set(("slots", 0, "nonce"), "not base64 at all"),
        _set(("slots", 0, "wrapped_key"), 123),
        _set(("slots", 0, "wrapped_key"), "A" * 200),
        _set(("slots", 0, "extra"), 1),
        _delete(("slots", 0, "label")),
    ],
)
def test_a_damaged_operator_slot_leaves_the_recovery_slot_working(store: Store, edit: Edit) -> None:
    rewrite(store, edit)
    fresh = SlotFile(store.path)
    assert fresh.operators() == []  # the damaged slot is passed over, not trusted
    with pytest.raises((TamperError, AuthError)) as caught:
        fresh.unlock_passphrase(store.operator_id, PASSPHRASE)
    assert getattr(caught.value, "code", "") in {"slots.corrupt", "auth.unknown_operator"}
    assert fresh.unlock_recovery(store.recovery_key) == store.data_key


def test_a_damaged_recovery_slot_leaves_the_passphrase_working(store: Store) -> None:
    rewrite(store, _set(("slots", 1, "salt"), "AAAA"))
    fresh = SlotFile(store.path)
    assert fresh.unlock_passphrase(store.operator_id, PASSPHRASE) == store.data_key
    with pytest.raises(AuthError) as caught:
        fresh.unlock_recovery(store.recovery_key)
    assert caught.value.code == "auth.wrong_recovery_key"


def test_a_changed_label_is_caught_by_the_checksum(store: Store) -> None:
    # A label is not covered by the wrapping's associated data; the checksum still sees it.
    rewrite(store, _set(("slots", 0, "label"), "Mallory"))
    copy = slot_format.parse_copy(store.path.read_bytes())
    assert copy.checksum_ok is False
    assert not copy.intact


def test_duplicate_json_keys(store: Store) -> None:
    raw = store.path.read_text(encoding="utf-8")
    store.path.write_text(raw.replace('"generation": 1,', '"generation": 1, "generation": 2,'))
    assert tamper_code(store) == "slots.corrupt"


def test_newer_format_is_refused_not_misread(store: Store) -> None:
    rewrite(store, _set(("version",), 3))
    with pytest.raises(StoreError) as caught:
        SlotFile(store.path).operators()
    assert caught.value.code == "slots.newer_version"
    assert caught.value.params == {"version": 3}


def test_corrupt_main_file_falls_back_to_prev(store: Store) -> None:
    prev = store.path.with_name("slots.json.prev")
    prev.write_bytes(store.path.read_bytes())
    store.path.write_bytes(b'{"format": "fieldreg-sl')
    fresh = SlotFile(store.path)
    assert fresh.unlock_passphrase(store.operator_id, PASSPHRASE) == store.data_key
    assert SlotFile(store.path).generation() == 1
    # An unlock moves nothing; the next change writes a good main file and drops `.prev`.
    assert prev.exists()
    fresh.change_passphrase(store.data_key, store.operator_id, "a new passphrase", minimum_params())
    assert not prev.exists()
    assert SlotFile(store.path).generation() == 2


def test_corrupt_main_and_prev_report_the_main_problem(store: Store) -> None:
    store.path.with_name("slots.json.prev").write_bytes(b"[]")
    store.path.write_bytes(b"{")
    assert tamper_code(store) == "slots.corrupt"


def test_missing_main_and_corrupt_prev_is_corrupt(store: Store) -> None:
    store.path.rename(store.path.with_name("slots.json.prev"))
    store.path.with_name("slots.json.prev").write_bytes(b"{")
    with pytest.raises(TamperError, match=r"slots\.corrupt"):
        SlotFile(store.path).operators()


def test_a_wrapped_key_that_is_not_the_stores_key(store: Store) -> None:
    # Someone who can write the file wraps their own key under a passphrase they know.
    document = json.loads(store.path.read_text(encoding="utf-8"))
    planted = new_passphrase_slot(
        (document["store_id"], document["key_id"]),
        os.urandom(32),
        operator_id=store.operator_id,
        label="Olena",
        passphrase="the attacker's passphrase",
        kdf=minimum_params(),
    )
    document["slots"][0] = planted.slot.to_json()
    store.path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(TamperError) as caught:
        SlotFile(store.path).unlock_passphrase(store.operator_id, "the attacker's passphrase")
    assert caught.value.code == "slots.key_mismatch"


def test_a_folder_in_place_of_the_file_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "slots.json").mkdir()
    with pytest.raises(StoreError) as caught:
        SlotFile(tmp_path / "slots.json").operators()
    assert caught.value.code == "slots.not_a_file"
    assert caught.value.params == {"path": str(tmp_path / "slots.json")}


def test_wrong_passphrase_on_a_good_file_is_not_tamper(store: Store) -> None:
    with pytest.raises(AuthError):
        SlotFile(store.path).unlock_passphrase(store.operator_id, "not the passphrase")
