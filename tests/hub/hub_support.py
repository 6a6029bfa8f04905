"""A hub for the tests: a coordinator store with enrolled devices, a fresh TLS certificate, and
uvicorn serving the real application on 127.0.0.1 (a free port) in a thread; clients are the
laptop's own HubClient, or raw sockets for requests no honest client makes."""

from __future__ import annotations

import asyncio
import datetime as dt
import socket
import ssl
import threading
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
from fieldreg.services.session import Session
from tests.sync.sync_support import Device


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
    session: Session, folder: Path, *, limits: Limits | None = None
) -> Iterator[Running]:
    made = certificate(folder)
    hub = server.make_hub(session, limits)
    instance = uvicorn.Server(server.config(hub, made.cert_path, made.key_path))
    sock = server.bind("127.0.0.1", 0)
    hub.intake.start()
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
        yield Running(hub, "127.0.0.1", sock.getsockname()[1], made)
    finally:
        instance.should_exit = True
        thread.join(timeout=30)
        hub.intake.stop()
        sock.close()


def add_people(device: Device, count: int, seed: int = 0) -> None:
    """`count` made-up people registered on `device` (Faker uk_UA: no real person)."""
    fake = Faker("uk_UA")
    fake.seed_instance(seed)
    for _ in range(count):
        device.register(family_name=fake.last_name(), given_name=fake.first_name())
