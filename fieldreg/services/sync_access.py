"""What the sync use cases share: sync's own connection to a session's store, the coordinator's
network record, the clock, and bounded reads of files from a stick."""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fieldreg.core.errors import FieldregError, LockedError
from fieldreg.crypto.sealing import FieldSealer
from fieldreg.services.outside_files import read_outside_file
from fieldreg.services.session import Session
from fieldreg.store.engine import widen_page_cache
from fieldreg.store.repository import Repository
from fieldreg.store.sync_store import NetworkRecord, SyncStore
from fieldreg.sync import bundle_format


@contextmanager
def sync_repository(session: Session) -> Iterator[Repository]:
    """A connection of sync's own to the session's store, sealing with the session's key.

    It comes from the session's engine (not a new one per call): its pool hands back an open
    connection and its statement cache keeps the SQL compiled, which a per-call engine paid
    again for every bundle (DESIGN.md §5; the hub imports a few bundles per call)."""
    with session.engine.connect() as connection:
        widen_page_cache(connection)
        yield Repository(connection, FieldSealer(session.data_key))


def now_ms() -> int:
    return int(dt.datetime.now(dt.UTC).timestamp() * 1000)


def coordinator_network(repo: Repository) -> NetworkRecord:
    with repo.reading():
        network = SyncStore(repo).network()
    if network is None or network.role != "coordinator":
        raise FieldregError("sync.not_coordinator")
    return network


# The coordinator's network record (its keys included) per open session. The store's network row
# is written once, when the store joins a network, and never changed or removed, so a record read
# stays true for as long as the session is open; enrollments and revocations live in other tables,
# which every bundle's checks read afresh. A locked session's entry is dropped at the next look
# (and with the session itself, weakly held).
_networks: weakref.WeakKeyDictionary[Session, NetworkRecord] = weakref.WeakKeyDictionary()
_networks_lock = threading.Lock()


def session_network(session: Session, repo: Repository) -> NetworkRecord:
    """`coordinator_network`, read once per session (the hub imports a few bundles per call)."""
    with _networks_lock:
        if session.locked:
            _networks.pop(session, None)
            raise LockedError
        known = _networks.get(session)
    if known is not None:
        return known
    network = coordinator_network(repo)  # only a coordinator's record is kept
    with _networks_lock:
        if not session.locked:
            _networks[session] = network
    return network


def read_untrusted(path: Path) -> bytes:
    """A bundle file's bytes: a regular file only, at most one byte more than a bundle may have
    (the parser then says "too large")."""
    too_large = FieldregError("bundle.too_large", max=bundle_format.MAX_FILE_BYTES)
    return read_outside_file(path, bundle_format.MAX_FILE_BYTES, too_large)
