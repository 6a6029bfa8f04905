from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest
from crypto_support import PASSPHRASE, STORE_ID, Store, directory_snapshot
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from fieldreg.core.errors import AuthError, StoreError, TamperError, ValidationError
from fieldreg.crypto.kdf import KdfParams, minimum_params
from fieldreg.crypto.recovery import new_recovery_key
from fieldreg.crypto.sealing import FieldSealer, key_id_for
from fieldreg.crypto.slots import OperatorInfo, SlotFile


def code_of(error: pytest.ExceptionInfo[Exception]) -> str:
    return str(getattr(error.value, "code", ""))


def test_create_then_unlock(store: Store) -> None:
    assert len(store.data_key) == 32
    reopened = SlotFile(store.path)
    assert reopened.exists()
    assert reopened.store_id() == STORE_ID
    assert reopened.key_id() == key_id_for(store.data_key)
    assert reopened.generation() == 1
    assert reopened.operators() == [OperatorInfo(store.operator_id, "Olena")]
    assert reopened.unlock_passphrase(store.operator_id, PASSPHRASE) == store.data_key
    assert reopened.unlock_recovery(store.recovery_key) == store.data_key


def test_the_unlocked_key_opens_sealed_fields(store: Store) -> None:
    blob = FieldSealer(store.data_key).seal("person", "A", "names", b"x")
    key = SlotFile(store.path).unlock_passphrase(store.operator_id, PASSPHRASE)
    assert FieldSealer(key).open("person", "A", "names", blob) == b"x"


def test_no_secret_in_the_file(store: Store) -> None:
    raw = store.path.read_bytes()
    assert store.data_key not in raw
    assert store.data_key.hex().encode() not in raw
    assert PASSPHRASE.encode() not in raw
    assert store.recovery_key not in raw


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_files_are_owner_only(store: Store) -> None:
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    store.slot_file.add_operator(
        store.data_key, "Petro", "another long passphrase", minimum_params()
    )
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    with pytest.raises(AuthError):
        store.slot_file.unlock_passphrase(store.operator_id, "not the passphrase")
    beside = sorted(p.name for p in store.path.parent.iterdir())
    assert beside == ["slots.json", "slots.json.attempts", "slots.json.lock"]
    for path in store.path.parent.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_owner_only_even_with_a_careless_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        slot_file, _, _ = SlotFile.create(
            tmp_path / "slots.json",
            store_id=STORE_ID,
            operator_label="Olena",
            passphrase=PASSPHRASE,
            kdf=minimum_params(),
            recovery_key=new_recovery_key(),
        )
    finally:
        os.umask(old)
    assert stat.S_IMODE(slot_file.path.stat().st_mode) == 0o600


def test_create_refuses_to_overwrite(store: Store) -> None:
    before = directory_snapshot(store.path.parent)
    with pytest.raises(StoreError) as caught:
        SlotFile.create(
            store.path,
            store_id=STORE_ID,
            operator_label="Mallory",
            passphrase="a different passphrase",
            kdf=minimum_params(),
            recovery_key=new_recovery_key(),
        )
    assert code_of(caught) == "slots.exists"
    assert directory_snapshot(store.path.parent) == before


def test_create_validates_before_writing(tmp_path: Path) -> None:
    path = tmp_path / "slots.json"
    with pytest.raises(ValidationError, match="too_short"):
        SlotFile.create(
            path,
            store_id=STORE_ID,
            operator_label="Olena",
            passphrase="short",
            kdf=minimum_params(),
            recovery_key=new_recovery_key(),
        )
    with pytest.raises(ValidationError, match="label_empty"):
        SlotFile.create(
            path,
            store_id=STORE_ID,
            operator_label="   ",
            passphrase=PASSPHRASE,
            kdf=minimum_params(),
            recovery_key=new_recovery_key(),
        )
    assert not path.exists()
    assert not path.with_name("slots.json.prev").exists()


def test_wrong_passphrase_changes_no_key_file(store: Store) -> None:
    before = store.path.read_bytes()
    with pytest.raises(AuthError) as caught:
        store.slot_file.unlock_passphrase(store.operator_id, PASSPHRASE + "!")
    assert code_of(caught) == "auth.wrong_passphrase"
    assert store.path.read_bytes() == before
    assert not store.path.with_name("slots.json.prev").exists()


def test_unknown_operator(store: Store) -> None:
    with pytest.raises(AuthError) as caught:
        store.slot_file.unlock_passphrase("0" * 32, PASSPHRASE)
    assert code_of(caught) == "auth.unknown_operator"


def test_wrong_recovery_key(store: Store) -> None:
    before = directory_snapshot(store.path.parent)
    with pytest.raises(AuthError) as caught:
        store.slot_file.unlock_recovery(new_recovery_key())
    assert code_of(caught) == "auth.wrong_recovery_key"
    assert directory_snapshot(store.path.parent) == before


def test_change_passphrase(store: Store) -> None:
    new = "a brand new passphrase"
    store.slot_file.change_passphrase(store.data_key, store.operator_id, new, minimum_params())
    reopened = SlotFile(store.path)
    assert reopened.generation() == 2
    assert reopened.unlock_passphrase(store.operator_id, new) == store.data_key
    with pytest.raises(AuthError, match="wrong_passphrase"):
        reopened.unlock_passphrase(store.operator_id, PASSPHRASE)
    assert reopened.operators() == [OperatorInfo(store.operator_id, "Olena")]
    assert {p.name for p in store.path.parent.iterdir()} - {"slots.json.lock"} == {
        "slots.json",
        "slots.json.attempts",  # the one wrong passphrase above, counted
    }


def test_change_passphrase_validates_before_writing(store: Store) -> None:
    before = directory_snapshot(store.path.parent)
    with pytest.raises(ValidationError, match="too_short"):
        store.slot_file.change_passphrase(
            store.data_key, store.operator_id, "short", minimum_params()
        )
    with pytest.raises(AuthError, match="unknown_operator"):
        store.slot_file.change_passphrase(store.data_key, "f" * 32, PASSPHRASE, minimum_params())
    with pytest.raises(TamperError, match="key_mismatch"):
        store.slot_file.change_passphrase(
            os.urandom(32), store.operator_id, "a brand new passphrase", minimum_params()
        )
    assert directory_snapshot(store.path.parent) == before


def test_add_operator(store: Store) -> None:
    petro = store.slot_file.add_operator(
        store.data_key, "  Petro  ", "another long passphrase", minimum_params()
    )
    reopened = SlotFile(store.path)
    assert reopened.operators() == [
        OperatorInfo(store.operator_id, "Olena"),
        OperatorInfo(petro, "Petro"),
    ]
    assert reopened.unlock_passphrase(petro, "another long passphrase") == store.data_key
    assert reopened.unlock_passphrase(store.operator_id, PASSPHRASE) == store.data_key
    with pytest.raises(AuthError, match="wrong_passphrase"):
        reopened.unlock_passphrase(petro, PASSPHRASE)


def test_each_slot_gets_its_own_salt(store: Store) -> None:
    params = minimum_params()
    store.slot_file.add_operator(store.data_key, "Petro", "another long passphrase", params)
    store.slot_file.add_operator(store.data_key, "Iryna", "yet another passphrase", params)
    slots = json.loads(store.path.read_text(encoding="utf-8"))["slots"]
    salts = [slot["kdf"]["salt"] for slot in slots if slot["kind"] == "passphrase"]
    assert len(set(salts)) == 3


@pytest.mark.parametrize(
    "label", ["olena", "OLENA", " Olena ", "Ｏｌｅｎａ".casefold() and "olenA"]
)
def test_duplicate_label(store: Store, label: str) -> None:
    before = directory_snapshot(store.path.parent)
    with pytest.raises(ValidationError) as caught:
        store.slot_file.add_operator(
            store.data_key, label, "another long passphrase", minimum_params()
        )
    assert caught.value.code == "operator.duplicate"
    assert caught.value.field == "operator"
    assert directory_snapshot(store.path.parent) == before


def test_cyrillic_labels_are_case_insensitive_too(store: Store) -> None:
    store.slot_file.add_operator(
        store.data_key, "Марія", "another long passphrase", minimum_params()
    )
    with pytest.raises(ValidationError, match="duplicate"):
        store.slot_file.add_operator(
            store.data_key, "МАРІЯ", "yet another passphrase", minimum_params()
        )


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("", "operator.label_empty"),
        ("x" * 65, "operator.label_too_long"),
        ("Ole\u202ena", "operator.label_invalid_char"),  # right-to-left override
        ("Ole\nna", "operator.label_invalid_char"),
        ("Ole\u2028na", "operator.label_invalid_char"),
    ],
)
def test_bad_labels(store: Store, label: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        store.slot_file.add_operator(
            store.data_key, label, "another long passphrase", minimum_params()
        )
    assert caught.value.code == code


def test_remove_operator(store: Store) -> None:
    petro = store.slot_file.add_operator(
        store.data_key, "Petro", "another long passphrase", minimum_params()
    )
    store.slot_file.remove_operator(store.data_key, petro)
    assert [op.operator_id for op in store.slot_file.operators()] == [store.operator_id]
    with pytest.raises(AuthError, match="unknown_operator"):
        store.slot_file.unlock_passphrase(petro, "another long passphrase")
    with pytest.raises(ValidationError, match=r"operator\.last"):
        store.slot_file.remove_operator(store.data_key, store.operator_id)


def test_replace_recovery(store: Store) -> None:
    new_key = new_recovery_key()
    store.slot_file.replace_recovery(store.data_key, new_key)
    assert store.slot_file.unlock_recovery(new_key) == store.data_key
    with pytest.raises(AuthError, match="wrong_recovery_key"):
        store.slot_file.unlock_recovery(store.recovery_key)
    assert store.slot_file.unlock_passphrase(store.operator_id, PASSPHRASE) == store.data_key


def test_recovery_key_must_be_16_bytes(store: Store) -> None:
    with pytest.raises(ValueError, match="16 bytes"):
        store.slot_file.unlock_recovery(b"ABCDE-FGHJK")


def test_escrow(store: Store) -> None:
    coordinator = X25519PrivateKey.generate()
    assert not store.slot_file.has_escrow()
    store.slot_file.set_escrow(store.data_key, coordinator.public_key())
    assert store.slot_file.has_escrow()
    assert SlotFile(store.path).unlock_escrow(coordinator) == store.data_key
    with pytest.raises(AuthError, match="wrong_escrow_key"):
        store.slot_file.unlock_escrow(X25519PrivateKey.generate())
    # A new coordinator key replaces the old escrow slot.
    successor = X25519PrivateKey.generate()
    store.slot_file.set_escrow(store.data_key, successor.public_key())
    assert store.slot_file.unlock_escrow(successor) == store.data_key
    with pytest.raises(AuthError, match="wrong_escrow_key"):
        store.slot_file.unlock_escrow(coordinator)


def test_escrow_refuses_a_low_order_key(store: Store) -> None:
    low_order = X25519PublicKey.from_public_bytes(bytes(32))
    with pytest.raises(ValidationError, match=r"escrow\.invalid_key"):
        store.slot_file.set_escrow(store.data_key, low_order)


def test_wrapped_keys_cannot_be_moved_between_slots(store: Store) -> None:
    petro = store.slot_file.add_operator(
        store.data_key, "Petro", "another long passphrase", minimum_params()
    )
    document = json.loads(store.path.read_text(encoding="utf-8"))
    olena_slot, _, petro_slot = document["slots"]
    # Give Olena's slot Petro's KDF and wrapped key: the slot id and operator id still differ.
    olena_slot["kdf"], olena_slot["nonce"], olena_slot["wrapped_key"] = (
        petro_slot["kdf"],
        petro_slot["nonce"],
        petro_slot["wrapped_key"],
    )
    store.path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(AuthError, match="wrong_passphrase"):
        store.slot_file.unlock_passphrase(store.operator_id, "another long passphrase")
    assert store.slot_file.unlock_passphrase(petro, "another long passphrase") == store.data_key


def test_a_slot_file_from_another_store_id_does_not_open(store: Store) -> None:
    document = json.loads(store.path.read_text(encoding="utf-8"))
    document["store_id"] = "0" * 32
    store.path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(AuthError, match="wrong_passphrase"):
        store.slot_file.unlock_passphrase(store.operator_id, PASSPHRASE)
    with pytest.raises(AuthError, match="wrong_recovery_key"):
        store.slot_file.unlock_recovery(store.recovery_key)


def test_kdf_salt_passed_in_is_not_reused(store: Store) -> None:
    params = KdfParams(memory_kib=19456, iterations=2, lanes=1, salt=b"s" * 16)
    store.slot_file.add_operator(store.data_key, "Petro", "another long passphrase", params)
    assert b"s" * 16 not in store.path.read_bytes()


def test_missing_file(tmp_path: Path) -> None:
    slot_file = SlotFile(tmp_path / "slots.json")
    assert not slot_file.exists()
    with pytest.raises(StoreError, match=r"slots\.missing"):
        slot_file.operators()
