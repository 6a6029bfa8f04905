"""Running the hub: uvicorn on one address with the hub's TLS certificate, the intake thread
beside it, until the process is told to stop (Ctrl+C or SIGTERM)."""

from __future__ import annotations

import asyncio
import signal
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from fieldreg.core.errors import FieldregError, StoreError, ValidationError
from fieldreg.services.hub.app import Hub, build_app
from fieldreg.services.hub.certificate import certificate_fingerprint
from fieldreg.services.hub.intake import Intake
from fieldreg.services.hub.limits import Limits
from fieldreg.services.hub.rosters import Rosters
from fieldreg.services.session import Session
from fieldreg.services.sync_access import coordinator_network, sync_repository
from fieldreg.sync.enrollment import unwrap_rare_secrets

KEEP_ALIVE_S: Final = 5
MAX_CONNECTIONS: Final = 400
MAX_HEADER_BYTES: Final = 16 * 1024


@dataclass(frozen=True, slots=True)
class Listening:
    host: str
    port: int
    sha256: str


def parse_listen(untrusted: str) -> tuple[str, int]:
    """HOST:PORT (port 0: any free port)."""
    host, colon, port = untrusted.rpartition(":")
    if not colon or not host or not port.isdigit() or int(port) > 65535:
        raise ValidationError("listen", "hub.bad_address")
    return host.strip("[]"), int(port)


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise StoreError("hub.cannot_listen", reason=exc.strerror or "") from None
    sock.listen(1024)
    sock.set_inheritable(True)
    return sock


def make_hub(
    session: Session, limits: Limits | None = None, *, network_passphrase: str | None = None
) -> Hub:
    """The hub over an unlocked coordinator store; with the network passphrase (checked here,
    so a wrong one stops the start) it also builds and serves rosters."""
    with sync_repository(session) as repo:
        network = coordinator_network(repo)
    if network_passphrase is not None:
        unwrap_rare_secrets(network.secrets["rare"], network_passphrase)
    intake = Intake(session)
    intake.reload_devices()
    rosters = None
    if network_passphrase is not None:
        rosters = Rosters(session, network_passphrase, lambda: intake.counts["applied"])
    return Hub(
        intake=intake,
        network_id=network.info.network_id,
        rosters=rosters,
        limits=limits or Limits(),
    )


def start(hub: Hub) -> None:
    """The hub's threads: the intake, and the rosters (their first batch built before serving,
    so a device asking at once gets one)."""
    hub.intake.start()
    if hub.rosters is not None:
        hub.rosters.build()
        hub.rosters.start()


def stop(hub: Hub) -> None:
    hub.intake.stop()
    if hub.rosters is not None:
        hub.rosters.stop()


def _header_bounded(seconds: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol, closing a connection whose request headers have not all arrived
    `seconds` after it opened or after its previous response (uvicorn bounds only idle
    keep-alive): a client trickling its headers holds a connection that long at most."""

    class HeaderBounded(H11Protocol):
        _deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
            super().connection_lost(exc)

        def _arm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
            self._deadline = self.loop.call_later(seconds, self._expire)

        def _expire(self) -> None:
            self._deadline = None
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                self.transport.close()

    return HeaderBounded


def config(hub: Hub, cert: Path, key: Path) -> uvicorn.Config:
    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(cert, key)
    except (OSError, ssl.SSLError):
        raise FieldregError("hub.certificate_invalid") from None
    return uvicorn.Config(
        build_app(hub),
        ssl_certfile=str(cert),
        ssl_keyfile=str(key),
        log_config=None,
        access_log=False,
        server_header=False,
        date_header=False,
        timeout_keep_alive=KEEP_ALIVE_S,
        limit_concurrency=MAX_CONNECTIONS,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
        lifespan="off",
        http=_header_bounded(hub.limits.header_timeout),
        loop="asyncio",
    )


def serve(
    session: Session,
    listen: str,
    cert: Path,
    key: Path,
    *,
    limits: Limits | None = None,
    network_passphrase: str | None = None,
    ready: Callable[[Listening], None] | None = None,
) -> None:
    """Serve until stopped; `ready` hears the bound address (useful with port 0)."""
    host, port = parse_listen(listen)
    sha256 = certificate_fingerprint(cert)
    hub = make_hub(session, limits, network_passphrase=network_passphrase)
    server = uvicorn.Server(config(hub, cert, key))
    sock = bind(host, port)
    start(hub)
    try:
        with _stopped_by_sigterm():
            if ready is not None:
                ready(Listening(host, sock.getsockname()[1], sha256))
            asyncio.run(server.serve(sockets=[sock]))
    finally:
        stop(hub)
        sock.close()


class _Terminated(Exception):
    """SIGTERM reached the hub: it has stopped serving and now stops its threads."""


def _terminated(signum: int, frame: object) -> None:
    raise _Terminated


@contextmanager
def _stopped_by_sigterm() -> Iterator[None]:
    """SIGTERM ends the hub as Ctrl+C does. uvicorn catches the signal, stops serving, then
    raises it again under the handler it found: with the default one the process would die
    there, before the intake's last contacts are written and the rosters' thread stops. Under
    this handler the signal ends the block instead, and `serve` returns normally (exit 0)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # tests serve in a thread; signals reach only the main one
        return
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    except _Terminated:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
