"""What the tests of the application shell share: synthetic people and a walk over everything a
window shows (widget texts, every role of every model, the clipboard)."""

from __future__ import annotations

from collections.abc import Iterator

from faker import Faker
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

ROLES = (
    *(Qt.ItemDataRole(role) for role in range(0, 14)),
    *(Qt.ItemDataRole(Qt.ItemDataRole.UserRole + n) for n in range(0, 8)),
)
SHOWN_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)


def synthetic_people(count: int, seed: int = 11) -> list[dict[str, object]]:
    """Made-up Ukrainian people (Faker), with dates of birth."""
    faker = Faker("uk_UA")
    faker.seed_instance(seed)
    people = []
    for index in range(count):
        female = index % 2 == 0
        people.append(
            {
                "family_name": faker.last_name_female() if female else faker.last_name_male(),
                "given_name": faker.first_name_female() if female else faker.first_name_male(),
                "patronymic": faker.middle_name_female() if female else faker.middle_name_male(),
                "sex": "female" if female else "male",
                "dob": f"{10 + index % 18:02d}.0{1 + index % 9}.{1950 + 3 * index}",
            }
        )
    return people


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return max(1, model.columnCount(parent))
    except TypeError:  # list models hide columnCount: one column
        return 1


def _model_values(
    model: QAbstractItemModel, shown_only: bool, parent: QModelIndex | None = None
) -> Iterator[str]:
    """Every value of every role (as text: a record's repr names its fields), or with
    `shown_only` the texts a person sees: display, tooltip, accessible text and headers."""
    parent = parent or QModelIndex()
    roles = SHOWN_ROLES if shown_only else ROLES
    if not parent.isValid():
        for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
            count = (
                _columns(model, QModelIndex()) if orientation == Qt.Orientation.Horizontal else 0
            )
            for section in range(count):
                header = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
                if header is not None:
                    yield str(header)
    for row in range(model.rowCount(parent)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role in roles:
                value = model.data(index, role)
                if value is not None and (not shown_only or isinstance(value, str)):
                    yield str(value)
            if column == 0 and model.rowCount(index) > 0:
                yield from _model_values(model, shown_only, index)


def widget_texts(widget: QWidget, *, shown_only: bool = False) -> Iterator[str]:
    """Every text a widget holds, shown or not (models: see `_model_values`)."""
    for text in (
        widget.windowTitle(),
        widget.toolTip(),
        widget.accessibleName(),
        widget.accessibleDescription(),
        widget.statusTip(),
        widget.whatsThis(),
    ):
        if text:
            yield text
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield widget.text()
    if isinstance(widget, QLineEdit):
        yield widget.text()
        yield widget.placeholderText()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        yield widget.toPlainText()
        yield widget.placeholderText()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
        yield widget.currentText()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QAbstractSpinBox):
        yield widget.text()
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _model_values(widget.model(), shown_only)


def everything_shown(root: QWidget) -> list[str]:
    """All texts of `root`, its children, every other top-level window, and the clipboard."""
    widgets: list[QWidget] = []
    for top in {root, *QApplication.topLevelWidgets()}:
        widgets.append(top)
        widgets.extend(top.findChildren(QWidget))
    texts = [text for widget in widgets for text in widget_texts(widget) if text]
    texts.append(QGuiApplication.clipboard().text())
    return texts


def leaks(root: QWidget, secrets: list[str]) -> list[str]:
    """The personal values among `secrets` still found anywhere in the window."""
    shown = everything_shown(root)
    return sorted({s for s in secrets for text in shown if s.casefold() in text.casefold()})
