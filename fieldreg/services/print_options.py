"""What the front ends may offer when printing: the label stocks (for a choice list and its
preview), the fields a label may show, the limits of the settings, and the settings themselves
with their defaults. The tables and the checks are `printing`'s; this is what a dialog or a
command needs of them, so neither reaches into `printing` (DESIGN.md §2).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from fieldreg.core.errors import FieldregError
from fieldreg.printing import layouts, settings
from fieldreg.printing.stocks import DEFAULT_STOCK, MM_PER_INCH, STOCKS, Stock, band_for
from fieldreg.services import bands
from fieldreg.services.paths import DataDir

SHOWABLE: Final[tuple[str, ...]] = layouts.SHOWABLE  # fields a label may show besides the ID
MAX_TAG_COPIES: Final[int] = settings.MAX_TAG_COPIES
MAX_CHILD_BAND_AGE: Final[int] = settings.MAX_CHILD_BAND_AGE
BAND_OUTPUTS: Final[tuple[str, ...]] = settings.BAND_OUTPUTS  # "zpl": raw ZPL; "system": driver


@dataclass(frozen=True, slots=True)
class StockChoice:
    name: str
    title: str  # in English; the desk shows its own translated words for the known stocks
    is_band: bool  # a thermal wristband (ZPL can print it), else a sheet of tags
    dpi: int
    page_w_mm: float
    page_h_mm: float
    default: bool  # the stock used unless the settings say otherwise

    def preview_dpi(self, long_side_pixels: float) -> float:
        """The resolution that paints a page `long_side_pixels` long on its longer side."""
        return long_side_pixels / max(self.page_w_mm, self.page_h_mm) * MM_PER_INCH


def _choice(stock: Stock) -> StockChoice:
    return StockChoice(
        stock.name,
        stock.title,
        stock.is_band,
        stock.dpi,
        stock.page_w,
        stock.page_h,
        stock.name == DEFAULT_STOCK,
    )


def stock_choices(*, bands_only: bool | None = None) -> list[StockChoice]:
    """Every stock, in the order offered; only bands (True) or only sheets (False) if asked."""
    return [
        _choice(stock)
        for stock in STOCKS.values()
        if bands_only is None or stock.is_band is bands_only
    ]


def stock_choice(name: str) -> StockChoice:
    """A stock offered by name (KeyError for a name never offered: a bug, not input)."""
    return _choice(STOCKS[name])


def child_stock_name(name: str) -> str:
    """The child band printed instead of stock `name` for the young (itself when not a band)."""
    return band_for(STOCKS[name], child=True).name


def default_print_settings() -> settings.PrintSettings:
    return settings.PrintSettings()


def print_settings_or_defaults(
    data_dir: DataDir,
) -> tuple[settings.PrintSettings, FieldregError | None]:
    """The saved settings, or the defaults and why the file could not be read (the dialog says
    so and still prints; saving writes the file again, whole)."""
    try:
        return bands.load_print_settings(data_dir), None
    except FieldregError as error:
        return settings.PrintSettings(), error
