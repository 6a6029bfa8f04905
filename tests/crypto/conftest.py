"""Fixtures for the crypto tests: a slot file built with OWASP-minimum KDF parameters."""

from __future__ import annotations

from pathlib import Path

import pytest
from crypto_support import PASSPHRASE, STORE_ID, Store

from fieldreg.crypto.kdf import minimum_params
from fieldreg.crypto.recovery import new_recovery_key
from fieldreg.crypto.slots import SlotFile


@pytest.fixture
def store(tmp_path: Path) -> Store:
    path = tmp_path / "keys" / "slots.json"
    path.parent.mkdir()
    recovery_key = new_recovery_key()
    slot_file, data_key, operator_id = SlotFile.create(
        path,
        store_id=STORE_ID,
        operator_label="Olena",
        passphrase=PASSPHRASE,
        kdf=minimum_params(),
        recovery_key=recovery_key,
    )
    return Store(PASSPHRASE, STORE_ID, slot_file, path, data_key, operator_id, recovery_key)
