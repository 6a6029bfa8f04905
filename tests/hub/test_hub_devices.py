"""What the coordinator sees of its devices through the hub (`fieldreg hub devices`, from the
hub_contacts table): last contact, bundles sent, how far the log reaches here, what is still
missing; and the hub's certificate files, private to their owner."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from hub_support import add_people, running_hub

from fieldreg.services.hub import overview
from fieldreg.services.sync_access import now_ms
from tests.cli.inprocess import cli
from tests.conftest import PASSPHRASE
from tests.sync.sync_support import create_coordinator, enroll_device, open_store


def test_each_device_shows_its_contacts_and_what_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = create_coordinator(tmp_path / "hub")
    session = open_store(directory)
    try:
        sender, gap, silent = (enroll_device(session, p) for p in ("K7", "M3", "P5"))
        add_people(sender, 6)
        add_people(gap, 6, seed=1)
        started = now_ms()
        with running_hub(session, tmp_path / "tls") as running:
            for device, bundles in ((sender, [(1, 3), (4, 6)]), (gap, [(4, 6)])):
                client = running.client(device)
                try:
                    for first, last in bundles:
                        client.post_bundle(device.bundle(first, last))
                finally:
                    client.close()
        found = {d.prefix: d for d in overview.device_contacts(session)}
    finally:
        session.lock()
    assert found["K7"].bundles_sent == 2
    assert found["K7"].applied_up_to == 6
    assert found["K7"].missing == 0
    assert found["K7"].last_contact_ms is not None
    assert found["K7"].last_contact_ms >= started
    assert (found["M3"].applied_up_to, found["M3"].sent_up_to, found["M3"].held) == (0, 6, 1)
    assert found["M3"].missing == 6  # events 4-6 arrived, 1-3 never did
    assert found["P5"].last_contact_ms is None
    assert found["P5"].bundles_sent == 0

    monkeypatch.setenv("FIELDREG_PASSPHRASE", PASSPHRASE)
    ran = cli(directory.root, "hub", "devices", "--json")
    assert ran.code == 0, ran.err
    rows = {row["prefix"]: row for row in json.loads(ran.out)}
    assert rows["M3"]["missing"] == 6
    text = cli(directory.root, "hub", "devices")
    [p5_line] = [line for line in text.out.splitlines() if line.startswith("P5 ")]
    assert "last contact never" in p5_line
    assert silent.device_id[:12] in text.out


def test_the_certificate_files_are_private_and_never_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "tls"
    made = cli(tmp_path / "unused", "hub", "certificate", "--out", str(folder), "--json")
    assert made.code == 0, made.err
    result = json.loads(made.out)
    assert len(result["sha256"]) == 64
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for name in ("hub-cert.pem", "hub-key.pem"):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
    again = cli(tmp_path / "unused", "hub", "certificate", "--out", str(folder))
    assert again.code == 3
    assert "already" in again.err
