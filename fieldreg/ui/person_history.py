"""A person's history, newest first: when, who, and what changed (field labels and values in
the volunteer's language)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from fieldreg.core.entities import FIELDS
from fieldreg.services.views import HistoryEntry
from fieldreg.ui import dates, labels
from fieldreg.ui.translations import Retranslates

WHEN, WHO, WHAT = range(3)
STATUS_ORDER = ("status", "status_transport", "status_location")


def local_time(moment: dt.datetime) -> str:
    return dates.date_time(moment)


def describe_entry(entry: HistoryEntry, sex: object = None) -> str:
    """One line: what kind of change, then each changed field with its new value (a status
    agreeing with the person's recorded `sex`)."""
    title = labels.event_label(entry.type, sex)
    changes = entry.changes
    if entry.type == "PersonRegistered":
        return title  # every field was set: the details are on the page itself
    if entry.type == "StatusChanged":  # "Status changed: Departed · Bus 12 · Chop"
        details = [labels.value_text(name, changes.get(name), sex) for name in STATUS_ORDER]
        return f"{title}: {' · '.join(part for part in details if part)}"
    if entry.type == "NoteAdded":
        text = changes.get("text")
        return f"{title}: {text}" if isinstance(text, str) else title
    parts = []
    for field, value in changes.items():
        if field in FIELDS:
            shown = labels.value_text(field, value, sex) or "—"
            parts.append(f"{labels.field_label(field)}: {shown}")
        elif isinstance(value, str):
            parts.append(value)
    return f"{title}: {'; '.join(parts)}" if parts else title


class HistoryView(Retranslates, QTreeWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setColumnCount(3)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setSectionResizeMode(WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHO, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._entries: list[HistoryEntry] = []
        self._sex: object = None
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.setAccessibleName(self.tr("History"))
        self.show_entries(self._entries, self._sex)

    def show_entries(self, entries: list[HistoryEntry], sex: object = None) -> None:
        self._entries, self._sex = entries, sex
        self.clear()
        for entry in reversed(entries):  # the store gives them oldest first
            what = describe_entry(entry, sex)
            item = QTreeWidgetItem([local_time(entry.when), entry.operator, what])
            item.setToolTip(WHAT, what)
            self.addTopLevelItem(item)

    def lines(self) -> list[str]:
        """What each row says (tests)."""
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item.text(WHAT) for item in items if item is not None]
