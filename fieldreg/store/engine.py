"""Engine creation with the PRAGMAs that make SQLite durable, and explicit transactions.

`synchronous=FULL` with WAL: a commit is on disk when it returns, so what the UI says is saved
survives a power cut. Write transactions begin with `BEGIN IMMEDIATE` (see WRITE_FLAG) so that a
second process (the CLI beside the desk app) waits for the write lock instead of failing half-way.

On PostgreSQL (the coordinator's store shared by several workstations, docs/postgresql.md) a
write transaction takes one transaction-scoped advisory lock first: writers queue as they do on
SQLite, so a fold of a person read and written back in one transaction cannot lose another
workstation's update (READ COMMITTED alone would). Readers never take it.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError

from fieldreg.core.errors import StoreError

BUSY_TIMEOUT_MS = 10_000
WRITE_FLAG = "fieldreg.write"
# The key of the writers' advisory lock on PostgreSQL ("fieldreg" in ASCII); any constant would do.
WRITER_LOCK_KEY = 0x6669656C64726567
POSTGRESQL_SCHEMES = ("postgresql", "postgres")
CONNECT_TIMEOUT_S = 15
BULK_READ_ROWS = 5000  # rows per round trip of a server-side cursor (bulk_read_cursor)
# How much of a SQLite store a bulk read maps into memory (mapped_for_bulk_read): SQLite's own
# ceiling, 2 GB, all of any store a point keeps (100,000 people take about 230 MB).
BULK_READ_MAP_BYTES = 0x7FFF0000


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def is_postgresql_url(url: str) -> bool:
    scheme = url.split("://", 1)[0].split("+", 1)[0].lower()
    return "://" in url and scheme in POSTGRESQL_SCHEMES


def postgresql_url(url: str) -> str:
    """`postgresql://user@host/db` as SQLAlchemy names the psycopg 3 driver; a URL that already
    names a driver is kept."""
    scheme, rest = url.split("://", 1)
    if "+" in scheme:
        return url
    return f"postgresql+psycopg://{rest}"


def make_engine(url: str, *, password: str | None = None) -> Engine:
    """An engine for `url`; SQLite gets its PRAGMAs and explicit BEGIN IMMEDIATE, PostgreSQL
    its writers' lock (and `password`, typed in the desk, as a connect argument: never in the
    URL, which is saved and shown)."""
    if is_postgresql_url(url):
        return _postgresql_engine(postgresql_url(url), password)
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN; pysqlite's implicit one is deferred.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "PRAGMA journal_mode=WAL",
            "PRAGMA synchronous=FULL",
            "PRAGMA foreign_keys=ON",
            "PRAGMA temp_store=MEMORY",
            "PRAGMA secure_delete=ON",
            f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
        ):
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Writers take the lock up front; readers get a deferred (snapshot) transaction.
        immediate = connection.info.get(WRITE_FLAG, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _postgresql_engine(url: str, password: str | None) -> Engine:
    # A server that never answers (a dropped packet, not a refusal) would hang the connection
    # for minutes: give up after CONNECT_TIMEOUT_S unless the address says otherwise.
    connect_args: dict[str, Any] = (
        {} if "connect_timeout=" in url else {"connect_timeout": CONNECT_TIMEOUT_S}
    )
    if password is not None:
        connect_args["password"] = password
    try:
        engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except ModuleNotFoundError:  # psycopg: the `postgresql` extra, not in the laptops' build
        raise StoreError("store.no_postgresql_driver") from None

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # psycopg begins the transaction with this first statement; the lock ends with it.
        if connection.info.get(WRITE_FLAG, False):
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK_KEY})")

    return engine


def bulk_read_cursor(connection: Connection, name: str = "fieldreg_bulk_read") -> Any:
    """A DB-API cursor for reading a whole table in batches (`fetchmany`), as unlock reads every
    person's summary: SQLite's own cursor (it steps through the rows), and on PostgreSQL a
    server-side cursor with binary rows, so that a million sealed rows are streamed a batch at
    a time instead of held whole in the client (libpq keeps a plain query's entire result) and
    bytea arrives as bytes rather than as hex text to decode. Call inside a transaction (the
    server's cursor lives until it ends); close it when done."""
    dbapi = connection.connection.dbapi_connection
    assert dbapi is not None
    if connection.dialect.name != "postgresql":
        return dbapi.cursor()
    cursor: Any = dbapi.cursor(name=name, binary=True)
    cursor.itersize = BULK_READ_ROWS
    return cursor


@contextmanager
def mapped_for_bulk_read(connection: Connection) -> Iterator[None]:
    """SQLite reads the store's pages through a memory map while the block runs, and by read()
    again after it. Unlock reads every person's summary: mapped, SQLite hands over the pages the
    operating system already caches instead of copying each one, which halves the time it takes
    to step through 100,000 rows.

    Only for the block: a read from a mapped file that fails (a stick pulled out at that moment)
    ends the process with SIGBUS instead of an error SQLite can report, so the window is kept to
    the second a bulk read takes, and the mapping (counted in the resident size) is dropped when
    it ends. Other databases read as they do."""
    if connection.dialect.name != "sqlite":
        yield
        return
    connection.exec_driver_sql(f"PRAGMA mmap_size={BULK_READ_MAP_BYTES}")
    try:
        yield
    finally:
        connection.exec_driver_sql("PRAGMA mmap_size=0")


def widen_page_cache(connection: Connection) -> None:
    """64 MB of page cache for a connection doing bulk work (an import touches far more pages
    than SQLite's default 8 MB holds); other databases size their caches themselves."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA cache_size=-65536")
        connection.rollback()


def create_private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 unless it exists (SQLite would use the umask)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def store_error(exc: BaseException) -> StoreError:
    """Map an environment failure (disk full, locked, I/O) to a typed error for the user."""
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    text = str(original).lower()
    if isinstance(original, OSError) and original.errno == errno.ENOSPC:
        return StoreError("store.disk_full")
    if "database or disk is full" in text or "disk is full" in text:
        return StoreError("store.disk_full")
    if "locked" in text or "busy" in text:
        return StoreError("store.database_locked")
    if "readonly" in text or "read-only" in text:
        return StoreError("store.read_only")
    if "malformed" in text or "not a database" in text:
        return StoreError("store.corrupt")
    # PostgreSQL (psycopg's words): the server answered but refused, before "connection failed"
    # (its prefix to every failed connection)
    if 'database "' in text and "does not exist" in text:
        return StoreError("store.no_server_store")
    if any(words in text for words in _REFUSED):
        return StoreError("store.server_refused")
    if any(words in text for words in _UNREACHABLE):
        return StoreError("store.server_unreachable")  # PostgreSQL (psycopg's words)
    return StoreError("store.io")


_UNREACHABLE = (
    "connection refused",
    "could not connect",
    "connection failed",
    "connection is bad",
    "connection to server",
    "timeout expired",
)
_REFUSED = (
    "password authentication failed",
    "no password supplied",
    "peer authentication failed",
    "no pg_hba.conf entry",
    'role "',
)

ENVIRONMENT_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,
    sqlite3.OperationalError,
    OSError,
)
