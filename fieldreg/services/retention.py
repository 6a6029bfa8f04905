"""Retention on laptops: N days after a person left this point, once the coordinator holds
everything this laptop wrote about them, the laptop drops their values.

N is the network's `retention_days` (set at the coordinator, carried by the roster's
`settings`; none set: nobody is ever due). A person is due when

* this laptop wrote about them (a roster's copy of someone who never came here is not its to
  purge), and their status says they left: departed, handed over, reunited, left on their own,
  written more than N days ago (the clock of the status write that wins), and
* every event this laptop wrote about them is acknowledged: its sequence number is at most what
  the last roster's receipts say the coordinator has applied of this laptop's log.

`run_retention` appends a `Purged` event per person (history only: it erases nothing at the
coordinator) and purges them (store/purge.py) in the same transaction. Their ID stays as a
tombstone, so a later scan says "record moved to the coordinator"; a roster that carries them
again brings them back as a new person on this laptop.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from fieldreg.core.entities import Status
from fieldreg.core.errors import FieldregError
from fieldreg.core.events import RETENTION_REASON, EventType
from fieldreg.core.fold import PersonState
from fieldreg.core.hlc import Hlc
from fieldreg.services.erasure import session_pipeline
from fieldreg.services.session import Session, wall_ms
from fieldreg.services.sync_access import sync_repository
from fieldreg.services.write_pipeline import Draft, Txn
from fieldreg.store import purge
from fieldreg.store.repository import Repository
from fieldreg.store.roster_store import RosterStore
from fieldreg.store.sync_store import SyncStore

SETTING: Final = "network.retention_days"
MIN_DAYS: Final = 1
MAX_DAYS: Final = 36_500
DAY_MS: Final = 86_400_000
LEFT: Final = frozenset({Status.DEPARTED, Status.HANDED_OVER, Status.REUNITED, Status.LEFT_ON_OWN})


@dataclass(frozen=True, slots=True)
class Due:
    person_id: str
    status: str
    left_ms: int  # when the status that says they left was written (ms since 1970)


@dataclass(frozen=True, slots=True)
class RetentionState:
    days: int | None  # the network's setting; None: retention is off
    acknowledged: int  # this laptop's log applied at the coordinator, up to this seq
    due: list[Due]


def check_days(days: int) -> int:
    if type(days) is not int or not MIN_DAYS <= days <= MAX_DAYS:
        raise FieldregError("retention.bad_days", min=MIN_DAYS, max=MAX_DAYS)
    return days


def stored_days(repo: Repository) -> int | None:
    """The retention setting this store holds (None: off). Run inside a read or a write."""
    value = repo.setting(SETTING)
    return int(value) if value and value.isdigit() else None


def network_days(session: Session) -> int | None:
    """The network's retention period as this store knows it (None: off)."""
    with sync_repository(session) as repo, repo.reading():
        return stored_days(repo)


def store_days(repo: Repository, days: int | None) -> None:
    """Record the network's setting, inside the caller's transaction: at the coordinator by
    `set_retention_days`, on a laptop by the roster apply (its `settings.retention_days`)."""
    repo.put_setting(SETTING, None if days is None else str(check_days(days)))


def set_retention_days(session: Session, days: int | None) -> int | None:
    """The coordinator sets the network's retention period (None: off); the next rosters
    carry it to the laptops."""
    checked = None if days is None else check_days(days)
    with sync_repository(session) as repo:
        with repo.reading():
            network = SyncStore(repo).network()
        if network is None or network.role != "coordinator":
            raise FieldregError("sync.not_coordinator")
        with repo.transaction():
            store_days(repo, checked)
    return checked


def retention_state(session: Session, *, now_ms: int | None = None) -> RetentionState:
    """The setting, the acknowledged position and who is due now (`now_ms`: tests inject it)."""
    now = wall_ms() if now_ms is None else now_ms
    with sync_repository(session) as repo, repo.reading():
        days = stored_days(repo)
        applied = RosterStore(repo).applied()
        acknowledged = applied.applied_up_to if applied is not None else 0
        if days is None:
            return RetentionState(None, acknowledged, [])
        candidates = [
            person_id
            for person_id, summary in session.people.summaries().items()
            if summary.get("status") in LEFT
        ]
        # Only people this laptop wrote about: a roster's copy of someone who never came here
        # is the roster's to keep or drop, and the next full roster would bring it back.
        own = purge.subjects_written_after(repo, session.device_id, 0)
        waiting = purge.subjects_written_after(repo, session.device_id, acknowledged)
        states = repo.load_states(p for p in candidates if p in own and p not in waiting)
    due = [found for state in states.values() if (found := _due(state, now, days)) is not None]
    return RetentionState(days, acknowledged, sorted(due, key=lambda d: (d.left_ms, d.person_id)))


def retention_due(session: Session, *, now_ms: int | None = None) -> list[Due]:
    return retention_state(session, now_ms=now_ms).due


def _due(state: PersonState, now: int, days: int) -> Due | None:
    if state.erased:
        return None
    status = state.fields.get("status")
    winner = status.winner if status is not None else None
    if winner is None or winner.value not in LEFT or not isinstance(winner.value, str):
        return None
    left_ms = Hlc.unpack(winner.key[0]).wall_ms
    if now - left_ms <= days * DAY_MS:
        return None
    return Due(state.person_id, winner.value, left_ms)


def run_retention(session: Session, *, now_ms: int | None = None) -> list[Due]:
    """Purge everyone due (see the module); returns who was purged."""
    due = retention_due(session, now_ms=now_ms)
    if not due:
        return []
    chosen = [d.person_id for d in due]
    with sync_repository(session) as repo:

        def plan(txn: Txn) -> list[Draft]:
            purge.purge_people(repo, chosen, reason=RETENTION_REASON, now_ms=now_ms)
            for person_id in chosen:
                # Their row is gone: the pipeline folds the Purged event into a state it then
                # saves as an update of that missing row, which writes nothing (no row comes
                # back). The event itself is appended to this laptop's log as any other.
                txn.states[person_id] = PersonState(person_id)
                txn.saved.add(person_id)
            return [
                Draft(EventType.PURGED, person_id, {"reason": RETENTION_REASON})
                for person_id in chosen
            ]

        session_pipeline(session, repo).commit(plan)
        session.anchor_log_ends(repo)
        purge.wipe_freed(repo)
    session.load()  # their rows are gone: the summaries and the index are read again
    return due
