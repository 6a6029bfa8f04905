"""A coordinator's store on a PostgreSQL server, as the desk's first run opens it
(docs/postgresql.md): the address checked before use, then whether the server answers and holds
a store. A password never goes into the address (nor into the settings that remember it): the
server's own authentication supplies it (~/.pgpass, peer)."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from fieldreg.core.errors import StoreError, ValidationError
from fieldreg.store import migrate
from fieldreg.store.engine import POSTGRESQL_SCHEMES

ADDRESS_MAX = 2000


def server_address(untrusted: str) -> str:
    """`untrusted` as a PostgreSQL address (`postgresql://user@host/db`, a `?host=` socket folder
    also names the host), stripped; ValidationError (field "store_url") if it is not one or
    carries a password."""
    text = untrusted.strip()
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError:
        raise ValidationError("store_url", "store.bad_address") from None
    scheme = parts.scheme.split("+", 1)[0].lower()
    query = parse_qs(parts.query)
    host = parts.hostname or "".join(query.get("host", []))
    database = unquote(parts.path[1:]) if parts.path.startswith("/") else ""
    if (
        len(text) > ADDRESS_MAX
        or scheme not in POSTGRESQL_SCHEMES
        or not host
        or not database
        or "/" in database
        or any(ord(c) < 0x20 for c in text)
    ):
        raise ValidationError("store_url", "store.bad_address")
    if parts.password is not None or "password" in query:
        raise ValidationError("store_url", "store.password_in_address")
    return text


def require_server_store(address: str) -> None:
    """Nothing if the server at `address` (already checked by server_address) answers and holds
    a store; else StoreError: unreachable, refused, no driver, or no store there."""
    if not migrate.is_initialised(address):
        raise StoreError("store.no_server_store")
