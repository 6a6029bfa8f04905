"""Drawing a recovery key; its printed, checksummed form is `core.recovery_key`."""

from __future__ import annotations

import secrets

from fieldreg.core.recovery_key import KEY_BYTES


def new_recovery_key() -> bytes:
    """128 bits from the operating system's CSPRNG."""
    return secrets.token_bytes(KEY_BYTES)
