"""First run: create a store (point, operator, passphrase twice with a strength hint), show the
recovery key once, and make the volunteer type two of its groups (chosen at random) before going
on, so a key that was not written down is noticed now rather than on the day it is needed.
Or create a coordinator hub: the same, plus the network passphrase (twice) that protects the new
network's root signing key, as `fieldreg network create` asks; its fingerprint is shown with the
recovery key, to be read out to every laptop that enrolls. Or open an existing store: a folder,
or a coordinator's store on a PostgreSQL server by its address (postgresql://user@host/db, checked
before use; a password is never part of it: the server's own authentication supplies one, or,
when the server asks, the password field below the address, held in memory for this run).

The store is created, and a server asked whether it holds one, on the worker (the passphrase KDF
is calibrated, about 1-2 s, twice for a hub). No session is opened here: once the key is
confirmed the volunteer unlocks with the new passphrase, which also proves they can type it.
"""

from __future__ import annotations

import secrets
from functools import partial
from pathlib import Path
from typing import Final

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldreg.core.errors import FieldregError, StoreError, ValidationError
from fieldreg.core.passphrases import check_passphrase
from fieldreg.core.recovery_key import GROUPS
from fieldreg.services import enrollment_service, server_store, vault
from fieldreg.services.paths import DataDir
from fieldreg.ui import labels
from fieldreg.ui.context import UiContext
from fieldreg.ui.field_widgets import ErrorLabel, StrengthHint, push_button
from fieldreg.ui.recovery_key_view import RecoveryKeyView, group_matches
from fieldreg.ui.server_password import ServerPassword
from fieldreg.ui.translations import Retranslates

CHOOSE, CREATE, KEY, CONFIRM = range(4)
PAGE_WIDTH: Final = 640
_PASSWORD: Final = QLineEdit.EchoMode.Password
_FIELDS: Final = ("point", "operator", "passphrase", "repeat", "network", "network_repeat")


def _heading(scale: float = 1.6) -> QLabel:
    label = QLabel()
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def _text() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    return label


class _Steps(QObject):
    """Progress of a hub's creation: emitted on the worker, shown on the GUI thread."""

    moved = Signal(int, int)


class FirstRunWizard(Retranslates, QWidget):
    created = Signal(str)  # the operator id of the new store, once its recovery key is confirmed
    store_opened = Signal(object)  # a DataDir chosen with "open an existing store" (or server)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self._context = context
        self._recovery_key: str | None = None
        self._operator_id = ""
        self._asked: tuple[int, int] = (1, 2)
        self._busy = False
        self._asking_server = False
        self.hub = False  # creating a coordinator hub rather than a reception point's store
        self._fingerprint = ""
        self._steps = _Steps(self)
        self.steps = QStackedWidget()
        self.steps.addWidget(self._build_choose())
        self.steps.addWidget(self._build_create())
        self.steps.addWidget(self._build_key())
        self.steps.addWidget(self._build_confirm())
        column = QWidget()
        column.setMaximumWidth(PAGE_WIDTH)
        QVBoxLayout(column).addWidget(self.steps)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 4)
        outer.addStretch(1)
        self._show_hub_rows()
        self.retranslateUi()
        self.go(CHOOSE)

    # --- steps ------------------------------------------------------------------------------

    def _build_choose(self) -> QWidget:
        page = QWidget()
        self._welcome = _heading()
        self._welcome_text = _text()
        self.new_button = push_button()
        self.new_button.setObjectName("newStoreButton")
        self.new_button.setDefault(True)
        self.hub_button = push_button()
        self.hub_button.setObjectName("newHubButton")
        self._hub_text = _text()
        self.open_button = push_button()
        self.open_button.setObjectName("openStoreButton")
        self._folder = _text()
        self._folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_error = ErrorLabel()
        self._server_label = QLabel()
        self.server_field = QLineEdit()
        self.server_field.setObjectName("serverAddressField")
        self.server_field.setMaxLength(server_store.ADDRESS_MAX)
        self._server_label.setBuddy(self.server_field)
        self.server_button = push_button()
        self.server_button.setObjectName("openServerButton")
        self._server_text = _text()
        self.server_busy = QProgressBar()
        self.server_busy.setRange(0, 0)
        self.server_busy.hide()
        self.server_error = ErrorLabel()
        self.server_password = ServerPassword(self._context)
        self.server_password.opened.connect(self.store_opened)
        layout = QVBoxLayout(page)
        for widget in (self._welcome, self._welcome_text, self.new_button, self._folder):
            layout.addWidget(widget)
        layout.addSpacing(12)
        layout.addWidget(self.hub_button)
        layout.addWidget(self._hub_text)
        layout.addSpacing(12)
        layout.addWidget(self.open_button)
        layout.addWidget(self.open_error)
        layout.addSpacing(12)
        layout.addWidget(self._server_label)
        server_row = QHBoxLayout()
        server_row.addWidget(self.server_field, 1)
        server_row.addWidget(self.server_button)
        layout.addLayout(server_row)
        layout.addWidget(self._server_text)
        layout.addWidget(self.server_busy)
        layout.addWidget(self.server_error)
        layout.addWidget(self.server_password)
        layout.addStretch(1)
        self.new_button.clicked.connect(lambda: self.start_creating(hub=False))
        self.hub_button.clicked.connect(lambda: self.start_creating(hub=True))
        self.open_button.clicked.connect(self._open_existing)
        self.server_field.returnPressed.connect(self.open_server)
        self.server_button.clicked.connect(self.open_server)
        return page

    def _build_create(self) -> QWidget:
        page = QWidget()
        self._create_title = _heading()
        self._create_text = _text()
        self.point = QLineEdit()
        self.point.setObjectName("pointField")
        self.point.setMaxLength(vault.POINT_MAX)
        self.operator = QLineEdit()
        self.operator.setObjectName("operatorField")
        self.operator.setMaxLength(vault.OPERATOR_MAX)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphraseField")
        self.passphrase.setEchoMode(_PASSWORD)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeatField")
        self.repeat.setEchoMode(_PASSWORD)
        self.network = QLineEdit()
        self.network.setObjectName("networkPassphraseField")
        self.network.setEchoMode(_PASSWORD)
        self.network_repeat = QLineEdit()
        self.network_repeat.setObjectName("networkRepeatField")
        self.network_repeat.setEchoMode(_PASSWORD)
        self.strength = StrengthHint()
        self.errors = {name: ErrorLabel() for name in _FIELDS}
        self.create_button = push_button()
        self.create_button.setObjectName("createButton")
        self.create_back = push_button()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        self._busy_text = _text()
        self._busy_text.hide()
        self.general_error = ErrorLabel()
        form = self._create_form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self._form_labels = {name: QLabel() for name in _FIELDS}
        for name, field in self._fields().items():
            self._form_labels[name].setBuddy(field)
            form.addRow(self._form_labels[name], field)
            if name == "passphrase":
                form.addRow(self.strength)
            form.addRow(self.errors[name])
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_back)
        layout = QVBoxLayout(page)
        layout.addWidget(self._create_title)
        layout.addWidget(self._create_text)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.busy)
        layout.addWidget(self._busy_text)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        self.point.returnPressed.connect(self.operator.setFocus)
        self.operator.returnPressed.connect(self.passphrase.setFocus)
        self.passphrase.returnPressed.connect(self.repeat.setFocus)
        self.repeat.returnPressed.connect(
            lambda: self.network.setFocus() if self.hub else self._create()
        )
        self.network.returnPressed.connect(self.network_repeat.setFocus)
        self.network_repeat.returnPressed.connect(self._create)
        self._steps.moved.connect(self._moved)
        self.passphrase.textChanged.connect(self.strength.update_for)
        self.create_button.clicked.connect(self._create)
        self.create_back.clicked.connect(lambda: self.go(CHOOSE))
        return page

    def _fields(self) -> dict[str, QLineEdit]:
        return {
            "point": self.point,
            "operator": self.operator,
            "passphrase": self.passphrase,
            "repeat": self.repeat,
            "network": self.network,
            "network_repeat": self.network_repeat,
        }

    def start_creating(self, *, hub: bool) -> None:
        """The form for a reception point's store, or for a coordinator hub (two more fields)."""
        self.hub = hub
        self._show_hub_rows()
        for label in (*self.errors.values(), self.general_error):
            label.clear_error()
        self.retranslateUi()
        self.go(CREATE)

    def _show_hub_rows(self) -> None:
        for name in ("network", "network_repeat"):
            for widget in (self._fields()[name], self.errors[name]):
                self._create_form.setRowVisible(widget, self.hub)

    def _build_key(self) -> QWidget:
        page = QWidget()
        self._key_title = _heading()
        self._key_text = _text()
        self.key_view = RecoveryKeyView()
        self.fingerprint = _text()
        self.fingerprint.setObjectName("networkFingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.written_button = push_button()
        self.written_button.setObjectName("writtenButton")
        self.written_button.setDefault(True)
        layout = QVBoxLayout(page)
        for widget in (
            self._key_title,
            self._key_text,
            self.key_view,
            self.fingerprint,
            self.written_button,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.written_button.clicked.connect(lambda: self.go(CONFIRM))
        return page

    def _build_confirm(self) -> QWidget:
        page = QWidget()
        self._confirm_title = _heading()
        self._confirm_text = _text()
        self.group_fields = (QLineEdit(), QLineEdit())
        self._group_labels = (QLabel(), QLabel())
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for index, (label, field) in enumerate(
            zip(self._group_labels, self.group_fields, strict=True)
        ):
            field.setObjectName(f"groupField{index + 1}")
            field.setMaxLength(12)
            field.setFont(QFont("monospace"))
            label.setBuddy(field)
            form.addRow(label, field)
        self.confirm_error = ErrorLabel()
        self.confirm_button = push_button()
        self.confirm_button.setObjectName("confirmButton")
        self.confirm_button.setDefault(True)
        self.show_again = push_button()
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_again)
        layout = QVBoxLayout(page)
        layout.addWidget(self._confirm_title)
        layout.addWidget(self._confirm_text)
        layout.addLayout(form)
        layout.addWidget(self.confirm_error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.group_fields[0].returnPressed.connect(self.group_fields[1].setFocus)
        self.group_fields[1].returnPressed.connect(self._confirm)
        self.confirm_button.clicked.connect(self._confirm)
        self.show_again.clicked.connect(lambda: self.go(KEY))
        return page

    def go(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        if step == KEY:
            self.fingerprint.setVisible(bool(self._fingerprint))
        focus = {
            CHOOSE: self.new_button,
            CREATE: self.point,
            KEY: self.written_button,
            CONFIRM: self.group_fields[0],
        }[step]
        if step == CONFIRM:
            for field in self.group_fields:
                field.clear()
            self.confirm_error.clear_error()
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- actions ------------------------------------------------------------------------------

    def _open_existing(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the store folder"))
        if not chosen:
            return
        directory = DataDir(Path(chosen))
        if not directory.db.is_file():  # a lost key file is rebuilt from the database's copy
            error = StoreError("store.missing")
            self.open_error.show_text(lambda: self._context.describe(error))
            return
        self.open_error.clear_error()
        self.store_opened.emit(directory)

    def open_server(self) -> None:
        """Open the store on the server at the typed address: checked here (scheme, host,
        database, no password), then asked on the worker whether the server answers and holds
        a store. Only then is it emitted (and so remembered); on failure nothing is."""
        if self._asking_server:
            return
        self.server_error.clear_error()
        self.server_password.forget()
        try:
            address = server_store.server_address(self.server_field.text())
        except ValidationError as exc:
            self._server_failed(exc)
            return
        directory = DataDir(self._context.data_dir.root, store_url=address)

        def done(_answer: object) -> None:
            self._set_asking(False)
            self.store_opened.emit(directory)

        self._set_asking(True)
        self._context.worker.submit(
            lambda: server_store.require_server_store(address),
            done,
            partial(self._server_failed, directory=directory),
        )

    def _server_failed(self, error: BaseException, directory: DataDir | None = None) -> None:
        self._set_asking(False)
        if not isinstance(error, FieldregError):
            raise error
        if directory is not None and server_store.needs_password(error):
            self.server_password.ask(directory, error)  # the focus goes to its field
            return
        self.server_error.show_text(partial(self._context.describe, error))
        self.server_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_asking(self, asking: bool) -> None:
        self._asking_server = asking
        for widget in (self.server_field, self.server_button, self.open_button):
            widget.setEnabled(not asking)
        self.server_busy.setVisible(asking)

    def _create(self) -> None:
        if self._busy:
            return
        for label in (*self.errors.values(), self.general_error):
            label.clear_error()
        if self.passphrase.text() != self.repeat.text():
            self.repeat.clear()
            self.errors["repeat"].show_text(lambda: self.tr("The two passphrases differ."))
            self.repeat.setFocus()
            return
        point, operator, passphrase = (
            self.point.text(),
            self.operator.text(),
            self.passphrase.text(),
        )
        directory = self._context.data_dir
        if not self.hub:

            def call() -> vault.InitResult:
                return vault.init_store(
                    directory, point=point, operator=operator, passphrase=passphrase
                )

            self._set_busy(True)
            self._context.worker.submit(call, self._created, self._failed)
            return
        network = self._network_passphrase(passphrase)
        if network is None:
            return
        progress = self._steps.moved.emit

        def create_hub() -> enrollment_service.NetworkCreated:
            return enrollment_service.create_network(
                directory,
                point=point,
                operator=operator,
                passphrase=passphrase,
                network_passphrase=network,
                progress=progress,
            )

        self._set_busy(True)
        self._context.worker.submit(create_hub, self._created, self._failed)

    def _network_passphrase(self, passphrase: str) -> str | None:
        """The hub's network passphrase if both fields agree and it may be used, else None (and
        the reason shown under its field): checked here, before a second of key derivation."""
        network = self.network.text()
        problem: FieldregError | None = None
        if network != self.network_repeat.text():
            self.network_repeat.clear()
            self.errors["network_repeat"].show_text(
                lambda: self.tr("The two network passphrases differ.")
            )
            self.network_repeat.setFocus()
            return None
        try:
            check_passphrase(network)
        except ValidationError as exc:
            problem = exc
        if problem is None and network == passphrase:
            problem = FieldregError("sync.same_passphrase")
        if problem is not None:
            error = problem
            self.errors["network"].show_text(lambda: self._context.describe(error))
            self.network.setFocus()
            return None
        return network

    def _moved(self, done: int, total: int) -> None:
        self.busy.setRange(0, total)
        self.busy.setValue(done)

    def _created(self, result: vault.InitResult | enrollment_service.NetworkCreated) -> None:
        self._set_busy(False)
        for field in (self.passphrase, self.repeat, self.network, self.network_repeat):
            field.clear()
        if isinstance(result, enrollment_service.NetworkCreated):
            self._fingerprint = result.fingerprint
            result = result.init
        self._recovery_key = result.recovery_key
        self._operator_id = result.operator_id
        first, second = sorted(secrets.SystemRandom().sample(range(1, GROUPS + 1), 2))
        self._asked = (first, second)
        self.key_view.set_key(result.recovery_key)
        self.retranslateUi()
        self.go(KEY)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(error, FieldregError):
            raise error
        message = partial(self._context.describe, error)
        field = error.field if isinstance(error, ValidationError) else None
        if field in self.errors:
            self.errors[str(field)].show_text(message)
            {"point": self.point, "operator": self.operator, "passphrase": self.passphrase}.get(
                str(field), self.point
            ).setFocus()
        else:
            self.general_error.show_text(message)

    def _confirm(self) -> None:
        key = self._recovery_key
        if key is None:
            return
        for number, field in zip(self._asked, self.group_fields, strict=True):
            if not group_matches(key, number, field.text()):
                self.confirm_error.show_text(partial(self._mismatch_text, number))
                field.selectAll()
                field.setFocus()
                return
        self._recovery_key = None  # shown once; not kept once confirmed
        self.key_view.clear()
        self._fingerprint = ""
        self.created.emit(self._operator_id)

    def _mismatch_text(self, number: int) -> str:
        return self.tr(
            "Group {number} does not match the key. Look at what you wrote down, "
            "or show the key again."
        ).format(number=number)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (*self._fields().values(), self.create_button, self.create_back):
            widget.setEnabled(not busy)
        self.busy.setRange(0, 0)  # busy until a hub's first step is known
        self.busy.setVisible(busy)
        self._busy_text.setVisible(busy)

    # --- texts ----------------------------------------------------------------------------------

    def retranslateUi(self) -> None:
        self._welcome.setText(self.tr("Welcome to fieldreg"))
        self._welcome_text.setText(
            self.tr(
                "There is no store on this laptop yet. Create one to start registering people, "
                "or open a store folder that already exists."
            )
        )
        self.new_button.setText(self.tr("&Create a new store"))
        self._folder.setText(
            self.tr("It will be kept in: {folder}").format(folder=self._context.data_dir.root)
        )
        self.hub_button.setText(self.tr("Create a coordinator &hub"))
        self._hub_text.setText(
            self.tr(
                "For the coordinator's computer: it creates the network that reception laptops "
                "enroll in, and imports their work."
            )
        )
        self.open_button.setText(self.tr("&Open an existing store folder…"))
        self._server_label.setText(self.tr("Or a coordinator's store on a ser&ver:"))
        self.server_field.setAccessibleName(self.tr("Address of the store's PostgreSQL server"))
        self.server_field.setPlaceholderText(self.tr("postgresql://user@host/database"))
        self.server_button.setText(self.tr("Open the server's store"))
        self._server_text.setText(
            self.tr(
                "The password is not part of the address: the server's own authentication "
                "supplies it (~/.pgpass, or peer on the server's own computer), or, if the "
                "server asks for one, type it in the field that then appears."
            )
        )
        self.server_busy.setAccessibleName(self.tr("Asking the server…"))
        self._create_title.setText(
            self.tr("Create the coordinator hub") if self.hub else self.tr("Create the store")
        )
        passphrase_text = self.tr(
            "Choose a passphrase of at least 10 characters that you can type without "
            "looking, such as four unrelated words. Everyone who uses this laptop after you "
            "will need it, or a passphrase of their own."
        )
        if self.hub:
            passphrase_text += " " + self.tr(
                "The network passphrase is a second, different one: it protects the network's "
                "signing key and is asked for only to enroll, revoke or recover a laptop."
            )
        self._create_text.setText(passphrase_text)
        field_names = {
            "point": self.tr("Hub") if self.hub else labels.field_label("point"),
            "operator": self.tr("Your name"),
            "passphrase": labels.field_label("passphrase"),
            "repeat": self.tr("Repeat the passphrase"),
            "network": self.tr("Network passphrase"),
            "network_repeat": self.tr("Repeat the network passphrase"),
        }
        mnemonics = {
            "point": self.tr("&Hub") if self.hub else self.tr("&Reception point"),
            "operator": self.tr("Your &name"),
            "passphrase": self.tr("&Passphrase"),
            "repeat": self.tr("Re&peat it"),
            "network": self.tr("Ne&twork passphrase"),
            "network_repeat": self.tr("Repeat the net&work passphrase"),
        }
        for name, field in self._fields().items():
            self._form_labels[name].setText(mnemonics[name])
            field.setAccessibleName(field_names[name])
        self.point.setPlaceholderText(
            self.tr("e.g. Regional coordination, Lviv")
            if self.hub
            else self.tr("e.g. School 5, gym")
        )
        self.operator.setPlaceholderText(self.tr("a first name or a call sign"))
        self.create_button.setText(
            self.tr("C&reate the hub") if self.hub else self.tr("C&reate the store")
        )
        self.create_back.setText(self.tr("&Back"))
        self._busy_text.setText(
            self.tr(
                "Creating the network's keys and the hub's store, protected by your passphrases…"
            )
            if self.hub
            else self.tr("Creating the store and protecting it with your passphrase…")
        )
        self.busy.setAccessibleName(self._busy_text.text())
        self._key_title.setText(self.tr("Write down the recovery key"))
        self._key_text.setText(
            self.tr(
                "If every passphrase is forgotten, this key is the only way to open the store. "
                "Write it on paper now and keep it apart from this computer. It is shown only "
                "once and is not kept here."
            )
            if self.hub
            else self.tr(
                "If every passphrase is forgotten, this key is the only way to open the store. "
                "Write it on paper now and give it to your coordinator. It is shown only once "
                "and is not kept on this laptop."
            )
        )
        self.fingerprint.setText(
            self.tr(
                "Network fingerprint (read it out to every laptop that enrolls): {fingerprint}"
            ).format(fingerprint=self._fingerprint)
        )
        self.key_view.setAccessibleName(self.tr("Recovery key"))
        self.written_button.setText(self.tr("I have &written it down"))
        self._confirm_title.setText(self.tr("Check what you wrote down"))
        self._confirm_text.setText(
            self.tr("Type two groups of the key from your paper, to be sure it is right.")
        )
        for label, field, number in zip(
            self._group_labels, self.group_fields, self._asked, strict=True
        ):
            label.setText(self.tr("Group &{number}").format(number=number))
            field.setAccessibleName(
                self.tr("Group {number} of the recovery key").format(number=number)
            )
        self.confirm_button.setText(self.tr("&Continue"))
        self.show_again.setText(self.tr("&Show the key again"))
