"""Render every band and tag layout to a PNG for the documentation (docs/images/layout-*.png).

Run: .venv/bin/python scripts/render_layout_previews.py   (needs poppler's pdftoppm)

Each stock is printed to a PDF by the real renderer with made-up people, and the PDF page is
rasterised with pdftoppm, so the pictures show exactly what a printer gets. Bands are turned to
lie horizontally and framed with a thin grey line so the band's edge shows on a white page; the
tag sheet is cut to its top rows. Nothing here is a real person.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QImage, QPainter, QTransform  # noqa: E402

from fieldreg.printing.layouts import SHOWABLE, label_content  # noqa: E402
from fieldreg.printing.payload import band_id, format_payload  # noqa: E402
from fieldreg.printing.qt_renderer import QtLabelRenderer  # noqa: E402
from fieldreg.printing.stocks import STOCKS, Stock  # noqa: E402

OUT = ROOT / "docs" / "images"
DPI = 150
PEOPLE = [  # made up
    ("K7-0042-0", {"given_name": "Ярослава", "latin_given_name": "Yaroslava", "dob": "1947"}),
    ("K7-0044-X", {"given_name": "Ґаврило", "latin_given_name": "Havrylo", "dob": "2016-05-02"}),
]
HOUSEHOLD = "K7-0040-8"


def render(stock: Stock, renderer: QtLabelRenderer, work: Path) -> Path:
    labels = []
    for person, fields in PEOPLE:
        all_fields = {**fields, "household_id": HOUSEHOLD, "needs": ["medical"]}
        number = 2 if stock.is_band else None
        labels.append(
            label_content(
                person,
                format_payload(person, number),
                all_fields,
                SHOWABLE if person.endswith("0") else ("given_name", "household_id"),
                band_id(person, number) if number else None,
            )
        )
    if not stock.is_band:
        labels = [label for label in labels for _ in range(3)]
    pdf = work / f"{stock.name}.pdf"
    renderer.write_pdf(pdf, stock, labels)
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-gray", "-png", "-f", "1", "-l", "1", str(pdf), str(pdf)],
        check=True,
    )
    return next(work.glob(f"{stock.name}.pdf-*1.png"))


def finish(page: Path, stock: Stock, target: Path) -> None:
    image = QImage(str(page)).convertToFormat(QImage.Format.Format_Grayscale8)
    if stock.is_band:
        image = image.transformed(QTransform().rotate(-90))  # the band's closure end on the left
    else:
        image = image.copy(0, 0, image.width(), round((stock.label_h * 2 + 1) * DPI / 25.4))
    painter = QPainter(image)
    painter.setPen(QColor(170, 170, 170))
    painter.drawRect(image.rect().adjusted(0, 0, -1, -1))
    painter.end()
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"could not write {target}")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as directory, QtLabelRenderer() as renderer:
        for stock in STOCKS.values():
            target = OUT / f"layout-{stock.name}.png"
            finish(render(stock, renderer, Path(directory)), stock, target)
            print(f"{target.relative_to(ROOT)}  {target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
