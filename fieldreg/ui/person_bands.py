"""The person page's bands: every band printed for the person, newest first, valid or void; and
printing: a band (Ctrl+P; a reprint asks first, because the band now worn becomes void), the
bands of the whole household in one job (Ctrl+Shift+P), tags for belongings (Ctrl+T)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from fieldreg.services.band_codes import band_number
from fieldreg.ui.context import UiContext
from fieldreg.ui.field_widgets import push_button
from fieldreg.ui.print_dialog import BAND, TAGS, PrintDialog, open_print_dialog
from fieldreg.ui.translations import Retranslates


@dataclass(frozen=True, slots=True)
class BandState:
    person_id: str
    bands: dict[str, bool]  # band id -> still valid
    household_id: str | None = None
    household_banded: list[str] = field(default_factory=list)  # members wearing a valid band

    @property
    def valid(self) -> list[str]:
        return [band for band, valid in self.bands.items() if valid]


class BandsBox(Retranslates, QGroupBox):
    printed = Signal(object)  # a job's bands.PrintResult: the page shows the person again

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bandsBox")
        self._context = context
        self._state: BandState | None = None
        self.list = QListWidget()
        self.list.setObjectName("bandList")
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.band_button = push_button()
        self.band_button.clicked.connect(self.print_band)
        self.household_button = push_button()
        self.household_button.clicked.connect(self.print_household)
        self.tags_button = push_button()
        self.tags_button.clicked.connect(self.print_tags)
        buttons = QHBoxLayout()
        for button in (self.band_button, self.household_button, self.tags_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.retranslateUi()
        self.show_state(None)

    def install_shortcuts(self, page: QWidget) -> None:
        for keys, slot in (
            ("Ctrl+P", self.print_band),
            ("Ctrl+Shift+P", self.print_household),
            ("Ctrl+T", self.print_tags),
        ):
            shortcut = QShortcut(QKeySequence(keys), page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def show_state(self, state: BandState | None) -> None:
        self._state = state
        self.setEnabled(state is not None)
        self._render()

    # --- actions ------------------------------------------------------------------------------

    def print_band(self) -> None:
        state = self._usable()
        if state is None:
            return
        if not state.valid:
            self._open([state.person_id], BAND)
            return
        self._confirm(
            self.tr("Reprint the band?"),
            self.tr("Printing a new band voids the band now worn: {bands}.").format(
                bands=", ".join(state.valid)
            ),
            self.tr("Print a new band"),
            lambda: self._open([state.person_id], BAND),
        )

    def print_household(self) -> None:
        state = self._usable()
        if state is None or state.household_id is None:
            return
        household = state.household_id
        if not state.household_banded:
            self._open([household], BAND)
            return
        self._confirm(
            self.tr("Print new bands for the whole household?"),
            self.tr("The band now worn becomes void for: {ids}.").format(
                ids=", ".join(state.household_banded)
            ),
            self.tr("Print new bands"),
            lambda: self._open([household], BAND),
        )

    def print_tags(self) -> None:
        state = self._usable()
        if state is not None:
            self._open([state.person_id], TAGS)

    def _usable(self) -> BandState | None:
        # Shortcuts reach a disabled box too (the page is being edited or loaded).
        return self._state if self.isEnabled() else None

    def _open(self, targets: list[str], kind: str) -> PrintDialog:
        dialog = open_print_dialog(self, self._context, targets, kind)
        dialog.printed.connect(self.printed)
        return dialog

    def _confirm(
        self, title: str, text: str, action: str, then: Callable[[], object]
    ) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("reprintConfirm")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        box.setInformativeText(self.tr("Take the old band off and destroy it."))
        go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(go)
        box.setEscapeButton(back)
        box.finished.connect(lambda _code: then() if box.clickedButton() is go else None)
        box.open()
        return box

    # --- texts --------------------------------------------------------------------------------

    def _render(self) -> None:
        state = self._state
        self.list.clear()
        if state is not None:
            for band in sorted(state.bands, key=band_number, reverse=True):
                word = self.tr("valid") if state.bands[band] else self.tr("void")
                self.list.addItem(f"{band} · {word}")
        if state is not None and not state.bands:
            self.list.addItem(self.tr("No band printed yet."))
        reprint = state is not None and bool(state.valid)
        self.band_button.setText(
            self.tr("Reprint band (Ctrl+P)") if reprint else self.tr("Print band (Ctrl+P)")
        )
        self.household_button.setEnabled(state is not None and state.household_id is not None)

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Bands"))
        self.list.setAccessibleName(self.tr("Bands printed"))
        self.household_button.setText(self.tr("Print household (Ctrl+Shift+P)"))
        self.tags_button.setText(self.tr("Print tags (Ctrl+T)"))
        self._render()
