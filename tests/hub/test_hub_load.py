"""The hub under load on loopback, as its own process: 50 laptops pushing 20 bundles each and
asking for their roster, all at once; then a SIGKILL in the middle of such a load. Counted, not
timed against a target (speed is `make bench`'s), but bounded: the run must end well within
two minutes."""

from __future__ import annotations

import os
import shutil
import signal
import statistics
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from hub_support import HubProcess, add_people, certificate, start_hub_process

from fieldreg.services import enrollment_service
from fieldreg.services.hub_client import Unreachable
from fieldreg.services.paths import DataDir
from fieldreg.services.sync_access import sync_repository
from fieldreg.store.sync_store import SyncStore
from tests.sync.sync_support import Device, create_coordinator, enroll_device, open_store

LAPTOPS = 50
BUNDLES = 20
EVENTS_PER_BUNDLE = 5
BOUND_S = 120.0


@dataclass
class Network:
    store: DataDir
    devices: list[Device]
    bundles: dict[str, list[bytes]]  # device id -> its bundles, in order


def prefixes(count: int) -> list[str]:
    letters, digits = "ABDEFGHJM", "0123456789"  # not C0, the coordinator's own
    return [f"{a}{d}" for a in letters for d in digits][:count]


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Network:
    store = create_coordinator(tmp_path_factory.mktemp("load") / "hub")
    session = open_store(store)
    try:
        devices = [enroll_device(session, prefix) for prefix in prefixes(LAPTOPS)]
    finally:
        session.lock()
    bundles = {}
    for number, device in enumerate(devices):
        add_people(device, BUNDLES * EVENTS_PER_BUNDLE, seed=number)
        bundles[device.device_id] = [
            device.bundle(first, first + EVENTS_PER_BUNDLE - 1)
            for first in range(1, BUNDLES * EVENTS_PER_BUNDLE + 1, EVENTS_PER_BUNDLE)
        ]
    return Network(store, devices, bundles)


@pytest.fixture
def fresh(network: Network, tmp_path: Path) -> Iterator[tuple[Network, Path]]:
    """The network with a store nobody has imported into yet (a copy), and a TLS folder."""
    copy = DataDir(tmp_path / "hub")
    shutil.copytree(network.store.root, copy.root)
    return Network(copy, network.devices, network.bundles), tmp_path


def store_state(store: DataDir) -> tuple[dict[str, int], list[tuple[str, int, int]]]:
    """(each device's applied sequence, every receipt as (device, first, last))."""
    session = open_store(store)
    try:
        applied = {d.device_id: d.last_seq for d in enrollment_service.devices(session)}
        with sync_repository(session) as repo, repo.reading():
            receipts = [(r.device_id, r.first_seq, r.last_seq) for r in SyncStore(repo).receipts()]
    finally:
        session.lock()
    return applied, receipts


def push(
    hub: HubProcess,
    device: Device,
    *,
    bundles: list[bytes],
    acknowledged: list[tuple[str, dict[str, object]]],
    latencies: list[float],
    lock: threading.Lock,
) -> None:
    """One laptop: every bundle in order, the roster after every fifth; stops when the hub
    goes away."""
    client = hub.client(device)
    try:
        for number, data in enumerate(bundles, start=1):
            started = time.perf_counter()
            receipt = client.post_bundle(data)
            elapsed = time.perf_counter() - started
            with lock:
                acknowledged.append((device.device_id, receipt))
                latencies.append(elapsed)
            if number % 5 == 0:
                started = time.perf_counter()
                assert client.roster()  # the device's roster file
                with lock:
                    latencies.append(time.perf_counter() - started)
    except Unreachable:
        pass
    finally:
        client.close()


def run_laptops(
    hub: HubProcess, network: Network, acknowledged: list[tuple[str, dict[str, object]]]
) -> list[float]:
    latencies: list[float] = []
    lock = threading.Lock()
    with ThreadPoolExecutor(max_workers=len(network.devices)) as pool:
        futures = [
            pool.submit(
                push,
                hub,
                d,
                bundles=network.bundles[d.device_id],
                acknowledged=acknowledged,
                latencies=latencies,
                lock=lock,
            )
            for d in network.devices
        ]
        for future in futures:
            future.result()
    return latencies


def test_fifty_laptops_lose_nothing_and_apply_nothing_twice(fresh: tuple[Network, Path]) -> None:
    network, folder = fresh
    hub = start_hub_process(network.store, certificate(folder / "tls"), folder)
    acknowledged: list[tuple[str, dict[str, object]]] = []
    started = time.monotonic()
    try:
        latencies = run_laptops(hub, network, acknowledged)
    finally:
        hub.stop()
    elapsed = time.monotonic() - started
    p95 = statistics.quantiles(latencies, n=20)[-1]
    print(
        f"\n{len(acknowledged)} uploads and {len(latencies) - len(acknowledged)} roster requests "
        f"in {elapsed:.1f} s; p95 request latency {p95 * 1000:.0f} ms"
    )
    assert elapsed < BOUND_S
    assert Counter(r["status"] for _, r in acknowledged) == {"applied": LAPTOPS * BUNDLES}
    applied, receipts = store_state(network.store)
    total = BUNDLES * EVENTS_PER_BUNDLE
    assert applied == {d.device_id: total for d in network.devices}  # 0 lost
    assert len(receipts) == len(set(receipts)) == LAPTOPS * BUNDLES  # 0 applied twice


def test_a_sigkill_mid_load_loses_nothing_acknowledged(fresh: tuple[Network, Path]) -> None:
    network, folder = fresh
    tls = certificate(folder / "tls")
    hub = start_hub_process(network.store, tls, folder)
    acknowledged: list[tuple[str, dict[str, object]]] = []
    killer_done = threading.Event()

    def kill_when_busy() -> None:
        deadline = time.monotonic() + 60
        while len(acknowledged) < LAPTOPS * BUNDLES // 4 and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(hub.process.pid, signal.SIGKILL)
        killer_done.set()

    killer = threading.Thread(target=kill_when_busy)
    killer.start()
    try:
        run_laptops(hub, network, acknowledged)
    finally:
        killer.join()
        hub.stop()
    assert killer_done.is_set()
    assert hub.process.returncode == -signal.SIGKILL
    assert 0 < len(acknowledged) < LAPTOPS * BUNDLES  # killed in the middle

    applied, _ = store_state(network.store)
    for device_id, receipt in acknowledged:
        assert receipt["status"] == "applied"
        assert applied[device_id] >= int(str(receipt["last"]))  # kept through the kill

    # Restarted, the laptops send everything again: the rest is applied, nothing twice.
    again = start_hub_process(network.store, tls, folder)
    resent: list[tuple[str, dict[str, object]]] = []
    try:
        run_laptops(again, network, resent)
    finally:
        again.stop()
    statuses = Counter(r["status"] for _, r in resent)
    assert set(statuses) <= {"applied", "replay"}
    assert statuses["replay"] >= len(acknowledged)
    applied, receipts = store_state(network.store)
    total = BUNDLES * EVENTS_PER_BUNDLE
    assert applied == {d.device_id: total for d in network.devices}
    assert len(receipts) == len(set(receipts))
