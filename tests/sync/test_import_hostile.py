"""Hostile bundles: each ends in a clear error, the file moved to quarantine with its reason, and
the coordinator's store unchanged (every row of every table compared)."""

from __future__ import annotations

import json
import os
import struct
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sync_support import (
    NETWORK_PASSPHRASE,
    PG_TOO,
    Hub,
    payload_of,
    raw_event,
    signed_bundle,
    snapshot,
)

from fieldreg.core.errors import FieldregError
from fieldreg.core.messages import MESSAGES, describe
from fieldreg.crypto import network_keys
from fieldreg.services import enrollment_service as enroll
from fieldreg.services import sync_service as sync
from fieldreg.services.bundle_import import FileOutcome
from fieldreg.sync import age_format, bundle_format, enrollment, export
from fieldreg.sync.bundle_format import MAGIC

BODY = {"op": "0f" * 16, "type": "PersonRegistered", "salt": "ab" * 16}

pytestmark = PG_TOO  # on SQLite and on a real PostgreSQL server


def _register_body(**fields: object) -> dict[str, object]:
    return {**BODY, "payload": {"fields": fields}}


def _import(hub: Hub, tmp_path: Path, data: bytes, name: str = "in.bundle") -> FileOutcome:
    path = tmp_path / name
    path.write_bytes(data)
    [outcome] = sync.import_bundles(hub.session, [path])
    return outcome


def assert_rejected(hub: Hub, tmp_path: Path, data: bytes, code: str) -> FieldregError:
    before = snapshot(hub.directory)
    path = tmp_path / "hostile.bundle"
    path.write_bytes(data)
    [outcome] = sync.import_bundles(hub.session, [path])
    assert outcome.error is not None, "the bundle was accepted"
    assert outcome.error.code == code, outcome.error
    assert outcome.error.code in MESSAGES
    assert "Unexpected" not in describe(outcome.error)
    assert not path.exists()  # moved, not copied
    assert outcome.rejected is not None
    assert outcome.rejected.path.read_bytes() == data
    reason = json.loads(
        outcome.rejected.path.with_name(outcome.rejected.path.name + ".reason.json").read_text()
    )
    assert reason["code"] == code
    assert snapshot(hub.directory) == before
    return outcome.error


def _small(hub: Hub) -> bytes:
    hub.a.register(family_name="Бойко", given_name="Олена")
    return hub.a.bundle()


def test_empty_file(hub: Hub, tmp_path: Path) -> None:
    assert_rejected(hub, tmp_path, b"", "bundle.empty")


def test_wrong_magic(hub: Hub, tmp_path: Path) -> None:
    assert_rejected(hub, tmp_path, b"PK\x03\x04" + _small(hub)[4:], "bundle.bad_magic")


def test_unknown_future_version(hub: Hub, tmp_path: Path) -> None:
    data = bytearray(_small(hub))
    data[len(MAGIC) : len(MAGIC) + 2] = struct.pack(">H", 2)
    error = assert_rejected(hub, tmp_path, bytes(data), "bundle.unknown_version")
    assert error.params["version"] == 2


def test_unknown_payload_version(hub: Hub, tmp_path: Path) -> None:
    plaintext = json.dumps({"v": 2, "device": hub.a.device_id, "first": 1, "events": []}).encode()
    assert_rejected(
        hub, tmp_path, signed_bundle(hub.a, plaintext, first=1, last=1), "bundle.unknown_version"
    )


def test_length_larger_than_the_file(hub: Hub, tmp_path: Path) -> None:
    data = bytearray(_small(hub))
    offset = len(MAGIC) + 2
    for _part in ("signature", "certificate"):
        (length,) = struct.unpack_from(">I", data, offset)
        offset += 4 + length
    (length,) = struct.unpack_from(">I", data, offset)  # the payload's, the last part
    struct.pack_into(">I", data, offset, length + 50)
    assert_rejected(hub, tmp_path, bytes(data), "bundle.truncated")


def test_length_beyond_the_limit(hub: Hub, tmp_path: Path) -> None:
    data = bytearray(_small(hub))
    struct.pack_into(">I", data, len(MAGIC) + 2, 2**31)
    assert_rejected(hub, tmp_path, bytes(data), "bundle.part_too_large")


def test_trailing_garbage(hub: Hub, tmp_path: Path) -> None:
    assert_rejected(hub, tmp_path, _small(hub) + b"\x00garbage", "bundle.trailing_data")


def _reject_all(hub: Hub, tmp_path: Path, variants: list[bytes]) -> None:
    """Import every variant in one run: each must be rejected and quarantined."""
    before = snapshot(hub.directory)
    folder = tmp_path / "variants"
    folder.mkdir()
    paths = []
    for number, data in enumerate(variants):
        path = folder / f"{number:05d}.bundle"
        path.write_bytes(data)
        paths.append(path)
    outcomes = []
    for start in range(0, len(paths), 900):
        outcomes += sync.import_bundles(hub.session, paths[start : start + 900])
    accepted = [o.path.name for o in outcomes if o.error is None]
    assert accepted == []
    assert all(o.rejected is not None and o.rejected.path.exists() for o in outcomes)
    assert not any(folder.iterdir())
    assert snapshot(hub.directory) == before


def test_truncated_anywhere(hub: Hub, tmp_path: Path) -> None:
    data = _small(hub)
    _reject_all(hub, tmp_path, [data[:cut] for cut in range(1, len(data))])


def test_a_flipped_bit_at_every_byte(hub: Hub, tmp_path: Path) -> None:
    data = _small(hub)
    variants = []
    for offset in range(len(data)):
        flipped = bytearray(data)
        flipped[offset] ^= 1 << (offset % 8)
        variants.append(bytes(flipped))
    _reject_all(hub, tmp_path, variants)
    # and the untouched bundle still imports: the store was not poisoned by the attempts
    assert _import(hub, tmp_path, data).error is None


def test_unknown_signer(hub: Hub, tmp_path: Path) -> None:
    hub.a.register(family_name="Бойко", given_name="Олена")
    stranger = Ed25519PrivateKey.generate()
    events = hub.a.events
    plaintext = bundle_format.build_payload(hub.a.device_id, events)
    data = signed_bundle(
        hub.a, plaintext, first=1, last=1, head=events[-1].event_id, signer=stranger
    )
    assert_rejected(hub, tmp_path, data, "bundle.bad_signature")


def test_certificate_from_a_forged_root(hub: Hub, tmp_path: Path) -> None:
    hub.a.register(family_name="Бойко", given_name="Олена")
    forged_network, forged = enrollment.new_network()
    forged_network = network_keys.NetworkInfo(
        hub.a.identity.network.network_id,
        forged_network.root_public,
        hub.a.identity.network.recipient_public,
        hub.a.identity.network.escrow_public,
    )
    request = enrollment.make_request(hub.a.device_id, "Чужий", "ZK7000", hub.a.identity.keys, 1)
    certificate = enrollment.issue_certificate(
        enrollment.parse_request(request),
        forged_network,
        forged.root,
        prefix="K7",
        epoch=1,
        issued=1,
    )
    identity = export.Identity(forged_network, hub.a.identity.keys, certificate, 1, "K7")
    data, _ = export.build_bundle(hub.a.events, identity, 1)
    assert_rejected(hub, tmp_path, data, "bundle.unknown_device")


def test_revoked_device(hub: Hub, tmp_path: Path) -> None:
    data = _small(hub)
    enroll.revoke_device(hub.session, "K7", up_to=0, network_passphrase=NETWORK_PASSPHRASE)
    error = assert_rejected(hub, tmp_path, data, "bundle.revoked")
    assert error.params["up_to"] == 0


def test_signature_valid_but_payload_swapped(hub: Hub, tmp_path: Path) -> None:
    hub.a.register(family_name="Бойко", given_name="Олена")
    hub.a.register(family_name="Коваль", given_name="Петро")
    signed_for = bundle_format.build_payload(hub.a.device_id, hub.a.events[:1])
    swapped_in = bundle_format.build_payload(hub.a.device_id, hub.a.events)
    network = hub.a.identity.network
    ciphertext = age_format.encrypt(swapped_in, [network.recipient_public, network.escrow_public])
    data = signed_bundle(
        hub.a, signed_for, first=1, last=1, head=hub.a.events[0].event_id, ciphertext=ciphertext
    )
    assert_rejected(hub, tmp_path, data, "bundle.payload_mismatch")


def test_encrypted_to_another_recipient(hub: Hub, tmp_path: Path) -> None:
    hub.a.register(family_name="Бойко", given_name="Олена")
    plaintext = bundle_format.build_payload(hub.a.device_id, hub.a.events)
    others = [network_keys.x25519_public(os.urandom(32)) for _ in range(2)]
    data = signed_bundle(
        hub.a, plaintext, first=1, last=1, head=hub.a.events[0].event_id, recipients=others
    )
    assert_rejected(hub, tmp_path, data, "bundle.not_for_us")


def test_missing_final_age_chunk(hub: Hub, tmp_path: Path) -> None:
    person = hub.a.register(family_name="Бойко", given_name="Олена")
    for number in range(120):
        hub.a.event(hub.a.events[0].type.NOTE_ADDED, person, {"text": f"{number} " + "ж" * 600})
    plaintext = bundle_format.build_payload(hub.a.device_id, hub.a.events)
    network = hub.a.identity.network
    whole = age_format.encrypt(plaintext, [network.recipient_public, network.escrow_public])
    header = age_format.parse_header(whole)
    full_chunk = age_format.CHUNK_BYTES + age_format.TAG_BYTES
    assert len(whole) - header.payload_offset > age_format.NONCE_BYTES + full_chunk
    cut = header.payload_offset + age_format.NONCE_BYTES + full_chunk  # first chunk only
    data = signed_bundle(
        hub.a,
        plaintext,
        first=1,
        last=len(hub.a.events),
        head=hub.a.events[-1].event_id,
        ciphertext=whole[:cut],
    )
    assert_rejected(hub, tmp_path, data, "bundle.decrypt_failed")


@pytest.mark.parametrize(
    ("poison", "code"),
    [
        (b"NaN", "json.constant"),
        (b"-Infinity", "json.constant"),
        (b"1" + b"0" * 5000, "json.syntax"),
        (str(2**70).encode(), "json.integer_range"),
        (b"[" * 100 + b"]" * 100, "json.too_deep"),
        (b"1.5", "json.float"),
        (b'"\\ud800"', "json.surrogate"),
        (b'{"k":["x\\uDC00"]}', "json.surrogate"),
    ],
)
def test_hostile_json_in_the_payload(hub: Hub, tmp_path: Path, poison: bytes, code: str) -> None:
    plaintext = (
        b'{"device":"' + hub.a.device_id.encode() + b'","events":[[1,' + poison + b"]],"
        b'"first":1,"v":1}'
    )
    assert_rejected(hub, tmp_path, signed_bundle(hub.a, plaintext, first=1, last=1), code)


def test_duplicate_keys_in_the_payload(hub: Hub, tmp_path: Path) -> None:
    plaintext = b'{"v":1,"v":1,"device":"x","first":1,"events":[]}'
    data = signed_bundle(hub.a, plaintext, first=1, last=1)
    assert_rejected(hub, tmp_path, data, "json.duplicate_key")


def test_oversized_field(hub: Hub, tmp_path: Path) -> None:
    row = raw_event(
        hub.a, 1, "", _register_body(family_name="Я" * 500, given_name="Олена"), _first_id(hub)
    )
    rows = [row]
    data = signed_bundle(hub.a, payload_of(hub.a, rows), first=1, last=1, head=row[4])
    error = assert_rejected(hub, tmp_path, data, "bundle.event_invalid")
    assert error.params == {"seq": 1, "reason": "family_name"}


def test_oversized_event_count(hub: Hub, tmp_path: Path) -> None:
    count = bundle_format.MAX_EVENTS + 1
    data = signed_bundle(hub.a, b"{}", first=1, last=count)
    assert_rejected(hub, tmp_path, data, "bundle.too_many_events")


def test_more_events_than_the_header_says(hub: Hub, tmp_path: Path) -> None:
    hub.a.register(family_name="Бойко", given_name="Олена")
    hub.a.register(family_name="Коваль", given_name="Петро")
    plaintext = bundle_format.build_payload(hub.a.device_id, hub.a.events)
    data = signed_bundle(hub.a, plaintext, first=1, last=1, head=hub.a.events[0].event_id)
    assert_rejected(hub, tmp_path, data, "bundle.payload_mismatch")


def test_unknown_event_type(hub: Hub, tmp_path: Path) -> None:
    body = {**_register_body(family_name="Бойко"), "type": "Teleported"}
    row = raw_event(hub.a, 1, "", body, _first_id(hub))
    data = signed_bundle(hub.a, payload_of(hub.a, [row]), first=1, last=1, head=row[4])
    error = assert_rejected(hub, tmp_path, data, "bundle.event_invalid")
    assert error.params["reason"] == "type"


def test_missing_field(hub: Hub, tmp_path: Path) -> None:
    body = {**BODY, "payload": {}}
    row = raw_event(hub.a, 1, "", body, _first_id(hub))
    data = signed_bundle(hub.a, payload_of(hub.a, [row]), first=1, last=1, head=row[4])
    error = assert_rejected(hub, tmp_path, data, "bundle.event_invalid")
    assert error.params["reason"] == "payload_keys"


def test_id_under_another_devices_prefix(hub: Hub, tmp_path: Path) -> None:
    body = _register_body(family_name="Бойко", given_name="Олена")
    row = raw_event(hub.a, 1, "", body, "M3-0001-0")
    data = signed_bundle(hub.a, payload_of(hub.a, [row]), first=1, last=1, head=row[4])
    error = assert_rejected(hub, tmp_path, data, "bundle.event_invalid")
    assert error.params["reason"] in {"prefix", "id"}


def _first_id(hub: Hub) -> str:
    return hub.a.new_id()


def test_broken_hash_chain(hub: Hub, tmp_path: Path) -> None:
    first = raw_event(
        hub.a, 1, "", _register_body(family_name="Бойко", given_name="Олена"), _first_id(hub)
    )
    second = raw_event(
        hub.a, 2, "f" * 64, _register_body(family_name="Коваль", given_name="Петро"), _first_id(hub)
    )
    data = signed_bundle(hub.a, payload_of(hub.a, [first, second]), first=1, last=2, head=second[4])
    error = assert_rejected(hub, tmp_path, data, "bundle.broken_chain")
    assert error.params["seq"] == 2


def test_event_id_that_does_not_match_its_content(hub: Hub, tmp_path: Path) -> None:
    row = raw_event(
        hub.a, 1, "", _register_body(family_name="Бойко", given_name="Олена"), _first_id(hub)
    )
    row[5] = _register_body(family_name="Підміна", given_name="Олена")
    data = signed_bundle(hub.a, payload_of(hub.a, [row]), first=1, last=1, head=row[4])
    error = assert_rejected(hub, tmp_path, data, "bundle.event_invalid")
    assert error.params["reason"] == "id"


def test_bundle_of_another_network(hub: Hub, tmp_path: Path) -> None:
    hub.a.register(family_name="Бойко", given_name="Олена")
    other, _secrets = enrollment.new_network()
    identity = export.Identity(other, hub.a.identity.keys, hub.a.identity.certificate, 1, "K7")
    data, _ = export.build_bundle(hub.a.events, identity, 1)
    assert_rejected(hub, tmp_path, data, "bundle.other_network")
