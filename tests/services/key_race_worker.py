"""One process of the key-slot race test (`test_key_slots_race.py`), run as a script.

    key_race_worker.py ROLE DATA_DIR LOG SECONDS [ARGS...]

Every change a writer makes is appended to LOG only after the call returned (acknowledged),
one JSON line each, flushed; an unlocker appends one line per failed unlock. The parent reads
the logs once every process has ended.
"""

from __future__ import annotations

import json
import secrets
import sys
import time
from pathlib import Path
from typing import TextIO

from fieldreg.core.errors import FieldregError
from fieldreg.core.recovery_key import parse_recovery_key
from fieldreg.crypto.kdf import minimum_params
from fieldreg.services import vault
from fieldreg.services.paths import DataDir


def _log(out: TextIO, **entry: object) -> None:
    out.write(json.dumps(entry) + "\n")
    out.flush()


def change_passphrases(
    directory: DataDir, out: TextIO, until: float, operator: str, old: str
) -> None:
    """Change one operator's passphrase again and again; each new one logged once acknowledged."""
    current = old
    while time.monotonic() < until:
        new = f"race passphrase {secrets.token_hex(8)}"
        vault.change_passphrase(
            directory, operator=operator, old_passphrase=current, new_passphrase=new
        )
        current = new
        _log(out, kind="passphrase", operator=operator, passphrase=new)


def add_and_remove(directory: DataDir, out: TextIO, until: float, recovery: str) -> None:
    """Add an operator, then remove the one added before: each acknowledged change logged."""
    with vault.keyed_slots(directory) as slots:
        data_key = slots.unlock_recovery(parse_recovery_key(recovery))
    previous: str | None = None
    count = 0
    while time.monotonic() < until:
        count += 1
        with vault.keyed_slots(directory) as slots:
            added = slots.add_operator(
                data_key, f"Writer {count}", "a passphrase for the race", minimum_params()
            )
            _log(out, kind="added", operator=added)
            if previous is not None:
                slots.remove_operator(data_key, previous)
                _log(out, kind="removed", operator=previous)
        previous = added


def unlock(directory: DataDir, out: TextIO, until: float, *args: str) -> None:
    """Unlock with the recovery key and a steady operator's passphrase, logging every failure."""
    recovery, operator, passphrase = args
    key = parse_recovery_key(recovery)
    rounds = 0
    while time.monotonic() < until:
        rounds += 1
        try:
            labels = {info.label: info.operator_id for info in vault.operators(directory)}
            with vault.keyed_slots(directory) as slots:
                slots.unlock_recovery(key)
                slots.unlock_passphrase(labels[operator], passphrase)
        except (FieldregError, KeyError) as exc:
            _log(out, kind="failure", error=str(exc))
        time.sleep(0.02)  # a person or a script, not a spin loop: leave the writers room
    _log(out, kind="rounds", count=rounds)


def main() -> None:
    role, root, log, seconds, *args = sys.argv[1:]
    until = time.monotonic() + float(seconds)
    directory = DataDir(Path(root))
    with Path(log).open("a", encoding="utf-8") as out:
        if role == "passphrase":
            change_passphrases(directory, out, until, *args)
        elif role == "operators":
            add_and_remove(directory, out, until, *args)
        else:
            unlock(directory, out, until, *args)


if __name__ == "__main__":
    main()
