"""Open conflicts side by side: for each person and field, the values written at the same time at
different points, each with where and when it was written and a button that keeps it.

The panel only shows and asks; the coordinator page settles the choice on the worker and shows
the panel again. Tab goes from button to button, Enter or Space presses one.
"""

from __future__ import annotations

from typing import Final

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldreg.services.sync_desk import Competing, ConflictDetail
from fieldreg.ui import dates, labels
from fieldreg.ui.field_widgets import push_button
from fieldreg.ui.translations import Retranslates

MAX_SHOWN: Final = 100  # more are settled in batches: each choice shows the next


def written_at(when_ms: int) -> str:
    return dates.date_time_ms(when_ms)


class ConflictPanel(Retranslates, QScrollArea):
    chosen = Signal(str, str, object)  # person id, field, the value to keep
    open_person = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflicts")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._conflicts: list[ConflictDetail] = []
        self._names: dict[str, str] = {}
        self._inner = QWidget()
        self._layout = QVBoxLayout(self._inner)
        self.setWidget(self._inner)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.buttons: list[QPushButton] = []  # every "keep" button, in order (tests)
        self.show_conflicts([], {})

    def show_conflicts(self, conflicts: list[ConflictDetail], names: dict[str, str]) -> None:
        """`names`: person id -> the name to show (read with the conflicts)."""
        self._conflicts, self._names = conflicts, names
        self._rebuild()

    @property
    def conflicts(self) -> list[ConflictDetail]:
        return self._conflicts

    def _rebuild(self) -> None:
        focused = self._inner.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.empty:
                shiboken6.delete(widget)  # now: no name may linger until the next event loop
        self.buttons = []
        self._layout.addWidget(self.empty)
        self.empty.setVisible(not self._conflicts or len(self._conflicts) > MAX_SHOWN)
        if not self._conflicts:
            self.empty.setText(self.tr("No open conflicts."))
        else:
            self.empty.setText(
                self.tr("Shown: the first {shown} of {count} conflicts.").format(
                    shown=MAX_SHOWN, count=len(self._conflicts)
                )
            )
        for conflict in self._conflicts[:MAX_SHOWN]:
            self._layout.addWidget(self._group(conflict))
        self._layout.addStretch(1)
        if focused and self.buttons:
            self.buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _group(self, conflict: ConflictDetail) -> QGroupBox:
        field = labels.field_label(conflict.field)
        name = self._names.get(conflict.person_id, "")
        box = QGroupBox(
            self.tr("{name} · {id} · {field}").format(name=name, id=conflict.person_id, field=field)
        )
        row = QHBoxLayout(box)
        for value in conflict.values:
            row.addWidget(self._column(conflict, value, field), 1)
        opener = push_button()
        opener.setText(self.tr("Open person"))
        opener.setAccessibleName(self.tr("Open {name}").format(name=name or conflict.person_id))
        opener.clicked.connect(lambda: self.open_person.emit(conflict.person_id))
        row.addWidget(opener, 0, Qt.AlignmentFlag.AlignBottom)
        return box

    def _column(self, conflict: ConflictDetail, value: Competing, field: str) -> QFrame:
        shown = labels.value_text(conflict.field, value.value) or "—"
        column = QFrame()
        column.setFrameShape(QFrame.Shape.StyledPanel)
        text = QLabel(shown)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        font = text.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        text.setFont(font)
        origin = self.tr("Written at {device} ({prefix}), {when}").format(
            device=value.device or value.prefix, prefix=value.prefix, when=written_at(value.when_ms)
        )
        if value.current:
            origin += "\n" + self.tr("Shown now, until you choose")
        where = QLabel(origin)
        where.setWordWrap(True)
        keep = push_button()
        keep.setText(self.tr("Keep this value"))
        keep.setAccessibleName(
            self.tr("Keep “{value}” as {field}").format(value=shown, field=field)
        )
        keep.clicked.connect(
            lambda: self.chosen.emit(conflict.person_id, conflict.field, value.value)
        )
        self.buttons.append(keep)
        layout = QVBoxLayout(column)
        layout.addWidget(text)
        layout.addWidget(where)
        layout.addStretch(1)
        layout.addWidget(keep, 0, Qt.AlignmentFlag.AlignLeft)
        return column

    def retranslateUi(self) -> None:
        self._rebuild()
