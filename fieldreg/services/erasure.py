"""Erasure (coordinator): one operator requests, ANOTHER confirms; the confirmation appends an
`Erased` event to the coordinator's own log and purges the person in the same transaction,
with the bundles held for a gap that name them; the quarantined bundles that name them are
destroyed after the commit (fieldreg.sync.quarantine).

Laptops never erase by themselves: they purge a person when a roster's tombstone names them
(`apply_tombstones`, the path the roster apply takes through `store.purge.purge_people`). The
fold lets an erasure win over every other event, so a laptop that never got the tombstone and
exports the person's events later cannot bring them back: the coordinator folds them into the
erased person and drops their bodies (sync/apply.py).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from fieldreg.core import ids
from fieldreg.core.errors import FieldregError, NotFoundError, StoreError, ValidationError
from fieldreg.core.events import ERASURE_REASONS, EventType
from fieldreg.core.hlc import HybridClock
from fieldreg.core.validation import clean_text
from fieldreg.crypto.encoding import strict_b64decode
from fieldreg.services.session import Session, wall_ms
from fieldreg.services.sync_access import coordinator_network, sync_repository
from fieldreg.services.write_pipeline import Draft, Txn, WritePipeline, load_person
from fieldreg.store import erasure_store, purge
from fieldreg.store.repository import Repository
from fieldreg.store.sync_store import SyncStore
from fieldreg.sync import quarantine

NOTE_MAX = 200
REQUEST_ID_BYTES = 5  # 10 hex characters: short enough to type, far too many to guess


@dataclass(frozen=True, slots=True)
class ErasureRequest:
    request_id: str
    person_id: str
    reason: str
    note: str
    requested_by: str  # the operator's label
    requested_ms: int
    state: str


def _require_coordinator(repo: Repository) -> None:
    with repo.reading():
        network = SyncStore(repo).network()
    if network is None or network.role != "coordinator":
        raise FieldregError("erasure.not_coordinator")


def _reason(untrusted: str) -> str:
    reason = untrusted.strip()
    if reason not in ERASURE_REASONS:
        raise ValidationError("reason", "validation.choice", allowed=", ".join(ERASURE_REASONS))
    return reason


def _view(session: Session, stored: erasure_store.StoredRequest) -> ErasureRequest:
    labels = session.operators()
    return ErasureRequest(
        request_id=stored.request_id,
        person_id=stored.person_id,
        reason=stored.reason,
        note=stored.note,
        requested_by=labels.get(stored.requested_by, stored.requested_by[:8]),
        requested_ms=stored.requested_ms,
        state=stored.state,
    )


def request_erasure(
    session: Session, person_id: str, reason: str, note: str | None = None
) -> ErasureRequest:
    """Ask for `person_id` to be erased; another operator must confirm. The note (optional,
    ≤ 200 characters, one line) is sealed with the request."""
    clean_reason = _reason(reason)
    clean_note = clean_text("note", note or "", max_len=NOTE_MAX)
    with sync_repository(session) as repo:
        _require_coordinator(repo)
        with repo.transaction():
            state = load_person(repo, person_id)  # unknown or already erased: person.not_found
            for pending in erasure_store.requests(repo):
                if pending.person_id == state.person_id:
                    raise FieldregError(
                        "erasure.already_requested",
                        id=state.person_id,
                        request=pending.request_id,
                    )
            request_id = secrets.token_hex(REQUEST_ID_BYTES)
            erasure_store.add_request(
                repo,
                request_id=request_id,
                person_id=state.person_id,
                requested_by=session.operator_id,
                requested_ms=wall_ms(),
                reason=clean_reason,
                note=clean_note,
            )
        with repo.reading():
            stored = erasure_store.request(repo, request_id)
    assert stored is not None
    return _view(session, stored)


def pending_erasures(session: Session) -> list[ErasureRequest]:
    with sync_repository(session) as repo:
        _require_coordinator(repo)
        with repo.reading():
            stored = erasure_store.requests(repo)
    return [_view(session, s) for s in stored]


def _pending(repo: Repository, untrusted_id: str) -> erasure_store.StoredRequest:
    request_id = untrusted_id.strip().lower()
    stored = erasure_store.request(repo, request_id) if request_id.isalnum() else None
    if stored is None:
        raise NotFoundError("erasure.unknown_request", id=request_id[:20])
    if stored.state != erasure_store.PENDING:
        raise FieldregError("erasure.not_pending", id=stored.request_id, state=stored.state)
    return stored


def confirm_erasure(session: Session, request_id: str) -> str:
    """Erase the person of a pending request: only an operator other than the requester may.
    Returns the person's id. The `Erased` event, the purge and the closed request are one
    transaction; afterwards the WAL is checkpointed so no freed page keeps old bytes."""
    with sync_repository(session) as repo:
        _require_coordinator(repo)
        with repo.reading():
            stored = _pending(repo, request_id)
        if stored.requested_by == session.operator_id:
            raise FieldregError("erasure.same_operator")
        person_id = stored.person_id
        identity = _bundle_key(repo)

        def plan(txn: Txn) -> list[Draft]:
            current = _pending(repo, stored.request_id)  # still pending inside the transaction
            state = txn.state(person_id)  # erased meanwhile: person.not_found
            purge.purge_people(repo, [person_id], reason=current.reason, now_ms=wall_ms())
            quarantine.drop_held(SyncStore(repo), identity, [person_id])
            state.erased = True  # what the purge saved; the Erased event is folded into it
            when = wall_ms()
            if not erasure_store.close_request(
                repo, current, state=erasure_store.CONFIRMED, by=session.operator_id, when=when
            ):
                raise FieldregError("erasure.not_pending", id=current.request_id, state="closed")
            return [Draft(EventType.ERASED, person_id, {"reason": current.reason})]

        session_pipeline(session, repo).commit(plan)
        session.anchor_log_ends(repo)
        purge.wipe_freed(repo)
    quarantine.purge_quarantined(session.data_dir.quarantine, identity, [person_id])
    session.refresh([person_id])
    return person_id


def _bundle_key(repo: Repository) -> bytes:
    """The coordinator's bundle key (raw X25519), which opens held and quarantined bundles."""
    identity = strict_b64decode(coordinator_network(repo).secrets.get("recipient"), 32)
    if identity is None:
        raise StoreError("store.corrupt")
    return identity


def cancel_erasure(session: Session, request_id: str) -> None:
    """Withdraw a pending request (any operator: the requester or the one asked to confirm)."""
    with sync_repository(session) as repo:
        _require_coordinator(repo)
        with repo.transaction():
            stored = _pending(repo, request_id)
            erasure_store.close_request(
                repo,
                stored,
                state=erasure_store.CANCELLED,
                by=session.operator_id,
                when=wall_ms(),
            )


def session_pipeline(session: Session, repo: Repository) -> WritePipeline:
    """A pipeline of the session's device and operator over sync's connection (the session's
    own pipeline notices the log moved and reads its position again: its compare-and-set)."""
    return WritePipeline(
        repo,
        HybridClock(wall_ms),
        device_id=session.device_id,
        operator_id=session.operator_id,
        on_commit=lambda _states: None,
    )


# --- laptops ---------------------------------------------------------------------------------


def apply_tombstones(
    session: Session, person_ids: Iterable[str], *, reason: str = purge.TOMBSTONE_REASON
) -> int:
    """A laptop drops the people a roster's tombstones name (see `store.purge`); returns how
    many it held anything of. A roster apply that has its own transaction calls
    `purge.purge_people` in it and `purge.wipe_freed` after the commit instead."""
    chosen = sorted({str(ids.parse_id(p)) for p in person_ids})
    with sync_repository(session) as repo:
        with repo.transaction():
            held = purge.purge_people(repo, chosen, reason=reason, now_ms=wall_ms())
        purge.wipe_freed(repo)
    session.refresh(chosen)
    return held


def tombstone_notice(session: Session, untrusted_id: str) -> str | None:
    """For an ID that finds nobody (a scan, a typed ID): the message code that says why, if this
    store dropped the person: "person.erased" or "person.moved" (retention: the record is kept
    at the coordinator). None if the store never had them (or has them)."""
    try:
        person_id = str(ids.parse_id(untrusted_id))
    except FieldregError:
        return None
    with sync_repository(session) as repo, repo.reading():
        state = repo.load_state(person_id)
        if state is not None and not state.erased:
            return None
        found = purge.tombstone(repo, person_id)
    if found is None:
        return "person.erased" if state is not None else None
    return "person.moved" if found.kind == purge.PURGED else "person.erased"
