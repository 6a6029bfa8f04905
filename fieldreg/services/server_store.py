"""A coordinator's store on a PostgreSQL server, as the desk's first run opens it
(docs/postgresql.md): the address checked before use, then whether the server answers and holds
a store. A password never goes into the address (nor into the settings that remember it): the
server's own authentication supplies it (~/.pgpass, peer), or the desk asks for it when the
server wants one and holds it in memory for the run (a connect argument, never in a URL, a log
or an error's text)."""

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


# libpq's words when the server wants a password it was not given, or refused the one it got
_NO_PASSWORD = "no password supplied"
_WRONG_PASSWORD = "password authentication failed"


def require_server_store(address: str, password: str | None = None) -> None:
    """Nothing if the server at `address` (already checked by server_address) answers and holds
    a store, with `password` if one was typed; else StoreError: a password needed
    (store.password_needed) or refused (store.password_wrong), unreachable, refused, no driver,
    or no store there."""
    try:
        initialised = migrate.is_initialised(address, password=password)
    except StoreError as exc:
        text = str(exc.__cause__).lower()
        if _NO_PASSWORD in text or (_WRONG_PASSWORD in text and password is None):
            raise StoreError("store.password_needed") from None
        if _WRONG_PASSWORD in text:
            raise StoreError("store.password_wrong") from None
        raise
    if not initialised:
        raise StoreError("store.no_server_store")


def needs_password(error: BaseException) -> bool:
    """Whether `error` (from require_server_store) asks for the server's password."""
    return isinstance(error, StoreError) and error.code in (
        "store.password_needed",
        "store.password_wrong",
    )
