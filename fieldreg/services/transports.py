"""Transports (buses, convoys, trains): planning, passengers with seats, boarding by scan.

A transport is planned here or by the coordinator with an id minted like a household's; every
change is an event in this device's log (`TransportPlanned`, `TransportChanged`,
`PassengerAssigned`, `PassengerUnassigned`, `PassengerBoarded`) that syncs and merges like a
person's (`core.fold.apply_transport`). Boarding at the bus door is `board_scan`: the scanned
band is read, checked against the transport's passenger list and the person's record, and only a
person who is on the list, with a valid band, not boarded yet (and, if they said they do not
wish to go, only once confirmed) is recorded as boarded. Nothing else is ever written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from fieldreg.core import ids
from fieldreg.core.entities import (
    ASSISTANCE,
    SEAT_MAX,
    TRANSPORT_FIELDS,
    FieldValue,
    Kind,
    PersonFields,
    Status,
)
from fieldreg.core.errors import FieldregError, IdError, NotFoundError, ValidationError
from fieldreg.core.events import EventType
from fieldreg.core.fold import Assignment, TransportState
from fieldreg.core.validation import clean_text
from fieldreg.services.band_codes import read_code
from fieldreg.services.views import PersonView, hlc_time
from fieldreg.services.write_pipeline import Draft, Txn, WritePipeline, load_person
from fieldreg.store.repository import Repository
from fieldreg.store.transports import load_transport, load_transports

_DEPARTURE: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?")
_DEPARTURE_DAY_FIRST: Final = re.compile(
    r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})(?: +([0-9]{1,2}):([0-9]{2}))?"
)
MAX_CAPACITY: Final = 9999


class BoardingOutcome(StrEnum):
    BOARDED = "boarded"
    NOT_ON_MANIFEST = "not_on_manifest"
    VOIDED_BAND = "voided_band"
    DOES_NOT_WISH = "does_not_wish"  # nothing recorded: ask, then board with confirmed=True
    ALREADY_BOARDED = "already_boarded"
    UNKNOWN_CODE = "unknown_code"


@dataclass(frozen=True, slots=True)
class Passenger:
    person_id: str
    seat: str | None
    boarded: dt.datetime | None
    assistance: tuple[str, ...] = ()  # wheelchair, stretcher, medical_escort
    escort: str | None = None  # the adult a child travels with


@dataclass(frozen=True, slots=True)
class TransportView:
    transport_id: str
    fields: dict[str, FieldValue]
    passengers: tuple[Passenger, ...]  # by seat, then id
    version: int  # each change of the passenger list (assign, unassign, board) adds one
    changed: dt.datetime | None  # when the passenger list last changed
    planned: dt.datetime | None

    @property
    def name(self) -> str:
        value = self.fields.get("name")
        return value if isinstance(value, str) else self.transport_id

    def passenger(self, person_id: str) -> Passenger | None:
        return next((p for p in self.passengers if p.person_id == person_id), None)


@dataclass(frozen=True, slots=True)
class ScanResult:
    outcome: BoardingOutcome
    person_id: str | None = None
    name: str = ""  # the person's name as the record has it (Cyrillic, then Latin)
    sex: str | None = None  # as recorded: what the words about them agree with
    seat: str | None = None
    other_transports: tuple[str, ...] = ()  # not on this one: the names of those they are on
    code: str | None = None  # for UNKNOWN_CODE: the error code of the scan


def transport_view(state: TransportState) -> TransportView:
    passengers = tuple(
        sorted(
            (
                Passenger(
                    person_id,
                    placed.seat,
                    hlc_time(state.boarded[person_id][0]) if person_id in state.boarded else None,
                    placed.assistance,
                    placed.escort,
                )
                for person_id, placed in state.assignments().items()
            ),
            key=lambda p: (_seat_order(p.seat), p.person_id),
        )
    )
    return TransportView(
        transport_id=state.transport_id,
        fields=state.values(),
        passengers=passengers,
        version=state.version,
        changed=hlc_time(state.list_changed[0]) if state.list_changed[0] else None,
        planned=hlc_time(state.planned[0]) if state.planned else None,
    )


def _seat_order(seat: str | None) -> tuple[int, int, str]:
    if seat is None:
        return (1, 0, "")
    return (0, int(seat), "") if seat.isdigit() else (0, 10**6, seat)


def checked_transport_fields(
    untrusted: Mapping[str, object], *, require_name: bool
) -> dict[str, FieldValue]:
    """The fields of a transport as typed, cleaned; ValidationError naming the field."""
    result: dict[str, FieldValue] = {}
    for name, value in untrusted.items():
        spec = TRANSPORT_FIELDS.get(name)
        if spec is None:
            raise ValidationError(name, "validation.unknown_field")
        if value is None or (isinstance(value, str) and not value.strip()):
            if spec.required:
                raise ValidationError(name, "validation.required")
            result[name] = None
            continue
        if not isinstance(value, str):
            raise ValidationError(name, "validation.type")
        # The fields with a form say what the form is rather than that the text is too long.
        room = 200 if name in {"departure", "capacity"} else spec.max_len
        text = clean_text(name, value, max_len=room, required=spec.required)
        if spec.kind is Kind.CHOICE:
            text = text.lower()
            if text not in spec.choices:
                raise ValidationError(name, "validation.choice", allowed=", ".join(spec.choices))
        elif name == "departure":
            text = _departure(text)
        elif name == "capacity":
            if not text.isdigit() or not 1 <= int(text) <= MAX_CAPACITY:
                raise ValidationError(name, "transport.capacity", max=MAX_CAPACITY)
            text = str(int(text))
        result[name] = text
    if require_name and not result.get("name"):
        raise ValidationError("name", "validation.required")
    return result


def _departure(text: str) -> str:
    """The planned departure as stored (2026-12-05 08:00), typed day first as dates are
    everywhere else (05.12.2026 08:00, 5.12.2026 8:00) or as stored; the time may be left out."""
    text = text.strip()
    if (stored := _DEPARTURE.fullmatch(text)) is not None:
        year, month, day, hour, minute = stored.groups()
    elif (typed := _DEPARTURE_DAY_FIRST.fullmatch(text)) is not None:
        day, month, year, hour, minute = typed.groups()
        day, month = day.zfill(2), month.zfill(2)
        hour = None if hour is None else hour.zfill(2)
    else:
        raise ValidationError("departure", "transport.departure_format")
    try:
        dt.date(int(year), int(month), int(day))
        if hour is not None and not (int(hour) < 24 and int(minute) < 60):
            raise ValueError
    except ValueError:
        raise ValidationError("departure", "transport.departure_format") from None
    return f"{year}-{month}-{day}" + (f" {hour}:{minute}" if hour is not None else "")


def checked_seat(untrusted: str | None) -> str | None:
    if untrusted is None or not untrusted.strip():
        return None
    seat = clean_text("seat", untrusted, max_len=SEAT_MAX, required=True)
    if not re.fullmatch(r"[0-9A-Za-z-]+", seat):
        raise ValidationError("seat", "transport.seat_format")
    return seat.upper()


def _assistance(untrusted: Sequence[str]) -> tuple[str, ...]:
    chosen = sorted({str(a).strip().lower() for a in untrusted if str(a).strip()})
    for item in chosen:
        if item not in ASSISTANCE:
            raise ValidationError("assistance", "validation.choice", allowed=", ".join(ASSISTANCE))
    return tuple(chosen)


def person_name(fields: Mapping[str, FieldValue]) -> str:
    def joined(*names: str) -> str:
        return " ".join(v for n in names if isinstance(v := fields.get(n), str) and v)

    cyrillic = joined("family_name", "given_name", "patronymic")
    latin = joined("latin_family_name", "latin_given_name")
    return f"{cyrillic} ({latin})" if latin and latin != cyrillic else cyrillic


class TransportService:
    """Transports of one unlocked store (`Session.transports()`)."""

    def __init__(
        self,
        repo: Repository,
        pipeline: WritePipeline,
        person: Callable[[str], PersonView],
        household_members: Callable[[str], Iterable[str]],
    ) -> None:
        self._repo = repo
        self._pipeline = pipeline
        self._person = person
        self._members = household_members

    # --- reads ----------------------------------------------------------------------------------

    def all(self) -> list[TransportView]:
        with self._repo.reading():
            states = load_transports(self._repo)
        return sorted(
            (transport_view(s) for s in states),
            key=lambda t: (str(t.fields.get("departure") or ""), t.transport_id),
        )

    def get(self, untrusted_id: str) -> TransportView:
        with self._repo.reading():
            return transport_view(self._state(untrusted_id))

    def _state(self, untrusted_id: str) -> TransportState:
        try:
            transport_id = str(ids.parse_id(untrusted_id))
        except IdError:
            raise NotFoundError("transport.not_found", id=untrusted_id[:20]) from None
        state = load_transport(self._repo, transport_id)
        if state is None:
            raise NotFoundError("transport.not_found", id=transport_id)
        return state

    def transports_of(self, person_id: str) -> list[TransportView]:
        """Every transport the person is assigned to now."""
        return [t for t in self.all() if t.passenger(person_id) is not None]

    # --- writes ---------------------------------------------------------------------------------

    def plan(self, untrusted_fields: Mapping[str, object]) -> str:
        """A new transport; returns its id."""
        fields = {
            k: v
            for k, v in checked_transport_fields(untrusted_fields, require_name=True).items()
            if v is not None
        }
        fields.setdefault("kind", "bus")

        def plan(txn: Txn) -> list[Draft]:
            transport_id = txn.allocate_id()
            txn.result.append(transport_id)
            return [Draft(EventType.TRANSPORT_PLANNED, transport_id, {"fields": fields})]

        return self._pipeline.commit(plan).result[0]

    def edit(self, untrusted_id: str, untrusted_fields: Mapping[str, object]) -> list[str]:
        """Change fields of a transport; returns the names of those that changed."""
        fields = checked_transport_fields(untrusted_fields, require_name=False)

        def plan(txn: Txn) -> list[Draft]:
            state = self._state(untrusted_id)
            current = state.values()
            changed = {k: v for k, v in fields.items() if current.get(k) != v}
            txn.result.extend(sorted(changed))
            if not changed:
                return []
            payload = {"fields": changed, "base": state.base_for(sorted(changed))}
            return [Draft(EventType.TRANSPORT_CHANGED, state.transport_id, payload)]

        return self._pipeline.commit(plan).result

    def assign(
        self,
        untrusted_id: str,
        person_ids: Sequence[str],
        seats: Mapping[str, str | None] | None = None,
        *,
        assistance: Mapping[str, Sequence[str]] | None = None,
        escorts: Mapping[str, str | None] | None = None,
    ) -> list[str]:
        """Put people on the transport (a seat each where given, the help they need on the way,
        the adult a child travels with), in one transaction; someone already on it gets what is
        given anew. Returns the ids assigned."""
        wanted = [str(ids.parse_id(p)) for p in person_ids]
        given = {str(ids.parse_id(p)): checked_seat(s) for p, s in (seats or {}).items()}
        helped = {str(ids.parse_id(p)): _assistance(a) for p, a in (assistance or {}).items()}
        escorted = {
            str(ids.parse_id(p)): str(ids.parse_id(e)) if e else None
            for p, e in (escorts or {}).items()
        }

        def plan(txn: Txn) -> list[Draft]:
            state = self._state(untrusted_id)
            placed = state.assignments()
            current = {p: a.seat for p, a in placed.items()}
            drafts = []
            for person_id in dict.fromkeys(wanted):
                txn.state(person_id)  # exists and is not erased
                before = placed.get(person_id, Assignment())
                seat = given.get(person_id, before.seat)
                help_ = helped.get(person_id, before.assistance)
                escort = escorted.get(person_id, before.escort)
                if escort is not None:
                    if escort == person_id:
                        raise ValidationError("escort", "transport.escort_self")
                    txn.state(escort)
                if person_id in placed and Assignment(seat, help_, escort) == before:
                    continue
                taken = {s for p, s in current.items() if p != person_id and s}
                if seat is not None and seat in taken:
                    raise ValidationError("seat", "transport.seat_taken", seat=seat)
                current[person_id] = seat
                payload: dict[str, Any] = {
                    "person_id": person_id,
                    "seat": seat,
                    "removes": state.passengers.tags(person_id),
                }
                if help_:
                    payload["assistance"] = list(help_)
                if escort:
                    payload["escort"] = escort
                drafts.append(Draft(EventType.PASSENGER_ASSIGNED, state.transport_id, payload))
                txn.result.append(person_id)
            capacity = state.values().get("capacity")
            if isinstance(capacity, str) and len(current) > int(capacity):
                raise FieldregError("transport.full", capacity=capacity)
            return drafts

        return self._pipeline.commit(plan).result

    def assign_household(self, untrusted_id: str, household_id: str) -> list[str]:
        """Every member of the household on the transport: families travel together."""
        household = str(ids.parse_id(household_id))
        members = sorted(self._members(household))
        if not members:
            raise NotFoundError("household.not_found", id=household)
        return self.assign(untrusted_id, members)

    def unassign(self, untrusted_id: str, person_ids: Sequence[str]) -> list[str]:
        """Take people off the transport; `transport.not_assigned` for someone not on it."""
        wanted = [str(ids.parse_id(p)) for p in person_ids]

        def plan(txn: Txn) -> list[Draft]:
            state = self._state(untrusted_id)
            drafts = []
            for person_id in dict.fromkeys(wanted):
                tags = state.passengers.tags(person_id)
                if not tags:
                    raise FieldregError(
                        "transport.not_assigned", id=person_id, transport=state.transport_id
                    )
                payload = {"person_id": person_id, "removes": tags}
                drafts.append(Draft(EventType.PASSENGER_UNASSIGNED, state.transport_id, payload))
                txn.result.append(person_id)
            return drafts

        return self._pipeline.commit(plan).result

    # --- boarding -------------------------------------------------------------------------------

    def board_scan(self, untrusted_id: str, scanned: str, *, confirmed: bool = False) -> ScanResult:
        """What the scan at the bus door means, recording the boarding only when it is right
        (see the module's docstring). `confirmed`: the person who said they do not wish to go
        confirmed at the door that they go."""
        try:
            code = read_code(scanned)
        except IdError as exc:
            return ScanResult(BoardingOutcome.UNKNOWN_CODE, code=exc.code)
        with self._repo.reading():  # the folded states only: no notes, nothing else
            state = self._state(untrusted_id)
            try:
                traveller = load_person(self._repo, code.person_id)
            except NotFoundError:
                return ScanResult(BoardingOutcome.UNKNOWN_CODE, code="person.not_found")
        transport_id = state.transport_id
        person_id, fields = traveller.person_id, traveller.values()
        sex = fields.get("sex")
        base: dict[str, Any] = {
            "person_id": person_id,
            "name": person_name(fields),
            "sex": sex if isinstance(sex, str) else None,
        }
        if code.band_id is not None and code.band_id not in traveller.active_bands():
            return ScanResult(BoardingOutcome.VOIDED_BAND, **base)
        seats = state.seats()
        if person_id not in seats:
            others = tuple(
                t.name for t in self.transports_of(person_id) if t.transport_id != transport_id
            )
            return ScanResult(BoardingOutcome.NOT_ON_MANIFEST, other_transports=others, **base)
        base["seat"] = seats[person_id]
        if person_id in state.boarded:
            return ScanResult(BoardingOutcome.ALREADY_BOARDED, **base)
        if fields.get("wishes_evacuation") == "no" and not confirmed:
            return ScanResult(BoardingOutcome.DOES_NOT_WISH, **base)
        self.board(transport_id, person_id)
        return ScanResult(BoardingOutcome.BOARDED, **base)

    def board(self, untrusted_id: str, person_id: str) -> bool:
        """Record that the person boarded; False if that was recorded already. Refused for
        someone not on the passenger list (`transport.not_assigned`)."""
        person = str(ids.parse_id(person_id))

        def plan(txn: Txn) -> list[Draft]:
            state = self._state(untrusted_id)
            if person not in state.seats():
                raise FieldregError(
                    "transport.not_assigned", id=person, transport=state.transport_id
                )
            if person in state.boarded:
                return []
            txn.result.append(person)
            payload = {"person_id": person}
            # The person's status says it too (departed, with the transport), so the roster,
            # the dashboard and the answer to a list of sought persons know where they went.
            traveller = txn.state(person)
            name = state.values().get("name")
            transport = f"{name} ({state.transport_id})" if isinstance(name, str) else None
            fields = {
                "status": Status.DEPARTED.value,
                "status_transport": (transport or state.transport_id)[:100],
            }
            status = {"fields": fields, "base": traveller.base_for(sorted(fields))}
            return [
                Draft(EventType.PASSENGER_BOARDED, state.transport_id, payload),
                Draft(EventType.STATUS_CHANGED, person, status),
            ]

        return bool(self._pipeline.commit(plan).result)

    # --- the manifest's input -------------------------------------------------------------------

    def passenger_records(self, view: TransportView) -> list[tuple[Passenger, PersonFields]]:
        """Each passenger with every field of their record (erased people are left out)."""
        found = []
        for passenger in view.passengers:
            try:
                found.append((passenger, dict(self._person(passenger.person_id).fields)))
            except NotFoundError:
                continue
        return found
