"""The hub's API against a real uvicorn over TLS on loopback: honest uploads get their receipts,
and every hostile request (unsigned, replayed, stale, forged, another network's device, a revoked
device, oversized, trickled, malformed, too many) is refused with its status code, applies
nothing, and leaves the hub serving the next honest request."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import select
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hub_support import Running, add_people, running_hub

from fieldreg.core.errors import FieldregError, TamperError
from fieldreg.services import enrollment_service
from fieldreg.services.hub import auth
from fieldreg.services.hub.limits import Limits
from fieldreg.services.hub_client import HubClient
from fieldreg.services.session import Session
from fieldreg.services.sync_access import now_ms
from fieldreg.sync.roster_format import read_roster_header
from tests.sync.sync_support import (
    NETWORK_PASSPHRASE,
    Device,
    create_coordinator,
    enroll_device,
    open_store,
)

LIMITS = Limits(read_timeout=1.5, header_timeout=1.5, rate=2.0, burst=8)


@dataclass
class Setup:
    running: Running
    session: Session
    devices: dict[str, Device]
    stranger: Device  # enrolled in another network


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    root = tmp_path_factory.mktemp("hub_api")
    session = open_store(create_coordinator(root / "hub"))
    other = open_store(create_coordinator(root / "other"))
    try:
        devices = {prefix: enroll_device(session, prefix) for prefix in ("K7", "M3", "P5", "R2")}
        stranger = enroll_device(other, "K7")
    finally:
        other.lock()
    enrollment_service.revoke_device(
        session, devices["R2"].device_id, up_to=0, network_passphrase=NETWORK_PASSPHRASE
    )
    with running_hub(session, root / "tls", limits=LIMITS) as running:
        yield Setup(running, session, devices, stranger)
    session.lock()


def applied_up_to(setup: Setup, device: Device) -> int:
    found = {d.device_id: d for d in enrollment_service.devices(setup.session)}
    return found[device.device_id].last_seq


def raw_request(
    running: Running, head: bytes, body: bytes = b"", *, pause: float = 0.0
) -> tuple[int, bytes]:
    """Send `head` (and `body`, a byte at a time every `pause` seconds if given); the status."""
    with running.raw() as sock:
        sock.sendall(head)
        if pause:
            for byte in body:
                if select.select([sock], [], [], pause)[0]:
                    break  # the hub answered before the body was complete
                try:
                    sock.sendall(bytes([byte]))
                except OSError:
                    break  # the hub gave up on us: what we wanted to see
        else:
            sock.sendall(body)
        answer = b""
        while not _complete(answer):
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
    status_line = answer.split(b"\r\n", 1)[0]
    return int(status_line.split()[1]), answer


def _complete(answer: bytes) -> bool:
    head, separator, body = answer.partition(b"\r\n\r\n")
    if not separator:
        return False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value)
    return True


def signed_head(
    device: Device, body: bytes, *, length: int | None = None, **overrides: str
) -> bytes:
    headers = auth.sign_headers(
        device.identity.keys.signer(),
        network_id=device.identity.network.network_id,
        device=device.device_id,
        method="POST",
        path="/v1/bundles",
        body=body,
        time_ms=now_ms(),
    )
    headers.update(overrides)
    lines = [
        b"POST /v1/bundles HTTP/1.1",
        b"Host: 127.0.0.1",
        b"Content-Type: application/octet-stream",
        f"Content-Length: {len(body) if length is None else length}".encode(),
        *(f"{k}: {v}".encode() for k, v in headers.items()),
    ]
    return b"\r\n".join(lines) + b"\r\n\r\n"


def assert_still_serving(setup: Setup, device: Device) -> None:
    """The honest request after a hostile one: applied, with its receipt."""
    before = applied_up_to(setup, device)
    add_people(device, 3, seed=len(device.events))
    client = setup.running.client(device)
    try:
        receipt = client.post_bundle(device.bundle(before + 1))
    finally:
        client.close()
    assert receipt["status"] == "applied"
    assert applied_up_to(setup, device) == len(device.events)


def test_an_honest_bundle_is_applied_and_sending_it_again_is_a_replay(setup: Setup) -> None:
    device = setup.devices["K7"]
    add_people(device, 20)
    client = setup.running.client(device)
    try:
        first = client.post_bundle(device.bundle())
        again = client.post_bundle(device.bundle())
    finally:
        client.close()
    assert first == {"status": "applied", "first": 1, "last": 20, "applied": 20}
    assert again["status"] == "replay"
    assert applied_up_to(setup, device) == 20


def test_a_bundle_after_a_gap_is_held_and_applied_with_the_missing_one(setup: Setup) -> None:
    device = setup.devices["M3"]
    add_people(device, 10, seed=1)
    client = setup.running.client(device)
    try:
        later = client.post_bundle(device.bundle(6, 10))
        earlier = client.post_bundle(device.bundle(1, 5))
    finally:
        client.close()
    assert later["status"] == "held"
    assert earlier["status"] == "applied"
    assert applied_up_to(setup, device) == 10


def test_a_device_gets_its_roster_signed_by_the_network(setup: Setup) -> None:
    device = setup.devices["K7"]
    client = setup.running.client(device)
    try:
        roster = client.roster()
    finally:
        client.close()
    assert roster is not None
    header = read_roster_header(roster)
    assert header.device == device.device_id
    assert header.network == device.identity.network.network_id


def test_without_the_network_passphrase_the_hub_has_no_roster(setup: Setup, tmp_path: Path) -> None:
    device = setup.devices["M3"]
    with running_hub(setup.session, tmp_path / "tls", network_passphrase=None) as running:
        client = running.client(device)
        try:
            answer = client.request("GET", "/v1/roster")
        finally:
            client.close()
    assert answer.status == 404
    assert answer.json()["error"] == "no_roster"


def test_a_damaged_bundle_is_quarantined_with_its_code(setup: Setup) -> None:
    device = setup.devices["K7"]
    before = applied_up_to(setup, device)
    client = setup.running.client(device)
    try:
        receipt = client.post_bundle(b'{"not": "a bundle"}')
    finally:
        client.close()
    assert receipt["status"] == "quarantined"
    assert receipt["code"].startswith("bundle.")
    assert applied_up_to(setup, device) == before
    assert_still_serving(setup, device)


def test_an_unsigned_request_is_refused_401(setup: Setup) -> None:
    device = setup.devices["P5"]
    add_people(device, 2, seed=7)
    body = device.bundle()
    lines = signed_head(device, body).split(b"\r\n")
    unsigned = b"\r\n".join(line for line in lines if not line.lower().startswith(b"x-fieldreg"))
    status, _ = raw_request(setup.running, unsigned, body)
    assert status == 401
    assert applied_up_to(setup, device) == 0
    device.events.clear()  # the next honest bundle starts at 1 again
    device.states.clear()
    assert_still_serving(setup, device)


def test_a_replayed_request_is_refused_401_and_applies_nothing(setup: Setup) -> None:
    device = setup.devices["K7"]
    before = applied_up_to(setup, device)
    add_people(device, 2, seed=11)
    body = device.bundle(before + 1)
    head = signed_head(device, body)
    first, _ = raw_request(setup.running, head, body)
    assert first == 200
    contacts_before = setup.running.hub.intake.counts.copy()
    replayed, answer = raw_request(setup.running, head, body)
    assert replayed == 401
    assert b"replayed" in answer
    assert setup.running.hub.intake.counts == contacts_before  # nothing reached the import
    assert_still_serving(setup, device)


def test_a_stale_or_forged_signature_is_refused_401(setup: Setup) -> None:
    device = setup.devices["K7"]
    body = b"x" * 100
    stale = signed_head(device, body, **{auth.TIME_HEADER: str(now_ms() - auth.SKEW_MS - 60_000)})
    assert raw_request(setup.running, stale, body)[0] == 401
    forger = Ed25519PrivateKey.generate()
    forged = auth.sign_headers(
        forger,
        network_id=device.identity.network.network_id,
        device=device.device_id,
        method="POST",
        path="/v1/bundles",
        body=body,
        time_ms=now_ms(),
    )
    assert raw_request(setup.running, signed_head(device, body, **forged), body)[0] == 401
    tampered = signed_head(device, body)
    assert raw_request(setup.running, tampered, b"y" * 100)[0] == 401  # body not the signed one
    assert_still_serving(setup, device)


def test_another_networks_device_and_a_revoked_device_are_refused_403(setup: Setup) -> None:
    for device in (setup.stranger, setup.devices["R2"]):
        add_people(device, 2, seed=3)
        client = setup.running.client(device)
        try:
            answer = client.request("POST", "/v1/bundles", device.bundle())
        finally:
            client.close()
        assert answer.status == 403
    assert applied_up_to(setup, setup.devices["R2"]) == 0
    assert_still_serving(setup, setup.devices["K7"])


def test_an_oversized_body_is_refused_413_before_it_is_sent(setup: Setup) -> None:
    device = setup.devices["K7"]
    huge = LIMITS.max_body + 1
    started = time.monotonic()
    status, _ = raw_request(setup.running, signed_head(device, b"", length=huge))
    assert status == 413
    assert time.monotonic() - started < 5  # answered from the header: nothing was uploaded
    assert_still_serving(setup, device)


def test_a_trickled_body_ends_in_408_within_the_read_timeout(setup: Setup) -> None:
    device = setup.devices["K7"]
    body = b"z" * 200
    started = time.monotonic()
    status, _ = raw_request(setup.running, signed_head(device, body), body, pause=0.05)
    elapsed = time.monotonic() - started
    assert status == 408
    assert elapsed < LIMITS.read_timeout + 3
    assert_still_serving(setup, device)


def test_trickled_headers_lose_the_connection_within_the_header_timeout(setup: Setup) -> None:
    head = signed_head(setup.devices["K7"], b"z")
    started = time.monotonic()
    closed = False
    with setup.running.raw() as sock:
        for byte in head[:-4]:
            if select.select([sock], [], [], 0.05)[0]:
                closed = sock.recv(1) == b""
                break
            sock.sendall(bytes([byte]))
    assert closed
    assert time.monotonic() - started < LIMITS.header_timeout + 3
    assert_still_serving(setup, setup.devices["K7"])


def test_malformed_headers_and_requests_are_refused_400(setup: Setup) -> None:
    device = setup.devices["K7"]
    body = b"q" * 10
    bad_time = signed_head(device, body, **{auth.TIME_HEADER: "soon"})
    assert raw_request(setup.running, bad_time, body)[0] == 400
    bad_signature = signed_head(device, body, **{auth.SIGNATURE_HEADER: "not base64!"})
    assert raw_request(setup.running, bad_signature, body)[0] == 400
    bad_length = signed_head(device, body).replace(b"Content-Length: 10", b"Content-Length: ten")
    assert raw_request(setup.running, bad_length, body)[0] == 400
    assert raw_request(setup.running, b"\x16\x03 this is not HTTP\r\n\r\n")[0] == 400
    assert_still_serving(setup, device)


def test_too_many_requests_from_one_device_are_refused_429(setup: Setup) -> None:
    device = setup.devices["P5"]
    client = setup.running.client(device)
    statuses = []
    try:
        for _ in range(LIMITS.burst + 4):
            statuses.append(client.request("GET", "/v1/roster").status)
    finally:
        client.close()
    assert 429 in statuses
    assert statuses[0] == 200  # the first requests were served
    assert_still_serving(setup, setup.devices["K7"])


def test_an_upload_the_hub_cannot_spool_is_answered_503_and_sent_again_later(
    setup: Setup, tmp_path: Path
) -> None:
    device = setup.devices["M3"]
    before = applied_up_to(setup, device)
    add_people(device, 2, seed=40)
    intake = setup.running.hub.intake
    spool, intake.spool = intake.spool, tmp_path / "gone"  # as if the disk had failed
    client = setup.running.client(device)
    try:
        with pytest.raises(FieldregError) as caught:
            client.post_bundle(device.bundle(before + 1))
        assert caught.value.params == {"status": 503, "reason": "store"}
        assert applied_up_to(setup, device) == before
        intake.spool = spool
        receipt = client.post_bundle(device.bundle(before + 1))
    finally:
        intake.spool = spool
        client.close()
    assert receipt["status"] == "applied"
    assert applied_up_to(setup, device) == len(device.events)


def test_a_spool_file_half_written_when_the_disk_fills_is_removed(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Disk full in the middle of spooling an upload: 503, nothing applied, and the half file
    (the laptop's sealed bundle, cut short) does not stay in the spool."""
    device = setup.devices["M3"]
    before = applied_up_to(setup, device)
    add_people(device, 2, seed=41)
    intake = setup.running.hub.intake
    real_write = os.write

    def disk_fills(fd: int, data: Any) -> int:
        if len(data) > 1:
            return real_write(fd, bytes(data[: len(data) // 2]))  # the first half fits
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", disk_fills)
    client = setup.running.client(device)
    try:
        with pytest.raises(FieldregError) as caught:
            client.post_bundle(device.bundle(before + 1))
    finally:
        monkeypatch.undo()
        client.close()
    assert caught.value.params == {"status": 503, "reason": "store"}
    assert applied_up_to(setup, device) == before
    assert list(intake.spool.iterdir()) == []


def test_the_wrong_certificate_is_refused_before_anything_is_sent(setup: Setup) -> None:
    device = setup.devices["K7"]
    client = HubClient(
        setup.running.address,
        hashlib.sha256(b"another certificate").hexdigest(),
        network_id=device.identity.network.network_id,
        device_id=device.device_id,
        signing_key=device.identity.keys.signer(),
    )
    with pytest.raises(TamperError) as caught:
        client.post_bundle(b"anything")
    assert caught.value.code == "hub.wrong_certificate"


def test_health_and_metrics_carry_counts_only(setup: Setup) -> None:
    client = setup.running.client(setup.devices["K7"])
    try:
        assert client.health()
        metrics = client.request("GET", "/v1/metrics", signed=False).json()
    finally:
        client.close()
    assert set(metrics) == {"uptime_s", "bundles", "responses"}
    text = json.dumps(metrics)
    for device in setup.devices.values():
        assert device.device_id[:8] not in text
    assert "Пункт" not in text
    assert metrics["bundles"]["applied"] >= 1


def test_the_log_has_one_line_per_request_without_personal_data(
    setup: Setup, caplog: pytest.LogCaptureFixture
) -> None:
    device = setup.devices["K7"]
    with caplog.at_level("INFO", logger="fieldreg.hub"):
        assert_still_serving(setup, device)
    lines = [r.getMessage() for r in caplog.records if r.name == "fieldreg.hub"]
    assert len(lines) == 1
    when, prefix, method, endpoint, status, size, ms = lines[0].split(" ")
    assert (prefix, method, endpoint, status) == ("K7", "POST", "/v1/bundles", "200")
    assert int(size) > 0
    assert float(ms) >= 0
    assert device.device_id not in lines[0]
    assert when.endswith("Z")


def test_unknown_paths_are_logged_without_the_path(
    setup: Setup, caplog: pytest.LogCaptureFixture
) -> None:
    path = "/v1/people/" + quote("Бойко")
    with caplog.at_level("INFO", logger="fieldreg.hub"):
        status, _ = raw_request(setup.running, f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    assert status == 404
    lines = [r.getMessage() for r in caplog.records if r.name == "fieldreg.hub"]
    assert lines
    assert "people" not in lines[-1]
    assert " GET other 404 " in lines[-1]
