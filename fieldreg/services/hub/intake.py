"""The hub's one writer: a thread that imports uploaded bundles through services.bundle_import
(the same checks, transactions and quarantine as files from a stick) and keeps the contact
record. Uploads that arrive together are imported together, so one commit (one flush to disk)
serves many of them; a request gets its receipt only after that commit, so a receipt the laptop
holds names a bundle the store keeps, whatever happens to the hub afterwards."""

from __future__ import annotations

import contextlib
import os
import queue
import secrets
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from fieldreg.core.errors import FieldregError, StoreError
from fieldreg.services import enrollment_service
from fieldreg.services.bundle_import import FileOutcome, import_bundles
from fieldreg.services.hub.auth import KnownDevice
from fieldreg.services.paths import ensure_private_dir
from fieldreg.services.session import Session
from fieldreg.services.sync_access import now_ms, sync_repository
from fieldreg.store import hub_store
from fieldreg.store.sync_store import SyncStore
from fieldreg.sync.enrollment import parse_certificate

BATCH_MAX: Final = 64  # uploads imported in one go
# Uploads whose request has begun (its body is on its way, its signature being checked) reach
# the writer within a millisecond or so: it waits that long at most for them, so that one call
# and one commit serve them too. It never waits for a laptop that has not begun to send: the
# writer busy is what bounds the hub, and it would sit idle.
GATHER_S: Final = 0.004
SPOOL: Final = "hub-spool"
DEVICES_FRESH_MS: Final = 5000
# Contacts are counts only: under load they are written at most this often (and when the queue
# is idle, and at stop), not with every batch, whose commit would then be followed by a second.
CONTACTS_EVERY_MS: Final = 1000
UNKNOWN_RELOAD_MS: Final = 1000


@dataclass(frozen=True, slots=True)
class Receipt:
    status: str  # applied, replay, held, quarantined
    first: int = 0
    last: int = 0
    applied: int = 0
    code: str = ""

    def to_json(self) -> dict[str, Any]:
        answer: dict[str, Any] = {"status": self.status, "first": self.first, "last": self.last}
        answer["applied"] = self.applied
        if self.code:
            answer["code"] = self.code
        return answer


def receipt_for(outcome: FileOutcome) -> Receipt:
    result = outcome.result
    if result is None:
        code = outcome.error.code if outcome.error is not None else "bundle.rejected"
        return Receipt("quarantined", code=code)
    status = "applied" if outcome.applied else "replay" if outcome.replayed else "held"
    return Receipt(status, result.first, result.last, result.applied)


@dataclass(slots=True)
class _Upload:
    untrusted_body: bytes
    device: str
    answer: Future[Receipt]


class Intake:
    """Owns the hub's writes to the store; start() once, stop() at shutdown."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.spool = ensure_private_dir(session.data_dir.root / SPOOL)
        self._jobs: queue.Queue[_Upload | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="hub-intake", daemon=True)
        self._pending: dict[str, hub_store.Contact] = {}
        self._lock = threading.Lock()
        self._devices: dict[str, KnownDevice] = {}
        self._devices_loaded = 0
        self._contacts_flushed = 0
        self._arriving = 0  # uploads begun and not yet queued (or refused)
        self.counts = {"applied": 0, "replay": 0, "held": 0, "quarantined": 0}
        self._leftovers()

    def _leftovers(self) -> None:
        """Spool files of a hub that stopped mid-import: never acknowledged, so the laptops
        send them again; removing them keeps the spool from growing."""
        for path in self.spool.iterdir():
            if path.is_file():
                path.unlink(missing_ok=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._jobs.put(None)
        self._thread.join(timeout=30)

    # --- devices ---------------------------------------------------------------------------

    def cached_device(self, device_id: str) -> tuple[bool, KnownDevice | None]:
        """(whether the list in memory still answers for this device, the device): what
        device() answers without reading the store, so a request need not leave the event loop
        for it."""
        with self._lock:
            known = self._devices.get(device_id)
            age = now_ms() - self._devices_loaded
        return age <= DEVICES_FRESH_MS and (known is not None or age <= UNKNOWN_RELOAD_MS), known

    def device(self, device_id: str) -> KnownDevice | None:
        """The enrolled device. The list is read again when it is older than DEVICES_FRESH_MS (a
        revocation made while the hub runs counts within seconds) or, at most once a second,
        when an unknown device asks (one enrolled while the hub runs is served)."""
        fresh, known = self.cached_device(device_id)
        if fresh:
            return known
        self.reload_devices()
        with self._lock:
            return self._devices.get(device_id)

    def reload_devices(self) -> None:
        found = {}
        for info in enrollment_service.devices(self.session):
            found[info.device_id] = info
        keys = _signing_keys(self.session)
        with self._lock:
            self._devices = {
                device_id: KnownDevice(
                    device_id, info.prefix, keys[device_id], info.revoked_up_to is not None
                )
                for device_id, info in found.items()
                if device_id in keys
            }
            self._devices_loaded = now_ms()

    # --- contacts --------------------------------------------------------------------------

    def note(self, device: str, *, request: bool = True, **counts: int) -> None:
        """Count a request of `device`, or what its upload did (flushed by the writer thread)."""
        with self._lock:
            contact = self._pending.setdefault(device, hub_store.Contact(device))
            contact.last_contact_ms = now_ms()
            contact.requests += 1 if request else 0
            for name, value in counts.items():
                if name == "last_sent_seq":
                    contact.last_sent_seq = max(contact.last_sent_seq, value)
                else:
                    setattr(contact, name, getattr(contact, name) + value)

    def _flush_contacts(self) -> None:
        with self._lock:
            changes, self._pending = list(self._pending.values()), {}
        if changes:
            with sync_repository(self.session) as repo, repo.transaction():
                hub_store.add_contacts(repo, changes)

    # --- bundles ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def arriving(self) -> Iterator[None]:
        """Around the reading and checking of an upload, until it is submitted or refused."""
        with self._lock:
            self._arriving += 1
        try:
            yield
        finally:
            with self._lock:
                self._arriving -= 1

    def submit(self, device: str, untrusted_body: bytes) -> Future[Receipt]:
        """Queue the body; the future holds its receipt. The writer spools it (a private file)
        itself, so a request costs the event loop no file write and no thread."""
        answer: Future[Receipt] = Future()
        # Running from now on: a request that goes away cannot cancel it under the writer.
        answer.set_running_or_notify_cancel()
        self._jobs.put(_Upload(untrusted_body, device, answer))
        return answer

    def _gather(self, first: _Upload) -> list[_Upload | None]:
        """`first` and what else is queued or, for up to GATHER_S, still arriving."""
        jobs: list[_Upload | None] = [first]
        deadline = time.monotonic() + GATHER_S
        while len(jobs) < BATCH_MAX:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                with self._lock:
                    arriving = self._arriving
                remaining = deadline - time.monotonic()
                if not arriving or remaining <= 0:
                    break
                try:
                    job = self._jobs.get(timeout=min(remaining, 0.001))
                except queue.Empty:
                    continue
            jobs.append(job)
            if job is None:
                break
        return jobs

    def _run(self) -> None:
        while True:
            try:
                first = self._jobs.get(timeout=1.0)
            except queue.Empty:
                self._flush_safely()
                continue
            jobs = [None] if first is None else self._gather(first)
            uploads = [job for job in jobs if job is not None]
            if uploads:
                self._import(uploads)
            stopping = jobs[-1] is None
            if stopping or now_ms() - self._contacts_flushed >= CONTACTS_EVERY_MS:
                self._flush_safely()
            if stopping:
                return

    def _flush_safely(self) -> None:
        # Counts only: if the store is busy, the next flush tries again with newer ones.
        self._contacts_flushed = now_ms()
        with contextlib.suppress(FieldregError):
            self._flush_contacts()

    def _import(self, batch: list[_Upload]) -> None:
        paths: list[Path] = []
        try:
            for upload in batch:
                path = self.spool / f"{secrets.token_hex(12)}.bundle"
                paths.append(path)  # before the write: a file half written is removed too
                _write_private(path, upload.untrusted_body)
                upload.untrusted_body = b""
            # One call for the whole batch: one commit; the hub's session shows no one.
            outcomes = import_bundles(self.session, paths, show_people=False)
        except (FieldregError, OSError) as failure:
            # The store failed, or the spool could not be written (disk full): try again later.
            error = failure if isinstance(failure, FieldregError) else StoreError("store.io")
            for upload in batch:
                upload.answer.set_exception(error)
            for path in paths:
                path.unlink(missing_ok=True)
            return
        except BaseException as bug:  # a bug: every waiting request learns of it, then it is logged
            for upload in batch:
                upload.answer.set_exception(bug)
            raise
        by_path = {os.fspath(o.path): o for o in outcomes}
        for upload, path in zip(batch, paths, strict=True):
            outcome = by_path.get(os.fspath(path))
            receipt = receipt_for(outcome) if outcome is not None else Receipt("quarantined")
            path.unlink(missing_ok=True)  # imported, or already moved to quarantine
            with self._lock:
                self.counts[receipt.status] += 1
            self.note(
                upload.device,
                request=False,
                bundles_sent=1,
                bundles_applied=1 if receipt.status == "applied" else 0,
                events_applied=receipt.applied,
                last_sent_seq=receipt.last,
            )
            upload.answer.set_result(receipt)


def _signing_keys(session: Session) -> dict[str, bytes]:
    """Each enrolled device's signing key, from the newest certificate issued to it."""
    keys: dict[str, tuple[int, bytes]] = {}
    with sync_repository(session) as repo, repo.reading():
        network = SyncStore(repo).network()
        if network is None:
            return {}
        for device_id, epoch, token in SyncStore(repo).certificates():
            certificate = parse_certificate(token, network.info.root_public)
            if device_id not in keys or keys[device_id][0] < epoch:
                keys[device_id] = (epoch, certificate.ed25519)
    return {device_id: key for device_id, (_epoch, key) in keys.items()}


def _write_private(path: Path, data: bytes) -> None:
    """A new owner-only file; not synced: the receipt waits for the store's commit, not this."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)
