"""Making bundles (laptop -> coordinator) and writing them so that a bundle counts as exported only
once it is on the stick, whole: temporary name -> fsync -> rename -> fsync the folder -> read back
and verify -> mark exported. A failure at any step (a full stick, a pulled stick) leaves no file
under the final name and no mark; export never deletes anything from the store.
"""

from __future__ import annotations

import errno
import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from json.encoder import encode_basestring
from pathlib import Path

from fieldreg.core import events as ev
from fieldreg.core.errors import (
    Cancelled,
    FieldregError,
    IntegrityError,
    StoreError,
    TamperError,
    os_error_reason,
)
from fieldreg.core.events import Event
from fieldreg.core.tasks import CancelFlag, Progress
from fieldreg.crypto.durable_file import fsync_dir, write_new_file
from fieldreg.crypto.network_keys import DeviceKeys, NetworkInfo
from fieldreg.store.event_columns import read_event_columns
from fieldreg.store.event_reading import event_opener
from fieldreg.store.repository import Repository
from fieldreg.store.sync_store import SyncStore
from fieldreg.sync import age_format, bundle_format, minisign
from fieldreg.sync.bundle_format import MAX_EVENTS, Header
from fieldreg.sync.enrollment import parse_certificate
from fieldreg.sync.redaction import redacted_row

SUFFIX = ".bundle"


@dataclass(frozen=True, slots=True)
class Identity:
    """What a laptop signs and encrypts a bundle with."""

    network: NetworkInfo
    keys: DeviceKeys
    certificate: str
    epoch: int
    prefix: str


@dataclass(frozen=True, slots=True)
class Exported:
    path: Path
    header: Header
    bundle_hash: str


def build_bundle(
    events: list[Event], identity: Identity, created: int, *, roster: int = 0
) -> tuple[bytes, Header]:
    """A bundle of `events` (one device's, contiguous, in sequence order)."""
    payload = bundle_format.build_payload(events[0].device_id, events)
    stored = StoredRange(
        events[0].device_id,
        events[0].seq,
        events[-1].seq,
        events[0].prev,
        events[-1].event_id,
        payload,
    )
    return build_stored_bundle(stored, identity, created, roster=roster)


@dataclass(frozen=True, slots=True)
class StoredRange:
    """A range of one device's events as a bundle's payload, and what its header says of it."""

    device: str
    first: int
    last: int
    prev: str  # of the first event
    head: str  # id of the last event
    payload: bytes


def build_stored_bundle(
    stored: StoredRange, identity: Identity, created: int, *, roster: int = 0
) -> tuple[bytes, Header]:
    """A bundle of the payload `read_payload` made (the bytes `build_bundle` makes); `roster`
    is the roster version the laptop has applied, told to the coordinator in the header."""
    sealed = seal_bundle(stored, identity, created, roster=roster)
    return sealed.data, sealed.header


@dataclass(frozen=True, slots=True)
class SealedBundle:
    """A bundle's bytes and header, with its ciphertext (part 3) and that part's minisign
    prehash, which the check after writing uses instead of hashing the 6 MB again."""

    data: bytes
    header: Header
    ciphertext: bytes
    prehash: bytes


def seal_bundle(
    stored: StoredRange, identity: Identity, created: int, *, roster: int = 0
) -> SealedBundle:
    """`build_stored_bundle`, keeping what `write_verified` can check the written file with."""
    payload = stored.payload
    header = Header(
        network=identity.network.network_id,
        device=stored.device,
        epoch=identity.epoch,
        first=stored.first,
        last=stored.last,
        prev=stored.prev,
        head=stored.head,
        payload=hashlib.sha256(payload).hexdigest(),
        created=created,
        roster=roster,
    )
    ciphertext = age_format.encrypt(
        payload, [identity.network.recipient_public, identity.network.escrow_public]
    )
    prehash = minisign.prehash(ciphertext)
    signature = minisign.sign_prehashed(
        identity.keys.signer(),
        prehash,
        trusted_comment=header.text(),
        untrusted_comment=bundle_format.SIGNATURE_COMMENT,
    )
    data = bundle_format.build_container(signature, identity.certificate, ciphertext)
    return SealedBundle(data, header, ciphertext, prehash)


def identity_of(repo: Repository, device_id: str) -> Identity:
    store = SyncStore(repo)
    network = store.network()
    own = store.own_keys(device_id)
    if network is None or own is None or own.certificate is None or network.role != "device":
        raise FieldregError("sync.not_enrolled")
    certificate = parse_certificate(own.certificate, network.info.root_public)
    return Identity(network.info, own.keys, own.certificate, own.epoch, certificate.prefix)


def read_events(repo: Repository, device_id: str, first: int, last: int) -> list[Event]:
    events = []
    open_event = event_opener(repo.sealer)  # one opener for the whole range
    for row in repo.event_rows(device_id, first, last):
        if row.redacted or row.body is None:
            raise IntegrityError("sync.redacted_event", seq=row.seq)
        events.append(open_event(row))  # checks each event's id on the way out
    return events


def read_payload(repo: Repository, device_id: str, first: int, last: int) -> StoredRange:
    """`build_payload(read_events(...))` without making an Event per event: the rows read as
    plain columns, the bodies opened in one call, and each row of the payload put together from
    the columns and the body as stored once its id is checked over the canonical bytes those
    make (`events.stored_bytes`). The same bytes, the same checks, the same errors in the same
    order (a body that does not open, an id that does not match); a row the fast path does not
    take is opened as `read_events` does (`events.from_stored`), which decides. A redacted row
    (its person's values dropped here) goes as a redacted event: no body (sync/redaction.py)."""
    columns = read_event_columns(repo, device_id, first, last)
    if not columns:
        events = read_events(repo, device_id, first, last)
        return StoredRange(device_id, events[0].seq, 0, "", "", b"")  # IndexError, as before
    opened = repo.sealer.open_many(
        "events", "body", [c[4] for c in columns], [c[5] for c in columns]
    )
    rows: list[bytes] = []
    append = rows.append
    stored_row = bundle_format.stored_row
    device = encode_basestring(device_id).encode("utf-8")
    for (seq, hlc, subject, prev, event_id, sealed, redacted), body in zip(
        columns, opened, strict=True
    ):
        if redacted and sealed is None:
            # The person's values were dropped here: the row goes without its body (redaction).
            append(redacted_row(seq, hlc, subject, prev, event_id))
            continue
        if redacted or sealed is None:  # one without the other: damage, not a purge
            raise IntegrityError("sync.redacted_event", seq=seq)
        if body is None:
            raise TamperError("crypto.tamper", table="events", group="body")
        row = stored_row(device, seq, hlc, subject, prev, event_id, body)
        if row is None:
            event = ev.from_stored(
                device_id=device_id,
                seq=seq,
                hlc=hlc,
                subject_id=subject,
                prev=prev,
                event_id=event_id,
                body=body,
            )
            row = bundle_format.event_row(event)
        append(row)
    head = columns[0]
    payload = bundle_format.assemble_payload(device_id, head[0], rows)
    return StoredRange(device_id, head[0], columns[-1][0], head[3], columns[-1][4], payload)


def plan_ranges(first: int, last: int) -> list[tuple[int, int]]:
    return [(a, min(a + MAX_EVENTS - 1, last)) for a in range(first, last + 1, MAX_EVENTS)]


def export_bundles(
    repo: Repository,
    device_id: str,
    out_dir: Path,
    *,
    now_ms: Callable[[], int],
    first: int | None = None,
    last: int | None = None,
    progress: Progress | None = None,
    cancelled: CancelFlag | None = None,
    roster: int = 0,
) -> list[Exported]:
    """Export this device's events since the last export (or `first`..`last`) to `out_dir`;
    each header says that the laptop has applied roster version `roster` (0: none)."""
    store = SyncStore(repo)
    with repo.reading():
        identity = identity_of(repo, device_id)
        device = repo.device(device_id)
        exported_up_to = store.last_exported(device_id)
    last_seq = device.last_seq if device is not None else 0
    start = exported_up_to + 1 if first is None else first
    end = last_seq if last is None else last
    if first is None and last is None and start > last_seq:
        raise FieldregError("bundle.nothing_to_export")
    if not 1 <= start <= end <= last_seq:
        raise FieldregError("bundle.bad_range", last=last_seq)
    results: list[Exported] = []
    total = end - start + 1
    for a, b in plan_ranges(start, end):
        if cancelled is not None and cancelled():
            raise Cancelled
        with repo.reading():
            stored = read_payload(repo, device_id, a, b)
        sealed = seal_bundle(stored, identity, now_ms(), roster=roster)
        data, header = sealed.data, sealed.header
        name = f"fieldreg-{identity.prefix}-{a:06d}-{b:06d}-{secrets.token_hex(4)}{SUFFIX}"
        path = write_verified(out_dir, name, data, identity, signed=sealed)
        bundle_hash = hashlib.sha256(data).hexdigest()
        with repo.transaction():
            store.mark_exported(bundle_hash, header, now_ms())
        results.append(Exported(path, header, bundle_hash))
        if progress is not None:
            progress(b - start + 1, total)
    return results


def write_verified(
    out_dir: Path, name: str, data: bytes, identity: Identity, *, signed: SealedBundle | None = None
) -> Path:
    """Write durably under a temporary name, rename, read back and verify; clean up on failure.
    `signed`: how `data` was made, so that its signature is checked without hashing it again."""
    final = out_dir / name
    temp = out_dir / f".{name}.tmp-{secrets.token_hex(4)}"
    placed = False
    try:
        if final.exists():
            raise FileExistsError(errno.EEXIST, "exists")
        write_new_file(temp, data)
        temp.replace(final)
        placed = True
        fsync_dir(out_dir)
        if final.read_bytes() != data:
            raise FieldregError("bundle.verify_failed")
        _verify_written(data, identity, signed)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if placed:
            final.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            if exc.errno == errno.ENOSPC:
                raise StoreError("store.disk_full") from exc
            raise StoreError("sync.export_io", reason=os_error_reason(exc)) from exc
        raise
    return final


def _verify_written(data: bytes, identity: Identity, signed: SealedBundle | None = None) -> None:
    """What the coordinator will check first: the container, the header and the signature (over
    the prehash signing made, once the container's part 3 is the very bytes it was made of)."""
    try:
        container = bundle_format.parse_container(data)
        signature = minisign.parse(container.signature)
        bundle_format.parse_header(signature.trusted_comment)
        public = identity.keys.signing_public
        if signed is not None and container.payload == signed.ciphertext:
            minisign.verify_prehashed(signature, signed.prehash, public)
        else:
            minisign.verify(signature, container.payload, public)
        age_format.parse_header(container.payload)
    except FieldregError:
        raise FieldregError("bundle.verify_failed") from None
