"""The server address the desk's first run takes: a PostgreSQL URL naming a host (or a socket
folder) and a database, never a password; and psycopg's words for a server that refuses or holds
no such database, said as such rather than as a disk error."""

from __future__ import annotations

import pytest

from fieldreg.core.errors import ValidationError
from fieldreg.services.server_store import server_address
from fieldreg.store.engine import store_error


@pytest.mark.parametrize(
    "address",
    [
        "postgresql://fieldreg@192.168.10.5/fieldreg",
        " postgres://fieldreg@hub.local:5433/fieldreg?sslmode=verify-full ",
        "postgresql+psycopg://fieldreg@/fieldreg?host=/run/postgresql",
    ],
)
def test_a_server_address_is_taken_stripped(address: str) -> None:
    assert server_address(address) == address.strip()


@pytest.mark.parametrize(
    ("address", "code"),
    [
        ("", "store.bad_address"),
        ("/home/iryna/store", "store.bad_address"),
        ("mysql://fieldreg@host/fieldreg", "store.bad_address"),
        ("postgresql://fieldreg@host", "store.bad_address"),
        ("postgresql://fieldreg@host/a/b", "store.bad_address"),
        ("postgresql://fieldreg@host:port/fieldreg", "store.bad_address"),
        ("postgresql://fieldreg@host/db\x07", "store.bad_address"),
        ("postgresql://fieldreg:secret@host/fieldreg", "store.password_in_address"),
        ("postgresql://fieldreg@host/fieldreg?password=secret", "store.password_in_address"),
    ],
)
def test_what_is_not_a_server_address_is_refused(address: str, code: str) -> None:
    with pytest.raises(ValidationError) as raised:
        server_address(address)
    assert raised.value.code == code
    assert raised.value.field == "store_url"


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ('connection failed: FATAL:  password authentication failed for user "x"', "refused"),
        ("connection failed: fe_sendauth: no password supplied", "server_refused"),
        ('connection failed: FATAL:  role "nobody" does not exist', "server_refused"),
        ('connection failed: FATAL:  database "nope" does not exist', "no_server_store"),
        ('connection is bad: connection to server on socket "/x" failed', "server_unreachable"),
        ("connection timeout expired", "server_unreachable"),
    ],
)
def test_a_servers_refusal_is_named(words: str, code: str) -> None:
    assert store_error(RuntimeError(words)).code.endswith(code)
