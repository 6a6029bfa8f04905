"""The import's decode worker process ends with the process that started it: an import killed
with SIGKILL (or a laptop's power button held down) leaves no orphan holding the coordinator's
bundle key and decrypted bundles in memory."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

# Starts a decoder and gives its worker a job (a payload that is not age: refused in the worker,
# which is spawned all the same), then waits to be killed.
IMPORTER = """
import time
from fieldreg.sync.decoder import DecodeJob, PrefetchingDecoder

if __name__ == "__main__":
    with PrefetchingDecoder() as decoder:
        job = DecodeJob("h", b"not age", None, ("K7",), bytes(32))
        decoder.submit(job)
        try:
            decoder(job)
        except Exception as refused:
            print("ready", type(refused).__name__, flush=True)
        time.sleep(600)
"""


def _gone(process: psutil.Process) -> bool:
    try:
        # Reparented to a PID 1 that may not reap it: a zombie holds nothing any more.
        return process.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def test_a_killed_import_leaves_no_decode_worker_behind(tmp_path: Path) -> None:
    script = tmp_path / "importer.py"
    script.write_text(IMPORTER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    importer = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=env
    )
    children: list[psutil.Process] = []
    try:
        assert importer.stdout is not None
        assert importer.stdout.readline().split() == ["ready", "FieldregError"]
        children = psutil.Process(importer.pid).children(recursive=True)
        assert children, "the decoder started no worker process"
        importer.send_signal(signal.SIGKILL)
        importer.wait(timeout=30)
        deadline = time.monotonic() + 20
        while not all(_gone(child) for child in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [child.pid for child in children if not _gone(child)]
        assert not left, f"processes left running after the import was killed: {left}"
    finally:
        if importer.poll() is None:
            importer.kill()
            importer.wait(timeout=30)
        if importer.stdout is not None:
            importer.stdout.close()
        for child in children:
            if not _gone(child):
                child.kill()
