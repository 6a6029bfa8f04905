"""Which column of a CSV or XLSX list of sought persons holds what: proposed from the header
(English, Ukrainian or Russian names), confirmed or changed by the coordinator before anything
is imported. Only the header is shown, never a person's values."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fieldreg.services.reconciliation import MAPPING_FIELDS
from fieldreg.ui import labels
from fieldreg.ui.field_widgets import ErrorLabel
from fieldreg.ui.translations import Retranslates

NOT_IN_LIST = -1


class ListMappingDialog(Retranslates, QDialog):
    def __init__(
        self,
        header: Sequence[str],
        proposal: Mapping[str, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("listMappingDialog")
        self._header = tuple(header)
        self._intro = QLabel()
        self._intro.setWordWrap(True)
        self._error = ErrorLabel()
        self.combos: dict[str, QComboBox] = {}
        self._form = QFormLayout()
        self._labels: dict[str, QLabel] = {}
        for field in MAPPING_FIELDS:
            combo = QComboBox()
            combo.setObjectName(f"map_{field}")
            combo.addItem("", NOT_IN_LIST)
            for column, name in enumerate(self._header):
                combo.addItem(name, column)
            wanted = proposal.get(field, NOT_IN_LIST)
            combo.setCurrentIndex(max(0, combo.findData(wanted)))
            self.combos[field] = combo
            label = QLabel()
            label.setBuddy(combo)
            self._labels[field] = label
            self._form.addRow(label, combo)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self._accept_if_named)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addLayout(self._form)
        layout.addWidget(self._error)
        layout.addWidget(self._buttons)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Columns of the list"))
        self._intro.setText(
            self.tr("Check which column holds what. Nothing is imported until you confirm.")
        )
        for field, label in self._labels.items():
            label.setText(labels.label(labels.LIST_FIELD, field))
        self.combos_none_text(self.tr("(not in the list)"))

    def combos_none_text(self, text: str) -> None:
        for combo in self.combos.values():
            combo.setItemText(0, text)

    def mapping(self) -> dict[str, int]:
        chosen = {f: int(c.currentData()) for f, c in self.combos.items()}
        return {f: column for f, column in chosen.items() if column != NOT_IN_LIST}

    def _accept_if_named(self) -> None:
        mapping = self.mapping()
        if not ({"family", "full_name"} & set(mapping)):
            self._error.show_text(
                lambda: self.tr("Choose the column of the family name (or of the full name).")
            )
            return
        if len(set(mapping.values())) != len(mapping):
            self._error.show_text(lambda: self.tr("Choose each column for one field only."))
            return
        self.accept()
