"""The import pipeline at the coordinator (DESIGN.md §5):

size limits -> container -> header -> certificate and revocation -> signature -> age header
-> (replay? fork?) -> decrypt -> payload and chain -> apply in one transaction, the device's
high-water mark advanced last -> receipt -> held bundles that the new events make applicable.

Every check before "apply" only reads; a bundle that fails one raises `BundleRejected` and the
store is unchanged. Environment failures (disk full, database locked) raise `StoreError` instead:
the bundle is not at fault and can simply be imported again.

Several importers at once (coordinator workstations sharing a PostgreSQL store): the device's
mark is read again, locked, inside the transaction that advances it, and the database's unique
keys refuse a second copy of an event, receipt or hold. A racer that finds the mark moved (or is
refused) rolls back and looks again from the start, so it reports what is true then: usually
"already applied" (REPLAY), never an error or a quarantine.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from fieldreg.core.errors import AuthError, Cancelled, FieldregError, StoreError, TamperError
from fieldreg.core.events import Event, EventType
from fieldreg.core.tasks import CancelFlag, Progress
from fieldreg.crypto.network_keys import NetworkInfo
from fieldreg.store.repository import DeviceState, Repository
from fieldreg.store.roster_store import RosterStore
from fieldreg.store.sync_store import SyncStore, WrittenMeanwhile, refusing_second_copies
from fieldreg.sync import age_format, bundle_format, minisign
from fieldreg.sync.apply import Applied, apply_events
from fieldreg.sync.bundle_format import Container, Header
from fieldreg.sync.decoder import Decoded, DecodeJob, Decoder, decode
from fieldreg.sync.enrollment import Certificate, parse_certificate
from fieldreg.sync.redaction import Redacted

RECIPIENTS = 2  # the coordinator's bundle key and the escrow key
RACE_ATTEMPTS = 5  # looks at a device's mark before "database busy"; each loss means progress


class _Moved(Exception):
    """The device's mark moved between reading it and locking it: another importer won."""


def _mark(device: DeviceState | None) -> tuple[int, str] | None:
    return None if device is None else (device.last_seq, device.head)


class BundleRejected(FieldregError):
    """A bundle that must not change anything: it goes to quarantine with this code."""


class Outcome(StrEnum):
    APPLIED = "applied"
    REPLAY = "replay"  # everything in it was here already: nothing changed
    HELD = "held"  # it starts after a gap: kept until the missing bundle arrives


@dataclass(slots=True)
class ImportResult:
    outcome: Outcome
    bundle_hash: str
    device_id: str
    first: int
    last: int
    applied: int = 0  # events new to this store (including released held bundles)
    people: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    released: list[str] = field(default_factory=list)  # held bundles applied after this one
    # held bundles that failed now (a revocation since, a fork): their bytes go to quarantine
    held_rejected: list[tuple[bytes, BundleRejected]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Checked:
    """A bundle that passed every check that needs no decryption."""

    bundle_hash: str
    raw: bytes
    header: Header
    certificate: Certificate
    container: Container
    age: age_format.AgeHeader


@functools.lru_cache(maxsize=4096)
def _verified_certificate(text: str, root_public: bytes) -> Certificate:
    """`parse_certificate`, remembered: a pure function of the text and the root key (only a
    certificate that verified is kept), so each device's is not verified again per bundle. Only
    texts equal to a certificate the store holds reach it; revocation is read per bundle."""
    return parse_certificate(text, root_public)


def bundle_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _rejecting(step: Callable[[], object]) -> object:
    try:
        return step()
    except (BundleRejected, StoreError, TamperError, AuthError, Cancelled):
        raise  # the store's trouble (disk, a damaged sealed row) or a stop, not the bundle's
    except FieldregError as exc:
        raise BundleRejected(exc.code, **exc.params) from None


class Importer:
    def __init__(
        self,
        repo: Repository,
        network: NetworkInfo,
        identity: bytes,
        now_ms: Callable[[], int],
        decoder: Decoder = decode,
    ) -> None:
        self.repo = repo
        self.decoder = decoder
        self.store = SyncStore(repo)
        self.network = network
        self.identity = identity  # the coordinator's X25519 bundle key (raw private)
        self.now_ms = now_ms

    # --- checks that need no decryption -------------------------------------------------------

    def check(self, untrusted: bytes) -> Checked:
        result = _rejecting(lambda: self._check(untrusted))
        assert isinstance(result, Checked)
        return result

    def _check(self, untrusted: bytes) -> Checked:
        container = bundle_format.parse_container(untrusted)
        signature = minisign.parse(container.signature)
        if signature.untrusted_comment != bundle_format.SIGNATURE_COMMENT:
            raise FieldregError("bundle.signature_format", part="untrusted_comment")
        header = bundle_format.parse_header(signature.trusted_comment)
        if header.network != self.network.network_id:
            raise FieldregError("bundle.other_network")
        with self.repo.reading():
            known = self.store.certificate(header.device, header.epoch)
            up_to = self.store.revoked_up_to(header.device)
        if known is None:
            raise FieldregError("bundle.unknown_device")
        try:
            certificate_text = container.certificate.decode("ascii")
        except UnicodeDecodeError:
            raise FieldregError("sync.certificate_invalid", part="encoding") from None
        if certificate_text != known:
            raise FieldregError("bundle.unknown_device")  # not a certificate this hub issued
        certificate = _verified_certificate(certificate_text, self.network.root_public)
        if certificate.device_id != header.device:
            raise FieldregError("bundle.unknown_device")
        if up_to is not None and header.last > up_to:
            raise FieldregError("bundle.revoked", up_to=up_to)
        minisign.verify(signature, container.payload, certificate.ed25519)
        age = age_format.parse_header(container.payload)
        age_format.check_recipients(age, RECIPIENTS)
        return Checked(bundle_hash(untrusted), untrusted, header, certificate, container, age)

    # --- decryption and payload ---------------------------------------------------------------

    def job(self, checked: Checked) -> DecodeJob:
        return DecodeJob(
            bundle_hash=checked.bundle_hash,
            ciphertext=checked.container.payload,
            header=checked.header,
            prefixes=checked.certificate.prefixes,
            identity=self.identity,
        )

    def open(self, checked: Checked) -> Decoded:
        result = _rejecting(lambda: self.decoder(self.job(checked)))
        assert isinstance(result, Decoded)
        return result

    # --- the whole pipeline -------------------------------------------------------------------

    def import_bytes(
        self,
        untrusted: bytes,
        *,
        progress: Progress | None = None,
        cancelled: CancelFlag | None = None,
    ) -> ImportResult:
        return self.import_checked(self.check(untrusted), progress=progress, cancelled=cancelled)

    def import_checked(
        self,
        checked: Checked,
        *,
        progress: Progress | None = None,
        cancelled: CancelFlag | None = None,
    ) -> ImportResult:
        result = self._import_checked(checked, progress, cancelled, from_hold=False)
        if result.outcome is Outcome.APPLIED:
            self._release_held(checked.header.device, result, cancelled)
        return result

    def needs_decoding(self, checked: Checked) -> bool:
        """False for a replay or a bundle already held: those are settled without decrypting."""
        device = self._position(checked.header.device)
        if checked.header.last <= (device.last_seq if device is not None else 0):
            return False
        with self.repo.reading():
            return not self.store.is_held(checked.bundle_hash)

    def _position(self, device_id: str) -> DeviceState | None:
        with self.repo.reading():
            return self.repo.device(device_id)

    def _import_checked(
        self,
        checked: Checked,
        progress: Progress | None,
        cancelled: CancelFlag | None,
        *,
        from_hold: bool,
    ) -> ImportResult:
        opened: list[Decoded] = []  # decrypted at most once, whatever the retries
        for _attempt in range(RACE_ATTEMPTS):
            try:
                return self._attempt(
                    checked, progress, cancelled, from_hold=from_hold, opened=opened
                )
            except (_Moved, WrittenMeanwhile):
                continue  # rolled back; the next look sees what the winner committed
        raise StoreError("store.database_locked")

    def _still_at(self, device_id: str, seen: DeviceState | None) -> DeviceState | None:
        """The device's row locked for this transaction; `_Moved` if it is not as `seen`."""
        locked = self.store.locked_position(device_id)
        if _mark(locked) != _mark(seen):
            raise _Moved
        return locked

    def _attempt(
        self,
        checked: Checked,
        progress: Progress | None,
        cancelled: CancelFlag | None,
        *,
        from_hold: bool,
        opened: list[Decoded],
    ) -> ImportResult:
        header = checked.header
        result = ImportResult(
            Outcome.REPLAY, checked.bundle_hash, header.device, header.first, header.last
        )
        device = self._position(header.device)
        last_seq = device.last_seq if device is not None else 0
        if header.last <= last_seq:
            # The device signed its head: the same id where we have it means the same history.
            with self.repo.reading():
                stored = self.store.event_ids(header.device, header.last, header.last)
            if stored.get(header.last) != header.head:
                raise BundleRejected("bundle.fork", device=header.device[:12], seq=header.last)
            if from_hold:
                with self.repo.transaction():
                    self.store.release(checked.bundle_hash)
            return result
        if not from_hold and header.first > last_seq + 1:
            with self.repo.reading():
                already = self.store.is_held(checked.bundle_hash)
        else:
            already = False
        if already:
            result.outcome = Outcome.HELD
            return result
        if not opened:
            opened.append(self.open(checked))
        decoded = opened[0]
        events = decoded.events
        with self.repo.reading():
            stored = self.store.event_ids(header.device, header.first, last_seq)
        received: list[Event | Redacted] = [*events, *decoded.redacted]
        for event in received:
            if event.seq in stored and stored[event.seq] != event.event_id:
                raise BundleRejected("bundle.fork", device=header.device[:12], seq=event.seq)
        new = [event for event in events if event.seq > last_seq]
        hidden = [event for event in decoded.redacted if event.seq > last_seq]
        if header.first > last_seq + 1:
            with refusing_second_copies(), self.repo.transaction():
                self._still_at(header.device, device)  # else the gap may be filled already
                self.store.hold(checked.bundle_hash, header, checked.raw, self.now_ms())
            result.outcome = Outcome.HELD
            return result
        arriving: list[Event | Redacted] = [*new, *hidden]
        start = min(arriving, key=_seq)
        if device is not None and start.prev != device.head:
            raise BundleRejected("bundle.fork", device=header.device[:12], seq=start.seq)
        self._check_redacted(new, hidden)
        applied = self._apply(
            checked,
            device,
            decoded,
            new,
            hidden,
            progress=progress,
            cancelled=cancelled,
            from_hold=from_hold,
        )
        result.outcome = Outcome.APPLIED
        result.applied = applied.events
        result.people = applied.people
        result.conflicts = applied.conflicts
        return result

    def _apply(
        self,
        checked: Checked,
        device: DeviceState | None,
        decoded: Decoded,
        new: list[Event],
        hidden: list[Redacted],
        *,
        progress: Progress | None,
        cancelled: CancelFlag | None,
        from_hold: bool,
    ) -> Applied:
        """One transaction: events, people, notes, receipt, and last the high-water mark.
        `hidden`: the new redacted events (checked by `_check_redacted`), stored bodiless."""
        repo = self.repo
        header = checked.header
        with refusing_second_copies(), repo.transaction():
            device = self._still_at(header.device, device)
            if device is None:
                repo.add_device(header.device, checked.certificate.prefix)
                device = repo.device(header.device)
                assert device is not None
            expected = (device.last_seq, device.next_counter)
            applied = (
                apply_events(repo, new, prepared=decoded, progress=progress, cancelled=cancelled)
                if new
                else Applied()
            )
            if hidden:
                repo.add_event_rows([_redacted_row(e) for e in hidden])
                applied.events += len(hidden)
            if from_hold:
                self.store.release(checked.bundle_hash)
            self.store.add_receipt(checked.bundle_hash, header, applied.events, self.now_ms())
            if header.roster:  # the roster version the laptop had applied
                RosterStore(repo).acknowledge(header.device, header.roster)
            arrived: list[Event | Redacted] = [*new, *hidden]
            end = max(arrived, key=_seq)
            device.last_seq, device.head = end.seq, end.event_id
            device.last_hlc = max(device.last_hlc, end.hlc)
            if not repo.save_device(device, expected=expected):
                # Another import of the same device committed meanwhile: nothing of this one is.
                raise _Moved
        return applied

    def _check_redacted(self, new: list[Event], hidden: list[Redacted]) -> None:
        """A new redacted event is taken only if its subject is erased: in this store, or by an
        `Erased` event in the same bundle (one already held here passed the fork check)."""
        if not hidden:
            return
        erased_here = {e.subject_id for e in new if e.type is EventType.ERASED}
        with self.repo.reading():
            states = self.repo.load_states({e.subject_id for e in hidden} - erased_here)
        for event in hidden:
            state = states.get(event.subject_id)
            if event.subject_id not in erased_here and (state is None or not state.erased):
                raise BundleRejected("bundle.event_invalid", seq=event.seq, reason="redacted")

    def _release_held(
        self, device_id: str, result: ImportResult, cancelled: CancelFlag | None
    ) -> None:
        """Apply held bundles of this device that now follow on; drop ones now redundant."""
        while True:
            with self.repo.reading():
                held = self.store.held(device_id)
                if not held:
                    return  # the usual case: nothing waits, no need to read the device's mark
                device = self.repo.device(device_id)
            last_seq = device.last_seq if device is not None else 0
            ready = [h for h in held if h.first_seq <= last_seq + 1]
            if not ready:
                return
            with self.repo.reading():
                raw = self.store.held_body(ready[0].bundle_hash)
            try:
                checked = self.check(raw)
                released = self._import_checked(checked, None, cancelled, from_hold=True)
            except BundleRejected as exc:
                with self.repo.transaction():
                    self.store.release(ready[0].bundle_hash)
                result.held_rejected.append((raw, exc))
                continue
            result.released.append(ready[0].bundle_hash)
            result.applied += released.applied
            result.people = sorted(set(result.people) | set(released.people))
            result.conflicts = sorted(set(result.conflicts) | set(released.conflicts))


def _seq(event: Event | Redacted) -> int:
    return event.seq


def _redacted_row(event: Redacted) -> dict[str, object]:
    """The `events` row of a redacted event: the chain's columns, no body."""
    return {
        "device_id": event.device_id,
        "seq": event.seq,
        "event_id": event.event_id,
        "prev_id": event.prev,
        "hlc": event.hlc,
        "subject_id": event.subject_id,
        "body": None,
        "redacted": True,
    }
