"""Languages of the desk application: which one to show, and installing its Qt Linguist files.

The compiled `.qm` files ship in `resources/translations/` (a source checkout) or as
`fieldreg/_resources/translations/` (an installed or frozen build), beside copies of Qt's own
`qtbase_uk.qm` / `qtbase_ru.qm` (the standard buttons and dialogs: "Cancel" is "Скасувати"), so
a frozen build needs no Qt translations folder of its own (`make translations` refreshes them
from the PySide6 package). Switching the language
installs new translators; Qt then sends every widget a `LanguageChange` event, and each widget
sets its texts again in `retranslateUi()`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QEvent, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

# Shown in the language's own words, so a volunteer who cannot read the current one finds theirs.
LANGUAGE_NAMES: Final[dict[str, str]] = {
    "en": "English",
    "uk": "Українська",
    "ru": "Русский",
}
DEFAULT_LANGUAGE: Final = "en"

# A mixin for widgets: mypy sees a QWidget (so `super().changeEvent` and `self.window()` are
# checked); at run time a plain class, placed before the Qt base (`class X(Retranslates, QWidget)`).
if TYPE_CHECKING:
    WidgetMixin = QWidget
else:
    WidgetMixin = object


class Retranslates(WidgetMixin):
    """Sets a widget's texts again, in `retranslateUi()`, when the language changes."""

    def retranslateUi(self) -> None:
        raise NotImplementedError(f"{type(self).__name__} sets no texts")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


def translations_dir() -> Path:
    package = Path(__file__).resolve().parent.parent
    for candidate in (
        package / "_resources" / "translations",
        package.parent / "resources" / "translations",
    ):
        if candidate.is_dir():
            return candidate
    raise RuntimeError("fieldreg translations are missing from this build")


def system_language(locale: QLocale | None = None) -> str:
    """The first of the system's preferred UI languages that fieldreg speaks, else English."""
    for name in (locale or QLocale.system()).uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGE_NAMES:
            return code
    return DEFAULT_LANGUAGE


def resolve_language(setting: str, locale: QLocale | None = None) -> str:
    return setting if setting in LANGUAGE_NAMES else system_language(locale)


class Translators(QObject):
    """Owns the installed translators (fieldreg's own and Qt's standard dialogs)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = DEFAULT_LANGUAGE

    def switch(self, language: str) -> None:
        """Show `language` from now on. English, the source text, needs only fieldreg's plural
        forms ("1 day old" where the source says "%n days old") and none of Qt's."""
        if language not in LANGUAGE_NAMES:
            raise ValueError(f"unknown language {language!r}")
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        self.language = language
        directory = str(translations_dir())
        names = [f"fieldreg_{language}.qm"]
        if language != DEFAULT_LANGUAGE:
            names.insert(0, f"qtbase_{language}.qm")
        for name in names:
            translator = QTranslator(self)
            if not translator.load(name, directory):
                raise RuntimeError(f"{name} is missing from this build")
            self._app.installTranslator(translator)
            self._installed.append(translator)
        QLocale.setDefault(QLocale(language))
