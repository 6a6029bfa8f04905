"""A hub for the tests: a coordinator store with enrolled devices, a fresh TLS certificate, and
uvicorn serving the real application on 127.0.0.1 (a free port) in a thread; clients are the
laptop's own HubClient, or raw sockets for requests no honest client makes."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from faker import Faker

from fieldreg.services.hub import server
from fieldreg.services.hub.app import Hub
from fieldreg.services.hub.certificate import HubCertificate, make_certificate
from fieldreg.services.hub.limits import Limits
from fieldreg.services.hub_client import HubClient
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from tests.conftest import PASSPHRASE
from tests.sync.sync_support import NETWORK_PASSPHRASE, Device

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Running:
    hub: Hub
    host: str
    port: int
    certificate: HubCertificate

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    def client(self, device: Device, *, timeout: float = 10.0) -> HubClient:
        return HubClient(
            self.address,
            self.certificate.sha256,
            network_id=device.identity.network.network_id,
            device_id=device.device_id,
            signing_key=device.identity.keys.signer(),
            timeout=timeout,
        )

    def raw(self, timeout: float = 10.0) -> ssl.SSLSocket:
        """A TLS socket to the hub, for requests written byte by byte."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        plain = socket.create_connection((self.host, self.port), timeout=timeout)
        return context.wrap_socket(plain)


def certificate(folder: Path) -> HubCertificate:
    return make_certificate(folder, ["127.0.0.1"], now=dt.datetime.now(dt.UTC))


@contextmanager
def running_hub(
    session: Session,
    folder: Path,
    *,
    limits: Limits | None = None,
    network_passphrase: str | None = NETWORK_PASSPHRASE,
) -> Iterator[Running]:
    made = certificate(folder)
    hub = server.make_hub(session, limits, network_passphrase=network_passphrase)
    instance = uvicorn.Server(server.config(hub, made.cert_path, made.key_path))
    sock = server.bind("127.0.0.1", 0)
    server.start(hub)
    thread = threading.Thread(
        target=lambda: asyncio.run(instance.serve(sockets=[sock])), daemon=True
    )
    thread.start()
    try:
        for _ in range(500):
            if instance.started:
                break
            threading.Event().wait(0.01)
        assert instance.started, "the hub did not start"
        # The first rosters are built on the hub's own thread after the start; a laptop asking
        # before that gets "no roster yet" (404). Tests start syncing once they are there.
        for _ in range(6000):
            if hub.rosters is None or hub.rosters.built_once:
                break
            threading.Event().wait(0.01)
        yield Running(hub, "127.0.0.1", sock.getsockname()[1], made)
    finally:
        instance.should_exit = True
        thread.join(timeout=30)
        server.stop(hub)
        sock.close()


def add_people(device: Device, count: int, seed: int = 0) -> None:
    """`count` made-up people registered on `device` (Faker uk_UA: no real person)."""
    fake = Faker("uk_UA")
    fake.seed_instance(seed)
    for _ in range(count):
        device.register(family_name=fake.last_name(), given_name=fake.first_name())


@dataclass
class HubProcess:
    process: subprocess.Popen[bytes]
    port: int
    sha256: str
    log: Path

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def client(self, device: Device, *, timeout: float = 30.0) -> HubClient:
        return HubClient(
            self.address,
            self.sha256,
            network_id=device.identity.network.network_id,
            device_id=device.device_id,
            signing_key=device.identity.keys.signer(),
            timeout=timeout,
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


def start_hub_process(store: DataDir, tls: HubCertificate, folder: Path) -> HubProcess:
    """`fieldreg hub serve` in its own process (so a test can SIGKILL it), on a free port."""
    secret = folder / "passphrase.txt"
    if not secret.exists():
        secret.write_text(PASSPHRASE, encoding="utf-8")
        secret.chmod(0o600)
    log = folder / f"hub-{time.monotonic_ns()}.log"
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "fieldreg", "hub", "serve",
                "--listen", "127.0.0.1:0",
                "--cert", str(tls.cert_path), "--key", str(tls.key_path),
                "--data-dir", str(store.root), "--passphrase-file", str(secret),
            ],
            stdout=subprocess.PIPE,
            stderr=log_file,
            env={
                **os.environ,
                "PYTHONPATH": str(ROOT),
                "FIELDREG_NETWORK_PASSPHRASE": NETWORK_PASSPHRASE,
            },
        )  # fmt: skip
    assert process.stdout is not None
    line = process.stdout.readline().decode()
    if not line.startswith("listening on "):
        process.kill()
        raise AssertionError(f"the hub did not start: {line!r} {log.read_text()[-2000:]}")
    port = int(line.strip().rpartition(":")[2])
    sha256 = process.stdout.readline().decode().strip().rpartition(" ")[2]
    return HubProcess(process, port, sha256, log)
