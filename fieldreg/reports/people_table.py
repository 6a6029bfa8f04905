"""The people table that CSV and XLSX exports write: which columns exist, which people a filter
keeps, and each cell as a typed value (dates as dates, years as numbers, lists joined)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from fieldreg.core.entities import FIELDS, FieldValue, Group
from fieldreg.core.errors import ValidationError
from fieldreg.reports.cells import Cell

# Columns that are not fields of a person: the ID, when and where they were registered.
EXTRA_COLUMNS: Final = ("id", "registered", "point", "birth_year")
COLUMNS: Final = (*EXTRA_COLUMNS, *FIELDS)
DEFAULT_COLUMNS: Final = (
    "id",
    "family_name",
    "given_name",
    "patronymic",
    "latin_family_name",
    "latin_given_name",
    "sex",
    "dob",
    "status",
    "status_location",
    "needs",
    "household_id",
    "point",
    "registered",
)
# Columns that need each person's sealed details opened (the rest come from the people cache).
DETAIL_COLUMNS: Final = frozenset(n for n, spec in FIELDS.items() if spec.group is Group.DETAILS)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"~?(\d{4})")


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """One person as the reports see them: every field known, when and where registered."""

    person_id: str
    fields: Mapping[str, FieldValue]
    registered: dt.datetime | None  # aware, UTC
    point: str  # the reception point that registered them (its name, else its ID prefix)


@dataclass(frozen=True, slots=True)
class PeopleFilter:
    """Who an export keeps; an empty set keeps everyone. Days are local calendar days of
    registration, both ends included."""

    statuses: frozenset[str] = field(default_factory=frozenset)
    points: frozenset[str] = field(default_factory=frozenset)
    needs: frozenset[str] = field(default_factory=frozenset)
    registered_from: dt.date | None = None
    registered_to: dt.date | None = None

    def keeps(self, record: PersonRecord) -> bool:
        fields = record.fields
        if self.statuses and fields.get("status") not in self.statuses:
            return False
        if self.points and record.point not in self.points:
            return False
        if self.needs:
            needs = fields.get("needs")
            if not isinstance(needs, list) or self.needs.isdisjoint(needs):
                return False
        if self.registered_from is not None or self.registered_to is not None:
            if record.registered is None:
                return False
            day = record.registered.astimezone().date()
            if self.registered_from is not None and day < self.registered_from:
                return False
            if self.registered_to is not None and day > self.registered_to:
                return False
        return True


def checked_columns(untrusted: Sequence[str]) -> tuple[str, ...]:
    """The columns asked for, in order, each once; an unknown name is an error naming it."""
    chosen: list[str] = []
    for name in untrusted:
        column = name.strip()
        if column not in COLUMNS:
            raise ValidationError("columns", "export.unknown_column", column=column[:40])
        if column not in chosen:
            chosen.append(column)
    if not chosen:
        raise ValidationError("columns", "export.no_columns")
    return tuple(chosen)


def needs_details(columns: Iterable[str]) -> bool:
    return any(column in DETAIL_COLUMNS for column in columns)


def dob_cell(value: FieldValue) -> Cell:
    """A full date as a date, a year as a number, an estimated year ("~1981") as text."""
    if not isinstance(value, str):
        return None
    if match := _ISO_DATE.fullmatch(value):
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return value
    if value.isdigit():
        return int(value)
    return value


def _getter(column: str) -> Callable[[PersonRecord], Cell]:
    """How one column's cell is read from a record (chosen once per export, not per cell)."""
    if column == "id":
        return lambda record: record.person_id
    if column == "registered":
        return lambda record: record.registered
    if column == "point":
        return lambda record: record.point
    if column == "birth_year":

        def birth_year(record: PersonRecord) -> Cell:
            value = record.fields.get("dob")
            match = _YEAR.match(value) if isinstance(value, str) else None
            return int(match[1]) if match else None

        return birth_year
    if column == "dob":
        return lambda record: dob_cell(record.fields.get("dob"))

    def plain(record: PersonRecord) -> Cell:
        value = record.fields.get(column)
        return "; ".join(value) if isinstance(value, list) else value

    return plain


def cell(record: PersonRecord, column: str) -> Cell:
    return _getter(column)(record)


def rows(records: Iterable[PersonRecord], columns: Sequence[str]) -> Iterator[list[Cell]]:
    """Each record's cells in column order."""
    getters = [_getter(column) for column in columns]
    for record in records:
        yield [get(record) for get in getters]
