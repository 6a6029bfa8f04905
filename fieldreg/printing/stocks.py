"""The media fieldreg prints on, as data: sizes, resolution, printable area and label grid.

All lengths are millimetres. A label's frame has x across the label (for a wristband: across the
band, the direction of the print head) and y along it (the direction the band feeds), origin at
the top left; the printable area is where ink may go and the band stays visible when worn.

The wristband sizes are those of common direct-thermal bands (1 inch wide; 10 inches adult,
7 inches child): the first 25 mm (adult) or 20 mm (child) hold the closure and are left blank.
Other media are one more entry in `STOCKS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from fieldreg.core.errors import FieldregError

MM_PER_INCH: Final = 25.4


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def contains(self, other: Rect, slack: float = 1e-6) -> bool:
        return (
            other.x >= self.x - slack
            and other.y >= self.y - slack
            and other.right <= self.right + slack
            and other.bottom <= self.bottom + slack
        )


class StockKind(StrEnum):
    BAND = "band"  # one thermal wristband per label, ZPL or a system printer
    SHEET = "sheet"  # an office sheet of tags, PDF or a system printer


@dataclass(frozen=True, slots=True)
class Stock:
    name: str
    title: str
    kind: StockKind
    dpi: int
    page_w: float
    page_h: float
    label_w: float
    label_h: float
    printable: Rect  # in the label's frame
    columns: int = 1
    rows: int = 1
    origin_x: float = 0.0  # the first label's top left corner on the page
    origin_y: float = 0.0

    @property
    def labels_per_page(self) -> int:
        return self.columns * self.rows

    @property
    def is_band(self) -> bool:
        """Bands are issued (recorded, voided on reprint) and can be printed as ZPL."""
        return self.kind is StockKind.BAND

    def label_origin(self, slot: int) -> tuple[float, float]:
        """Top left corner of the label in `slot` (0-based, row by row) on its page."""
        row, column = divmod(slot % self.labels_per_page, self.columns)
        return self.origin_x + column * self.label_w, self.origin_y + row * self.label_h

    def dots(self, mm: float) -> int:
        """`mm` in printer dots at this stock's resolution."""
        return round(mm * self.dpi / MM_PER_INCH)


def _band(name: str, title: str, length: float, area: tuple[float, float], dpi: int) -> Stock:
    width = 25.4
    return Stock(
        name=name,
        title=title,
        kind=StockKind.BAND,
        dpi=dpi,
        page_w=width,
        page_h=length,
        label_w=width,
        label_h=length,
        # 1.5 mm clear of each edge: thermal bands wander a little across the head.
        printable=Rect(1.5, area[0], width - 3.0, area[1] - area[0]),
    )


STOCKS: Final[Mapping[str, Stock]] = {
    stock.name: stock
    for stock in (
        _band(
            "band-adult-203", "Thermal wristband, adult (25 x 254 mm), 203 dpi", 254, (25, 160), 203
        ),
        _band(
            "band-adult-300", "Thermal wristband, adult (25 x 254 mm), 300 dpi", 254, (25, 160), 300
        ),
        _band(
            "band-child-203", "Thermal wristband, child (25 x 178 mm), 203 dpi", 178, (20, 115), 203
        ),
        _band(
            "band-child-300", "Thermal wristband, child (25 x 178 mm), 300 dpi", 178, (20, 115), 300
        ),
        Stock(
            name="tags-a4",
            title="A4 sheet of 24 tags (3 x 8, 70 x 37 mm) for belongings and documents",
            kind=StockKind.SHEET,
            dpi=300,
            page_w=210,
            page_h=297,
            label_w=70,
            label_h=37,
            # 4 mm inside each tag: clear of a laser printer's unprintable edge and of the cut.
            printable=Rect(4, 4, 62, 29),
            columns=3,
            rows=8,
            origin_y=0.5,
        ),
    )
}
DEFAULT_STOCK: Final = "band-adult-203"


def band_for(stock: Stock, *, child: bool) -> Stock:
    """The child or adult wristband of `stock`'s resolution; a sheet of tags stays itself."""
    if not stock.is_band:
        return stock
    return STOCKS.get(f"band-{'child' if child else 'adult'}-{stock.dpi}", stock)


def stock_named(untrusted_name: str) -> Stock:
    stock = STOCKS.get(untrusted_name)
    if stock is None:
        raise FieldregError("print.unknown_stock", stock=untrusted_name[:40])
    return stock
