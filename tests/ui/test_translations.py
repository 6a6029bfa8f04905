"""The Ukrainian and Russian translations are complete, keep every placeholder and mnemonic of
their source, cover every string the code marks for translation, and the shipped .qm files are
compiled from the current .ts sources (no Qt tool is needed to run this test); Qt's own
translations ship beside them. English has a catalogue of its plurals only ("1 member")."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from fieldreg.ui.person_details import HouseholdLinks
from fieldreg.ui.translations import Translators, translations_dir

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("uk", "ru")
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%L?n|%L?[1-9]")
COUNTED = re.compile(r"%L?n")  # a message with plural forms: %n, or %Ln (digits grouped)
# context, source, disambiguation (None if none), translation (None when unfinished)
Message = tuple[str, str, str | None, str | None]
Marked = tuple[str, str, str | None]  # context, source, disambiguation


def _messages(language: str) -> list[Message]:
    path = translations_dir() / f"fieldreg_{language}.ts"
    root = ET.parse(path).getroot()  # noqa: S314 - our own file from the repository
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            text = translation.text
            if message.get("numerus") == "yes":
                forms = [form.text or "" for form in translation.iter("numerusform")]
                text = "|".join(forms) if all(forms) else None
            if translation.get("type") in {"unfinished", "vanished", "obsolete"}:
                text = None
            source, comment = message.findtext("source") or "", message.findtext("comment")
            found.append((name, source, comment, text or None))
    return found


def _mnemonics(text: str) -> int:
    return len(re.findall(r"(?<!&)&(?!&)", text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_finished_and_keeps_placeholders(language: str) -> None:
    problems = []
    for context, source, _comment, translation in _messages(language):
        if translation is None:
            problems.append(f"unfinished: {context}: {source!r}")
            continue
        for form in translation.split("|") if COUNTED.search(source) else [translation]:
            if Counter(PLACEHOLDER.findall(form)) != Counter(PLACEHOLDER.findall(source)):
                problems.append(f"placeholders differ: {context}: {source!r} -> {form!r}")
            if _mnemonics(form) != _mnemonics(source):
                problems.append(f"mnemonic (&) lost or added: {context}: {source!r} -> {form!r}")
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shipped_qm_is_compiled_from_the_ts(language: str) -> None:
    translator = QTranslator()
    assert translator.load(f"fieldreg_{language}.qm", str(translations_dir()))
    stale = [
        (context, source, comment)
        for context, source, comment, translation in _messages(language)
        if translation is not None
        and not COUNTED.search(source)
        and translator.translate(context, source, comment) != translation
    ]
    assert stale == [], "run `make translations` to compile the .qm files"


def _class_of(tree: ast.Module) -> dict[ast.AST, str]:
    owners: dict[ast.AST, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for inner in ast.walk(node):
                owners.setdefault(inner, node.name)
    return owners


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _disambiguation(node: ast.Call, position: int) -> str | None:
    return _literal(node.args[position]) if len(node.args) > position else None


def _marked_in_code() -> set[Marked]:
    """(context, source, disambiguation) of every literal the code marks for translation."""
    files = [
        *sorted((ROOT / "fieldreg" / "ui").rglob("*.py")),
        ROOT / "fieldreg" / "core" / "messages.py",
    ]
    marked = set()
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        owners = _class_of(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "tr" and node in owners:
                source = _literal(node.args[0])
                if source is not None:
                    marked.add((owners[node], source, _disambiguation(node, 1)))
            elif name in {"translate", "QT_TRANSLATE_NOOP"} and len(node.args) >= 2:
                context, source = _literal(node.args[0]), _literal(node.args[1])
                if context is not None and source is not None:
                    marked.add((context, source, _disambiguation(node, 2)))
    return marked


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_marked_in_the_code_is_in_the_ts(language: str) -> None:
    in_ts = {(context, source, comment) for context, source, comment, _ in _messages(language)}
    missing = sorted(_marked_in_code() - in_ts, key=str)
    assert missing == [], "run `make translations`, translate the new entries, run it again"


@pytest.mark.parametrize(("language", "cancel"), [("uk", "Скасувати"), ("ru", "Отмена")])
def test_qt_standard_buttons_speak_the_language_from_the_shipped_files(
    qapp: QApplication, language: str, cancel: str
) -> None:
    """Qt's own translations ship with fieldreg's (a frozen build has no Qt folder to look in)."""
    assert (translations_dir() / f"qtbase_{language}.qm").is_file()
    translators = Translators(qapp)
    translators.switch(language)
    try:
        box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Cancel)
        button = box.button(QMessageBox.StandardButton.Cancel)
        assert button is not None
        assert button.text() == cancel
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel_button is not None
        assert cancel_button.text() == cancel
    finally:
        translators.switch("en")


def _plurals_in_code() -> set[Marked]:
    return {marked for marked in _marked_in_code() if COUNTED.search(marked[1])}


def test_english_has_a_singular_and_a_plural_of_every_count_in_the_code() -> None:
    """English is the source text, but "%n days old" needs a catalogue to read "1 day old"."""
    english = {
        (context, source, comment): text for context, source, comment, text in _messages("en")
    }
    missing = sorted(_plurals_in_code() - set(english), key=str)
    assert missing == [], "run `make translations`, fill fieldreg_en.ts's new entries, run it again"
    unfinished = sorted(key for key, text in english.items() if text is None)
    assert unfinished == []
    for (_context, source, _comment), text in english.items():
        assert text is not None
        forms = text.split("|")
        assert len(forms) == 2, source  # English: one, other
        assert forms[1] == source  # the plural is the source text itself
        for form in forms:
            assert Counter(PLACEHOLDER.findall(form)) == Counter(PLACEHOLDER.findall(source))


def test_the_shipped_english_qm_is_compiled_from_its_ts() -> None:
    translator = QTranslator()
    assert translator.load("fieldreg_en.qm", str(translations_dir()))
    stale = []
    for context, source, comment, text in _messages("en"):
        assert text is not None
        one, other = text.split("|")
        if (
            translator.translate(context, source, comment, 1),
            translator.translate(context, source, comment, 3),
        ) != (one, other):
            stale.append(source)
    assert stale == [], "run `make translations` to compile the .qm files"


@pytest.mark.parametrize(
    ("language", "one", "few", "many"),
    [
        ("en", "1 member", "3 members", "5 members"),
        ("uk", "1 особа", "3 особи", "5 осіб"),
        ("ru", "1 человек", "3 человека", "5 человек"),
    ],
)
def test_a_households_size_reads_in_the_languages_plural(
    qapp: QApplication, language: str, one: str, few: str, many: str
) -> None:
    """The person page said "Household K7-0003-W, 1 members"."""
    translators = Translators(qapp)
    translators.switch(language)
    try:
        links = HouseholdLinks()
        shown = []
        for size in (1, 3, 5):
            members = [(f"K7-{n:04d}-A", {"family_name": "Мельник"}) for n in range(size)]
            links.show_household("K7-0003-W", "K7-0000-A", members)  # type: ignore[arg-type]
            shown.append(links._summary.text())
        assert shown[0].startswith(
            ("Household K7-0003-W", "Домогосподарство K7-0003-W", "Домохозяйство K7-0003-W")
        )
        assert [text.rpartition(", ")[2] for text in shown] == [one, few, many]
    finally:
        translators.switch("en")
