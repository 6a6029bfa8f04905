"""QR symbols for payloads: the module matrix (for the PDF renderer) and the symbol version (to
size the printer's own ^BQ symbol in ZPL).

Error correction level M (15% of the symbol may be lost): it keeps every payload of an enrolled
laptop (prefix of 2-4 symbols, counter of 4 symbols, any band number: at most 20 characters) in
version 1, the smallest symbol (21 modules), so the modules on a 25 mm band are as large as they
can be: large modules survive a curved wrist, a worn thermal print and a cheap scanner better
than the extra recovery of Q or H would (Q would push the longer of these payloads to version 2).
A band that is damaged beyond that is reprinted.

The mask pattern is fixed (the standard allows any of the eight): choosing the best mask costs
eight trial encodings, which would put generation over its 1 ms budget, and pattern 7 is also the
default of Zebra's ^BQ, so a band from the thermal printer and one from a PDF carry the same
symbol. The test suite decodes hundreds of fixed-mask symbols with zbar to keep this honest.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from qrcode.util import MODE_ALPHA_NUM, QRData

from fieldreg.printing.payload import QR_ALPHANUMERIC

ERROR_CORRECTION: Final = "M"
MASK_PATTERN: Final = 7
QUIET_ZONE: Final = 4  # modules of blank margin the standard asks for on every side
# Alphanumeric characters that fit in versions 1..10 at level M (ISO/IEC 18004, table 7).
_CAPACITY_M: Final = (20, 38, 61, 90, 122, 154, 178, 221, 262, 311)


@dataclass(frozen=True, slots=True)
class QrMatrix:
    """Dark (True) and light modules, row by row, without the quiet zone."""

    version: int
    rows: tuple[tuple[bool, ...], ...]

    @property
    def size(self) -> int:
        return len(self.rows)

    def dark_runs(self) -> Iterator[tuple[int, int, int]]:
        """(row, first column, length) of each horizontal run of dark modules: one rectangle
        per run draws the symbol with few shapes and no seams between neighbouring modules."""
        for y, row in enumerate(self.rows):
            x = 0
            while x < len(row):
                if row[x]:
                    start = x
                    while x < len(row) and row[x]:
                        x += 1
                    yield y, start, x - start
                else:
                    x += 1


def qr_version(payload: str) -> int:
    """The smallest symbol version that holds `payload` at level M in alphanumeric mode."""
    _check(payload)
    for version, capacity in enumerate(_CAPACITY_M, start=1):
        if len(payload) <= capacity:
            return version
    raise ValueError("payload too long for a band")


def modules_for(version: int) -> int:
    return 17 + 4 * version


def qr_matrix(payload: str) -> QrMatrix:
    """The module matrix of `payload`: alphanumeric mode, level M, fixed mask."""
    version = qr_version(payload)
    code = qrcode.QRCode(
        version=version,
        error_correction=ERROR_CORRECT_M,
        box_size=1,
        border=0,
        mask_pattern=MASK_PATTERN,
    )
    code.add_data(QRData(payload.encode("ascii"), mode=MODE_ALPHA_NUM), optimize=0)
    code.make(fit=False)
    rows = tuple(tuple(bool(module) for module in row) for row in code.modules)
    return QrMatrix(version, rows)


def _check(payload: str) -> None:
    if not payload or not set(payload) <= QR_ALPHANUMERIC:
        raise ValueError("a QR payload uses QR alphanumeric characters only")
