"""The printing part of the settings: the default stock and printer, how bands reach a thermal
printer, what a label shows besides the ID (the privacy-minded default: given name and household
only), and tags per person. Kept in printing.json in the store's folder, which holds nothing
personal, so it can be changed while the store is locked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.errors import FieldregError
from fieldreg.services import bands, print_options
from fieldreg.services.paths import DataDir
from fieldreg.ui.field_widgets import ErrorLabel
from fieldreg.ui.print_choices import (
    fill_stocks,
    printer_names,
    retranslate_stocks,
    shown_title,
    stock_names,
)
from fieldreg.ui.translations import Retranslates


class PrintSettingsBox(Retranslates, QGroupBox):
    def __init__(
        self,
        data_dir: DataDir,
        describe: Callable[[FieldregError], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printSettings")
        self._data_dir = data_dir
        self.error = ErrorLabel()
        self._loaded, failure = print_options.print_settings_or_defaults(data_dir)
        if failure is not None:
            unread = failure  # narrowed for the lambda, which words it again on a language change
            self.error.show_text(lambda: describe(unread))
        self._damaged = self.error.has_error  # saving writes the file again, whole
        loaded = self._loaded
        self.stock = QComboBox()
        self.stock.setObjectName("defaultStock")
        fill_stocks(self.stock, stock_names(), loaded.stock)
        self.printer = QComboBox()
        self.printer.setObjectName("defaultPrinter")
        self.printer.addItem("", None)
        for name in printer_names(loaded.printer):
            self.printer.addItem(name, name)
        self.printer.setCurrentIndex(max(0, self.printer.findData(loaded.printer)))
        self.zpl = QCheckBox()
        self.zpl.setChecked(loaded.band_output == "zpl")
        self.shown = {name: QCheckBox() for name in print_options.SHOWABLE}
        for name, box in self.shown.items():
            box.setObjectName(f"shown_{name}")
            box.setChecked(name in loaded.shown)
        self.tag_copies = QSpinBox()
        self.tag_copies.setRange(1, print_options.MAX_TAG_COPIES)
        self.tag_copies.setValue(loaded.tag_copies)
        self.child_age = QSpinBox()
        self.child_age.setObjectName("childBandAge")
        self.child_age.setRange(0, print_options.MAX_CHILD_BAND_AGE)
        self.child_age.setValue(loaded.child_band_under)
        keys = ("stock", "printer", "child", "shown", "copies")
        self._captions = {key: QLabel() for key in keys}
        form = QFormLayout()
        for key, field in (("stock", self.stock), ("printer", self.printer)):
            self._captions[key].setBuddy(field)
            form.addRow(self._captions[key], field)
        form.addRow("", self.zpl)
        self._captions["child"].setBuddy(self.child_age)
        form.addRow(self._captions["child"], self.child_age)
        shown = QVBoxLayout()
        shown.setSpacing(2)
        for box in self.shown.values():
            shown.addWidget(box)
        form.addRow(self._captions["shown"], shown)
        self._captions["copies"].setBuddy(self.tag_copies)
        form.addRow(self._captions["copies"], self.tag_copies)
        self._never = QLabel()
        self._never.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._never)
        layout.addWidget(self.error)
        self.retranslateUi()

    def chosen(self) -> dict[str, object]:
        """What the box shows, as the settings' values (checked when applied)."""
        return {
            "stock": str(self.stock.currentData()),
            "printer": self.printer.currentData(),
            "band_output": "zpl" if self.zpl.isChecked() else "system",
            "shown": [name for name, box in self.shown.items() if box.isChecked()],
            "tag_copies": self.tag_copies.value(),
            "child_band_under": self.child_age.value(),
        }

    def save(self) -> None:
        """Write printing.json if anything changed (FieldregError when it cannot be written)."""
        chosen = self._loaded.changed(**self.chosen())
        if chosen != self._loaded or self._damaged:
            bands.save_print_settings(self._data_dir, chosen)
            self._loaded, self._damaged = chosen, False

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Printing"))
        self._captions["stock"].setText(self.tr("Default &stock"))
        self._captions["printer"].setText(self.tr("Default &printer"))
        self._captions["shown"].setText(self.tr("Labels show, besides the ID"))
        self._captions["copies"].setText(self.tr("&Tags per person"))
        self.stock.setAccessibleName(self.tr("Default stock"))
        retranslate_stocks(self.stock)
        self.printer.setAccessibleName(self.tr("Default printer"))
        self.printer.setItemText(0, self.tr("None: choose when printing"))
        self.zpl.setText(self.tr("Send bands as &ZPL (thermal band printers)"))
        for name, box in self.shown.items():
            box.setText(shown_title(name))
        self.tag_copies.setAccessibleName(self.tr("Tags per person"))
        self._captions["child"].setText(self.tr("C&hild band below the age of"))
        self.child_age.setAccessibleName(self.tr("Child band below the age of"))
        self.child_age.setSpecialValueText(self.tr("Never"))
        self._never.setText(
            self.tr(
                "Family names, dates of birth, phone numbers and notes are never printed. "
                "The QR code holds only the ID."
            )
        )
