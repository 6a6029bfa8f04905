"""The people a search found, as a table model: one row per hit, named columns, a record role.
A person from elsewhere (a roster brought them) has their home point beside the name."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from fieldreg.core.entities import PersonFields
from fieldreg.core.messages import QT_TRANSLATE_NOOP
from fieldreg.services.views import PersonHit
from fieldreg.ui import labels
from fieldreg.ui.home_points import home_mark, id_prefix

COL_ID, COL_NAME, COL_LATIN, COL_DOB, COL_HOUSEHOLD, COL_STATUS, COL_SCORE, COL_WHY = range(8)
HEADERS: Final[tuple[str, ...]] = (
    QT_TRANSLATE_NOOP("SearchResultsModel", "ID"),
    QT_TRANSLATE_NOOP("SearchResultsModel", "Name"),
    QT_TRANSLATE_NOOP("SearchResultsModel", "Latin spelling"),
    QT_TRANSLATE_NOOP("SearchResultsModel", "Date of birth"),
    QT_TRANSLATE_NOOP("SearchResultsModel", "Household"),
    QT_TRANSLATE_NOOP("SearchResultsModel", "Status"),
    QT_TRANSLATE_NOOP("SearchResultsModel", "Match"),
    QT_TRANSLATE_NOOP("SearchResultsModel", "Why"),
)
# The matcher's reasons beyond the ones every list shows (labels.REASON).
MATCHER_REASONS: Final[dict[str, str]] = {
    "name.initials": QT_TRANSLATE_NOOP("SearchResultsModel", "initials fit"),
    "name.layout": QT_TRANSLATE_NOOP("SearchResultsModel", "typed with another keyboard layout"),
}
# "name begins the same" says nothing while the volunteer is still typing.
HIDDEN_REASONS: Final = frozenset({"name.prefix"})
RECORD_ROLE: Final = Qt.ItemDataRole.UserRole + 1
_NAMES: Final = ("family_name", "given_name", "patronymic")
_LATIN: Final = ("latin_family_name", "latin_given_name", "latin_patronymic")

Index = QModelIndex | QPersistentModelIndex


def _joined(fields: PersonFields, names: tuple[str, ...]) -> str:
    return " ".join(value for n in names if isinstance(value := fields.get(n), str) and value)


def reasons_text(reasons: tuple[str, ...]) -> str:
    """The matcher's reasons for a hit, in words, in the order it gave them."""
    shown: list[str] = []
    for code in reasons:
        if code in HIDDEN_REASONS:
            continue
        if code in MATCHER_REASONS:
            shown.append(QCoreApplication.translate("SearchResultsModel", MATCHER_REASONS[code]))
        elif code in labels.REASON:
            shown.append(labels.label(labels.REASON, code))
    return ", ".join(shown)


def _household(fields: PersonFields) -> str:
    """ "K7-0001-X · Child": the household and the person's place in it, or nothing."""
    household = fields.get("household_id")
    if not isinstance(household, str) or not household:
        return ""
    relationship = fields.get("relationship")
    if isinstance(relationship, str) and relationship:
        return f"{household} · {labels.label(labels.RELATIONSHIP, relationship)}"
    return household


class SearchResultsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[PersonHit] = []
        self._homes: dict[str, str] = {}  # ID prefix -> home point ("" for none)

    def set_hits(self, hits: list[PersonHit], homes: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._homes = dict(homes or {})
        self.endResetModel()

    def home_point(self, row: int) -> str:
        """The home point of the person on `row` if a roster brought them, else ""."""
        hit = self.hit(row)
        return self._homes.get(id_prefix(hit.person_id), "") if hit is not None else ""

    def clear(self) -> None:
        self.set_hits([])

    def hit(self, row: int) -> PersonHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def retranslate(self) -> None:
        """Headers, relationships, status words and reasons follow the language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self._hits:
            self.dataChanged.emit(self.index(0, COL_NAME), self.index(len(self._hits) - 1, COL_WHY))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return QCoreApplication.translate("SearchResultsModel", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role == RECORD_ROLE:
            return hit
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        fields = hit.fields
        if column == COL_ID:
            return hit.person_id
        if column == COL_NAME:
            home = self.home_point(index.row())
            name = _joined(fields, _NAMES)
            return f"{name} · {home_mark(home)}" if home else name
        if column == COL_LATIN:
            return _joined(fields, _LATIN)
        if column == COL_DOB:
            dob = fields.get("dob")
            return labels.dob_text(dob) if isinstance(dob, str) else ""
        if column == COL_HOUSEHOLD:
            return _household(fields)
        if column == COL_STATUS:
            status = fields.get("status")
            return labels.status_label(status, fields.get("sex")) if isinstance(status, str) else ""
        if column == COL_SCORE:
            return f"{hit.score:.0f}"
        if column == COL_WHY:
            return reasons_text(hit.reasons)
        return None
