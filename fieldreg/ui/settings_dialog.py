"""Settings: the language (live: every widget re-words itself), the idle time before locking,
printing (print_settings) and, behind a button, the hub this laptop syncs with (HubDialog).
Saved to settings.json (and printing.json) when accepted; a failure to save is said and the
dialog stays open."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.errors import FieldregError, ValidationError
from fieldreg.services import hub_client
from fieldreg.services.paths import DataDir
from fieldreg.services.settings import IDLE_MINUTES_MAX, IDLE_MINUTES_MIN, Settings
from fieldreg.ui.about_dialog import AboutDialog
from fieldreg.ui.field_widgets import ErrorLabel
from fieldreg.ui.print_settings import PrintSettingsBox
from fieldreg.ui.translations import LANGUAGE_NAMES, Retranslates, system_language

Describe = Callable[[FieldregError], str]


class SettingsDialog(Retranslates, QDialog):
    """`apply(language, idle_minutes)` is called when the volunteer accepts."""

    def __init__(
        self,
        settings: Settings,
        apply: Callable[[str, int], None],
        describe: Describe,
        parent: QWidget | None = None,
        *,
        print_dir: DataDir | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._settings = settings
        self._apply = apply
        self._describe = describe
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        self.language.addItem("", "system")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idleMinutes")
        self.idle_minutes.setRange(IDLE_MINUTES_MIN, IDLE_MINUTES_MAX)
        self.idle_minutes.setValue(settings.idle_lock_minutes)
        self._language_label, self._idle_label = QLabel(), QLabel()
        self._language_label.setBuddy(self.language)
        self._idle_label.setBuddy(self.idle_minutes)
        self._note = QLabel()
        self._note.setWordWrap(True)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.about_button = QPushButton()
        self.about_button.setObjectName("aboutButton")
        self.about_button.setAutoDefault(False)
        self.about_button.clicked.connect(self.show_about)
        self.buttons.addButton(self.about_button, QDialogButtonBox.ButtonRole.HelpRole)
        self.about: AboutDialog | None = None
        self.hub_button = QPushButton()
        self.hub_button.setObjectName("hubButton")
        self.hub_button.setAutoDefault(False)
        self.hub_button.clicked.connect(self.show_hub)
        self.buttons.addButton(self.hub_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.hub: HubDialog | None = None
        form = QFormLayout()
        form.addRow(self._language_label, self.language)
        form.addRow(self._idle_label, self.idle_minutes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._note)
        self.printing = PrintSettingsBox(print_dir, describe) if print_dir is not None else None
        if self.printing is not None:
            layout.addWidget(self.printing)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslateUi()
        self.setMinimumWidth(self.sizeHint().width() + 80)

    def accept(self) -> None:
        language = str(self.language.currentData())
        minutes = self.idle_minutes.value()
        previous = (self._settings.language, self._settings.idle_lock_minutes)
        self._settings.language = language
        self._settings.idle_lock_minutes = minutes
        try:
            if self.printing is not None:
                self.printing.save()
            self._settings.save()
        except FieldregError as error:
            self._settings.language, self._settings.idle_lock_minutes = previous
            self.error.show_text(partial(self._describe, error))
            return
        self._apply(language, minutes)
        super().accept()

    def show_about(self) -> None:
        """The about box, window-modal over these settings (one at a time)."""
        if self.about is None:
            self.about = AboutDialog(self)
        self.about.open()

    def show_hub(self) -> HubDialog:
        """The hub's address and certificate, window-modal over these settings."""
        if self.hub is None:
            self.hub = HubDialog(self._settings, self._describe, self)
        self.hub.open()
        return self.hub

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.about_button.setText(self.tr("&About fieldreg…"))
        self.hub_button.setText(self.tr("Hu&b…"))
        system = LANGUAGE_NAMES[system_language()]
        self.language.setItemText(0, self.tr("As the system ({language})").format(language=system))
        self._language_label.setText(self.tr("&Language"))
        self.language.setAccessibleName(self.tr("Language"))
        self._idle_label.setText(self.tr("Loc&k after no input for"))
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setAccessibleName(self.tr("Minutes without input before locking"))
        self._note.setText(
            self.tr(
                "Locking hides everything personal until the passphrase is typed again. "
                "Unsaved input in a form is kept and comes back after unlocking."
            )
        )


class HubDialog(Retranslates, QDialog):
    """The hub this laptop syncs with: its address and the SHA-256 of its certificate (both, or
    neither: files only). Saved to settings.json when accepted."""

    def __init__(self, settings: Settings, describe: Describe, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("hubDialog")
        self._settings = settings
        self._describe = describe
        self.hub_address = QLineEdit(settings.hub_address)
        self.hub_address.setObjectName("hubAddress")
        self.hub_pin = QLineEdit(settings.hub_certificate_sha256)
        self.hub_pin.setObjectName("hubCertificate")
        self.hub_pin.setMinimumWidth(self.hub_pin.fontMetrics().horizontalAdvance("0" * 66))
        self._hub_label, self._pin_label = QLabel(), QLabel()
        self._hub_label.setBuddy(self.hub_address)
        self._pin_label.setBuddy(self.hub_pin)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self._hub_label, self.hub_address)
        form.addRow(self._pin_label, self.hub_pin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslateUi()

    def _values(self) -> tuple[str, str]:
        """(address, pin) as typed and checked; both empty: no hub (sync by files only)."""
        address, pin = self.hub_address.text().strip(), self.hub_pin.text().strip()
        if not address and not pin:
            return "", ""
        if not address or not pin:
            raise ValidationError("hub_address", "hub.pin_incomplete")
        return hub_client.check_address(address), hub_client.check_pin(pin)

    def accept(self) -> None:
        settings = self._settings
        previous = settings.hub_address, settings.hub_certificate_sha256
        try:
            settings.hub_address, settings.hub_certificate_sha256 = self._values()
            settings.save()
        except FieldregError as error:
            settings.hub_address, settings.hub_certificate_sha256 = previous
            self.error.show_text(partial(self._describe, error))
            return
        super().accept()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Hub"))
        self._hub_label.setText(self.tr("&Hub address"))
        self.hub_address.setPlaceholderText(self.tr("host:port, empty: sync by files only"))
        self.hub_address.setAccessibleName(self.tr("Hub address"))
        self._pin_label.setText(self.tr("Hub &certificate"))
        self.hub_pin.setPlaceholderText(self.tr("SHA-256 the coordinator reads out"))
        self.hub_pin.setAccessibleName(self.tr("Hub certificate fingerprint"))
