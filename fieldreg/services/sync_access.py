"""What the sync use cases share: sync's own connection to a session's store, the coordinator's
network record, the clock, and bounded reads of files from a stick."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fieldreg.core.errors import FieldregError
from fieldreg.crypto.sealing import FieldSealer
from fieldreg.services.outside_files import read_outside_file
from fieldreg.services.session import Session
from fieldreg.store.engine import make_engine, widen_page_cache
from fieldreg.store.repository import Repository
from fieldreg.store.sync_store import NetworkRecord, SyncStore
from fieldreg.sync import bundle_format


@contextmanager
def sync_repository(session: Session) -> Iterator[Repository]:
    """A connection of sync's own to the session's store, sealing with the session's key."""
    engine = make_engine(session.data_dir.database_url)
    try:
        with engine.connect() as connection:
            widen_page_cache(connection)
            yield Repository(connection, FieldSealer(session.data_key))
    finally:
        engine.dispose()


def now_ms() -> int:
    return int(dt.datetime.now(dt.UTC).timestamp() * 1000)


def coordinator_network(repo: Repository) -> NetworkRecord:
    with repo.reading():
        network = SyncStore(repo).network()
    if network is None or network.role != "coordinator":
        raise FieldregError("sync.not_coordinator")
    return network


def read_untrusted(path: Path) -> bytes:
    """A bundle file's bytes: a regular file only, at most one byte more than a bundle may have
    (the parser then says "too large")."""
    too_large = FieldregError("bundle.too_large", max=bundle_format.MAX_FILE_BYTES)
    return read_outside_file(path, bundle_format.MAX_FILE_BYTES, too_large)
