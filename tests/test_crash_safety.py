"""Nothing a volunteer was told is saved may be lost: a process registering people is killed with
SIGKILL at random moments; every registration it reported is there afterwards, the database
passes `integrity_check` and the event chain verifies."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from tests.conftest import PASSPHRASE

KILLS = 50


@pytest.mark.slow
def test_sigkill_loses_nothing_reported(tmp_path: Path) -> None:
    directory = DataDir(tmp_path / "store")
    vault.init_store(directory, point="P", operator="Olena", passphrase=PASSPHRASE, prefix="K7")
    rng = random.Random(20261124)
    reported: list[str] = []
    worker = Path(__file__).with_name("crash_worker.py")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    for _ in range(KILLS):
        process = subprocess.Popen(
            [sys.executable, str(worker), str(directory.root), PASSPHRASE],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.15))
        process.send_signal(signal.SIGKILL)
        output, _ = process.communicate(timeout=60)
        # only complete lines: a line cut by the kill was never fully reported
        reported.extend(
            line.strip() for line in output.splitlines(keepends=True) if line.endswith("\n")
        )
    assert len(reported) > KILLS  # the worker did get to register between kills
    session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE)
    try:
        missing = [
            person_id for person_id in reported if person_id not in session.people.summaries()
        ]
        assert missing == []
        report = session.verify()
        assert report.integrity == "ok"
        assert report.problems == []
        assert session.register({"family_name": "Після", "given_name": "Збою"})
    finally:
        session.lock()
