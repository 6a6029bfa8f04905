"""Issue 11 §1: processes changing and unlocking the key slots at once lose nothing and lock
nobody out; a change caught half-way by another process leaves a store that opens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from fieldreg.core.errors import AuthError
from fieldreg.core.recovery_key import parse_recovery_key
from fieldreg.services import vault
from fieldreg.services.paths import DataDir

WORKER = Path(__file__).with_name("key_race_worker.py")
FIRST = "the first operator's passphrase"
STEADY = "the steady operator's passphrase"
RACE_SECONDS = 60


def _store(root: Path) -> tuple[DataDir, str]:
    directory = DataDir(root)
    result = vault.init_store(directory, point="P", operator="Anna", passphrase=FIRST)
    session = vault.open_session(directory, operator="Anna", passphrase=FIRST, load=False)
    vault.add_operator(session, label="Steady", passphrase=STEADY)
    session.lock()
    return directory, result.recovery_key


def _start(
    role: str, directory: DataDir, log: Path, seconds: float, *args: str
) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen(
        [sys.executable, str(WORKER), role, str(directory.root), str(log), str(seconds), *args],
        env=env,
        stderr=subprocess.PIPE,
    )


def _entries(log: Path) -> list[dict[str, Any]]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


@pytest.mark.slow
def test_racing_writers_and_unlockers_lose_nothing_and_lock_nobody_out(tmp_path: Path) -> None:
    directory, recovery = _store(tmp_path / "store")
    logs = {name: tmp_path / f"{name}.jsonl" for name in ("passphrase", "operators", "u1", "u2")}
    workers = [
        _start("passphrase", directory, logs["passphrase"], RACE_SECONDS, "Anna", FIRST),
        _start("operators", directory, logs["operators"], RACE_SECONDS, recovery),
        _start("unlock", directory, logs["u1"], RACE_SECONDS, recovery, "Steady", STEADY),
        _start("unlock", directory, logs["u2"], RACE_SECONDS, recovery, "Steady", STEADY),
    ]
    for worker in workers:
        _, stderr = worker.communicate(timeout=RACE_SECONDS + 60)
        assert worker.returncode == 0, stderr.decode(errors="replace")[-2000:]
    passphrases = [e["passphrase"] for e in _entries(logs["passphrase"])]
    operators = _entries(logs["operators"])
    unlocks = _entries(logs["u1"]) + _entries(logs["u2"])
    # The race really happened: many acknowledged changes of both kinds, many unlocks.
    assert len(passphrases) >= 5
    assert len(operators) >= 5
    assert sum(e["count"] for e in unlocks if e["kind"] == "rounds") >= 20
    # 0 lockouts: no unlock failed while the slots were being rewritten.
    assert [e for e in unlocks if e["kind"] == "failure"] == []
    # 0 lost changes: the last acknowledged passphrase opens, the one before it does not...
    with vault.keyed_slots(directory) as slots:
        anna = next(o.operator_id for o in slots.operators() if o.label == "Anna")
        assert slots.unlock_recovery(parse_recovery_key(recovery))
        assert slots.unlock_passphrase(anna, passphrases[-1])
        with pytest.raises(AuthError):
            slots.unlock_passphrase(anna, passphrases[-2])
        present = {o.operator_id for o in slots.operators()}
    # ...every operator added and not yet removed is there, every removed one is gone.
    added = {e["operator"] for e in operators if e["kind"] == "added"}
    removed = {e["operator"] for e in operators if e["kind"] == "removed"}
    assert added - removed <= present
    assert not removed & present
    # Both copies ended on the same, last generation.
    assert {h.status.value for h in vault_health(directory)} == {"ok"}


def vault_health(directory: DataDir) -> list[Any]:
    with vault.keyed_slots(directory) as slots:
        return slots.health()


MID_CHANGE = """
import sys, time
from pathlib import Path
from fieldreg.crypto.slot_lock import SlotLock
main = Path(sys.argv[1]); prev = main.with_name(main.name + ".prev")
temp = main.with_name(main.name + ".tmp-0123456789abcdef")
with SlotLock(main).held(for_writing=True):
    data = main.read_bytes()
    temp.write_bytes(data)
    main.replace(prev)  # the moment with no main file, held for a while
    Path(sys.argv[2]).write_text("mid")
    time.sleep(1.5)
    temp.replace(main)
    prev.unlink()
"""


def test_an_unlock_during_another_process_change_waits_and_opens(tmp_path: Path) -> None:
    directory, recovery = _store(tmp_path / "store")
    signal = tmp_path / "mid"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    writer = subprocess.Popen(
        [sys.executable, "-c", MID_CHANGE, str(directory.slots), str(signal)], env=env
    )
    deadline = time.monotonic() + 30
    while not signal.exists() and time.monotonic() < deadline:
        time.sleep(0.02)  # another process, not a Qt event: nothing to wait on but the file
    assert signal.exists()
    session = vault.open_session(directory, operator="Anna", passphrase=FIRST, load=False)
    session.lock()
    assert writer.wait(timeout=30) == 0
    # The unlock deleted none of the writer's files: the writer finished its own change.
    assert directory.slots.is_file()
    assert not directory.slots.with_name("keyslots.json.prev").exists()
    assert vault.open_session(directory, operator="Anna", recovery_key=recovery, load=False)


@pytest.mark.parametrize("state", ["temp", "prev_only", "prev_and_temp", "new_and_prev"])
def test_a_dead_writer_half_way_leaves_a_store_that_opens(tmp_path: Path, state: str) -> None:
    directory, recovery = _store(tmp_path / "store")
    main = directory.slots
    prev = main.with_name("keyslots.json.prev")
    temp = main.with_name("keyslots.json.tmp-00112233deadbeef")
    current = main.read_bytes()
    if state in {"temp", "prev_and_temp"}:
        temp.write_bytes(current[: len(current) // 2])  # a temp file cut short by the crash
    if state in {"prev_only", "prev_and_temp"}:
        main.replace(prev)
    if state == "new_and_prev":
        prev.write_bytes(current)
    before = sorted(p.name for p in directory.root.iterdir())
    for unlock in (
        lambda: vault.open_session(directory, operator="Anna", passphrase=FIRST, load=False),
        lambda: vault.open_session(directory, operator="Steady", passphrase=STEADY, load=False),
        lambda: vault.open_session(directory, operator="Anna", recovery_key=recovery, load=False),
    ):
        unlock().lock()
    # Unlocking removed nothing it did not make (the lock and attempt files are its own).
    after = sorted(p.name for p in directory.root.iterdir())
    assert set(before) <= set(after)
    # The next change, under the lock, tidies what the dead writer left.
    vault.change_passphrase(
        directory, operator="Anna", old_passphrase=FIRST, new_passphrase="after the crash"
    )
    assert main.is_file()
    assert not prev.exists()
    assert not temp.exists()
    vault.open_session(directory, operator="Anna", passphrase="after the crash", load=False).lock()
