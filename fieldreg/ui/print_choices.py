"""The words for what printing offers (label stocks, the fields a label may show) and the printers
Qt knows, shared by the print dialog and the printing part of the settings."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QComboBox

from fieldreg.core.messages import QT_TRANSLATE_NOOP
from fieldreg.services import print_options
from fieldreg.ui import labels

STOCK_TITLES: Final[dict[str, str]] = {
    "band-adult-203": QT_TRANSLATE_NOOP("PrintChoices", "Wristband, adult (25 × 254 mm), 203 dpi"),
    "band-adult-300": QT_TRANSLATE_NOOP("PrintChoices", "Wristband, adult (25 × 254 mm), 300 dpi"),
    "band-child-203": QT_TRANSLATE_NOOP("PrintChoices", "Wristband, child (25 × 178 mm), 203 dpi"),
    "band-child-300": QT_TRANSLATE_NOOP("PrintChoices", "Wristband, child (25 × 178 mm), 300 dpi"),
    "tags-a4": QT_TRANSLATE_NOOP("PrintChoices", "A4 sheet of 24 tags (70 × 37 mm)"),
}
# Fields of the summary keep their own labels; these two are not fields.
_SHOWN_TITLES: Final[dict[str, str]] = {
    "birth_year": QT_TRANSLATE_NOOP("PrintChoices", "Year of birth"),
    "needs_mark": QT_TRANSLATE_NOOP("PrintChoices", "Needs mark (a black “!”: ask about needs)"),
}


def stock_title(name: str) -> str:
    source = STOCK_TITLES.get(name)
    if source:
        return QCoreApplication.translate("PrintChoices", source)
    return print_options.stock_choice(name).title


def shown_title(name: str) -> str:
    source = _SHOWN_TITLES.get(name)
    return (
        QCoreApplication.translate("PrintChoices", source) if source else labels.field_label(name)
    )


def stock_names(*, bands_only: bool | None = None) -> list[str]:
    """The stocks offered: all, only bands (True) or only sheets of tags (False)."""
    return [stock.name for stock in print_options.stock_choices(bands_only=bands_only)]


def fill_stocks(combo: QComboBox, names: list[str], current: str) -> None:
    """One item per stock (its name as data), `current` chosen when offered."""
    combo.clear()
    for name in names:
        combo.addItem(stock_title(name), name)
    combo.setCurrentIndex(max(0, combo.findData(current)))


def retranslate_stocks(combo: QComboBox) -> None:
    for index in range(combo.count()):
        combo.setItemText(index, stock_title(str(combo.itemData(index))))


def printer_names(also: str | None = None) -> list[str]:
    """The system's printers (CUPS queues, Windows printers), and `also` if Qt does not list it."""
    names = list(QPrinterInfo.availablePrinterNames())
    if also and also not in names:
        names.append(also)
    return names


def default_printer(chosen: str | None) -> str | None:
    """The printer of the settings, else the system's default, else none."""
    return chosen or QPrinterInfo.defaultPrinterName() or None
