"""Boarding at the bus door: a volunteer chooses the transport and scans each band (a keyboard-wedge
scanner types the code and Enter into the scan field). What the scan means is said at once, in
words and colour: boarded (name, seat), not on this manifest (and on which transport they are),
a voided band, someone who said they do not wish to go (asked to confirm: nothing is recorded
until then), already boarded, an unknown code. Only a right scan is recorded
(`services.transports.TransportService.board_scan`). The cursor stays in the scan field after
every outcome, so the next band can be scanned at once."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.dates import day_first
from fieldreg.core.errors import FieldregError
from fieldreg.core.messages import QT_TRANSLATE_NOOP
from fieldreg.services.session import Session
from fieldreg.services.transports import BoardingOutcome, ScanResult, TransportView
from fieldreg.ui import labels
from fieldreg.ui.context import UiContext
from fieldreg.ui.page import Page
from fieldreg.ui.register_page import page_title
from fieldreg.ui.translations import Retranslates

MAX_SCAN: Final = 400
# outcome -> (background, text colour) of the answer
COLOURS: Final = {
    BoardingOutcome.BOARDED: ("#1b7a2f", "white"),
    BoardingOutcome.NOT_ON_MANIFEST: ("#b00020", "white"),
    BoardingOutcome.VOIDED_BAND: ("#b00020", "white"),
    BoardingOutcome.DOES_NOT_WISH: ("#e6a100", "black"),
    BoardingOutcome.ALREADY_BOARDED: ("#1f5fa8", "white"),
    BoardingOutcome.UNKNOWN_CODE: ("#b00020", "white"),
}


# What is said about the person at the door agrees with their recorded sex where the language
# needs it (Ukrainian "Сіла" / "Сів", Russian "Села" / "Сел"); the plain form is for a sex that is
# other or not recorded. The English words are the same in all three.
BOARDED: Final = QT_TRANSLATE_NOOP("BoardingPage", "Boarded: {name}, {seat}")
DOES_NOT_WISH: Final = QT_TRANSLATE_NOOP(
    "BoardingPage",
    "{name} said they do not wish to go. Ask them: nothing is recorded until you confirm "
    "(Ctrl+Enter).",
)
ALREADY_BOARDED: Final = QT_TRANSLATE_NOOP(
    "BoardingPage", "Already boarded: {name}, {seat}. Nothing more recorded."
)
NOT_BOARDED: Final = QT_TRANSLATE_NOOP("BoardingPage", "Not boarded. Nothing was recorded.")
ON_OTHERS: Final = QT_TRANSLATE_NOOP("BoardingPage", "They are on: {transports}.")
ON_NO_OTHER: Final = QT_TRANSLATE_NOOP("BoardingPage", "They are on no other transport.")
# Their female and male forms, for lupdate (labels.agreeing picks the one to show).
_AGREEING_FORMS: Final = (
    QT_TRANSLATE_NOOP("BoardingPage", "Boarded: {name}, {seat}", "female"),
    QT_TRANSLATE_NOOP("BoardingPage", "Boarded: {name}, {seat}", "male"),
    QT_TRANSLATE_NOOP(
        "BoardingPage",
        "{name} said they do not wish to go. Ask them: nothing is recorded until you confirm "
        "(Ctrl+Enter).",
        "female",
    ),
    QT_TRANSLATE_NOOP(
        "BoardingPage",
        "{name} said they do not wish to go. Ask them: nothing is recorded until you confirm "
        "(Ctrl+Enter).",
        "male",
    ),
    QT_TRANSLATE_NOOP(
        "BoardingPage", "Already boarded: {name}, {seat}. Nothing more recorded.", "female"
    ),
    QT_TRANSLATE_NOOP(
        "BoardingPage", "Already boarded: {name}, {seat}. Nothing more recorded.", "male"
    ),
    QT_TRANSLATE_NOOP("BoardingPage", "Not boarded. Nothing was recorded.", "female"),
    QT_TRANSLATE_NOOP("BoardingPage", "Not boarded. Nothing was recorded.", "male"),
    QT_TRANSLATE_NOOP("BoardingPage", "They are on: {transports}.", "female"),
    QT_TRANSLATE_NOOP("BoardingPage", "They are on: {transports}.", "male"),
    QT_TRANSLATE_NOOP("BoardingPage", "They are on no other transport.", "female"),
    QT_TRANSLATE_NOOP("BoardingPage", "They are on no other transport.", "male"),
)


def agreeing(source: str, sex: str | None) -> str:
    return labels.agreeing("BoardingPage", source, sex)


class BoardingPage(Retranslates, Page, QWidget):
    outcome_shown = Signal(str)  # the outcome's code, once it is on screen (tests, bench)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardingPage")
        self._context = context
        self._pending: str | None = None  # the scan of someone asked to confirm
        self._busy = False
        self.result: ScanResult | None = None
        self._title = QLabel()
        page_title(self._title)
        self.transport = QComboBox()
        self.transport.setObjectName("boardingTransport")
        self.transport.currentIndexChanged.connect(self._transport_changed)
        self.scan = QLineEdit()
        self.scan.setObjectName("boardingScan")
        self.scan.setMaxLength(MAX_SCAN)
        self.scan.returnPressed.connect(self._scanned)
        self.answer = QLabel()
        self.answer.setObjectName("boardingAnswer")
        self.answer.setWordWrap(True)
        self.answer.setMinimumHeight(120)
        self.answer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        font = self.answer.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.answer.setFont(font)
        self.confirm = QPushButton()
        self.confirm.setObjectName("boardingConfirm")
        self.confirm.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cursor stays in the scan field
        self.confirm.clicked.connect(self._confirmed)
        self.decline = QPushButton()
        self.decline.setObjectName("boardingDecline")
        self.decline.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.decline.clicked.connect(self._declined)
        self._confirm_key = QShortcut(QKeySequence("Ctrl+Return"), self)
        self._confirm_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._confirm_key.activated.connect(self._confirmed)
        self.counts = QLabel()
        self.counts.setObjectName("boardingCounts")
        self._transport_label = QLabel()
        self._scan_label = QLabel()
        form = QFormLayout()
        form.addRow(self._transport_label, self.transport)
        form.addRow(self._scan_label, self.scan)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm)
        buttons.addWidget(self.decline)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addLayout(form)
        layout.addWidget(self.answer)
        layout.addLayout(buttons)
        layout.addWidget(self.counts)
        layout.addStretch(1)
        self._views: list[TransportView] = []
        context.locked.connect(self.clear_personal_data)
        self._show_pending(False)
        self.retranslateUi()

    # --- transports -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._context.run(lambda s: s.transports().all(), self._listed, self._failed)

    def _listed(self, views: list[TransportView]) -> None:
        chosen = self.transport_id()
        self._views = views
        self.transport.blockSignals(True)
        self.transport.clear()
        for view in views:
            departure = day_first(str(view.fields.get("departure") or ""))
            self.transport.addItem(f"{view.name}  {departure}".strip(), view.transport_id)
        index = self.transport.findData(chosen) if chosen else 0
        self.transport.setCurrentIndex(max(index, 0))
        self.transport.blockSignals(False)
        self._render_counts()

    def transport_id(self) -> str | None:
        data = self.transport.currentData()
        return data if isinstance(data, str) else None

    def choose(self, transport_id: str) -> None:
        index = self.transport.findData(transport_id)
        if index >= 0:
            self.transport.setCurrentIndex(index)

    def _transport_changed(self, _index: int) -> None:
        self._pending = None
        self._show_pending(False)
        self.answer.clear()
        self.answer.setStyleSheet("")
        self._render_counts()
        self.scan.setFocus()

    def _render_counts(self) -> None:
        view = next((v for v in self._views if v.transport_id == self.transport_id()), None)
        if view is None:
            self.counts.setText(self.tr("No transport planned yet: plan one on Transports."))
            return
        boarded = sum(1 for p in view.passengers if p.boarded)
        self.counts.setText(
            self.tr("Boarded: {boarded} of {total}").format(
                boarded=boarded, total=len(view.passengers)
            )
        )

    # --- scanning -------------------------------------------------------------------------------

    def _scanned(self) -> None:
        text = self.scan.text()
        self.scan.clear()
        self.scan.setFocus()
        if not text.strip():
            return
        self._pending = None
        self._show_pending(False)
        self._board(text, confirmed=False)

    def _board(self, text: str, *, confirmed: bool) -> None:
        transport = self.transport_id()
        if transport is None:
            self._render_counts()
            return

        known = list(self._views)  # read here, on the GUI thread

        def call(session: Session) -> tuple[ScanResult, list[TransportView]]:
            transports = session.transports()
            result = transports.board_scan(transport, text, confirmed=confirmed)
            # Only this transport's counts change: the others are kept as listed.
            fresh = transports.get(transport)
            views = [fresh if v.transport_id == transport else v for v in known]
            return result, views

        self._busy = True
        self._context.run(call, lambda done: self._said(text, *done), self._failed)

    def _said(self, text: str, result: ScanResult, views: list[TransportView]) -> None:
        self._busy = False
        self.result = result
        self._views = views
        background, colour = COLOURS[result.outcome]
        self.answer.setStyleSheet(
            f"QLabel#boardingAnswer {{ background: {background}; color: {colour}; "
            "padding: 12px; border-radius: 6px; }"
        )
        self.answer.setText(self._sentence(result))
        if result.outcome is BoardingOutcome.DOES_NOT_WISH:
            self._pending = text
            self._show_pending(True)
        if result.outcome is BoardingOutcome.BOARDED and result.person_id:
            # Recorded (boarded, and departed with the transport): the status bar, the roster
            # and the dashboard count it now.
            self._context.people_changed.emit([result.person_id])
        self._render_counts()
        self.scan.setFocus()
        self.outcome_shown.emit(result.outcome.value)

    def _sentence(self, result: ScanResult) -> str:
        name = result.name or result.person_id or ""
        seat = (
            self.tr("seat {seat}").format(seat=result.seat)
            if result.seat
            else self.tr("no seat given")
        )
        outcome, sex = result.outcome, result.sex
        if outcome is BoardingOutcome.BOARDED:
            return agreeing(BOARDED, sex).format(name=name, seat=seat)
        if outcome is BoardingOutcome.NOT_ON_MANIFEST:
            where = (
                agreeing(ON_OTHERS, sex).format(transports=", ".join(result.other_transports))
                if result.other_transports
                else agreeing(ON_NO_OTHER, sex)
            )
            return self.tr("NOT on this manifest: {name}. {where} Nothing was recorded.").format(
                name=name, where=where
            )
        if outcome is BoardingOutcome.VOIDED_BAND:
            return self.tr(
                "Voided band: {name}. Nothing was recorded: ask for their current band."
            ).format(name=name)
        if outcome is BoardingOutcome.DOES_NOT_WISH:
            return agreeing(DOES_NOT_WISH, sex).format(name=name)
        if outcome is BoardingOutcome.ALREADY_BOARDED:
            return agreeing(ALREADY_BOARDED, sex).format(name=name, seat=seat)
        return self.tr("Unknown code: not a band of this store. Nothing was recorded.")

    def _show_pending(self, shown: bool) -> None:
        self.confirm.setVisible(shown)
        self.decline.setVisible(shown)
        self._confirm_key.setEnabled(shown)

    def _confirmed(self) -> None:
        text = self._pending
        if text is None or self._busy:
            return
        self._pending = None
        self._show_pending(False)
        self._board(text, confirmed=True)
        self.scan.setFocus()

    def _declined(self) -> None:
        self._pending = None
        self._show_pending(False)
        self.answer.setText(agreeing(NOT_BOARDED, self.result.sex if self.result else None))
        self.answer.setStyleSheet("")
        self.scan.setFocus()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        text = (
            self._context.describe(error)
            if isinstance(error, FieldregError)
            else self.tr("Unexpected error.")
        )
        self.answer.setStyleSheet("")
        self.answer.setText(text)
        self.scan.setFocus()

    # --- page -----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._context.session is not None:
            self.refresh()
        self.scan.setFocus()

    def focus_first(self) -> None:
        self.scan.setFocus()

    def clear_personal_data(self) -> None:
        self._pending = None
        self._show_pending(False)
        self.result = None
        self._views = []
        self.scan.clear()
        self.answer.clear()
        self.answer.setStyleSheet("")
        self.transport.clear()
        self.counts.clear()

    def retranslateUi(self) -> None:
        self._title.setText(self.tr("Boarding"))
        self._transport_label.setText(self.tr("&Transport:"))
        self._transport_label.setBuddy(self.transport)
        self._scan_label.setText(self.tr("&Scan band:"))
        self._scan_label.setBuddy(self.scan)
        self.scan.setPlaceholderText(self.tr("Scan each band at the door, or type an ID"))
        self.confirm.setText(self.tr("They go: board (Ctrl+Enter)"))
        self.decline.setText(self.tr("They stay: do not board"))
        if self.result is not None:
            self.answer.setText(self._sentence(self.result))
        self._render_counts()
