"""Opening a checked bundle: age decryption, the payload's hash against the signed header, every
event parsed and checked, the chain verified, and ids only under the certificate's prefixes.

`decode` is a pure function of bytes and keys, so an import of many bundles can run it for the
next bundle in a worker process while the current one is applied (`PrefetchingDecoder`). Only
bundles whose signature already held are ever handed to it.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from fieldreg.core.bulk import without_cycle_collection
from fieldreg.core.errors import FieldregError
from fieldreg.core.events import Event, EventType
from fieldreg.store.sealed_json import event_body_json
from fieldreg.sync import age_format, bundle_format
from fieldreg.sync.bundle_format import Header
from fieldreg.sync.redaction import Redacted

_NEW_IDS = frozenset(
    {EventType.PERSON_REGISTERED, EventType.HOUSEHOLD_CREATED, EventType.TRANSPORT_PLANNED}
)


@dataclass(frozen=True, slots=True)
class DecodeJob:
    bundle_hash: str
    ciphertext: bytes
    header: Header
    prefixes: tuple[str, ...]  # the certificate's: ids this device may create
    identity: bytes  # the coordinator's X25519 bundle key


@dataclass(frozen=True, slots=True)
class Decoded:
    """A bundle's events, with each event's body already encoded as the store seals it (work
    done in the worker shortens the transaction; folded people are not sent back: unpickling
    them costs more than folding them again)."""

    events: list[Event]
    bodies: dict[int, bytes]  # seq -> body JSON
    # events that came without their body (sync/redaction.py); the importer decides on them
    redacted: list[Redacted] = field(default_factory=list)


def decode(job: DecodeJob) -> Decoded:
    """The bundle's events; FieldregError with the reason it must be refused."""
    age = age_format.parse_header(job.ciphertext)
    if age_format.unwrap_file_key(age, job.identity) is None:
        raise FieldregError("bundle.not_for_us")
    plaintext = age_format.decrypt(job.ciphertext, job.identity)
    if hashlib.sha256(plaintext).hexdigest() != job.header.payload:
        raise FieldregError("bundle.payload_mismatch")
    redacted: list[Redacted] = []
    events = bundle_format.parse_payload(plaintext, job.header, redacted)
    allowed = set(job.prefixes)
    for event in events:
        if event.type in _NEW_IDS and event.subject_id.split("-")[0] not in allowed:
            raise FieldregError("bundle.event_invalid", seq=event.seq, reason="prefix")
    return Decoded(events, {e.seq: event_body_json(e) for e in events}, redacted)


def _decode_in_worker(job: DecodeJob) -> tuple[str, Any, Any]:
    # A FieldregError does not survive pickling with its params; send code and params instead.
    try:
        with without_cycle_collection():  # tens of thousands of small objects, no cycles
            return ("ok", decode(job), None)
    except FieldregError as exc:
        return ("error", exc.code, dict(exc.params))


Decoder = Callable[[DecodeJob], Decoded]


def _leave_with_parent() -> None:
    """In the worker, first: end as soon as the importing process is gone. Killed (SIGKILL, a
    power button held down) it cannot shut the pool down, and the worker would wait on its pipe
    forever, an orphan holding the coordinator's bundle key and decrypted bundles in memory."""
    parent = multiprocessing.parent_process()
    if parent is None:  # not a child of multiprocessing: nothing to watch
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class PrefetchingDecoder:
    """Decodes submitted jobs in one worker process; asking for a job not submitted (or after
    the worker failed to start) decodes it here. Use as a context manager."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._futures: dict[str, Future[tuple[str, Any, Any]]] = {}

    def __enter__(self) -> PrefetchingDecoder:
        try:
            # "spawn": forking a process that holds SQLite connections and threads is unsafe.
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(
                max_workers=1, mp_context=context, initializer=_leave_with_parent
            )
        except (OSError, ValueError, NotImplementedError):
            self._pool = None
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._futures.clear()

    def submit(self, job: DecodeJob) -> None:
        if self._pool is None or job.bundle_hash in self._futures:
            return
        try:
            self._futures[job.bundle_hash] = self._pool.submit(_decode_in_worker, job)
        except RuntimeError:  # the pool broke (a worker was killed): decode here from now on
            self._pool = None

    def __call__(self, job: DecodeJob) -> Decoded:
        future = self._futures.pop(job.bundle_hash, None)
        if future is None:
            return decode(job)
        try:
            status, first, second = future.result()
        except BrokenProcessPool:  # a dead worker is no verdict on the bundle
            self._pool = None
            return decode(job)
        if status == "error":
            raise FieldregError(str(first), **dict(second))
        result: Decoded = first
        return result
