"""About fieldreg: the version, the commit it was built from, the Qt and Python it runs on, and the
licences of what the build bundles (Qt and PySide6 under the LGPL, the DejaVu fonts, Python and
each Python package with the licence its own metadata states, read at run time). Opened from the
settings dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldreg.services.build_info import BuildInfo, Component, build_info, python_components
from fieldreg.ui.translations import Retranslates

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def icons_dir() -> Path | None:
    """`fieldreg/_resources/icons` in a build, the top-level `resources/icons` in a checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_resources" / "icons", package.parent / "resources" / "icons"):
        if (candidate / "fieldreg-32.png").is_file():
            return candidate
    return None


def application_icon() -> QIcon:
    """fieldreg's icon at every size drawn (an empty icon if a build lost them: no crash)."""
    icon = QIcon()
    folder = icons_dir()
    if folder is not None:
        for size in ICON_SIZES:
            path = folder / f"fieldreg-{size}.png"
            if path.is_file():
                icon.addFile(str(path))
    return icon


def bundled_components(info: BuildInfo) -> list[Component]:
    """What the about box lists: Qt, Python and the fonts first, then every Python package."""
    return [
        Component("Qt", qVersion(), "LGPL-3.0-only"),
        Component("Python", info.python, "PSF-2.0"),
        Component("DejaVu fonts", "2.37", "Bitstream-Vera AND Arev"),
        *python_components(),
    ]


class AboutDialog(Retranslates, QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.info = build_info()
        self.components = bundled_components(self.info)
        icon = QLabel()
        icon.setPixmap(application_icon().pixmap(64, 64))
        self._title = QLabel()
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self._title.setFont(font)
        self.version = QLabel()
        self.version.setObjectName("aboutVersion")
        self.version.setTextFormat(Qt.TextFormat.PlainText)
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._licence = QLabel()
        self._licence.setWordWrap(True)
        self._licence.setTextFormat(Qt.TextFormat.PlainText)
        self._components_label = QLabel()
        self.table = QTableWidget(len(self.components), 3)
        self.table.setObjectName("aboutComponents")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._components_label.setBuddy(self.table)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        heading = QHBoxLayout()
        heading.addWidget(icon)
        words = QVBoxLayout()
        words.addWidget(self._title)
        words.addWidget(self.version)
        heading.addLayout(words, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self._licence)
        layout.addWidget(self._components_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 520)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        info = self.info
        self.setWindowTitle(self.tr("About fieldreg"))
        self._title.setText(self.tr("fieldreg: offline registration desk"))
        self.version.setText(
            self.tr("Version {version} (commit {commit}), Qt {qt}, Python {python}").format(
                version=info.version, commit=info.commit, qt=info.qt, python=info.python
            )
        )
        self._licence.setText(
            self.tr(
                "fieldreg is free software under the GNU General Public License, version 3 or "
                "later. It bundles the components below, each under its own licence; Qt and "
                "PySide6 are used under the GNU Lesser General Public License, version 3, and "
                "may be replaced by other builds of the same version."
            )
        )
        self._components_label.setText(self.tr("&Bundled components"))
        self.table.setAccessibleName(self.tr("Bundled components and their licences"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence")]
        )
        not_stated = self.tr("not stated in its metadata")
        for row, component in enumerate(self.components):
            for column, text in enumerate(
                (component.name, component.version, component.licence or not_stated)
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
