"""ZPL II for Zebra-class thermal printers: one ``^XA``...``^XZ`` label per band.

The QR code is the printer's own ``^BQ`` symbol (model 2, level M, mask 7, manual alphanumeric
input), so no bitmap is sent and the printer draws it sharp at its own resolution; its
magnification is the largest whole number of dots per module that fits the layout's box with the
quiet zone. The ID and the household ID are ASCII and use the resident scalable font ``^A0``,
which every ZPL printer has. Names may be Cyrillic: the label switches to UTF-8 (``^CI28``) and
sets the name in a TrueType font on the printer, by default ``E:TT0003M_.TTF`` (Swiss 721, which
Link-OS printers carry and which covers Cyrillic); a printer without it needs a font downloaded
once and its name in the printing settings (docs/printing.md). Text is hex-escaped (``^FH``).

The printer measures text itself, so its length is estimated with a generous average advance
(`ADVANCE`, a fraction of the font height); a line estimated too long is set smaller and then
cut, exactly as the PDF renderer does with real metrics.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

from fieldreg.core.errors import Cancelled
from fieldreg.core.tasks import CancelFlag
from fieldreg.printing.layouts import LabelContent, Layout, TextSlot, layout_for
from fieldreg.printing.qr import MASK_PATTERN, QUIET_ZONE, modules_for, qr_version
from fieldreg.printing.stocks import Stock

DEFAULT_TEXT_FONT: Final = "E:TT0003M_.TTF"
ADVANCE: Final = 0.62  # estimated average advance of a character, as a fraction of its height
ELLIPSIS: Final = "\u2026"
_ESCAPED: Final = frozenset("^~_\\")


def render_zpl(
    stock: Stock,
    labels: Sequence[LabelContent],
    *,
    text_font: str = DEFAULT_TEXT_FONT,
    cancelled: CancelFlag | None = None,
) -> bytes:
    """The ZPL of `labels` on a band stock, UTF-8 encoded; ValueError for a sheet stock."""
    if not stock.is_band:
        raise ValueError("ZPL is for band stocks")
    layout = layout_for(stock)
    parts = []
    for label in labels:
        if cancelled is not None and cancelled():
            raise Cancelled
        parts.append(_label(stock, layout, label, text_font))
    return "".join(parts).encode("utf-8")


def fitted_text(text: str, along: float, em: float, min_em: float) -> tuple[str, float]:
    """(text, em) that fit `along` at the estimated advance: smaller first, then cut."""
    if len(text) * em * ADVANCE <= along:
        return text, em
    size = along / (len(text) * ADVANCE)
    if size >= min_em:
        return text, size
    keep = max(1, math.floor(along / (min_em * ADVANCE)) - 1)
    return text[:keep].rstrip() + ELLIPSIS, min_em


def _label(stock: Stock, layout: Layout, label: LabelContent, text_font: str) -> str:
    dots = stock.dots
    out = [
        "^XA",
        "^CI28",
        f"^PW{dots(stock.label_w)}",
        f"^LL{dots(stock.label_h)}",
        "^LH0,0",
        "^PON",
    ]
    out.append(_qr(stock, layout, label.payload))
    for slot in layout.texts:
        text = label.text_for(slot.role)
        if text:
            out.append(_text(stock, slot, text, text_font))
    if label.needs:
        out.append(_needs_mark(stock, layout))
    out.append("^PQ1")
    out.append("^XZ\n")
    return "\n".join(out)


def _qr(stock: Stock, layout: Layout, payload: str) -> str:
    box = stock.dots(layout.qr.right) - stock.dots(layout.qr.x)
    modules = modules_for(qr_version(payload))
    magnification = max(1, min(10, box // (modules + 2 * QUIET_ZONE)))
    offset = (box - modules * magnification) // 2
    x = stock.dots(layout.qr.x) + offset
    y = stock.dots(layout.qr.y) + offset
    return f"^FO{x},{y}^BQN,2,{magnification},M,{MASK_PATTERN}^FDMM,A{payload}^FS"


def _text(stock: Stock, slot: TextSlot, text: str, text_font: str) -> str:
    if not slot.rotated:
        raise ValueError("band layouts set their text along the band")
    dots = stock.dots
    lines = []
    along = slot.along
    start = slot.box.y
    if slot.role == "household":
        icon = slot.across * 0.8
        lines.append(_house(stock, slot, icon))
        start += icon * 1.25
        along -= icon * 1.25
    shown, em = fitted_text(text, along, slot.em, slot.min_em)
    height = dots(em)
    x = dots(slot.box.x + (slot.across - em) / 2)
    if slot.role == "name":
        font = f"^A@R,{height},{height},{text_font}"
    else:
        font = f"^A0R,{height},{height}"
    lines.append(f"^FO{x},{dots(start)}{font}^FH^FD{_escape(shown)}^FS")
    return "\n".join(lines)


def _house(stock: Stock, slot: TextSlot, size: float) -> str:
    """An outlined house, its roof toward the text's top (+x on a band)."""
    dots = stock.dots
    thickness = max(2, dots(size * 0.12))
    base = dots(size * 0.55)
    roof = dots(size) - base
    width = dots(size)
    x0 = dots(slot.box.x + (slot.across - size) / 2)
    y0 = dots(slot.box.y)
    half = width // 2
    return "\n".join(
        [
            f"^FO{x0},{y0 + width // 6}^GB{base},{width - width // 3},{thickness}^FS",
            f"^FO{x0 + base},{y0}^GD{roof},{half},{thickness},B,L^FS",
            f"^FO{x0 + base},{y0 + half}^GD{roof},{width - half},{thickness},B,R^FS",
        ]
    )


def _needs_mark(stock: Stock, layout: Layout) -> str:
    """A black disc with a white "!" standing like the text (its top toward +x)."""
    dots = stock.dots
    mark = layout.mark
    x0, y0 = dots(mark.x), dots(mark.y)
    diameter = min(dots(mark.right) - x0, dots(mark.bottom) - y0)  # rounding stays inside
    stroke = max(2, diameter // 7)
    bar = diameter * 45 // 100
    centre_y = y0 + (diameter - stroke) // 2
    bar_x = x0 + diameter // 2 - bar // 2 + stroke
    dot_x = bar_x - 2 * stroke
    return "\n".join(
        [
            f"^FO{x0},{y0}^GC{diameter},{diameter // 2 + 1},B^FS",
            f"^FO{bar_x},{centre_y}^GB{bar},{stroke},{stroke},W^FS",
            f"^FO{dot_x},{centre_y}^GB{stroke},{stroke},{stroke},W^FS",
        ]
    )


def _escape(text: str) -> str:
    """Field data safe for ^FH: ZPL's command characters and controls as _XX (UTF-8 bytes)."""
    out = []
    for char in text:
        if char in _ESCAPED or not char.isprintable():
            out.append("".join(f"_{byte:02X}" for byte in char.encode("utf-8")))
        else:
            out.append(char)
    return "".join(out)
