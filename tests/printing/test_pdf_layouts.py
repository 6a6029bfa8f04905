"""Every layout as a PDF, rendered to an image at thermal (203 dpi) and office (300 dpi)
resolution, decodes with zbar to exactly its payload; names are real text in the shipped font."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import numpy as np
import pytest
from printing_support import decode_each, render_pages, tools_missing
from PySide6.QtGui import QImage

from fieldreg.core.ids import format_id, next_counter
from fieldreg.printing.layouts import SHOWABLE, LabelContent, label_content
from fieldreg.printing.payload import band_id, format_payload
from fieldreg.printing.qt_renderer import QtLabelRenderer
from fieldreg.printing.stocks import STOCKS, Stock

pytestmark = pytest.mark.usefixtures("qapp")

NAMES = ["Ґаврило", "Олександра-Вікторія Анастасія Богданівна", "Jan", "Євдокія"]


def _labels(stock: Stock, prefix: str) -> list[LabelContent]:
    labels = []
    for index, name in enumerate(NAMES):
        person = format_id(prefix, next_counter(prefix, 1000 + 37 * index))
        number = index + 1 if stock.is_band else None
        fields = {"given_name": name, "dob": "~1990", "household_id": "K7-0040-X", "needs": ["x"]}
        shown = SHOWABLE if index % 2 else ("given_name", "household_id")
        labels.append(
            label_content(
                person,
                format_payload(person, number),
                fields,
                shown,
                band_id(person, number) if number else None,
            )
        )
    return labels


def _crop(image: QImage, stock: Stock, slot: int, dpi: int, target: Path) -> Path:
    """Check that nothing is drawn outside the label's printable area, and save that area for
    zbar (which misses some codes among two dozen on a page, though each decodes alone; a
    scanner at the desk sees one tag at a time too)."""
    px = dpi / 25.4
    x, y = stock.label_origin(slot)
    area = stock.printable
    left, top = round((x + area.x) * px), round((y + area.y) * px)
    right, bottom = round((x + area.right) * px), round((y + area.bottom) * px)
    rows, columns = image.height(), image.bytesPerLine()
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(rows, columns).copy()
    label = (
        slice(round(y * px), round((y + stock.label_h) * px)),
        slice(round(x * px), round((x + stock.label_w) * px)),
    )
    assert pixels[label].min() < 100  # the label's own ink is in this slice
    pixels[top - 1 : bottom + 1, left - 1 : right + 1] = 255
    assert pixels[label].min() > 200, f"ink outside the printable area of {stock.name}"
    assert image.copy(left, top, right - left, bottom - top).save(str(target))
    return target


def _field(pattern: str, text: str) -> tuple[str, ...]:
    match = re.search(pattern, text)
    assert match is not None, pattern
    return match.groups()


def _pdf_text(pdf: Path, *args: str) -> str:
    done = subprocess.run(
        [args[0], *args[1:], str(pdf), *(["-"] if args[0] == "pdftotext" else [])],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout


@pytest.mark.parametrize("stock", list(STOCKS.values()), ids=lambda s: s.name)
def test_each_layout_decodes_to_exactly_its_payload(stock: Stock, tmp_path: Path) -> None:
    if reason := tools_missing("pdftoppm", "pdftotext", "pdffonts", "pdfinfo", "zbarimg"):
        pytest.skip(reason)
    pdf = tmp_path / f"{stock.name}.pdf"
    # a provisional prefix makes the longest IDs (version 2 symbols)
    labels = _labels(stock, "K7") + _labels(stock, "ZQ4H2D")
    with QtLabelRenderer() as renderer:
        renderer.write_pdf(pdf, stock, labels)

    info = _pdf_text(pdf, "pdfinfo")
    pages = int(_field(r"Pages:\s+(\d+)", info)[0])
    per_page = stock.labels_per_page
    assert pages == -(-len(labels) // per_page)
    width_pt, height_pt = (float(v) for v in _field(r"Page size:\s+([\d.]+) x ([\d.]+)", info))
    assert abs(width_pt / 72 * 25.4 - stock.page_w) < 0.5
    assert abs(height_pt / 72 * 25.4 - stock.page_h) < 0.5

    for dpi in (203, 300):
        images = [
            QImage(str(path)).convertToFormat(QImage.Format.Format_Grayscale8)
            for path in render_pages(pdf, dpi, tmp_path)
        ]
        assert len(images) == pages
        crops = [
            _crop(
                images[index // per_page], stock, index % per_page, dpi, tmp_path / f"{index}.png"
            )
            for index in range(len(labels))
        ]
        found = decode_each(crops)
        assert [found[crop] for crop in crops] == [[label.payload] for label in labels], dpi

    text = _pdf_text(pdf, "pdftotext", "-raw")
    for label in labels:
        assert label.person_id in text
    assert "Ґаврило" in text  # Cyrillic set as text, with glyphs from the shipped font
    fonts = _pdf_text(pdf, "pdffonts")
    assert "DejaVuSans" in fonts
    assert "DejaVuSans-Bold" in fonts
    assert all(" yes " in line for line in fonts.splitlines()[2:]), fonts  # all embedded


def test_a_long_name_is_cut_rather_than_overflowing(tmp_path: Path) -> None:
    if reason := tools_missing("pdftotext"):
        pytest.skip(reason)
    stock = STOCKS["band-child-203"]
    name = "Олександра-Вікторія " * 6
    label = label_content("K7-0042-0", "FR1:K7-0042-0/1", {"given_name": name}, ("given_name",))
    pdf = tmp_path / "long.pdf"
    with QtLabelRenderer() as renderer:
        renderer.write_pdf(pdf, stock, [label])
    text = _pdf_text(pdf, "pdftotext", "-raw")
    assert "Олександра-Вікторія" in text
    assert "\u2026" in text
    assert text.count("Олександра") < 6
