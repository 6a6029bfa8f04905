"""Asking before a likely duplicate is saved: "… is already registered as K7-0001-X: open her, or
register a new person?". The existing person is the default (a second Enter opens them, or adds
them to the household being typed); registering anyway is one Tab or its mnemonic away, and Esc
goes back to the form. Opened without blocking (`open()`), window-modal, like the discard box.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from fieldreg.services.views import PersonHit


def question(hit: PersonHit, *, adds: bool) -> str:
    """The question, worded for the recorded sex (the languages need it for "her" / "him")."""
    fields = hit.fields
    name = " ".join(str(fields[n]) for n in ("family_name", "given_name") if fields.get(n))
    dob = fields.get("dob")
    year = dob[:5].rstrip("-") if isinstance(dob, str) else ""  # "2015", "~2015"
    who = f"{name}, {year}," if year else name
    sex = fields.get("sex")
    if adds:
        if sex == "female":
            text = QCoreApplication.translate(
                "AlreadyRegistered",
                "{who} is already registered as {id}: add her, or register a new person?",
            )
        elif sex == "male":
            text = QCoreApplication.translate(
                "AlreadyRegistered",
                "{who} is already registered as {id}: add him, or register a new person?",
            )
        else:
            text = QCoreApplication.translate(
                "AlreadyRegistered",
                "{who} is already registered as {id}: add this person, or register a new person?",
            )
    elif sex == "female":
        text = QCoreApplication.translate(
            "AlreadyRegistered",
            "{who} is already registered as {id}: open her, or register a new person?",
        )
    elif sex == "male":
        text = QCoreApplication.translate(
            "AlreadyRegistered",
            "{who} is already registered as {id}: open him, or register a new person?",
        )
    else:
        text = QCoreApplication.translate(
            "AlreadyRegistered",
            "{who} is already registered as {id}: open this person, or register a new person?",
        )
    # rich text, so that the ID is never broken at one of its hyphens ("K7-0001-" / "X")
    return text.format(who=html.escape(who), id=f"<nobr>{html.escape(hit.person_id)}</nobr>")


def ask_already_registered(
    parent: QWidget,
    hit: PersonHit,
    *,
    adds: bool,
    on_existing: Callable[[], None],
    on_new: Callable[[], None],
    on_back: Callable[[], None],
) -> QMessageBox:
    """`adds`: the existing person is added (to a household) rather than opened."""
    box = QMessageBox(parent)
    box.setObjectName("alreadyRegistered")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("AlreadyRegistered", "Already registered?"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(question(hit, adds=adds))
    existing = box.addButton(
        QCoreApplication.translate("AlreadyRegistered", "&Add the registered person")
        if adds
        else QCoreApplication.translate("AlreadyRegistered", "&Open"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    new = box.addButton(
        QCoreApplication.translate("AlreadyRegistered", "&Register a new person"),
        QMessageBox.ButtonRole.ActionRole,
    )
    back = box.addButton(
        QCoreApplication.translate("AlreadyRegistered", "Keep editing"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(existing)
    box.setEscapeButton(back)

    def finished() -> None:
        parent.activateWindow()  # back to the form, even where the window manager forgets
        clicked = box.clickedButton()
        if clicked is existing:
            on_existing()
        elif clicked is new:
            on_new()
        else:
            on_back()

    box.finished.connect(finished)
    box.open()
    return box
