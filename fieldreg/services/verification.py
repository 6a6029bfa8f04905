"""`fieldreg verify`: is everything on disk what it should be?

Integrity of the database file, every device's log (contiguous sequence numbers, each event
chained to the one before, each event's id the hash of its content, each body opening with the
store key), every sealed group of every person opening, and every person's stored state equal to
a fresh fold of their events.
"""

from __future__ import annotations

from collections.abc import Callable

from fieldreg.core.entities import Group
from fieldreg.core.errors import Cancelled, FieldregError, TamperError
from fieldreg.core.events import GENESIS
from fieldreg.core.fold import PersonState, apply
from fieldreg.core.tasks import CancelFlag, Progress
from fieldreg.services.views import VerifyReport
from fieldreg.store.repository import Repository


def verify_store(
    repo: Repository, progress: Progress | None = None, cancelled: CancelFlag | None = None
) -> VerifyReport:
    """Check the database, every device's hash chain, that every sealed value opens, and that
    every person's stored state is what their events fold to. Run inside `repo.reading()`."""
    report = VerifyReport(integrity=repo.integrity_check())
    total = repo.count_people() + repo.count_events()
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress and done % 1000 == 0:
            progress(done, total)
        if cancelled and cancelled():
            raise Cancelled

    for device_id in repo.device_ids():
        _verify_chain(repo, device_id, report, step)
    for person_id in repo.person_ids():
        step()
        report.people += 1
        _verify_person(repo, person_id, report)
    for event_id, person_id in repo.note_refs():
        report.notes += 1
        try:
            repo.notes(person_id)
        except TamperError as exc:
            report.problems.append((exc.code, {"note": event_id}))
    if progress:
        progress(total, total)
    return report


def _verify_chain(
    repo: Repository, device_id: str, report: VerifyReport, step: Callable[[], None]
) -> None:
    expected_seq, prev = 1, GENESIS
    for row in repo.chain_rows(device_id):
        step()
        report.events += 1
        where = {"device": device_id[:12], "seq": row.seq}
        if row.seq != expected_seq:
            report.problems.append(("verify.gap", where))
        if row.prev_id != prev:
            report.problems.append(("verify.broken_chain", where))
        if not row.redacted:
            try:
                repo.open_event(row)
            except FieldregError as exc:
                report.problems.append((exc.code, where))
        expected_seq, prev = row.seq + 1, row.event_id
    device = repo.device(device_id)
    if device is not None and (device.last_seq != expected_seq - 1 or device.head != prev):
        report.problems.append(("verify.head_mismatch", {"device": device_id[:12]}))


def _verify_person(repo: Repository, person_id: str, report: VerifyReport) -> None:
    try:
        state = repo.load_state(person_id)
        stored = repo.group(person_id, Group.DETAILS)
        stored.update(repo.group(person_id, Group.SUMMARY))
    except FieldregError as exc:
        report.problems.append((exc.code, {"person": person_id}))
        return
    if state is None or state.erased:
        return
    if stored != state.values():
        report.problems.append(("verify.state_mismatch", {"person": person_id}))
    try:
        events = repo.events_for(person_id)
    except FieldregError:
        return  # the damaged event itself was reported by the chain check
    refolded = PersonState(person_id)
    for event in events:
        apply(refolded, event)
    if refolded.values() != state.values():
        report.problems.append(("verify.fold_mismatch", {"person": person_id}))
