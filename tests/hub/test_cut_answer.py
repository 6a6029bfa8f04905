"""A hub killed half-way through its answer is no answer: the laptop says "hub not reachable"
and applies nothing (it took the bytes that came as a whole roster)."""

from __future__ import annotations

import socket
import ssl
import threading
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hub_support import certificate

from fieldreg.services.hub_client import HubClient, Unreachable


def _cutting_server(folder: Path) -> tuple[socket.socket, str, threading.Thread]:
    made = certificate(folder)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(made.cert_path, made.key_path)
    listener = socket.create_server(("127.0.0.1", 0))

    def answer_half() -> None:
        raw, _ = listener.accept()
        with context.wrap_socket(raw, server_side=True) as tls:
            tls.recv(65536)  # the request
            tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 4000\r\n\r\n" + b"x" * 100)
        # closed after 100 of the 4,000 bytes it announced

    serving = threading.Thread(target=answer_half, daemon=True)
    serving.start()
    return listener, made.sha256, serving


def test_a_roster_cut_off_mid_answer_is_no_roster(tmp_path: Path) -> None:
    listener, pin, serving = _cutting_server(tmp_path / "tls")
    client = HubClient(
        f"127.0.0.1:{listener.getsockname()[1]}",
        pin,
        network_id="0" * 32,
        device_id="1" * 64,
        signing_key=Ed25519PrivateKey.generate(),
    )
    try:
        with pytest.raises(Unreachable):
            client.roster()
    finally:
        client.close()
        serving.join(timeout=10)
        listener.close()
