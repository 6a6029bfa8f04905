"""`fieldreg verify`: is everything on disk what it should be?

The event log is the truth; everything else is derived from it and checked against it:

* the database file (SQLite's integrity check);
* every device's log: contiguous sequence numbers from 1, each event chained to the one before,
  each event's id the hash of its content, each body opening with the store key, an event marked
  erased only if its person is (or was purged here: store/purge.py);
* the log's end against the anchor kept outside the database (`fieldreg.crypto.anchor`): a log
  that ends before the anchored event, or holds another event there, was cut short or rewritten.
  A log ahead of the anchor is fine (a crash between the commit and the anchor write);
* every `devices` row: last sequence number, head and clock equal to its log's end; for this
  store's own device, the ID counter past every ID it issued and the prefix the one its newest IDs
  carry (a prefix just assigned, with nothing issued under it yet, is allowed);
* every person: a row for everyone with a history and a history for every row, every sealed group
  opening, the stored groups and clocks equal to a fresh fold of their events;
* every note: the note event it came from exists, is the same person's, at the same time, with
  the same text, and every note event has its row;
* every household: a row for every `HouseholdCreated` event, with its clock, and no other.

Each problem is a code and the parameters that name the device and event, the person, the note or
the household (`core/messages.py` makes the sentence).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from fieldreg.core import ids
from fieldreg.core.entities import Group
from fieldreg.core.errors import Cancelled, FieldregError, TamperError
from fieldreg.core.events import GENESIS, EventType
from fieldreg.core.fold import PersonState, apply
from fieldreg.core.tasks import CancelFlag, Progress
from fieldreg.crypto.anchor import Anchor, AnchorDamaged, Mark
from fieldreg.services.views import VerifyReport
from fieldreg.store import purge
from fieldreg.store.integrity import (
    device_rows,
    event_device_ids,
    household_rows,
    note_rows,
    people_clocks,
)
from fieldreg.store.repository import DeviceState, Repository
from fieldreg.store.roster_store import RosterStore

Problem = tuple[str, dict[str, object]]
_ISSUING = frozenset({EventType.PERSON_REGISTERED, EventType.HOUSEHOLD_CREATED})


@dataclass(frozen=True, slots=True)
class _NoteEvent:
    person_id: str
    hlc: int
    digest: bytes  # of the text: the rows are compared with it, the texts are not kept


@dataclass(slots=True)
class _Log:
    """What the walk over the logs found, for the checks of the derived tables."""

    people: set[str] = field(default_factory=set)  # subjects of person events
    unopened: set[str] = field(default_factory=set)  # subjects of events that did not open
    households: dict[str, int] = field(default_factory=dict)  # HouseholdCreated: id -> clock
    notes: dict[str, _NoteEvent] = field(default_factory=dict)  # event id -> note
    redacted: list[tuple[str, int, str]] = field(default_factory=list)  # device, seq, person
    issued: list[tuple[int, str]] = field(default_factory=list)  # own device: (seq, new id)


def verify_store(
    repo: Repository,
    progress: Progress | None = None,
    cancelled: CancelFlag | None = None,
    *,
    anchor: Anchor | None = None,
) -> VerifyReport:
    """Check the store against its event log and the log's end against `anchor`.
    Run inside `repo.reading()`."""
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

    anchored = _anchored(anchor, report)
    own_device = repo.setting("device_id")
    log = _Log()
    devices = device_rows(repo)
    for device_id in sorted(set(event_device_ids(repo)) - {d.device_id for d in devices}):
        # Events whose device row was deleted: the row is named, the log still checked.
        report.problems.append(("verify.device_row_missing", {"device": device_id[:12]}))
        devices.append(DeviceState(device_id, "", -1, "", -1, 0))
    for device in devices:
        mark = anchored.pop(device.device_id, None)
        own = device.device_id == own_device and device.last_seq >= 0
        _verify_chain(repo, device, mark, own=own, report=report, log=log, step=step)
        if own:
            _verify_counter(device, log.issued, report)
    for device_id, mark in sorted(anchored.items()):  # anchored, but its row is gone
        report.problems.append(
            ("verify.device_removed", {"device": device_id[:12], "anchored": mark.seq})
        )
    gone = {t.person_id for t in purge.all_tombstones(repo)}  # values dropped here on purpose
    erased = _verify_people(repo, log, report, step, gone)
    for device_id, seq, person_id in log.redacted:
        if person_id not in erased and person_id not in gone:
            report.problems.append(
                ("verify.redacted", {"device": device_id[:12], "seq": seq, "person": person_id})
            )
    _verify_notes(repo, log, erased, report)
    _verify_households(repo, log, report)
    if progress:
        progress(total, total)
    return report


def _anchored(anchor: Anchor | None, report: VerifyReport) -> dict[str, Mark]:
    if anchor is None:
        return {}
    try:
        marks = anchor.read()
    except AnchorDamaged as exc:
        report.problems.append((exc.code, {}))
        return {}
    if marks is None:
        report.notices.append(("verify.no_anchor", {}))
        return {}
    return marks


def _verify_chain(
    repo: Repository,
    device: DeviceState,
    mark: Mark | None,
    *,
    own: bool,
    report: VerifyReport,
    log: _Log,
    step: Callable[[], None],
) -> None:
    short = device.device_id[:12]
    expected_seq, prev, end_hlc, top_hlc = 1, GENESIS, 0, 0
    for row in repo.chain_rows(device.device_id):
        step()
        report.events += 1
        where: dict[str, object] = {"device": short, "seq": row.seq}
        if row.seq != expected_seq:
            # The next event cannot name the missing one as its predecessor: one problem, not two.
            first, last = expected_seq, row.seq - 1
            if first == last:
                report.problems.append(("verify.gap", {"device": short, "seq": first}))
            else:
                report.problems.append(
                    ("verify.gap_range", {"device": short, "first": first, "last": last})
                )
        elif row.prev_id != prev:
            report.problems.append(("verify.broken_chain", where))
        if mark is not None and row.seq == mark.seq and row.event_id != mark.head:
            report.problems.append(("verify.anchor_head", where))
        if row.redacted:
            log.redacted.append((device.device_id, row.seq, row.subject_id))
            log.people.add(row.subject_id)
        else:
            _note_event(repo, row, own=own, where=where, report=report, log=log)
        expected_seq, prev = row.seq + 1, row.event_id
        end_hlc, top_hlc = row.hlc, max(top_hlc, row.hlc)
    end = expected_seq - 1
    if device.last_seq < 0:
        pass  # no row to compare (reported)
    elif device.last_seq != end or device.head != prev:
        report.problems.append(("verify.head_mismatch", {"device": short}))
    elif not end_hlc <= device.last_hlc <= top_hlc:  # an import keeps the greatest it saw
        report.problems.append(("verify.device_clock", {"device": short}))
    if mark is not None and mark.seq > end:
        report.problems.append(
            ("verify.truncated", {"device": short, "seq": end, "anchored": mark.seq})
        )


def _note_event(
    repo: Repository,
    row: object,
    *,
    own: bool,
    where: dict[str, object],
    report: VerifyReport,
    log: _Log,
) -> None:
    """Open one event and note what the derived tables must hold for it."""
    subject = str(getattr(row, "subject_id"))  # noqa: B009 - a SQLAlchemy row
    try:
        event = repo.open_event(row)
        text = _note_text(event.type, event.payload)
    except TamperError:
        report.problems.append(("verify.sealed_event", where))
        log.unopened.add(subject)
        return
    except FieldregError:
        report.problems.append(("verify.event_altered", where))
        log.unopened.add(subject)
        return
    if event.type is EventType.HOUSEHOLD_CREATED:
        log.households.setdefault(subject, event.hlc)
    else:
        log.people.add(subject)
    if text is not None:
        log.notes[event.event_id] = _NoteEvent(subject, event.hlc, _digest(text))
    if own and event.type in _ISSUING:
        log.issued.append((event.seq, subject))


def _note_text(kind: EventType, payload: object) -> str | None:
    """The note an event carries (its row in `notes`), as the store and an import file it."""
    getter = getattr(payload, "get", None)
    if getter is None:
        return None
    text = getter("text") if kind is EventType.NOTE_ADDED else None
    if kind is EventType.STATUS_CHANGED:
        text = getter("note")
    return text if isinstance(text, str) and text else None


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def _verify_counter(
    device: DeviceState, issued: list[tuple[int, str]], report: VerifyReport
) -> None:
    """This device's counter is past every ID it issued under its prefix, and its prefix is the
    one its newest IDs carry unless it was just assigned (counter at 1, nothing issued under it)."""
    short = device.device_id[:12]
    newest: ids.RecordId | None = None
    highest: ids.RecordId | None = None
    for _seq, subject in sorted(issued):
        try:
            parsed = ids.parse_id(subject)
        except FieldregError:
            continue  # not an id this store issues; the fold check names the person
        newest = parsed
        if parsed.prefix == device.prefix and (highest is None or parsed.counter > highest.counter):
            highest = parsed
    if highest is not None and highest.counter >= device.next_counter:
        report.problems.append(
            (
                "verify.counter_rewound",
                {"device": short, "counter": device.next_counter, "id": str(highest)},
            )
        )
    if newest is not None and newest.prefix != device.prefix and device.next_counter != 1:
        report.problems.append(
            (
                "verify.prefix_changed",
                {"device": short, "prefix": device.prefix, "expected": newest.prefix},
            )
        )


def _verify_people(
    repo: Repository, log: _Log, report: VerifyReport, step: Callable[[], None], gone: set[str]
) -> set[str]:
    """Every person row against their events; returns who is erased. `gone`: people purged
    here (store/purge.py), who may have a history and no row."""
    clocks = people_clocks(repo)
    erased: set[str] = set()
    from_roster = set(RosterStore(repo).carried())  # their state is the coordinator's merge
    for person_id in repo.person_ids():
        step()
        report.people += 1
        roster = person_id in from_roster
        if person_id not in log.people and person_id not in log.unopened and not roster:
            report.problems.append(("verify.person_without_history", {"person": person_id}))
            continue
        state = _verify_person(repo, person_id, clocks[person_id], report, refold=not roster)
        if state is not None and state.erased:
            erased.add(person_id)
    for person_id in sorted(log.people - set(clocks) - gone):
        report.problems.append(("verify.person_missing", {"person": person_id}))
    return erased


def _verify_person(
    repo: Repository,
    person_id: str,
    clocks: tuple[int, int],
    report: VerifyReport,
    *,
    refold: bool = True,
) -> PersonState | None:
    where: dict[str, object] = {"person": person_id}
    try:
        state = repo.load_state(person_id)
    except TamperError:
        report.problems.append(("verify.sealed_person", {**where, "group": "meta"}))
        return None
    if state is None:
        report.problems.append(("verify.state_mismatch", where))
        return None
    if state.erased:
        if clocks != _clocks(state):
            report.problems.append(("verify.person_clock", where))
        return state
    stored = {}
    for group in (Group.DETAILS, Group.SUMMARY):
        try:
            stored.update(repo.group(person_id, group))
        except TamperError:
            report.problems.append(("verify.sealed_person", {**where, "group": group.value}))
            return state
    if stored != state.values():
        report.problems.append(("verify.state_mismatch", where))
    if not refold:
        return state
    try:
        events = repo.events_for(person_id)
    except FieldregError:
        return state  # the damaged event itself was reported by the chain check
    refolded = PersonState(person_id)
    for event in events:
        apply(refolded, event)
    if refolded != state:
        report.problems.append(("verify.fold_mismatch", where))
    elif clocks != _clocks(refolded):
        report.problems.append(("verify.person_clock", where))
    return state


def _clocks(state: PersonState) -> tuple[int, int]:
    """(created_hlc, updated_hlc) as the store writes them for `state`."""
    created = state.registered[0] if state.registered else state.updated[0]
    return created, state.updated[0]


def _verify_notes(repo: Repository, log: _Log, erased: set[str], report: VerifyReport) -> None:
    found: set[str] = set()
    for row in note_rows(repo):
        report.notes += 1
        where: dict[str, object] = {"note": row.event_id[:12], "person": row.person_id}
        event = log.notes.get(row.event_id)
        if event is None:
            if not (row.person_id in erased and row.body is None):
                report.problems.append(("verify.note_orphan", where))
            continue
        found.add(row.event_id)
        if row.person_id != event.person_id:
            report.problems.append(("verify.note_moved", {**where, "owner": event.person_id}))
            continue
        try:
            if row.body is None:
                raise TamperError("crypto.tamper")
            text = json.loads(repo.sealer.open("notes", row.event_id, "body", row.body))["text"]
        except (TamperError, ValueError, KeyError, TypeError):
            report.problems.append(("verify.sealed_note", where))
            continue
        if row.hlc != event.hlc or not isinstance(text, str) or _digest(text) != event.digest:
            report.problems.append(("verify.note_altered", where))
    for event_id, event in sorted(log.notes.items()):
        if event_id not in found:
            report.problems.append(
                ("verify.note_missing", {"note": event_id[:12], "person": event.person_id})
            )


def _verify_households(repo: Repository, log: _Log, report: VerifyReport) -> None:
    stored = household_rows(repo)
    for household_id, hlc in sorted(log.households.items()):
        where: dict[str, object] = {"household": household_id}
        if household_id not in stored:
            report.problems.append(("verify.household_missing", where))
        elif stored[household_id] != hlc:
            report.problems.append(("verify.household_clock", where))
    from_roster = RosterStore(repo).households()  # created at another point
    for household_id in sorted(set(stored) - set(log.households) - from_roster):
        if household_id not in log.unopened:
            report.problems.append(
                ("verify.household_without_history", {"household": household_id})
            )
