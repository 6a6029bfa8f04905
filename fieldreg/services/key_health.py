"""Checking and repairing the two copies of the key slots (the key file and the database's).

`verify` calls `repair_key_copies`: each copy that is missing, not a file, damaged or behind the
generation in force is named (a `KeyCopyProblem`, with a sentence from `core.messages`) and
rewritten from the good one. The session proves the person opened the store (passphrase or
recovery key), and the repair writes only a document whose key id matches the session's key.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldreg.core.errors import FieldregError
from fieldreg.crypto.slot_copies import CopyHealth, CopyStatus
from fieldreg.services.session import Session
from fieldreg.services.vault import keyed_slots

_CODES = {
    ("file", CopyStatus.MISSING): "keys.file_missing",
    ("file", CopyStatus.NOT_A_FILE): "keys.file_not_a_file",
    ("file", CopyStatus.DAMAGED): "keys.file_damaged",
    ("file", CopyStatus.OLDER): "keys.file_older",
    ("database", CopyStatus.MISSING): "keys.database_missing",
    ("database", CopyStatus.NOT_A_FILE): "keys.database_damaged",
    ("database", CopyStatus.DAMAGED): "keys.database_damaged",
    ("database", CopyStatus.OLDER): "keys.database_older",
}


@dataclass(frozen=True, slots=True)
class KeyCopyProblem:
    copy: str  # "file" or "database"
    code: str  # a `core.messages` code naming the problem
    params: dict[str, object]
    repaired: bool

    def error(self) -> FieldregError:
        """The problem as an error value, for `describe` to turn into a sentence."""
        return FieldregError(self.code, **self.params)


def _problems(session: Session, health: list[CopyHealth], repaired: bool) -> list[KeyCopyProblem]:
    params: dict[str, object] = {"path": str(session.data_dir.slots)}
    return [
        KeyCopyProblem(h.copy.value, _CODES[(h.copy.value, h.status)], params, repaired)
        for h in health
        if h.status is not CopyStatus.OK
    ]


def check_key_copies(session: Session) -> list[KeyCopyProblem]:
    """What is wrong with either copy; nothing is written."""
    with keyed_slots(session.data_dir) as slots:
        return _problems(session, slots.health(), repaired=False)


def repair_key_copies(session: Session) -> list[KeyCopyProblem]:
    """Name every copy that was not good and rewrite it from the good one."""
    with keyed_slots(session.data_dir) as slots:
        return _problems(session, slots.repair(session.data_key), repaired=True)
