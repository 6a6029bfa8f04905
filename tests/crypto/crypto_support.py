"""Types shared by the crypto tests and their conftest (imported by this unique name)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fieldreg.crypto.slots import SlotFile

PASSPHRASE = "river stone 42 lantern"
STORE_ID = "5f0c2a9e7d3b41c8a6e2f1d0b9c8a7e6"

Snapshot = Callable[[Path], dict[str, bytes]]


@dataclass
class Store:
    """A freshly created slot file and the secrets that open it."""

    passphrase: str
    store_id: str
    slot_file: SlotFile
    path: Path
    data_key: bytes
    operator_id: str
    recovery_key: bytes


def directory_snapshot(directory: Path) -> dict[str, bytes]:
    """Every file in a directory, by name, with its bytes: to show nothing was written."""
    return {entry.name: entry.read_bytes() for entry in sorted(directory.iterdir())}
