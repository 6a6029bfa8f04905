"""Everyone registered, as a table that stays quick at 100,000 rows.

`build_snapshot` runs on the worker: it copies the session's summaries into immutable rows and
precomputes, per column, a dense rank array (equal values share a rank) and, per filter, a small
numpy code array. Filtering is then one vectorised mask and sorting one integer argsort over the
rows that passed, a few milliseconds each; Qt only ever asks for the rows on screen. A stable
sort over ranks keeps ties in registration order in both directions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, NamedTuple

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from fieldreg.core.entities import FieldValue, Need, Relationship, Sex, Status
from fieldreg.core.hlc import LOGICAL_BITS
from fieldreg.ui import dates, labels
from fieldreg.ui.home_points import home_mark, id_prefix

IntArray = npt.NDArray[np.int32]
Index = QModelIndex | QPersistentModelIndex

STATUS_CODES: Final = tuple(s.value for s in Status)
NEED_BITS: Final = {need.value: 1 << i for i, need in enumerate(Need)}
ANY_NEED: Final = "*"
_ORDER_OF: Final = {
    "sex": {s.value: i for i, s in enumerate(Sex)},
    "status": {s: i for i, s in enumerate(STATUS_CODES)},
    "relationship": {r.value: i for i, r in enumerate(Relationship)},
}
_QUARTER_HOUR_MS: Final = 15 * 60 * 1000  # every time zone's offset is a multiple of this


class RosterRow(NamedTuple):
    person_id: str
    family_name: str
    given_name: str
    patronymic: str
    latin_name: str
    sex: str
    dob: str
    status: str
    transport: str
    location: str
    needs: tuple[str, ...]
    household_id: str
    relationship: str
    registered_ms: int  # 0 when unknown


@dataclass(frozen=True, slots=True)
class RosterSnapshot:
    rows: tuple[RosterRow, ...]
    status: npt.NDArray[np.int8]  # index into STATUS_CODES, -1 when unknown
    needs: npt.NDArray[np.int16]  # NEED_BITS or-ed together
    household: IntArray  # a code per household id, -1 when in none
    household_codes: dict[str, int]
    day: IntArray  # local date (proleptic ordinal) of registration, 0 when unknown
    ranks: tuple[IntArray, ...]  # per column
    today: int
    widest_id: str = ""  # the longest person or household ID, to size their columns
    homes: dict[str, str] = field(default_factory=dict)  # ID prefix -> home point (roster)

    @classmethod
    def empty(cls) -> RosterSnapshot:
        return build_snapshot({}, {}, dt.date.today())


@dataclass(frozen=True, slots=True)
class RosterFilter:
    status: str | None = None
    need: str | None = None  # a Need value, or ANY_NEED for "any need at all"
    in_household: bool | None = None  # True: in a household, False: in none
    household_id: str | None = None
    registered_from: dt.date | None = None
    registered_to: dt.date | None = None


@dataclass(frozen=True, slots=True)
class RosterCounts:
    total: int
    shown: int
    registered_today: int
    waiting: int
    departed: int
    with_needs: int


def _local_days(registered: list[int]) -> IntArray:
    """Local calendar day of each wall-clock time; one datetime call per distinct quarter hour."""
    cache: dict[int, int] = {0: 0}
    days = np.zeros(len(registered), dtype=np.int32)
    for i, ms in enumerate(registered):
        quarter = ms // _QUARTER_HOUR_MS
        day = cache.get(quarter)
        if day is None:
            moment = dt.datetime.fromtimestamp(quarter * _QUARTER_HOUR_MS / 1000, tz=dt.UTC)
            day = cache[quarter] = moment.astimezone().date().toordinal() if ms else 0
        days[i] = day
    return days


def _dense_rank(values: list[str], key: Callable[[str], Any] | None = None) -> IntArray:
    """Rank of each value by `key`; values with equal keys share a rank. Names repeat a lot,
    so keys are computed and sorted once per distinct value."""
    keyed = {value: key(value) if key else value for value in set(values)}
    rank_of = {k: i for i, k in enumerate(sorted(set(keyed.values())))}
    position = {value: rank_of[k] for value, k in keyed.items()}
    return np.fromiter(map(position.__getitem__, values), dtype=np.int32, count=len(values))


def _text_key(text: str) -> tuple[bool, str]:
    # Case-insensitive; empty values after every real one.
    return (not text, text.casefold())


def build_snapshot(
    summaries: Mapping[str, Mapping[str, FieldValue]],
    registered: Mapping[str, int],
    today: dt.date,
) -> RosterSnapshot:
    """Runs on the worker: `summaries` and `registered` come from the session (see the module)."""
    rows: list[RosterRow] = []
    add, new, shift = rows.append, tuple.__new__, LOGICAL_BITS
    for person_id, f in summaries.items():
        # str() of a str is nearly free and keeps a malformed value (a list) from leaking through;
        # tuple.__new__ skips the named tuple's own __new__, which would double the loop's time.
        latin_family = str(f.get("latin_family_name") or "")
        latin_given = str(f.get("latin_given_name") or "")
        needs = f.get("needs")
        add(
            new(
                RosterRow,
                (
                    person_id,
                    str(f.get("family_name") or ""),
                    str(f.get("given_name") or ""),
                    str(f.get("patronymic") or ""),
                    f"{latin_family} {latin_given}" if latin_given else latin_family,
                    str(f.get("sex") or ""),
                    str(f.get("dob") or ""),
                    str(f.get("status") or ""),
                    str(f.get("status_transport") or ""),
                    str(f.get("status_location") or ""),
                    tuple(needs) if isinstance(needs, list) else (),
                    str(f.get("household_id") or ""),
                    str(f.get("relationship") or ""),
                    registered.get(person_id, 0) >> shift,
                ),
            )
        )
    rows.sort(key=lambda row: (row.registered_ms, row.person_id))
    status_of = _ORDER_OF["status"]
    households: dict[str, int] = {}
    for row in rows:
        if row.household_id:
            households.setdefault(row.household_id, len(households))
    registered_ms = [row.registered_ms for row in rows]

    def order_of(name: str) -> Callable[[str], int]:
        return lambda code: _ORDER_OF[name].get(code, 99)

    ranks = (
        _dense_rank([row.person_id for row in rows]),
        _dense_rank([row.family_name for row in rows], _text_key),
        _dense_rank([row.given_name for row in rows], _text_key),
        _dense_rank([row.patronymic for row in rows], _text_key),
        _dense_rank([row.latin_name for row in rows], _text_key),
        _dense_rank([row.sex for row in rows], order_of("sex")),
        _dense_rank([row.dob.lstrip("~") for row in rows], _text_key),
        _dense_rank([row.status for row in rows], order_of("status")),
        _dense_rank([",".join(row.needs) for row in rows], _text_key),
        _dense_rank([row.household_id for row in rows], _text_key),
        _dense_rank([row.relationship for row in rows], order_of("relationship")),
        np.arange(len(rows), dtype=np.int32),  # rows are in registration order already
    )
    return RosterSnapshot(
        rows=tuple(rows),
        status=np.array([status_of.get(row.status, -1) for row in rows], dtype=np.int8),
        needs=np.array(
            [sum(NEED_BITS.get(n, 0) for n in row.needs) for row in rows], dtype=np.int16
        ),
        household=np.array([households.get(row.household_id, -1) for row in rows], dtype=np.int32),
        household_codes=households,
        day=_local_days(registered_ms),
        ranks=ranks,
        today=today.toordinal(),
        widest_id=max((*(row.person_id for row in rows), *households), key=len, default=""),
    )


class RosterModel(QAbstractTableModel):
    (
        ID,
        FAMILY,
        GIVEN,
        PATRONYMIC,
        LATIN,
        SEX,
        BORN,
        STATUS,
        NEEDS,
        HOUSEHOLD,
        RELATIONSHIP,
        REGISTERED,
    ) = range(12)
    COLUMN_COUNT: Final = 12
    RecordRole: Final = Qt.ItemDataRole.UserRole + 1  # the row's RosterRow

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._snapshot = RosterSnapshot.empty()
        self._filter = RosterFilter()
        self._sort_column = self.REGISTERED
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._order: IntArray = np.zeros(0, dtype=np.int32)
        self._counts = RosterCounts(0, 0, 0, 0, 0, 0)

    # --- content ------------------------------------------------------------------------------

    def today(self) -> dt.date:
        """The day the snapshot was taken on, by the session's clock ("registered today")."""
        return dt.date.fromordinal(self._snapshot.today)

    def set_snapshot(self, snapshot: RosterSnapshot) -> None:
        self._snapshot = snapshot
        self._refresh()

    def clear(self) -> None:
        """Drop every row (the store is locking)."""
        self.set_snapshot(RosterSnapshot.empty())

    def set_filter(self, roster_filter: RosterFilter) -> None:
        self._filter = roster_filter
        self._refresh()

    def current_filter(self) -> RosterFilter:
        return self._filter

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.COLUMN_COUNT:
            return
        self._sort_column, self._sort_order = column, order
        self._refresh()

    def counts(self) -> RosterCounts:
        return self._counts

    def widest_id(self) -> str:
        return self._snapshot.widest_id

    def record(self, row: int) -> RosterRow:
        return self._snapshot.rows[int(self._order[row])]

    def person_ids(self) -> list[str]:
        """The ids shown, in the order shown (tests, exports of the current view)."""
        rows = self._snapshot.rows
        return [rows[i].person_id for i in self._order.tolist()]

    def _refresh(self) -> None:
        self.beginResetModel()
        self._order = self._visible()
        self._counts = self._count()
        self.endResetModel()

    def _visible(self) -> IntArray:
        snap, wanted = self._snapshot, self._filter
        mask = np.ones(len(snap.rows), dtype=np.bool_)
        if wanted.status is not None:
            code = STATUS_CODES.index(wanted.status) if wanted.status in STATUS_CODES else -2
            mask &= snap.status == code
        if wanted.need == ANY_NEED:
            mask &= snap.needs != 0
        elif wanted.need is not None:
            mask &= (snap.needs & NEED_BITS.get(wanted.need, 0)) != 0
        if wanted.in_household is not None:
            mask &= (snap.household >= 0) == wanted.in_household
        if wanted.household_id is not None:
            mask &= snap.household == snap.household_codes.get(wanted.household_id, -2)
        if wanted.registered_from is not None:
            mask &= snap.day >= wanted.registered_from.toordinal()
        if wanted.registered_to is not None:
            mask &= (snap.day <= wanted.registered_to.toordinal()) & (snap.day > 0)
        visible = np.flatnonzero(mask).astype(np.int32)
        rank = snap.ranks[self._sort_column][visible]
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            rank = -rank
        return visible[np.argsort(rank, kind="stable")]

    def _count(self) -> RosterCounts:
        snap = self._snapshot
        return RosterCounts(
            total=len(snap.rows),
            shown=len(self._order),
            registered_today=int(np.count_nonzero(snap.day == snap.today)),
            waiting=int(np.count_nonzero(snap.status == STATUS_CODES.index(Status.WAITING))),
            departed=int(np.count_nonzero(snap.status == STATUS_CODES.index(Status.DEPARTED))),
            with_needs=int(np.count_nonzero(snap.needs)),
        )

    # --- Qt model interface -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._order):
            return None
        row = self._snapshot.rows[int(self._order[index.row()])]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == self.RecordRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.STATUS:
            return " · ".join(part for part in (row.transport, row.location) if part) or None
        return None

    def _display(self, row: RosterRow, column: int) -> str:
        if column == self.ID:
            return row.person_id
        if column == self.FAMILY:
            return row.family_name
        if column == self.GIVEN:
            return row.given_name
        if column == self.PATRONYMIC:
            return row.patronymic
        if column == self.LATIN:
            return row.latin_name
        if column == self.SEX:
            return labels.label(labels.SEX, row.sex) if row.sex else ""
        if column == self.BORN:
            return labels.dob_text(row.dob)
        if column == self.STATUS:
            status = labels.status_label(row.status, row.sex) if row.status else ""
            return f"{status} ({row.transport})" if row.transport else status
        if column == self.NEEDS:
            return ", ".join(labels.label(labels.NEED, need) for need in row.needs)
        if column == self.HOUSEHOLD:
            return row.household_id
        if column == self.RELATIONSHIP:
            return labels.label(labels.RELATIONSHIP, row.relationship) if row.relationship else ""
        if column == self.REGISTERED:
            home = self._snapshot.homes.get(id_prefix(row.person_id), "")
            when = dates.date_time_ms(row.registered_ms) if row.registered_ms else ""
            return " · ".join(part for part in (when, home_mark(home) if home else "") if part)
        return ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("ID"),
            labels.field_label("family_name"),
            labels.field_label("given_name"),
            labels.field_label("patronymic"),
            self.tr("Latin name"),
            labels.field_label("sex"),
            self.tr("Born"),
            labels.field_label("status"),
            labels.field_label("needs"),
            labels.field_label("household_id"),
            labels.field_label("relationship"),
            self.tr("Registered"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def retranslate(self) -> None:
        """Words in headers and cells follow the language; the rows stay as they are."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMN_COUNT - 1)
        if len(self._order):
            last = self.index(len(self._order) - 1, self.COLUMN_COUNT - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.DisplayRole])
