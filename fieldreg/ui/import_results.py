"""What each file of the last import did (the receipts): its device, its range of events, how
many were new, and the outcome in words: imported (with overlap, held bundles released and people
in conflict), already imported, held until a missing bundle arrives, or rejected with its reason.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from fieldreg.core.errors import FieldregError
from fieldreg.services.bundle_import import FileOutcome
from fieldreg.ui.context import UiContext
from fieldreg.ui.translations import Retranslates

RESULT = 4  # the column that says what happened


def device_text(name: str, prefix: str) -> str:
    return f"{name} ({prefix})" if name else prefix


def plain_table(columns: int, table: QTreeWidget | None = None) -> QTreeWidget:
    """A read-only list of rows sized to their contents (`table`, or a new one)."""
    table = table if table is not None else QTreeWidget()
    table.setColumnCount(columns)
    table.setRootIsDecorated(False)
    table.setWordWrap(True)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.header()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class ImportResults(Retranslates, QTreeWidget):
    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self._context = context
        self._outcomes: list[FileOutcome] = []
        self._devices: dict[str, tuple[str, str]] = {}  # device id -> (name, prefix)
        plain_table(5, self)
        self.retranslateUi()

    def show_outcomes(
        self, outcomes: list[FileOutcome], devices: dict[str, tuple[str, str]]
    ) -> None:
        self._outcomes, self._devices = outcomes, devices
        self._render()

    @property
    def outcomes(self) -> list[FileOutcome]:
        return self._outcomes

    def summary(self) -> str:
        """One line about the last import ("" before any)."""
        if not self._outcomes:
            return ""
        results = [o.result for o in self._outcomes if o.result is not None]
        return self.tr(
            "Last import: files {files} · imported {imported} · rejected {rejected} · "
            "people in conflict {conflicts}"
        ).format(
            files=len(self._outcomes),
            imported=sum(o.applied for o in self._outcomes),
            rejected=sum(o.error is not None for o in self._outcomes),
            conflicts=sum(len(r.conflicts) for r in results),
        )

    def retranslateUi(self) -> None:
        self.setHeaderLabels(
            [
                self.tr("File"),
                self.tr("Device"),
                self.tr("Events"),
                self.tr("New"),
                self.tr("Result"),
            ]
        )
        self.setAccessibleName(self.tr("Import results"))
        self._render()

    def _render(self) -> None:
        self.clear()
        for outcome in self._outcomes:
            result = outcome.result
            if result is not None:
                name, prefix = self._devices.get(result.device_id, ("", result.device_id[:8]))
                cells = [
                    outcome.path.name,
                    device_text(name, prefix),
                    f"{result.first}–{result.last}",
                    str(result.applied),
                    self._result_text(outcome),
                ]
            else:
                cells = [outcome.path.name, "—", "—", "0", self._result_text(outcome)]
            item = QTreeWidgetItem(cells)
            item.setToolTip(RESULT, cells[RESULT])
            self.addTopLevelItem(item)

    def _result_text(self, outcome: FileOutcome) -> str:
        parts = []
        result = outcome.result
        if outcome.replayed:
            parts.append(self.tr("Already imported: nothing changed."))
        elif outcome.held:
            parts.append(self.tr("Held until the bundle before it arrives."))
        elif result is not None:
            count = result.last - result.first + 1
            parts.append(self.tr("Imported."))
            if result.applied < count and not result.released:
                parts.append(
                    self.tr("Events that were here already: {known}.").format(
                        known=count - result.applied
                    )
                )
            if result.released:
                parts.append(
                    self.tr("Held bundles applied too: {count}.").format(count=len(result.released))
                )
            if result.conflicts:
                parts.append(
                    self.tr("People in conflict: {count}.").format(count=len(result.conflicts))
                )
        if outcome.error is not None:
            reason = self._context.describe(outcome.error)
            parts.append(
                self.tr("Rejected, moved to quarantine: {reason}").format(reason=reason)
                if outcome.rejected is not None
                else self.tr("Rejected: {reason}").format(reason=reason)
            )
        for held in outcome.held_rejected:
            reason = self._context.describe(FieldregError(held.code, **held.params))
            parts.append(self.tr("A held bundle was rejected: {reason}").format(reason=reason))
        return " ".join(parts)
