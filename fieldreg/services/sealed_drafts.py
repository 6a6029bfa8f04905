"""Unsaved form input kept across a lock, sealed.

Locking must clear every personal value from the window, yet a volunteer who was halfway through
a family's registration when the idle lock struck should not have to start again. So, before the
key is dropped, each page hands its unsaved input (`export_draft() -> dict | None`) to the shell,
which seals it with the store's data key (AES-256-GCM, like every stored value) and keeps only
the ciphertext, in memory. After unlocking, the new session's key opens it and each page gets its
input back (`import_draft(dict)`). Nothing is written to disk: closing the program while locked
loses the unsaved input, as closing it while unlocked would.
"""

from __future__ import annotations

import secrets
from typing import Any

from fieldreg.core.errors import FieldregError
from fieldreg.crypto.sealing import FieldSealer

_TABLE = "ui_drafts"
_GROUP = "drafts"


class SealedDrafts:
    def __init__(self) -> None:
        self._sealed: bytes | None = None
        self._record = ""

    @property
    def held(self) -> bool:
        return self._sealed is not None

    def seal(self, data_key: bytes, drafts: dict[str, dict[str, Any]]) -> None:
        """Keep `drafts` (page name -> draft) sealed under `data_key`; empty keeps nothing."""
        self.discard()
        if not drafts:
            return
        sealer = FieldSealer(data_key)
        try:
            # A fresh record id per lock: a ciphertext from an earlier lock cannot be replayed.
            self._record = secrets.token_hex(16)
            self._sealed = sealer.seal_json(_TABLE, self._record, _GROUP, drafts)
        finally:
            sealer.wipe()

    def open(self, data_key: bytes) -> dict[str, dict[str, Any]]:
        """The drafts, once; empty if none were kept or they do not open with this key."""
        sealed, record = self._sealed, self._record
        self.discard()
        if sealed is None:
            return {}
        sealer = FieldSealer(data_key)
        try:
            drafts = sealer.open_json(_TABLE, record, _GROUP, sealed)
        except FieldregError:
            return {}  # another store's key: its drafts are not this store's to show
        finally:
            sealer.wipe()
        if not isinstance(drafts, dict):
            return {}
        return {k: v for k, v in drafts.items() if isinstance(k, str) and isinstance(v, dict)}

    def discard(self) -> None:
        self._sealed = None
        self._record = ""
