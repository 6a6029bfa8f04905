"""Network and enrollment: a request as a QR-sized text, a certificate with an ID prefix, the
answer pinned on the laptop with its escrow slot, revocation, and recovery through escrow."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_support import NETWORK_PASSPHRASE, create_coordinator, open_store

from fieldreg.core import ids
from fieldreg.core.errors import AuthError, FieldregError, ValidationError
from fieldreg.crypto.slots import SlotFile
from fieldreg.services import enrollment_service as enroll
from fieldreg.services import sync_service as sync
from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from fieldreg.sync import enrollment
from tests.conftest import PASSPHRASE

NEW_PASSPHRASE = "a brand new passphrase 7"


def _laptop(tmp_path: Path, name: str) -> DataDir:
    directory = DataDir(tmp_path / name)
    vault.init_store(directory, point="Школа 5", operator="Оксана", passphrase=PASSPHRASE)
    return directory


def test_enrollment_assigns_the_prefix_and_pins_the_network(tmp_path: Path) -> None:
    hub_dir = create_coordinator(tmp_path / "hub")
    laptop = open_store(_laptop(tmp_path, "laptop"))
    hub = open_store(hub_dir)
    try:
        assert ids.is_provisional_prefix(laptop.prefix)
        early = laptop.register({"family_name": "Бойко", "given_name": "Олена"})
        request = enroll.enrollment_request(laptop)
        assert len(request) < 600  # fits a QR code
        assert request.isascii()
        approval = enroll.approve_request(
            hub, request, prefix="k7", network_passphrase=NETWORK_PASSPHRASE
        )
        assert approval.prefix == "K7"
        status = enroll.network_status(hub)
        accepted = enroll.accept_answer(laptop, approval.answer, fingerprint=status.fingerprint)
        assert accepted.prefix == "K7"
        assert laptop.prefix == "K7"
        later = laptop.register({"family_name": "Коваль", "given_name": "Петро"})
        assert later.startswith("K7-")
        assert laptop.person(early).fields["family_name"] == "Бойко"  # old ids stay valid
        assert SlotFile(laptop.data_dir.slots).has_escrow()
        assert enroll.network_status(laptop).role == "device"
        assert enroll.network_status(laptop).fingerprint == status.fingerprint
        [device] = enroll.devices(hub)
        assert (device.prefix, device.name, device.epoch) == ("K7", "Школа 5", 1)
        with pytest.raises(FieldregError) as caught:
            enroll.enrollment_request(laptop)
        assert caught.value.code == "sync.already_enrolled"
    finally:
        laptop.lock()
        hub.lock()
    # and in a fresh session the prefix is the assigned one
    again = open_store(laptop.data_dir)
    try:
        assert again.register({"family_name": "Ткач", "given_name": "Ніна"}).startswith("K7-")
    finally:
        again.lock()


def test_a_tampered_request_is_refused(tmp_path: Path) -> None:
    laptop = open_store(_laptop(tmp_path, "laptop"))
    try:
        request = enroll.enrollment_request(laptop)
    finally:
        laptop.lock()
    position = len(request) // 2
    tampered = (
        request[:position] + ("A" if request[position] != "A" else "B") + request[position + 1 :]
    )
    with pytest.raises(FieldregError) as caught:
        enrollment.parse_request(tampered)
    assert caught.value.code == "enroll.request_invalid"
    for garbage in ("", "FRQ1:", "FRA1:abc.def", "x" * 20000):
        with pytest.raises(FieldregError):
            enrollment.parse_request(garbage)


def test_prefixes_are_checked_and_never_shared(tmp_path: Path) -> None:
    hub = open_store(create_coordinator(tmp_path / "hub"))
    first, second = open_store(_laptop(tmp_path, "one")), open_store(_laptop(tmp_path, "two"))
    try:
        with pytest.raises(ValidationError):
            enroll.approve_request(
                hub,
                enroll.enrollment_request(first),
                prefix="ZAB",
                network_passphrase=NETWORK_PASSPHRASE,
            )
        with pytest.raises(ValidationError):
            enroll.approve_request(
                hub,
                enroll.enrollment_request(first),
                prefix="ABCDE",
                network_passphrase=NETWORK_PASSPHRASE,
            )
        with pytest.raises(AuthError) as wrong:
            enroll.approve_request(
                hub,
                enroll.enrollment_request(first),
                prefix="K7",
                network_passphrase="not the one at all",
            )
        assert wrong.value.code == "sync.wrong_network_passphrase"
        enroll.approve_request(
            hub,
            enroll.enrollment_request(first),
            prefix="K7",
            network_passphrase=NETWORK_PASSPHRASE,
        )
        with pytest.raises(FieldregError) as taken:
            enroll.approve_request(
                hub,
                enroll.enrollment_request(second),
                prefix="K7",
                network_passphrase=NETWORK_PASSPHRASE,
            )
        assert taken.value.code == "enroll.prefix_taken"
        with pytest.raises(FieldregError) as own:
            enroll.approve_request(
                hub,
                enroll.enrollment_request(second),
                prefix="C0",
                network_passphrase=NETWORK_PASSPHRASE,
            )
        assert own.value.code == "enroll.prefix_taken"  # the hub's own prefix
    finally:
        for session in (hub, first, second):
            session.lock()


def test_an_answer_is_checked_before_anything_is_pinned(tmp_path: Path) -> None:
    hub = open_store(create_coordinator(tmp_path / "hub"))
    first, second = open_store(_laptop(tmp_path, "one")), open_store(_laptop(tmp_path, "two"))
    try:
        enroll.enrollment_request(second)  # its keys exist, but the answer is for `first`
        answer = enroll.approve_request(
            hub,
            enroll.enrollment_request(first),
            prefix="K7",
            network_passphrase=NETWORK_PASSPHRASE,
        ).answer
        with pytest.raises(FieldregError) as other:
            enroll.accept_answer(second, answer)
        assert other.value.code == "enroll.not_for_this_device"
        with pytest.raises(FieldregError) as fingerprint:
            enroll.accept_answer(first, answer, fingerprint="AAAA-BBBB-CCCC-DDDD")
        assert fingerprint.value.code == "enroll.fingerprint_mismatch"
        position = len(answer) // 3
        tampered = (
            answer[:position] + ("A" if answer[position] != "A" else "B") + answer[position + 1 :]
        )
        with pytest.raises(FieldregError) as damaged:
            enroll.accept_answer(first, tampered)
        assert damaged.value.code in {"enroll.answer_invalid", "sync.certificate_invalid"}
        assert enroll.network_status(first).role == ""
        assert not SlotFile(first.data_dir.slots).has_escrow()
        enroll.accept_answer(first, answer)
        assert enroll.network_status(first).role == "device"
    finally:
        for session in (hub, first, second):
            session.lock()


def test_the_coordinator_recovers_a_forgotten_passphrase_through_escrow(tmp_path: Path) -> None:
    hub = open_store(create_coordinator(tmp_path / "hub"))
    laptop_dir = _laptop(tmp_path, "laptop")
    laptop = open_store(laptop_dir)
    try:
        person = laptop.register({"family_name": "Бойко", "given_name": "Олена"})
        answer = enroll.approve_request(
            hub,
            enroll.enrollment_request(laptop),
            prefix="K7",
            network_passphrase=NETWORK_PASSPHRASE,
        ).answer
        enroll.accept_answer(laptop, answer)
    finally:
        laptop.lock()
    try:
        with pytest.raises(AuthError):
            enroll.recover_laptop(
                hub,
                laptop_dir,
                network_passphrase="wrong network words",
                operator=None,
                new_passphrase=NEW_PASSPHRASE,
            )
        enroll.recover_laptop(
            hub,
            laptop_dir,
            network_passphrase=NETWORK_PASSPHRASE,
            operator=None,
            new_passphrase=NEW_PASSPHRASE,
        )
    finally:
        hub.lock()
    with pytest.raises(AuthError):
        vault.open_session(laptop_dir, operator=None, passphrase=PASSPHRASE)
    recovered = vault.open_session(laptop_dir, operator=None, passphrase=NEW_PASSPHRASE)
    try:
        assert recovered.person(person).fields["family_name"] == "Бойко"
    finally:
        recovered.lock()


def test_revocation_accepts_bundles_only_up_to_n(tmp_path: Path) -> None:
    hub_dir = create_coordinator(tmp_path / "hub")
    laptop = open_store(_laptop(tmp_path, "laptop"))
    hub = open_store(hub_dir)
    stick = tmp_path / "stick"
    stick.mkdir()
    try:
        answer = enroll.approve_request(
            hub,
            enroll.enrollment_request(laptop),
            prefix="K7",
            network_passphrase=NETWORK_PASSPHRASE,
        ).answer
        enroll.accept_answer(laptop, answer)
        for number in range(5):
            laptop.register({"family_name": "Бойко", "given_name": f"Олена{'н' * number}"})
        early = sync.export_bundles(laptop, stick, first=1, last=3)
        late = sync.export_bundles(laptop, stick, first=4, last=5)
        device = enroll.revoke_device(hub, "K7", up_to=3, network_passphrase=NETWORK_PASSPHRASE)
        assert device.revoked_up_to == 3
        [accepted] = sync.import_bundles(hub, [early[0].path])
        assert accepted.error is None
        [refused] = sync.import_bundles(hub, [late[0].path])
        assert refused.error is not None
        assert refused.error.code == "bundle.revoked"
        assert len(hub.people.summaries()) == 3
    finally:
        laptop.lock()
        hub.lock()
