"""The hub's upload rate (issue 15): 100-event bundles POSTed over TLS on loopback to `fieldreg
hub serve` (its own process) by one client thread per laptop, each sending its bundles in order,
against the baseline of the very same bundle files imported in-process with no HTTP at all
(`sync.import_bundles`, what `bundle import` does with a stick). Target: ≥ 200 uploads/s; the
ratio to the baseline says how much the HTTP layer costs on top of the import itself.

For information, the same files imported in-process one `import_bundles` call each (what a hub
with one upload in flight does): the gap to the batched baseline is the cost of a call itself
(connection, network record, commit, the people refresh) rather than of the bundle's checks."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.bench_sync import PASSPHRASE, _coordinator, _device_events
from bench.reporting import Reporter
from fieldreg.services import sync_service as sync
from fieldreg.services import vault
from fieldreg.services.hub.certificate import make_certificate
from fieldreg.services.hub_client import HubClient
from fieldreg.services.paths import DataDir
from fieldreg.sync import export

LAPTOPS = 5  # the enrolled devices bench_sync's coordinator has
BUNDLES_PER_LAPTOP = 30
PER_BUNDLE = 100
ROUNDS = 2
TARGET_PER_S = 200.0


def _serve(store: DataDir, root: Path) -> tuple[subprocess.Popen[bytes], str, str]:
    tls = make_certificate(
        root / f"tls-{time.monotonic_ns()}", ["127.0.0.1"], now=dt.datetime.now(dt.UTC)
    )
    secret = root / "passphrase"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    process = subprocess.Popen(
        [
            sys.executable, "-m", "fieldreg", "hub", "serve", "--listen", "127.0.0.1:0",
            "--cert", str(tls.cert_path), "--key", str(tls.key_path),
            "--data-dir", str(store.root), "--passphrase-file", str(secret),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    assert process.stdout is not None
    address = process.stdout.readline().decode().strip().rpartition(" ")[2]
    pin = process.stdout.readline().decode().strip().rpartition(" ")[2]
    return process, address, pin


def run(report: Reporter) -> None:
    os.environ.setdefault("FIELDREG_KDF_PROFILE", "minimum")
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        empty, devices = _coordinator(root)
        devices = devices[:LAPTOPS]
        rng = random.Random(20261202)
        stick = root / "stick"
        stick.mkdir()
        bundles: dict[str, list[bytes]] = {}
        paths: list[Path] = []
        for device_id, identity in devices:
            events = _device_events(
                device_id, identity.prefix, BUNDLES_PER_LAPTOP * PER_BUNDLE, rng
            )
            bundles[device_id] = []
            for start in range(0, len(events), PER_BUNDLE):
                data, header = export.build_bundle(events[start : start + PER_BUNDLE], identity, 1)
                bundles[device_id].append(data)
                path = stick / f"{identity.prefix}-{header.first:06d}.bundle"
                path.write_bytes(data)
                paths.append(path)
        total = len(paths)
        rounds: list[float] = []
        baselines: list[float] = []
        singles: list[float] = []
        latencies: list[float] = []

        def copy(name: str) -> DataDir:
            directory = DataDir(root / name)
            shutil.copytree(empty.root, directory.root)
            return directory

        def baseline() -> None:
            store = copy(f"baseline-{len(baselines)}")
            session = vault.open_session(store, operator=None, passphrase=PASSPHRASE)
            try:
                started = time.perf_counter()
                outcomes = sync.import_bundles(session, paths)
                baselines.append(time.perf_counter() - started)
                assert all(o.applied for o in outcomes)
            finally:
                session.lock()

        def one_per_call() -> None:
            store = copy(f"single-{len(singles)}")
            session = vault.open_session(store, operator=None, passphrase=PASSPHRASE)
            try:
                started = time.perf_counter()
                for path in paths:
                    assert all(o.applied for o in sync.import_bundles(session, [path]))
                singles.append(time.perf_counter() - started)
            finally:
                session.lock()

        def measured() -> None:
            store = copy(f"hub-{len(rounds)}")
            process, address, pin = _serve(store, root)
            lock = threading.Lock()
            statuses: list[str] = []

            def laptop(device_id: str, identity: export.Identity) -> None:
                client = HubClient(
                    address,
                    pin,
                    network_id=identity.network.network_id,
                    device_id=device_id,
                    signing_key=identity.keys.signer(),
                    timeout=60,
                )
                try:
                    for data in bundles[device_id]:
                        started = time.perf_counter()
                        receipt = client.post_bundle(data)
                        elapsed = time.perf_counter() - started
                        with lock:
                            latencies.append(elapsed)
                            statuses.append(str(receipt["status"]))
                finally:
                    client.close()

            try:
                started = time.perf_counter()
                with ThreadPoolExecutor(max_workers=len(devices)) as pool:
                    for future in [pool.submit(laptop, d, i) for d, i in devices]:
                        future.result()
                rounds.append(time.perf_counter() - started)
                assert statuses.count("applied") == total, statuses[:5]
            finally:
                process.terminate()
                process.wait(timeout=60)

        for number in range(ROUNDS):
            if number % 2 == 0:
                baseline()
                measured()
            else:
                measured()
                baseline()
            one_per_call()
        ours = total / statistics.median(rounds)
        theirs = total / statistics.median(baselines)
        report.compared(
            f"hub uploads of {PER_BUNDLE}-event bundles, {LAPTOPS} laptops",
            ours,
            f"≥ {TARGET_PER_S:g}/s",
            ours >= TARGET_PER_S,
            "/s",
            baseline=theirs,
            baseline_name="in-process import",
        )
        per_call = total / statistics.median(singles)
        report("in-process import, one bundle per call", per_call, "(information)", True, "/s")
        p95 = statistics.quantiles(latencies, n=20)[-1]
        report("hub upload latency p95", p95 * 1000, "(information)", True, " ms")
