"""ZPL for thermal bands: one well-formed label per band, the printer's own QR command carrying
exactly the payload, and every element inside the stock's printable area."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from fieldreg.core.ids import format_id, next_counter
from fieldreg.printing.layouts import SHOWABLE, LabelContent, label_content
from fieldreg.printing.payload import band_id, format_payload
from fieldreg.printing.qr import modules_for, qr_version
from fieldreg.printing.stocks import STOCKS, Stock
from fieldreg.printing.zpl import ADVANCE, render_zpl

BAND_STOCKS = [stock for stock in STOCKS.values() if stock.is_band]
FIELD = re.compile(r"\^FO(\d+),(\d+)(.*?)\^FS", re.DOTALL)


def _labels(names: list[str]) -> list[LabelContent]:
    labels = []
    for index, name in enumerate(names):
        person = format_id("ZQ4H2D", next_counter("ZQ4H2D", 32**6 + index))  # a long ID
        fields = {
            "given_name": name,
            "latin_given_name": "Yevdokiia",
            "dob": "1947-09-17",
            "household_id": format_id("ZQ4H2D", next_counter("ZQ4H2D", 32**6 - 50)),
            "needs": ["medical"],
        }
        payload = format_payload(person, 9999)
        labels.append(label_content(person, payload, fields, SHOWABLE, band_id(person, 9999)))
    return labels


NAMES = ["Євдокія", "Олександра-Вікторія Анастасія Богданівна" * 3, "Q^X~Y_Z\\", "Ян"]


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    w: int
    h: int


def _box(x: int, y: int, command: str) -> tuple[Box, str | None]:
    """The extent of one ZPL field (and its payload, for a QR code)."""
    if match := re.match(r"\^BQN,2,(\d+),M,7\^FDMM,A(.*)$", command):
        size = modules_for(qr_version(match[2])) * int(match[1])
        return Box(x, y, size, size), match[2]
    if match := re.match(r"\^A[0@]R,(\d+),(\d+)(?:,[^^]+)?\^FH\^FD(.*)$", command, re.DOTALL):
        height = int(match[1])
        text = re.sub(r"(_[0-9A-F]{2})+", "?", match[3])
        return Box(x, y, height, round(len(text) * height * ADVANCE)), None
    if match := re.match(r"\^G[BD](\d+),(\d+),", command):
        return Box(x, y, int(match[1]), int(match[2])), None
    if match := re.match(r"\^GC(\d+),", command):
        return Box(x, y, int(match[1]), int(match[1])), None
    raise AssertionError(f"unexpected field {command!r}")


@pytest.mark.parametrize("stock", BAND_STOCKS, ids=lambda s: s.name)
def test_one_well_formed_label_per_band_inside_the_printable_area(stock: Stock) -> None:
    labels = _labels(NAMES)
    zpl = render_zpl(stock, labels).decode("utf-8")
    blocks = re.findall(r"\^XA(.*?)\^XZ", zpl, re.DOTALL)
    assert len(blocks) == len(labels)
    assert zpl.count("^XA") == zpl.count("^XZ") == len(labels)
    area = stock.printable
    left, top = stock.dots(area.x), stock.dots(area.y)
    right, bottom = stock.dots(area.right), stock.dots(area.bottom)
    for block, label in zip(blocks, labels, strict=True):
        assert f"^PW{stock.dots(stock.label_w)}" in block
        assert f"^LL{stock.dots(stock.label_h)}" in block
        assert "^CI28" in block  # UTF-8 field data
        payloads = []
        for x, y, command in FIELD.findall(block):
            box, payload = _box(int(x), int(y), command)
            if payload is not None:
                payloads.append(payload)
            assert left <= box.x, (stock.name, command)
            assert box.x + box.w <= right, (stock.name, command)
            assert top <= box.y, (stock.name, command)
            assert box.y + box.h <= bottom, (stock.name, command)
        assert payloads == [label.payload]


def test_field_data_cannot_break_out_of_its_field() -> None:
    zpl = render_zpl(BAND_STOCKS[0], _labels(["Q^XZ~JR_"])).decode("utf-8")
    assert zpl.count("^XZ") == 1
    assert "Q_5EXZ_7EJR_5F" in zpl
    assert "~JR" not in zpl


def test_names_keep_cyrillic_in_utf8_and_ids_use_the_resident_font() -> None:
    zpl = render_zpl(BAND_STOCKS[1], _labels(["Ґаврило"]), text_font="E:DEJAVU.TTF")
    text = zpl.decode("utf-8")
    assert "^A@R" in text
    assert ",E:DEJAVU.TTF^FH^FDҐаврило / Yevdokiia, 1947^FS" in text
    assert re.search(r"\^A0R,\d+,\d+\^FH\^FDZQ4H2D-", text)


def test_sheet_stocks_have_no_zpl() -> None:
    with pytest.raises(ValueError, match="band"):
        render_zpl(STOCKS["tags-a4"], _labels(["Ян"]))
