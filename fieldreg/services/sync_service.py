"""Sync use cases over an unlocked Session: export bundles (laptop), import them (coordinator),
inspect and split a bundle, list and resolve conflicts. Enrollment is in enrollment_service.

Sync works on its own connection to the same store with the session's key (sync_access), inside
its own transactions; afterwards the session's in-memory people are refreshed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fieldreg.core import ids
from fieldreg.core.entities import FieldValue
from fieldreg.core.errors import FieldregError
from fieldreg.core.fold import Write
from fieldreg.core.tasks import CancelFlag, Progress
from fieldreg.services.bundle_import import FileOutcome, import_bundles, outcome_text
from fieldreg.services.roster_service import refuse_if_revoked
from fieldreg.services.session import Session
from fieldreg.services.sync_access import (
    coordinator_network,
    now_ms,
    read_untrusted,
    sync_repository,
)
from fieldreg.store.roster_store import RosterStore
from fieldreg.store.sync_store import SyncStore
from fieldreg.sync import bundle_tools, digest, export, quarantine

# The import use case lives in bundle_import; these names are part of this module's API too.
__all__ = [
    "Conflict",
    "FileOutcome",
    "conflicts",
    "coordinator_network",
    "export_bundles",
    "held",
    "import_bundles",
    "inspect_bundle",
    "outcome_text",
    "quarantined",
    "resolve_conflict",
    "split_bundle",
    "state_digest",
    "sync_repository",
]


# --- export (laptop) -------------------------------------------------------------------------


def export_bundles(
    session: Session,
    out_dir: Path,
    *,
    first: int | None = None,
    last: int | None = None,
    progress: Progress | None = None,
    cancelled: CancelFlag | None = None,
) -> list[export.Exported]:
    if not out_dir.is_dir():
        raise FieldregError("sync.no_folder")
    with sync_repository(session) as repo:
        with repo.reading():
            refuse_if_revoked(repo)
            applied = RosterStore(repo).applied()
        return export.export_bundles(
            repo,
            session.device_id,
            out_dir,
            now_ms=now_ms,
            first=first,
            last=last,
            progress=progress,
            cancelled=cancelled,
            roster=applied.version if applied is not None else 0,
        )


# --- what import left behind ---------------------------------------------------------------


def quarantined(session: Session) -> list[quarantine.Quarantined]:
    return quarantine.entries(session.data_dir.quarantine)


def held(session: Session) -> list[tuple[str, int, int]]:
    """Bundles waiting for a gap to be filled: (device id, first, last)."""
    with sync_repository(session) as repo, repo.reading():
        return [(h.device_id, h.first_seq, h.last_seq) for h in SyncStore(repo).held()]


# --- conflicts -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Conflict:
    person_id: str
    field: str
    values: list[FieldValue]  # the competing values, the current winner last


def open_conflicts(session: Session) -> list[tuple[str, str, list[Write]]]:
    """Every open conflict as (person id, field, competing writes; the current winner last)."""
    found: list[tuple[str, str, list[Write]]] = []
    with sync_repository(session) as repo, repo.reading():
        for person_id in sorted(SyncStore(repo).conflict_ids()):
            state = repo.load_state(person_id)
            if state is None or state.erased:
                continue
            for name, writes in state.conflicts().items():
                found.append((person_id, name, writes))
    return found


def conflicts(session: Session) -> list[Conflict]:
    """Every open conflict, by person and field."""
    return [
        Conflict(person_id, name, [w.value for w in writes])
        for person_id, name, writes in open_conflicts(session)
    ]


def resolve_conflict(
    session: Session,
    person_id: str,
    field_name: str,
    *,
    value: object = None,
    pick: int | None = None,
) -> None:
    """Settle a conflict with one of the competing values (`pick`, from 0) or a new `value`."""
    wanted = str(ids.parse_id(person_id))
    open_ = [c for c in conflicts(session) if c.person_id == wanted]
    chosen = next((c for c in open_ if c.field == field_name), None)
    if chosen is None:
        raise FieldregError("conflict.not_found")
    if pick is not None:
        if not 0 <= pick < len(chosen.values):
            raise FieldregError("conflict.bad_choice", max=len(chosen.values) - 1)
        value = chosen.values[pick]
    session.resolve_conflict(chosen.person_id, field_name, value)
    if len(open_) == 1:
        with sync_repository(session) as repo, repo.transaction():
            SyncStore(repo).forget_conflict(chosen.person_id)


def state_digest(session: Session) -> str:
    with sync_repository(session) as repo, repo.reading():
        return digest.state_digest(repo)


# --- looking at a bundle ---------------------------------------------------------------------


def inspect_bundle(
    path: Path, *, session: Session | None = None, root_public: bytes | None = None
) -> bundle_tools.Inspection:
    """Header, certificate and signature of a bundle, without decrypting it. The root key comes
    from the session's network (coordinator or enrolled laptop) unless given."""
    if root_public is None and session is not None:
        with sync_repository(session) as repo, repo.reading():
            network = SyncStore(repo).network()
        root_public = network.info.root_public if network is not None else None
    return bundle_tools.inspect_bytes(read_untrusted(path), root_public)


def split_bundle(path: Path, out_dir: Path) -> list[Path]:
    return bundle_tools.split_bytes(read_untrusted(path), out_dir)
