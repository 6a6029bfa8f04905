"""A hub that goes away between the laptop's TCP connect and the TLS handshake (killed with
connections still waiting in its listen queue) is no hub: the laptop says "not reachable" and
keeps no socket open. CPython's ssl raises there without closing the socket it made, and the
collector closed it later with a warning (which failed the hub's SIGKILL load test once in a
while): the client closes it itself."""

from __future__ import annotations

import gc
import socket
import struct
import time
import warnings
from collections.abc import Callable, Iterator

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldreg.services.hub_client import HubClient, Unreachable


@pytest.fixture
def reset_connections(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """A port whose connections are accepted and at once reset by the server, the reset
    already arrived when the client goes on to its handshake."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    real: Callable[..., socket.socket] = socket.create_connection

    def connect_then_reset(
        address: tuple[str, int], *args: object, **kwargs: object
    ) -> socket.socket:
        client = real(address, *args, **kwargs)
        accepted, _ = listener.accept()
        accepted.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        accepted.close()  # linger 0: a reset, not a goodbye
        time.sleep(0.05)
        return client

    monkeypatch.setattr(socket, "create_connection", connect_then_reset)
    try:
        yield port
    finally:
        listener.close()


def test_a_reset_before_the_handshake_is_unreachable_and_leaves_no_socket(
    reset_connections: int,
) -> None:
    client = HubClient(
        f"127.0.0.1:{reset_connections}",
        "0" * 64,
        network_id="0" * 32,
        device_id="1" * 64,
        signing_key=Ed25519PrivateKey.generate(),
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            with pytest.raises(Unreachable):
                client.health()
        finally:
            client.close()
        gc.collect()
    unclosed = [w for w in caught if issubclass(w.category, ResourceWarning)]
    assert unclosed == []
