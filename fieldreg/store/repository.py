"""Reads and writes of the local store, sealing every personal value on the way in.

A `Repository` owns one long-lived connection (the desk app is the single writer; the CLI waits
on SQLite's lock). Statements are SQLAlchemy Core: the ORM's unit of work costs more than the
whole durable commit on the registration hot path.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Iterator, Set
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import (
    ARRAY,
    Column,
    Connection,
    RootTransaction,
    Select,
    String,
    Table,
    any_,
    bindparam,
    insert,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.sql.dml import Insert, UpdateBase

from fieldreg.core import events as ev
from fieldreg.core.entities import FIELDS, Group, PersonFields
from fieldreg.core.errors import Cancelled, FieldregError
from fieldreg.core.fold import PersonState, state_from_json, state_json_bytes
from fieldreg.crypto.sealing import FieldSealer
from fieldreg.store.engine import ENVIRONMENT_ERRORS, WRITE_FLAG, store_error
from fieldreg.store.event_reading import event_from_row
from fieldreg.store.models import (
    Device,
    EventRow,
    HouseholdRow,
    NoteRow,
    PersonRow,
    StoreSetting,
)
from fieldreg.store.sealed_json import encode_json, event_body_json
from fieldreg.store.summary_codec import decode_group, encode_group

EVENTS = cast(Table, EventRow.__table__)
PEOPLE = cast(Table, PersonRow.__table__)
DEVICES = cast(Table, Device.__table__)
NOTES = cast(Table, NoteRow.__table__)
HOUSEHOLDS = cast(Table, HouseholdRow.__table__)
SETTINGS = cast(Table, StoreSetting.__table__)

# Statements built once with bind parameters: building `.values(...)` per call costs more in
# SQLAlchemy's cache-key generation than the durable commit itself.
_SELECT_DEVICE = select(DEVICES).where(DEVICES.c.device_id == bindparam("b_device_id"))
_UPDATE_DEVICE = (
    update(DEVICES)
    .where(
        DEVICES.c.device_id == bindparam("b_device_id"),
        DEVICES.c.last_seq == bindparam("b_last_seq"),
        DEVICES.c.next_counter == bindparam("b_next_counter"),
    )
    .values(
        last_seq=bindparam("last_seq"),
        head=bindparam("head"),
        last_hlc=bindparam("last_hlc"),
        next_counter=bindparam("next_counter"),
    )
)
INSERT_EVENT = insert(EVENTS)
_INSERT_PERSON = insert(PEOPLE)
_UPDATE_PERSON = (
    update(PEOPLE)
    .where(PEOPLE.c.id == bindparam("b_id"))
    .values(
        created_hlc=bindparam("created_hlc"),
        updated_hlc=bindparam("updated_hlc"),
        summary=bindparam("summary"),
        details=bindparam("details"),
        meta=bindparam("meta"),
    )
)
_SELECT_META = select(PEOPLE.c.meta).where(PEOPLE.c.id == bindparam("b_id"))


@dataclass(frozen=True, slots=True)
class _AmongIds:
    """One query of rows whose id is among `b_ids`, in the two forms `Repository._among` uses:
    an IN list (500 ids a statement) and, on PostgreSQL, `= ANY` of one array parameter (one
    statement for any number of ids, with no 500 parameters to expand and parse)."""

    in_list: Select[Any]
    in_array: Select[Any]


def _among_ids(query: Select[Any], column: Column[str]) -> _AmongIds:
    return _AmongIds(
        query.where(column.in_(bindparam("b_ids", expanding=True))),
        query.where(column == any_(bindparam("b_ids", type_=ARRAY(String)))),
    )


_SELECT_METAS = _among_ids(select(PEOPLE.c.id, PEOPLE.c.meta), PEOPLE.c.id)
_SELECT_HOUSEHOLD_IDS = _among_ids(select(HOUSEHOLDS.c.id), HOUSEHOLDS.c.id)
INSERT_NOTE = insert(NOTES)
_INSERT_HOUSEHOLD = insert(HOUSEHOLDS)

# execute_many's compiled SQL: (id of the statement, its columns, dialect class, paramstyle) ->
# (the statement, kept so that its id cannot be reused, the SQL, the parameters' order).
_COMPILED: dict[
    tuple[int, tuple[str, ...], type[Any], str], tuple[UpdateBase, str, list[str] | None]
] = {}
_COMPILED_MAX = 256

# insert_rows' COPY on PostgreSQL: (table, its columns) -> (the COPY statement, the columns'
# type names as psycopg knows them), built once per table and set of columns in the process.
_COPIES: dict[tuple[str, tuple[str, ...]], tuple[str, list[str]]] = {}

_PERSON_COLUMNS = (*(group.value for group in Group), "meta")  # the sealed columns of people

GROUP_FIELDS: dict[Group, tuple[str, ...]] = {
    group: tuple(name for name, spec in FIELDS.items() if spec.group is group) for group in Group
}


@dataclass(slots=True)
class DeviceState:
    device_id: str
    prefix: str
    last_seq: int
    head: str
    last_hlc: int
    next_counter: int


@dataclass(slots=True)
class PersonRows:
    """People's rows as `save_states` writes them: new people's, and the others' updates."""

    inserts: list[dict[str, object]] = field(default_factory=list)
    updates: list[dict[str, object]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class NoteRecord:
    event_id: str
    hlc: int
    text: str


def event_row(event: ev.Event, sealed_body: bytes) -> dict[str, object]:
    """The `events` row for `event`; the one layout `append` and a bulk import both write."""
    return {
        "device_id": event.device_id,
        "seq": event.seq,
        "event_id": event.event_id,
        "prev_id": event.prev,
        "hlc": event.hlc,
        "subject_id": event.subject_id,
        "body": sealed_body,
        "redacted": False,
    }


def note_row(event_id: str, person_id: str, hlc: int, sealed_body: bytes) -> dict[str, object]:
    """The `notes` row of a note; its sealed body is `encode_json({"text": ...})`."""
    return {"event_id": event_id, "person_id": person_id, "hlc": hlc, "body": sealed_body}


class Repository:
    def __init__(self, connection: Connection, sealer: FieldSealer) -> None:
        self.conn = connection
        self.sealer = sealer
        self._batch = False

    # --- transactions -------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One durable transaction; environment failures become `StoreError`, nothing half-done.
        Inside `batch()` it is a SAVEPOINT: still all or nothing, made durable with the batch."""
        if self._batch:
            with self._store_errors(), self.conn.begin_nested():
                yield
            return
        with self._begun() as outer, outer:
            yield

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Several `transaction()`s committed together, with one flush to disk instead of one
        each (an import of many bundles). Each inner transaction stays all or nothing; a crash
        before the end loses the whole batch, never part of one. `Cancelled` raised inside
        keeps what completed before it; any other error discards the batch."""
        if self._batch:
            yield
            return
        with self._begun() as outer:
            self._batch = True
            try:
                yield
            except BaseException as exc:
                if isinstance(exc, Cancelled):
                    outer.commit()  # the cancelled step rolled back to its savepoint
                else:
                    outer.rollback()
                raise
            finally:
                self._batch = False
            outer.commit()

    @contextmanager
    def _begun(self) -> Iterator[RootTransaction]:
        """A write transaction begun with BEGIN IMMEDIATE (see WRITE_FLAG); the caller ends it."""
        if self.conn.in_transaction():
            self.conn.rollback()  # end a read snapshot left open
        self.conn.info[WRITE_FLAG] = True
        try:
            with self._store_errors():
                outer = self.conn.begin()
                self.conn.info[WRITE_FLAG] = False
                yield outer
        finally:
            self.conn.info[WRITE_FLAG] = False

    @contextmanager
    def _store_errors(self) -> Iterator[None]:
        try:
            yield
        except FieldregError:
            raise
        except ENVIRONMENT_ERRORS as exc:
            raise store_error(exc) from exc
        except SQLAlchemyError as exc:
            if isinstance(getattr(exc, "orig", None), ENVIRONMENT_ERRORS):
                raise store_error(exc) from exc
            raise

    def close(self) -> None:
        """End the connection (lock): nothing more is read or written through it."""
        self.conn.close()

    @contextmanager
    def reading(self) -> Iterator[None]:
        """A consistent snapshot for several reads, ended promptly so the WAL can checkpoint
        (inside a batch the reads see the batch, which stays open)."""
        try:
            yield
        except ENVIRONMENT_ERRORS as exc:
            raise store_error(exc) from exc
        finally:
            if self.conn.in_transaction() and not self._batch:
                self.conn.rollback()

    def execute_many(self, statement: UpdateBase, rows: list[dict[str, object]]) -> None:
        """Run `statement` once per row, handing the rows straight to the driver: at tens of
        thousands of rows SQLAlchemy's per-row parameter processing costs more than SQLite's
        work. Only for plain types (str, int, bool, bytes, None), which need no processing."""
        if not rows:
            return
        keys = tuple(rows[0])
        dialect = self.conn.dialect
        key = (id(statement), keys, type(dialect), dialect.paramstyle)
        cached = _COMPILED.get(key)
        if cached is None or cached[0] is not statement:
            # Compiling costs more than a one-row save: once per statement, set of columns and
            # kind of database in the process (not per Repository: the hub makes one per call).
            compiled = statement.compile(dialect=dialect, column_keys=list(keys))
            order = list(compiled.positiontup or []) if compiled.positional else None
            if len(_COMPILED) >= _COMPILED_MAX:
                _COMPILED.clear()  # callers that build a statement per call must not pile up
            cached = _COMPILED[key] = (statement, str(compiled), order)
        _, sql, order = cached
        params: list[Any] = rows
        if order is not None:
            if len(order) == 1:
                params = [(row[order[0]],) for row in rows]
            else:
                params = list(map(itemgetter(*order), rows))  # C-level: no per-value Python
        self.conn.exec_driver_sql(sql, params)

    def insert_rows(self, statement: Insert, rows: list[dict[str, object]]) -> None:
        """`execute_many` of a plain `insert(table)` (the same rules for the rows). On PostgreSQL
        the rows go in one binary COPY instead of one INSERT each: the server checks them as it
        checks INSERTs (keys, foreign keys, lengths; row triggers fire) and refuses a second
        copy of a key in the same way (IntegrityError), while the client sends one stream
        instead of ~75 µs of psycopg work and a server parse/bind/execute per row."""
        if not rows:
            return
        if self.conn.dialect.name != "postgresql":
            self.execute_many(statement, rows)
            return
        self._copy_job(statement, rows)()

    @contextmanager
    def inserting(self, statement: Insert, rows: list[dict[str, object]]) -> Iterator[None]:
        """`insert_rows(statement, rows)` while the block runs, for work that needs no database:
        on PostgreSQL the COPY goes on in a helper thread, so the server stores the rows while
        this process computes (the thread waits on the socket without the GIL); on SQLite the
        rows are inserted before the block, and their error is raised before it. The block must
        not use the database (this repository's methods that only seal, such as `person_rows`,
        are fine). Leaving it waits for the rows, and raises their error (IntegrityError for a
        second copy, ...) if the block itself did not raise."""
        if not rows or self.conn.dialect.name != "postgresql":
            self.insert_rows(statement, rows)
            yield
            return
        # Everything but the COPY itself is done here, in this thread (the transaction begun
        # included): the helper touches only the driver's connection, which psycopg locks for
        # the whole COPY.
        copy_rows = self._copy_job(statement, rows)
        failed: list[BaseException] = []

        def copy() -> None:
            try:
                copy_rows()
            except BaseException as exc:  # handed to the caller's thread, raised there
                failed.append(exc)

        helper = threading.Thread(target=copy, name="fieldreg-copy", daemon=True)
        helper.start()
        try:
            yield
        finally:
            helper.join()  # before anything else uses the connection (a rollback included)
        if failed:
            raise failed[0]

    def _copy_job(self, statement: Insert, rows: list[dict[str, object]]) -> Callable[[], None]:
        """The rows' binary COPY, ready to run: it uses nothing of this repository but the
        driver's connection. The transaction is begun here if none is (as SQLAlchemy's own
        execute would: the caller commits)."""
        import psycopg  # only here: the laptops' build (SQLite only) has no psycopg

        if not self.conn.in_transaction():
            self.conn.begin()
        table = cast(Table, statement.table)
        keys = tuple(rows[0])
        copy_sql, type_names = self._copy_of(table, keys)
        dbapi = cast("psycopg.Connection[Any]", self.conn.connection.dbapi_connection)
        pick = itemgetter(*keys)  # a tuple of the values in the columns' order (for 2+ keys)

        def run() -> None:
            values = map(pick, rows) if len(keys) > 1 else ((pick(row),) for row in rows)
            try:
                with dbapi.cursor() as cursor, cursor.copy(copy_sql) as copy:
                    copy.set_types(type_names)
                    for row_values in values:
                        copy.write_row(row_values)
            except psycopg.Error as exc:
                # As SQLAlchemy would raise it: IntegrityError for a second copy,
                # OperationalError for a full disk or a lost server (what
                # refusing_second_copies and StoreError read).
                raise DBAPIError.instance(copy_sql, None, exc, psycopg.Error) from exc

        return run

    def _copy_of(self, table: Table, keys: tuple[str, ...]) -> tuple[str, list[str]]:
        cached = _COPIES.get((table.name, keys))
        if cached is None:
            preparer = self.conn.dialect.identifier_preparer
            columns = ", ".join(preparer.quote(key) for key in keys)
            sql = f"COPY {preparer.format_table(table)} ({columns}) FROM STDIN (FORMAT BINARY)"
            # "VARCHAR(64)" -> "varchar": binary COPY needs each column's type, the length is
            # the server's to check
            names = [
                table.c[key].type.compile(dialect=self.conn.dialect).split("(")[0].lower()
                for key in keys
            ]
            cached = _COPIES[(table.name, keys)] = (sql, names)
        return cached

    # --- settings -----------------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        row = self.conn.execute(select(SETTINGS.c.value).where(SETTINGS.c.key == key)).first()
        return None if row is None else row[0]

    def sealed_setting(self, key: str) -> Any:
        row = self.conn.execute(select(SETTINGS.c.sealed).where(SETTINGS.c.key == key)).first()
        if row is None or row[0] is None:
            return None
        return json.loads(self.sealer.open("store_settings", key, "sealed", row[0]))

    def put_setting(self, key: str, value: str | None = None, sealed: object = None) -> None:
        blob = (
            None
            if sealed is None
            else self.sealer.seal("store_settings", key, "sealed", encode_json(sealed))
        )
        exists = self.conn.execute(select(SETTINGS.c.key).where(SETTINGS.c.key == key)).first()
        if exists:
            self.conn.execute(
                update(SETTINGS).where(SETTINGS.c.key == key).values(value=value, sealed=blob)
            )
        else:
            self.conn.execute(insert(SETTINGS).values(key=key, value=value, sealed=blob))

    # --- devices ------------------------------------------------------------------------------

    def device(self, device_id: str) -> DeviceState | None:
        row = self.conn.execute(_SELECT_DEVICE, {"b_device_id": device_id}).first()
        if row is None:
            return None
        return DeviceState(
            row.device_id, row.prefix, row.last_seq, row.head, row.last_hlc, row.next_counter
        )

    def log_ends(self) -> dict[str, int]:
        """Device -> how far its log in this store reaches (the last sequence number)."""
        rows = self.conn.execute(select(DEVICES.c.device_id, DEVICES.c.last_seq))
        return {row.device_id: row.last_seq for row in rows}

    def subjects_between(self, device_id: str, after: int, upto: int) -> list[str]:
        """The records (people, households, transports) that `device_id`'s events after `after`
        and up to `upto` are about."""
        query = (
            select(EVENTS.c.subject_id)
            .where(EVENTS.c.device_id == device_id, EVENTS.c.seq > after, EVENTS.c.seq <= upto)
            .distinct()
        )
        return [str(subject) for subject in self.conn.execute(query).scalars()]

    def device_prefixes(self) -> dict[str, str]:
        """Prefix -> the device whose log this store holds under it."""
        rows = self.conn.execute(select(DEVICES.c.device_id, DEVICES.c.prefix))
        return {row.prefix: row.device_id for row in rows}

    def device_positions(self) -> list[tuple[str, int, str]]:
        """(device id, last sequence number, head event id) of every device, by id."""
        rows = self.conn.execute(
            select(DEVICES.c.device_id, DEVICES.c.last_seq, DEVICES.c.head).order_by(
                DEVICES.c.device_id
            )
        )
        return [(str(d), int(s), str(h)) for d, s, h in rows]

    def set_prefix(self, device_id: str, prefix: str) -> None:
        """New ids use `prefix`, counting from 1 again."""
        self.conn.execute(
            update(DEVICES)
            .where(DEVICES.c.device_id == device_id)
            .values(prefix=prefix, next_counter=1)
        )

    def add_device(self, device_id: str, prefix: str) -> None:
        self.conn.execute(
            insert(DEVICES).values(
                device_id=device_id, prefix=prefix, last_seq=0, head="", last_hlc=0, next_counter=1
            )
        )

    def save_device(self, state: DeviceState, *, expected: tuple[int, int]) -> bool:
        """Compare-and-set: False (nothing written) if the row no longer holds `expected`
        (last_seq, next_counter), i.e. another process wrote since it was read."""
        result = self.conn.execute(
            _UPDATE_DEVICE,
            {
                "b_device_id": state.device_id,
                "b_last_seq": expected[0],
                "b_next_counter": expected[1],
                "last_seq": state.last_seq,
                "head": state.head,
                "last_hlc": state.last_hlc,
                "next_counter": state.next_counter,
            },
        )
        return bool(result.rowcount == 1)

    # --- events -------------------------------------------------------------------------------

    def append(self, event: ev.Event) -> None:
        body = self.sealer.seal("events", event.event_id, "body", event_body_json(event))
        self.conn.execute(INSERT_EVENT, event_row(event, body))

    def add_event_rows(self, rows: list[dict[str, object]]) -> None:
        """Many `event_row`s at once (an import), bodies already sealed."""
        self.insert_rows(INSERT_EVENT, rows)

    def _event_from_row(self, row: Any) -> ev.Event:
        return event_from_row(row, self.sealer.open("events", row.event_id, "body", row.body))

    def events_for(self, subject_id: str) -> list[ev.Event]:
        rows = self.conn.execute(
            select(EVENTS)
            .where(EVENTS.c.subject_id == subject_id, EVENTS.c.redacted.is_(False))
            .order_by(EVENTS.c.hlc, EVENTS.c.device_id)
        )
        return [self._event_from_row(row) for row in rows]

    def chain_rows(self, device_id: str) -> Iterator[Any]:
        """Every event of one device in sequence order, body still sealed."""
        yield from self.conn.execute(
            select(EVENTS).where(EVENTS.c.device_id == device_id).order_by(EVENTS.c.seq)
        )

    def event_rows(self, device_id: str, first: int, last: int) -> Iterator[Any]:
        """Events `first`..`last` of one device in sequence order, body still sealed."""
        yield from self.conn.execute(
            select(EVENTS)
            .where(EVENTS.c.device_id == device_id, EVENTS.c.seq >= first, EVENTS.c.seq <= last)
            .order_by(EVENTS.c.seq)
        )

    def count_events(self) -> int:
        return int(self.conn.exec_driver_sql("SELECT count(*) FROM events").scalar_one())

    def redact(self, person_id: str) -> None:
        """Drop the bodies of the person's events and notes (erasure); the chain stays."""
        self.conn.execute(
            update(EVENTS).where(EVENTS.c.subject_id == person_id).values(body=None, redacted=True)
        )
        self.conn.execute(update(NOTES).where(NOTES.c.person_id == person_id).values(body=None))

    def integrity_check(self) -> str:
        """ "ok", or what SQLite's integrity check found (a server database checks its own)."""
        if self.conn.dialect.name != "sqlite":
            return "ok"
        checks = [str(row) for row in self.conn.exec_driver_sql("PRAGMA integrity_check").scalars()]
        return "ok" if checks == ["ok"] else "; ".join(checks[:20])

    def open_event(self, row: Any) -> ev.Event:
        return self._event_from_row(row)

    def device_ids(self) -> list[str]:
        return list(self.conn.execute(select(DEVICES.c.device_id)).scalars())

    # --- people -------------------------------------------------------------------------------

    def load_state(self, person_id: str) -> PersonState | None:
        row = self.conn.execute(_SELECT_META, {"b_id": person_id}).first()
        if row is None or row[0] is None:
            return None
        raw = json.loads(self.sealer.open("people", person_id, "meta", row[0]))
        return state_from_json(person_id, raw)

    def load_states(self, person_ids: Iterable[str]) -> dict[str, PersonState]:
        """`load_state` for many people (see `_among`); people without a row are left out."""
        open_row = self.sealer.opener("people", "meta")
        found: dict[str, PersonState] = {}
        for person_id, sealed in self._among(_SELECT_METAS, person_ids):
            if sealed is not None:
                raw = json.loads(open_row(person_id, sealed))
                found[person_id] = state_from_json(person_id, raw)
        return found

    def raw_states(self, person_ids: list[str] | None = None) -> list[tuple[str, Any]]:
        """(person id, the decoded JSON of their sealed state) by id, of `person_ids` (None:
        everyone with a state); for callers that read the state document themselves (a roster
        of 100,000). One SELECT (500 ids per query when given), the rows opened with one
        `open_many`; a row that does not open raises as `load_states` does."""
        if person_ids is None:
            query = select(PEOPLE.c.id, PEOPLE.c.meta).where(PEOPLE.c.meta.is_not(None))
            rows = [tuple(r) for r in self.conn.execute(query.order_by(PEOPLE.c.id))]
        else:
            rows = []
            ordered = sorted(set(person_ids))
            for start in range(0, len(ordered), 500):
                chunk = ordered[start : start + 500]
                query = select(PEOPLE.c.id, PEOPLE.c.meta).where(PEOPLE.c.id.in_(chunk))
                rows.extend(tuple(r) for r in self.conn.execute(query) if r[1] is not None)
            rows.sort()
        found_ids = [str(r[0]) for r in rows]
        sealed = [r[1] for r in rows]
        opened = self.sealer.open_many("people", "meta", found_ids, sealed)
        if None in opened:  # the row-by-row opener raises for the first that does not open
            open_row = self.sealer.opener("people", "meta")
            opened = [open_row(p, s) for p, s in zip(found_ids, sealed, strict=True)]
        return list(zip(found_ids, map(json.loads, cast(list[bytes], opened)), strict=True))

    def save_state(self, state: PersonState, *, is_new: bool) -> None:
        self.save_states([state], new={state.person_id} if is_new else set())

    def save_states(self, states: Iterable[PersonState], *, new: Set[str]) -> None:
        """Write people's materialised state: the ids in `new` get a row, the others' rows are
        updated. One statement per kind however many people (an import folds thousands)."""
        self.save_person_rows(self.person_rows(states, new=new))

    def person_rows(self, states: Iterable[PersonState], *, new: Set[str]) -> PersonRows:
        """What `save_states` writes, sealed but not yet written (needs no database)."""
        rows = PersonRows()
        seals = {name: self.sealer.sealer_for("people", name) for name in _PERSON_COLUMNS}
        for state in states:
            row = self._person_row(state, seals)
            if state.person_id in new:
                row["id"] = state.person_id
                rows.inserts.append(row)
            else:
                row["b_id"] = state.person_id
                rows.updates.append(row)
        return rows

    def save_person_rows(self, rows: PersonRows) -> None:
        self.insert_rows(_INSERT_PERSON, rows.inserts)
        self.execute_many(_UPDATE_PERSON, rows.updates)

    def _person_row(
        self, state: PersonState, seals: dict[str, Callable[[str, bytes], bytes]]
    ) -> dict[str, object]:
        person_id = state.person_id
        row: dict[str, object] = {
            "created_hlc": state.registered[0] if state.registered else state.updated[0],
            "updated_hlc": state.updated[0],
            "meta": seals["meta"](person_id, state_json_bytes(state)),
        }
        values = state.values()
        for group, names in GROUP_FIELDS.items():
            if state.erased:
                row[group.value] = None
            else:
                content = {n: values[n] for n in names if n in values}
                row[group.value] = seals[group.value](person_id, encode_group(group, content))
        return row

    def group(self, person_id: str, group: Group) -> PersonFields:
        """One sealed field group of a person, opened ({} if the person has none)."""
        column = PEOPLE.c[group.value]
        row = self.conn.execute(select(column).where(PEOPLE.c.id == person_id)).first()
        if row is None or row[0] is None:
            return {}
        return decode_group(group, self.sealer.open("people", person_id, group.value, row[0]))

    def count_people(self) -> int:
        return int(self.conn.exec_driver_sql("SELECT count(*) FROM people").scalar_one())

    def person_ids(self) -> list[str]:
        """Everyone with a row (erased people too), by id."""
        return list(self.conn.execute(select(PEOPLE.c.id).order_by(PEOPLE.c.id)).scalars())

    def person_exists(self, person_id: str) -> bool:
        row = self.conn.execute(select(PEOPLE.c.id).where(PEOPLE.c.id == person_id)).first()
        return row is not None

    # --- households ---------------------------------------------------------------------------

    def add_household(self, household_id: str, created_hlc: int) -> None:
        self.conn.execute(insert(HOUSEHOLDS).values(id=household_id, created_hlc=created_hlc))

    def add_households(self, created: dict[str, int]) -> None:
        """Household id -> creation clock; those already here are left as they are."""
        known = self._existing(_SELECT_HOUSEHOLD_IDS, created)
        rows: list[dict[str, object]] = [
            {"id": h, "created_hlc": hlc} for h, hlc in created.items() if h not in known
        ]
        self.insert_rows(_INSERT_HOUSEHOLD, rows)  # str and int: no processing needed

    def _existing(self, query: _AmongIds, ids: Iterable[str]) -> set[str]:
        """Which of `ids` `query` finds already (see `_among`)."""
        return {row[0] for row in self._among(query, ids)}

    def _among(self, query: _AmongIds, ids: Iterable[str]) -> Iterator[Any]:
        """The rows of `query` for `ids`: on PostgreSQL in one statement (the ids as one array),
        on SQLite, which has no arrays, one statement per 500 ids."""
        ordered = sorted(set(ids))
        if not ordered:
            return
        if self.conn.dialect.name == "postgresql":
            yield from self.conn.execute(query.in_array, {"b_ids": ordered})
            return
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            yield from self.conn.execute(query.in_list, {"b_ids": chunk})

    def household_ids(self) -> list[str]:
        return list(self.conn.execute(select(HOUSEHOLDS.c.id).order_by(HOUSEHOLDS.c.id)).scalars())

    def household_exists(self, household_id: str) -> bool:
        row = self.conn.execute(
            select(HOUSEHOLDS.c.id).where(HOUSEHOLDS.c.id == household_id)
        ).first()
        return row is not None

    # --- notes --------------------------------------------------------------------------------

    def add_note(self, event_id: str, person_id: str, hlc: int, text: str) -> None:
        body = self.sealer.seal("notes", event_id, "body", encode_json({"text": text}))
        self.conn.execute(INSERT_NOTE, note_row(event_id, person_id, hlc, body))

    def add_note_rows(self, rows: list[dict[str, object]]) -> None:
        """Many `note_row`s at once (an import), bodies already sealed."""
        self.insert_rows(INSERT_NOTE, rows)

    def note_refs(self) -> list[tuple[str, str]]:
        """(event id, person id) of every note."""
        rows = self.conn.execute(select(NOTES.c.event_id, NOTES.c.person_id)).all()
        return [(str(e), str(p)) for e, p in rows]

    def notes(self, person_id: str) -> list[NoteRecord]:
        """The person's notes in clock order. Two devices' clocks can read the same (the same
        millisecond and counter): the event id breaks the tie, so every store that holds the same
        notes lists them in the same order, whatever order they arrived in."""
        rows = self.conn.execute(
            select(NOTES)
            .where(NOTES.c.person_id == person_id)
            .order_by(NOTES.c.hlc, NOTES.c.event_id)
        )
        result = []
        for row in rows:
            if row.body is None:
                continue
            text = json.loads(self.sealer.open("notes", row.event_id, "body", row.body))["text"]
            result.append(NoteRecord(row.event_id, row.hlc, str(text)))
        return result
