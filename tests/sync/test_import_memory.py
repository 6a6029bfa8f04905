"""An import of many bundles in one call holds each bundle's bytes only while it is being imported:
the coordinator importing a stick of hundreds of large bundles does not grow by all of them (every
bundle kept to the end grew the process by ~1.6 MB per 2,000 events, 0.8 GB for a million)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from sync_support import Hub

from fieldreg.core.events import EventType
from fieldreg.services import sync_service as sync

BUNDLES = 150
NOTES_PER_BUNDLE = 40


def test_a_long_import_does_not_keep_every_bundle_it_imported(hub: Hub, tmp_path: Path) -> None:
    person = hub.a.register(family_name="Бойко", given_name="Олена")
    for number in range(BUNDLES * NOTES_PER_BUNDLE):
        hub.a.event(EventType.NOTE_ADDED, person, {"text": f"{number:05d} " + "n" * 1900})
    stick = tmp_path / "stick"
    stick.mkdir()
    paths = []
    for first in range(2, len(hub.a.events) + 1, NOTES_PER_BUNDLE):
        path = stick / f"K7-{first:05d}.bundle"
        path.write_bytes(hub.a.bundle(first, first + NOTES_PER_BUNDLE - 1))
        paths.append(path)
    head = stick / "K7-00001.bundle"
    head.write_bytes(hub.a.bundle(1, 1))
    paths.insert(0, head)
    total = sum(p.stat().st_size for p in paths)
    assert total > 10_000_000  # large enough that keeping them all shows

    tracemalloc.start()
    try:
        outcomes = sync.import_bundles(hub.session, paths)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert [o.applied for o in outcomes] == [True] * len(paths)
    assert sum(o.result.applied for o in outcomes if o.result) == len(hub.a.events)
    # One bundle at a time, decoded and stored, plus the import's own state: far below all the
    # bundles' bytes (kept to the end, the files' bytes were held twice: raw and payload).
    assert peak < total * 0.6, (peak, total)
