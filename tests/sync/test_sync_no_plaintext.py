"""A lost stick reveals nothing, and neither does the coordinator's disk: after export, import,
a bundle held for a gap and one quarantined, no personal value appears in any file."""

from __future__ import annotations

from pathlib import Path

from sync_support import create_coordinator, new_laptop, open_store

from fieldreg.services import sync_service as sync

SECRETS = ["Квітослава", "Kvitoslava", "Перепелиця", "Perepelytsia", "380977654321", "Ямпіль"]


def _leaks(*roots: Path) -> list[tuple[str, str]]:
    found = []
    for root in roots:
        for path in root.rglob("*"):
            if not path.is_file():
                continue
            data = path.read_bytes()
            for secret in SECRETS:
                for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                    if secret.encode(encoding) in data:
                        found.append((path.name, secret))
    return found


def test_nothing_personal_on_the_stick_or_the_hub(tmp_path: Path) -> None:
    coordinator = create_coordinator(tmp_path / "hub")
    laptop_dir = new_laptop(tmp_path / "laptop", coordinator, "K7")
    laptop, hub = open_store(laptop_dir), open_store(coordinator)
    stick = tmp_path / "stick"
    stick.mkdir()
    try:
        person = laptop.register(
            {
                "family_name": "Перепелиця",
                "given_name": "Квітослава",
                "phone": "+380977654321",
                "origin_settlement": "Ямпіль",
            }
        )
        laptop.add_note(person, "Квітослава шукає брата")
        [early] = sync.export_bundles(laptop, stick)
        laptop.update(person, {"origin_region": "Ямпіль"})
        [late] = sync.export_bundles(laptop, stick)
        held = sync.import_bundles(hub, [late.path])
        assert sync.held(hub) != []
        assert held[0].error is None
        [applied] = sync.import_bundles(hub, [early.path])
        assert applied.error is None
        assert hub.person(person).fields["given_name"] == "Квітослава"
        broken = stick / "broken.bundle"
        broken.write_bytes(early.path.read_bytes()[:-10])
        [rejected] = sync.import_bundles(hub, [broken])
        assert rejected.rejected is not None
        sync.split_bundle(early.path, tmp_path / "parts")
    finally:
        laptop.lock()
        hub.lock()
    assert _leaks(coordinator.root, laptop_dir.root, stick, tmp_path / "parts") == []
