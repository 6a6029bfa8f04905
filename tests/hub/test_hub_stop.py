"""`fieldreg hub serve` stopped with SIGTERM (systemd, a service manager, `kill`): it stops as
Ctrl+C stops it, writing the contacts it still holds in memory, and exits 0. uvicorn raises the
signal again once it has stopped serving; under the default handler that killed the process
before the hub's threads had stopped."""

from __future__ import annotations

import signal
from pathlib import Path

from hub_support import add_people, certificate, start_hub_process

from fieldreg.services.hub import overview
from tests.sync.sync_support import create_coordinator, enroll_device, open_store


def test_sigterm_stops_the_hub_cleanly_with_its_last_contacts_written(tmp_path: Path) -> None:
    store = create_coordinator(tmp_path / "hub")
    session = open_store(store)
    try:
        device = enroll_device(session, "A1")
    finally:
        session.lock()
    add_people(device, 3)
    hub = start_hub_process(store, certificate(tmp_path / "tls"), tmp_path)
    client = hub.client(device)
    try:
        receipt = client.post_bundle(device.bundle(1, 3))
    finally:
        client.close()
    assert receipt["status"] == "applied"

    hub.process.send_signal(signal.SIGTERM)  # at once: before the once-a-second contact write
    assert hub.process.wait(timeout=30) == 0, hub.log.read_text()[-2000:]
    hub.stop()

    session = open_store(store)
    try:
        (contact,) = [
            c for c in overview.device_contacts(session) if c.device_id == device.device_id
        ]
    finally:
        session.lock()
    assert contact.last_contact_ms is not None
    assert contact.bundles_sent == 1
    assert contact.bundles_applied == 1
