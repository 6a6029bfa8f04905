"""What goes where on a band or a tag (layouts as data), and what each label says.

A layout places, in the label's frame (see `stocks`), the QR code (its box includes the quiet
zone), up to three lines of text and the needs mark. On a band the text runs along the band,
turned 90 degrees clockwise (ZPL orientation "R"), so its lines are stacked across the band's
width: the ID in bold nearest the right edge, then the name line, then the household line with
a small house pictogram that tells the household's ID from the person's. A line's box height
across the text sets its font size (em = height / LINE_SPACING); a line too long for its box is
set smaller, down to `min_em`, and then cut with an ellipsis (on a tag, the PDF renderer may
instead wrap it onto two lines when that keeps it larger). Both renderers follow these boxes.

Which fields a label shows is a setting; by default only what staff need to match a band to a
family (given name, household ID) and nothing about health: the needs mark, a black disc with
"!", says only "ask about needs", and it is off unless chosen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

from fieldreg.core.entities import FieldValue
from fieldreg.printing.stocks import Rect, Stock, StockKind

LINE_SPACING: Final = 1.25  # box height across a line / font em
TEXT_GAP: Final = 3.0  # between the QR code and the text on a band

Role = Literal["id", "name", "household"]

SHOWABLE: Final = ("given_name", "latin_given_name", "birth_year", "household_id", "needs_mark")
DEFAULT_SHOWN: Final = ("given_name", "household_id")


@dataclass(frozen=True, slots=True)
class TextSlot:
    role: Role
    box: Rect
    rotated: bool  # True: reads along the band, 90 degrees clockwise
    bold: bool
    min_em: float

    @property
    def across(self) -> float:
        """The box's extent across the text (its line height)."""
        return self.box.w if self.rotated else self.box.h

    @property
    def along(self) -> float:
        """The box's extent along the text (the room for its length)."""
        return self.box.h if self.rotated else self.box.w

    @property
    def em(self) -> float:
        return self.across / LINE_SPACING


@dataclass(frozen=True, slots=True)
class Layout:
    qr: Rect
    texts: tuple[TextSlot, ...]
    mark: Rect


@dataclass(frozen=True, slots=True)
class LabelContent:
    """What one label says; `payload` is the QR content, the rest is printed as text."""

    person_id: str
    payload: str
    band_id: str | None  # None for a tag
    name_line: str | None
    household_id: str | None
    needs: bool

    def text_for(self, role: Role) -> str | None:
        if role == "id":
            return self.person_id
        if role == "name":
            return self.name_line
        return self.household_id


def layout_for(stock: Stock) -> Layout:
    return _band_layout(stock.printable) if stock.kind is StockKind.BAND else _tag_layout(stock)


def _band_layout(area: Rect) -> Layout:
    side = area.w
    qr = Rect(area.x, area.y, side, side)
    mark_size = 7.0
    mark = Rect(area.x + (area.w - mark_size) / 2, area.bottom - mark_size, mark_size, mark_size)
    start = qr.bottom + TEXT_GAP
    length = mark.y - TEXT_GAP - start
    # Across the band, right to left: ID, name, household (text tops face the right edge).
    widths = (8.4, 7.4, 5.4)
    gap = (area.w - sum(widths)) / 2
    x_id = area.right - widths[0]
    x_name = x_id - gap - widths[1]
    x_household = x_name - gap - widths[2]
    return Layout(
        qr=qr,
        texts=(
            TextSlot("id", Rect(x_id, start, widths[0], length), True, True, 3.0),
            TextSlot("name", Rect(x_name, start, widths[1], length), True, False, 2.6),
            TextSlot("household", Rect(x_household, start, widths[2], length), True, False, 2.2),
        ),
        mark=mark,
    )


def _tag_layout(stock: Stock) -> Layout:
    area = stock.printable
    # 25 mm is ample for a code read at arm's length, and leaves the text a wider column.
    side = min(area.h, 25.0)
    qr = Rect(area.x, area.y + (area.h - side) / 2, side, side)
    x = qr.right + 2.0
    width = area.right - x
    mark_size = 5.0
    return Layout(
        qr=qr,
        texts=(
            TextSlot("id", Rect(x, area.y + 0.5, width, 7.5), False, True, 2.6),
            TextSlot("name", Rect(x, area.y + 8.5, width, 8.0), False, False, 2.2),
            TextSlot("household", Rect(x, area.y + 17.0, width, 5.5), False, False, 2.0),
        ),
        mark=Rect(area.right - mark_size, area.bottom - mark_size, mark_size, mark_size),
    )


def label_content(
    person_id: str,
    payload: str,
    fields: Mapping[str, FieldValue],
    shown: tuple[str, ...],
    band_id: str | None = None,
) -> LabelContent:
    """The label of one person from their summary fields and the fields the settings show."""
    parts = []
    given = _text(fields.get("given_name")) if "given_name" in shown else None
    latin = _text(fields.get("latin_given_name")) if "latin_given_name" in shown else None
    if given:
        parts.append(given)
    if latin and latin != given:
        parts.append(latin)
    name_line = " / ".join(parts)
    if "birth_year" in shown:
        dob = _text(fields.get("dob"))
        year = dob[:5] if dob.startswith("~") else dob[:4]
        if year:
            name_line = f"{name_line}, {year}" if name_line else year
    household = _text(fields.get("household_id")) if "household_id" in shown else ""
    needs = "needs_mark" in shown and bool(fields.get("needs"))
    return LabelContent(
        person_id=person_id,
        payload=payload,
        band_id=band_id,
        name_line=name_line or None,
        household_id=household or None,
        needs=needs,
    )


def _text(value: FieldValue) -> str:
    # One line: a stored name never holds a line break, but a label must not depend on that.
    return " ".join(value.split()) if isinstance(value, str) else ""
