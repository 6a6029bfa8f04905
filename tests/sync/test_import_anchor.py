"""An import moves other devices' logs forward; the anchor must learn it at once, so a log cut
short right after an import (its newest events deleted, its device row wound back) is found by
verify, with no local registration in between."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sync_support import Hub, open_store

from fieldreg.services import sync_service as sync


def test_a_log_cut_short_after_an_import_is_found(hub: Hub, tmp_path: Path) -> None:
    for n in range(4):
        hub.a.register(family_name=f"Бойко{'а' * n}", given_name="Олена")
    path = tmp_path / "a.bundle"
    path.write_bytes(hub.a.bundle())
    [outcome] = sync.import_bundles(hub.session, [path])
    assert outcome.error is None
    assert outcome.result is not None
    assert outcome.result.applied == 4
    hub.session.lock()
    with sqlite3.connect(hub.directory.db) as db:
        db.execute("DELETE FROM events WHERE device_id = ? AND seq = 4", (hub.a.device_id,))
        db.execute(
            "UPDATE devices SET last_seq = 3,"
            " head = (SELECT event_id FROM events WHERE device_id = ? AND seq = 3),"
            " last_hlc = (SELECT hlc FROM events WHERE device_id = ? AND seq = 3)"
            " WHERE device_id = ?",
            (hub.a.device_id, hub.a.device_id, hub.a.device_id),
        )
    again = open_store(hub.directory)
    try:
        report = again.verify()
    finally:
        again.lock()
    assert (
        "verify.truncated",
        {"device": hub.a.device_id[:12], "seq": 3, "anchored": 4},
    ) in report.problems
