"""Finding texts that do not fit: a label, button, group title or table heading narrower (or,
wrapped, lower) than what it needs to show its whole text. Used by the layout test at 100 % and
150 % scaling, and by scripts that look at the pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QToolButton,
    QWidget,
)

SLACK = 1  # rounding of fractional font metrics under scaling


def _place(widget: QWidget) -> str:
    names = []
    current: QWidget | None = widget
    while current is not None:
        names.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return "/".join(reversed(names[:4]))


def _label(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.textFormat() == Qt.TextFormat.RichText or label.pixmap() is not None:
        return None
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return f"{label.height()} < {needed} px high"
        return None
    needed = label.sizeHint().width()
    if needed > label.width() + SLACK:
        return f"{label.width()} < {needed} px wide"
    return None


def _button(button: QAbstractButton) -> str | None:
    if not button.text():
        return None
    hint = button.sizeHint()
    if hint.width() > button.width() + SLACK:
        return f"{button.width()} < {hint.width()} px wide"
    if hint.height() > button.height() + SLACK:
        return f"{button.height()} < {hint.height()} px high"
    return None


def _headers(view: QAbstractItemView) -> list[str]:
    found = []
    for header in view.findChildren(QHeaderView):
        model = header.model()
        if model is None or not header.isVisible():
            continue
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            text = model.headerData(section, header.orientation())
            if not isinstance(text, str) or not text:
                continue
            if header.orientation() == Qt.Orientation.Horizontal:
                shown = header.sectionSize(section)
                needed = header.fontMetrics().horizontalAdvance(text) + 2 * margin
                if needed > shown + SLACK:
                    found.append(f"heading {text!r}: {shown} < {needed} px wide")
    return found


def cut_off(root: QWidget) -> list[str]:
    """What does not fit among the visible widgets under `root` (one line each)."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        problem: str | None = None
        text = ""
        if isinstance(widget, QLabel):
            text, problem = widget.text(), _label(widget)
        elif isinstance(widget, (QPushButton, QCheckBox, QRadioButton, QToolButton)):
            text, problem = widget.text(), _button(widget)
        elif isinstance(widget, QGroupBox) and widget.title():
            text = widget.title()
            needed = widget.fontMetrics().horizontalAdvance(text) + 16
            if needed > widget.width():
                problem = f"{widget.width()} < {needed} px wide"
        elif isinstance(widget, QScrollArea) and widget.widget() is not None:
            inner = widget.widget()
            assert inner is not None
            shown = widget.viewport().width()
            if inner.minimumSizeHint().width() > shown + SLACK:
                text = "(scrolled sideways)"
                problem = f"{shown} < {inner.minimumSizeHint().width()} px wide"
        elif isinstance(widget, QAbstractItemView):
            problems.extend(f"{_place(widget)}: {line}" for line in _headers(widget))
        if problem is not None:
            problems.append(f"{_place(widget)} {text[:60]!r}: {problem}")
    return problems
