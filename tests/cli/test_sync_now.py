"""`fieldreg sync now` on a laptop: with the hub down it says so in one line and exits 0 (no
network is normal in the field); with the hub up it sends what is new and prints the receipts;
a laptop with no hub set, or a hub whose certificate is not the pinned one, is told why."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from faker import Faker

from fieldreg.services import enrollment_service
from fieldreg.services.paths import DataDir
from tests.cli.inprocess import cli
from tests.conftest import PASSPHRASE
from tests.hub.hub_support import running_hub
from tests.sync.sync_support import create_coordinator, new_laptop, open_store


@pytest.fixture
def stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[DataDir, DataDir]:
    monkeypatch.setenv("FIELDREG_PASSPHRASE", PASSPHRASE)
    coordinator = create_coordinator(tmp_path / "hub")
    laptop = new_laptop(tmp_path / "laptop", coordinator, "K7")
    session = open_store(laptop)
    fake = Faker("uk_UA")
    try:
        for _ in range(3):
            session.register({"family_name": fake.last_name(), "given_name": fake.first_name()})
    finally:
        session.lock()
    return coordinator, laptop


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_hub_down_is_one_clean_line_and_exit_0(stores: tuple[DataDir, DataDir]) -> None:
    _, laptop = stores
    pinned = cli(laptop.root, "hub", "pin", f"127.0.0.1:{free_port()}", "ab" * 32)
    assert pinned.code == 0, pinned.err
    ran = cli(laptop.root, "sync", "now", "--timeout", "2")
    assert ran.code == 0
    assert ran.out.strip() == "hub not reachable, nothing sent"
    assert ran.err == ""


def test_hub_up_gets_the_new_bundle_and_prints_its_receipt(
    stores: tuple[DataDir, DataDir], tmp_path: Path
) -> None:
    coordinator, laptop = stores
    session = open_store(coordinator)
    try:
        with running_hub(session, tmp_path / "tls") as running:
            pinned = cli(laptop.root, "hub", "pin", running.address, running.certificate.sha256)
            assert pinned.code == 0, pinned.err
            ran = cli(laptop.root, "sync", "now", "--json")
            again = cli(laptop.root, "sync", "now")
        [device] = enrollment_service.devices(session)
    finally:
        session.lock()
    assert ran.code == 0, ran.err
    result = json.loads(ran.out)
    assert result["reachable"] is True
    assert [r["status"] for r in result["receipts"]] == ["applied"]
    assert result["waiting"] == 0
    assert device.last_seq == result["receipts"][0]["last"] >= 3
    assert result["roster"] >= 1  # the laptop applied its roster
    assert again.code == 0, again.err
    assert "Nothing new to send." in again.out
    assert "The roster is up to date." in again.out


def test_without_a_hub_set_the_laptop_is_told_to_set_one(stores: tuple[DataDir, DataDir]) -> None:
    _, laptop = stores
    ran = cli(laptop.root, "sync", "now")
    assert ran.code == 3
    assert "No hub is set" in ran.err


def test_a_hub_with_another_certificate_gets_nothing(
    stores: tuple[DataDir, DataDir], tmp_path: Path
) -> None:
    coordinator, laptop = stores
    session = open_store(coordinator)
    try:
        with running_hub(session, tmp_path / "tls") as running:
            cli(laptop.root, "hub", "pin", running.address, "cd" * 32)
            ran = cli(laptop.root, "sync", "now")
            received = dict(running.hub.intake.counts)
    finally:
        session.lock()
    assert ran.code == 7
    assert "not the one this laptop pinned" in ran.err
    assert sum(received.values()) == 0
