"""Planning or editing a transport: kind, name or number, route, border crossing, planned
departure, receiving party, capacity, where it leaves from. Checked by the service; its error is
shown under the fields and the dialog stays open."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.dates import day_first
from fieldreg.core.entities import TransportKind
from fieldreg.core.errors import FieldregError
from fieldreg.services.session import Session
from fieldreg.ui import labels
from fieldreg.ui.context import UiContext
from fieldreg.ui.translations import Retranslates

TEXT_FIELDS = (
    "name",
    "route",
    "border_crossing",
    "departure",
    "receiving_party",
    "capacity",
    "point",
)


class TransportDialog(Retranslates, QDialog):
    def __init__(
        self,
        context: UiContext,
        transport_id: str | None = None,
        fields: Mapping[str, object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transportDialog")
        self._context = context
        self.transport_id = transport_id
        self.saved_id: str | None = None
        self.kind = QComboBox()
        for kind in TransportKind:
            self.kind.addItem("", kind.value)
        self.inputs = {name: QLineEdit() for name in TEXT_FIELDS}
        self._labels = {name: QLabel() for name in ("kind", *TEXT_FIELDS)}
        form = QFormLayout()
        form.addRow(self._labels["kind"], self.kind)
        for name, widget in self.inputs.items():
            widget.setObjectName(f"transport_{name}")
            form.addRow(self._labels[name], widget)
        self.error = QLabel()
        self.error.setObjectName("transportError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for name, value in (fields or {}).items():
            if name == "kind":
                self.kind.setCurrentIndex(max(0, self.kind.findData(value)))
            elif name in self.inputs and isinstance(value, str):
                self.inputs[name].setText(day_first(value) if name == "departure" else value)
        self.retranslateUi()

    def values(self) -> dict[str, object]:
        result: dict[str, object] = {"kind": self.kind.currentData()}
        for name, widget in self.inputs.items():
            result[name] = widget.text()
        return result

    def save(self) -> None:
        values = self.values()
        transport_id = self.transport_id

        def call(session: Session) -> str:
            transports = session.transports()
            if transport_id is None:
                return transports.plan(values)
            transports.edit(transport_id, values)
            return transport_id

        self.buttons.setEnabled(False)
        self._context.run(call, self._saved, self._failed)

    def _saved(self, transport_id: str) -> None:
        self.buttons.setEnabled(True)
        self.saved_id = transport_id
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(error, FieldregError):
            raise error
        self.error.setText(self._context.describe(error))

    def retranslateUi(self) -> None:
        self.setWindowTitle(
            self.tr("Plan a transport") if self.transport_id is None else self.tr("Transport")
        )
        for index in range(self.kind.count()):
            self.kind.setItemText(
                index, labels.label(labels.TRANSPORT_KIND, str(self.kind.itemData(index)))
            )
        for name, label in self._labels.items():
            label.setText(labels.field_label(name) + ":")
        self.inputs["departure"].setPlaceholderText(self.tr("DD.MM.YYYY HH:MM"))
