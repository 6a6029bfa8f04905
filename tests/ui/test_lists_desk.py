"""Lists of sought persons at the desk: the review driven by keys (Y confirms, N rejects, Space
moves on), the column mapping confirmed in a dialog, and the discreet notice at registration,
which says someone may be looking and nothing of the list; the report and the INTERNAL
protection file written encrypted (to a passphrase or a recipient) that the `age` tool opens."""

from __future__ import annotations

import shlex
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from fieldreg.services import reconciliation
from fieldreg.services.session import Session
from fieldreg.ui.context import UiContext
from fieldreg.ui.lists_page import ListsPage
from fieldreg.ui.register_page import RegisterPage
from fieldreg.ui.report_dialog import ReportDialog
from tests.ui.keyboard import ALT, TAB, focused, running_context, type_text, type_then

LIST = (
    "Ref,Фамилия,Имя,Год рождения\n"
    "OWNER-REF-1,Коваленко,Мария,1984\n"
    "OWNER-REF-2,Бондаренко,Игорь,1990\n"
    "OWNER-REF-3,Гнатюк,Алексей,1978\n"
)


@pytest.fixture
def context(session: Session, data_dir: Path) -> Iterator[UiContext]:
    with running_context(session, data_dir) as ui:
        yield ui


@pytest.fixture
def people(session: Session) -> dict[str, str]:
    return {
        "kovalenko": session.register(
            {"family_name": "Коваленко", "given_name": "Марія", "dob": "1984-03-02"}
        ),
        "kovalenko_too": session.register(
            {"family_name": "Коваленко", "given_name": "Марія", "dob": "1984-11-20"}
        ),
        "bondarenko": session.register(
            {"family_name": "Бондаренко", "given_name": "Ігор", "dob": "1990-07-11"}
        ),
    }


def _import(session: Session, tmp_path: Path) -> str:
    path = tmp_path / "list.csv"
    path.write_text(LIST, encoding="utf-8")
    mapping = reconciliation.preview(path, "csv").proposal
    info = reconciliation.import_list(
        session, path, fmt="csv", mapping=mapping, name="Kherson list", owner="Regional office"
    )
    return info.list_id


def _page(qtbot: QtBot, context: UiContext) -> ListsPage:
    page = ListsPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    return page


def _decisions(session: Session, list_id: str) -> dict[str, str | None]:
    return {m.entry.reference: m.confirmed for m in reconciliation.match(session, list_id)}


def test_the_review_is_driven_by_keys(
    qtbot: QtBot,
    context: UiContext,
    session: Session,
    people: dict[str, str],
    tmp_path: Path,
) -> None:
    list_id = _import(session, tmp_path)
    page = _page(qtbot, context)
    qtbot.waitUntil(lambda: page.table.topLevelItemCount() == 1)
    first = page.table.topLevelItem(0)
    assert first is not None
    assert [first.text(0), first.text(2), first.text(3)] == ["Kherson list", "3", "0"]
    page.open_review()
    review = page.review
    qtbot.waitUntil(lambda: review.current() is not None)
    assert review.hasFocus()
    match, person_id = review.current() or (None, "")
    assert match is not None
    assert match.entry.reference == "OWNER-REF-1"
    assert person_id == people["kovalenko"]
    assert "Коваленко Мария · 1984" in review.sought.text()
    assert "Коваленко" in review.registered.text()
    assert review.fields.text()  # one line per field: how the two agree

    qtbot.keyClick(review, Qt.Key.Key_N)  # not her: the other Марія of 1984
    qtbot.waitUntil(lambda: (review.current() or (None, ""))[1] == people["kovalenko_too"])
    qtbot.keyClick(review, Qt.Key.Key_Space)  # undecided: the next entry
    qtbot.waitUntil(lambda: (review.current() or (None, ""))[1] == people["bondarenko"])
    qtbot.keyClick(review, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _decisions(session, list_id)["OWNER-REF-2"] == people["bondarenko"])
    assert review.current() is None
    assert review.position.text() == "Nothing to review."
    decisions = _decisions(session, list_id)
    assert decisions["OWNER-REF-1"] is None
    offered = next(m for m in reconciliation.match(session, list_id) if m.entry_no == 1)
    assert people["kovalenko"] not in [c.person_id for c in offered.candidates]  # rejected
    qtbot.keyClick(review, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.stack.currentIndex() == 0)


def test_the_review_keys_work_on_a_cyrillic_layout(
    qtbot: QtBot,
    context: UiContext,
    session: Session,
    people: dict[str, str],
    tmp_path: Path,
) -> None:
    list_id = _import(session, tmp_path)
    page = _page(qtbot, context)
    qtbot.waitUntil(lambda: page.table.topLevelItemCount() == 1)
    page.open_review()
    review = page.review
    qtbot.waitUntil(lambda: review.current() is not None)
    type_text(qtbot, review, "т")  # the N key with a Ukrainian layout on: rejected
    qtbot.waitUntil(lambda: (review.current() or (None, ""))[1] == people["kovalenko_too"])
    type_text(qtbot, review, "н")  # the Y key: confirmed
    qtbot.waitUntil(lambda: _decisions(session, list_id)["OWNER-REF-1"] == people["kovalenko_too"])


def test_a_list_is_imported_through_the_mapping_dialog(
    qtbot: QtBot, context: UiContext, session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Номер;Прізвище\n1;Коваленко\n".replace(";", ","), encoding="utf-8")
    page = _page(qtbot, context)
    page.import_file(path)
    qtbot.waitUntil(lambda: getattr(page, "mapping_dialog", None) is not None)
    dialog = page.mapping_dialog
    assert dialog.mapping() == {"reference": 0, "family": 1}  # proposed from the header
    dialog.combos["family"].setCurrentIndex(0)  # the family name taken away: refused
    dialog._buttons.button(dialog._buttons.StandardButton.Ok).click()
    assert dialog.isVisible()
    dialog.combos["family"].setCurrentIndex(2)
    dialog._buttons.button(dialog._buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: page.table.topLevelItemCount() == 1)
    [info] = reconciliation.lists(session)
    assert info.entries == 1


@pytest.fixture
def register_page(qtbot: QtBot, context: UiContext) -> RegisterPage:
    page = RegisterPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.start_new()
    return page


def test_someone_on_an_open_list_gets_a_discreet_notice_without_its_details(
    qtbot: QtBot, register_page: RegisterPage, session: Session, tmp_path: Path
) -> None:
    _import(session, tmp_path)
    notice = register_page.sought_notice
    type_then(qtbot, "Гнатюк", TAB)
    type_then(qtbot, "Олексій", TAB)  # the Ukrainian form of the list's Алексей
    qtbot.waitUntil(notice.isVisible)
    text = notice.text()
    assert text == "Someone may be looking for this person: tell the coordinator."
    for detail in ("Kherson", "Regional office", "OWNER-REF", "Алексей", "1978"):
        assert detail not in text
    register_page.start_new()  # the next person: the notice goes with the last one
    assert not notice.isVisible()
    type_then(qtbot, "Шевченко", TAB)
    type_then(qtbot, "Олена", TAB)  # nobody seeks her: the lists are read, no notice
    assert register_page._watch is not None
    assert not notice.isVisible()


def test_the_desk_writes_the_report_as_pdf_and_says_what_it_holds(
    qtbot: QtBot,
    context: UiContext,
    session: Session,
    people: dict[str, str],
    tmp_path: Path,
) -> None:
    list_id = _import(session, tmp_path)
    reconciliation.decide(session, list_id, 2, people["bondarenko"], "confirmed")
    page = _page(qtbot, context)
    target = tmp_path / "answer.pdf"
    page.write_report(list_id, target, "pdf")
    qtbot.waitUntil(lambda: bool(page.message.text()))
    assert page.message.text() == "Report written: 0 found and named, 1 counted only."
    assert target.read_bytes().startswith(b"%PDF")
    assert target.stat().st_mode & 0o077 == 0


class SavePath:
    """Stands in for the save dialog, noting the warning the report dialog showed when asked."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.notices: list[str] = []

    def __call__(self, dialog: QWidget, suggested: str) -> str:
        assert isinstance(dialog, ReportDialog)
        assert suggested.endswith(".age")
        if dialog.notice.isVisible():
            self.notices.append(dialog.notice.text())
        return str(self.path)


def age_decrypt_with_passphrase(path: Path, passphrase: str) -> bytes:
    """The standard `age -d`, which reads a passphrase only from a terminal: run under
    `script`, which gives it one and types what it is given on standard input."""
    opened = path.with_name(path.name + ".opened")
    command = f"age -d -o {shlex.quote(str(opened))} {shlex.quote(str(path))}"
    done = subprocess.run(
        ["script", "-qec", command, "/dev/null"],
        input=f"{passphrase}\n",
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return opened.read_bytes()


def _report_dialog(qtbot: QtBot, page: ListsPage, key: Qt.Key) -> ReportDialog:
    qtbot.waitUntil(lambda: page.selected_list() is not None)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page.window())
    page.table.setFocus()
    qtbot.keyClick(page.table, key, ALT)  # the button's mnemonic
    qtbot.waitUntil(lambda: page.report_dialog is not None and page.report_dialog.isVisible())
    dialog = page.report_dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _choose_encryption(qtbot: QtBot, dialog: ReportDialog, steps: int) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_E, ALT)  # "&Encryption"
    assert focused() is dialog.secrets.mode
    for _ in range(steps):
        qtbot.keyClick(dialog.secrets.mode, Qt.Key.Key_Down)


def test_the_report_is_written_encrypted_to_a_passphrase_that_age_opens(
    qtbot: QtBot,
    session: Session,
    data_dir: Path,
    people: dict[str, str],
    tmp_path: Path,
) -> None:
    list_id = _import(session, tmp_path)
    session.record_consent(people["bondarenko"], {"consent_tracing": "yes"})
    reconciliation.decide(session, list_id, 2, people["bondarenko"], "confirmed")
    chooser = SavePath(tmp_path / "answer.pdf.age")
    secret = "a long report passphrase"
    with running_context(session, data_dir) as context:
        page = ListsPage(context, ask_path=chooser)
        qtbot.addWidget(page)
        page.resize(1000, 700)
        page.show()
        qtbot.waitExposed(page)
        page.activateWindow()
        dialog = _report_dialog(qtbot, page, Qt.Key.Key_P)  # "Report as &PDF…"
        assert dialog.kind.currentText() == "Report for the list's owner (PDF)"
        _choose_encryption(qtbot, dialog, 1)
        assert dialog.secrets.mode.currentText() == "Encrypted to a passphrase (age)"
        qtbot.keyClick(focused(), Qt.Key.Key_P, ALT)
        type_text(qtbot, focused(), secret)
        qtbot.keyClick(focused(), Qt.Key.Key_R, ALT)
        type_text(qtbot, focused(), secret)
        qtbot.keyClick(focused(), Qt.Key.Key_W, ALT)  # "&Write…"
        qtbot.waitUntil(lambda: dialog.written_to is not None, timeout=30_000)  # scrypt
        assert page.message.text() == "Report written: 1 found and named, 0 counted only."
        assert dialog.secrets.passphrase.text() == ""  # not kept once used
    assert "names the people found who consented" in chooser.notices[0]
    written = chooser.path.read_bytes()
    assert written.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert chooser.path.stat().st_mode & 0o077 == 0
    for plain in ("Бондаренко", "Ігор", "OWNER-REF-2"):
        assert plain.encode() not in written
    opened = age_decrypt_with_passphrase(chooser.path, secret)
    assert opened.startswith(b"%PDF")


def test_the_internal_protection_file_is_encrypted_to_a_recipient_that_age_opens(
    qtbot: QtBot,
    session: Session,
    data_dir: Path,
    people: dict[str, str],
    tmp_path: Path,
) -> None:
    identity = tmp_path / "officer.key"
    subprocess.run(["age-keygen", "-o", str(identity)], check=True, capture_output=True)
    recipient = subprocess.run(
        ["age-keygen", "-y", str(identity)], check=True, capture_output=True, text=True
    ).stdout.strip()
    list_id = _import(session, tmp_path)
    reconciliation.decide(session, list_id, 2, people["bondarenko"], "confirmed")  # no consent
    chooser = SavePath(tmp_path / "protection.csv.age")
    with running_context(session, data_dir) as context:
        page = ListsPage(context, ask_path=chooser)
        qtbot.addWidget(page)
        page.resize(1000, 700)
        page.show()
        qtbot.waitExposed(page)
        page.activateWindow()
        dialog = _report_dialog(qtbot, page, Qt.Key.Key_I)  # "&Internal protection file…"
        assert dialog.chosen_kind() == "protection_csv"
        _choose_encryption(qtbot, dialog, 2)
        qtbot.keyClick(focused(), Qt.Key.Key_C, ALT)  # "Re&cipient (age1…)"
        assert focused() is dialog.secrets.recipient
        type_text(qtbot, focused(), recipient)
        qtbot.keyClick(focused(), Qt.Key.Key_W, ALT)
        qtbot.waitUntil(lambda: dialog.written_to is not None)
        assert page.message.text().startswith("INTERNAL protection file written: 1 found")
    assert chooser.notices[0].startswith("INTERNAL, for the protection officer only")
    written = chooser.path.read_bytes()
    assert written.startswith(b"age-encryption.org/v1\n-> X25519 ")
    for plain in ("Бондаренко", "Ігор", people["bondarenko"], "OWNER-REF-2", "INTERNAL,"):
        assert plain.encode() not in written
    opened = subprocess.run(
        ["age", "-d", "-i", str(identity), str(chooser.path)], check=True, capture_output=True
    ).stdout.decode("utf-8-sig")
    assert f"INTERNAL,OWNER-REF-2,{people['bondarenko']}," in opened  # whom to look after


def test_a_short_passphrase_writes_no_report(
    qtbot: QtBot, context: UiContext, session: Session, tmp_path: Path
) -> None:
    list_id = _import(session, tmp_path)
    target = tmp_path / "answer.csv.age"
    page = _page(qtbot, context)
    page._ask_path = lambda _dialog, _suggested: str(target)
    page.table.setFocus()
    dialog = _report_dialog(qtbot, page, Qt.Key.Key_C)  # "Report as &CSV…"
    assert list_id
    _choose_encryption(qtbot, dialog, 1)
    for key in (Qt.Key.Key_P, Qt.Key.Key_R):
        qtbot.keyClick(focused(), key, ALT)
        type_text(qtbot, focused(), "short")
    qtbot.keyClick(focused(), Qt.Key.Key_W, ALT)
    qtbot.waitUntil(lambda: bool(dialog.error.text()))
    assert "12" in dialog.error.text()
    assert not target.exists()


def test_locking_closes_the_report_dialog_with_its_passphrase(
    qtbot: QtBot, context: UiContext, session: Session, tmp_path: Path
) -> None:
    _import(session, tmp_path)
    page = _page(qtbot, context)
    dialog = _report_dialog(qtbot, page, Qt.Key.Key_P)
    _choose_encryption(qtbot, dialog, 1)
    qtbot.keyClick(focused(), Qt.Key.Key_P, ALT)
    type_text(qtbot, focused(), "a long report passphrase")
    context.locked.emit()
    assert page.report_dialog is None
    qtbot.waitUntil(lambda: not dialog.isVisible())
    page.clear_personal_data()  # again, as the shell may: nothing left to touch
    context.unlocked.emit()
    page.refresh()
    again = _report_dialog(qtbot, page, Qt.Key.Key_C)
    assert again.secrets.passphrase.text() == ""
    assert again.chosen_kind() == "csv"
