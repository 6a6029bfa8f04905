"""QR symbols with the fixed mask decode with an independent decoder (zbar), for many payloads."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from printing_support import decode_qr, tools_missing

from fieldreg.core.ids import format_id, next_counter
from fieldreg.printing.payload import format_payload
from fieldreg.printing.qr import QUIET_ZONE, QrMatrix, modules_for, qr_matrix, qr_version

SCALE = 4  # pixels per module
COLUMNS = 20


def _pgm(matrices: list[QrMatrix], path: Path) -> None:
    """Lay the symbols out in a grid, each with its quiet zone, as a binary PGM image."""
    cell = (max(m.size for m in matrices) + 2 * QUIET_ZONE) * SCALE
    rows = (len(matrices) + COLUMNS - 1) // COLUMNS
    width, height = COLUMNS * cell, rows * cell
    pixels = bytearray(b"\xff" * (width * height))
    for index, matrix in enumerate(matrices):
        top = (index // COLUMNS) * cell + QUIET_ZONE * SCALE
        left = (index % COLUMNS) * cell + QUIET_ZONE * SCALE
        for row, column, length in matrix.dark_runs():
            for dy in range(SCALE):
                start = (top + row * SCALE + dy) * width + left + column * SCALE
                pixels[start : start + length * SCALE] = b"\x00" * (length * SCALE)
    path.write_bytes(f"P5 {width} {height} 255\n".encode() + bytes(pixels))


def test_fixed_mask_symbols_decode_with_zbar(tmp_path: Path) -> None:
    if reason := tools_missing("zbarimg"):
        pytest.skip(reason)
    rng = random.Random(4)
    payloads = set()
    for prefix in ("K7", "M2Q", "T9XZ", "ZQ4H2D"):  # enrolled prefixes and a provisional one
        for _ in range(60):
            person = format_id(
                prefix, next_counter(prefix, rng.randrange(32 ** rng.choice((4, 6))))
            )
            payloads.add(format_payload(person, rng.choice((None, 1, 2, 17, 9999))))
    matrices = [qr_matrix(payload) for payload in sorted(payloads)]
    image = tmp_path / "codes.pgm"
    _pgm(matrices, image)
    assert sorted(decode_qr(image)) == sorted(payloads)


def test_enrolled_payloads_use_the_smallest_symbol() -> None:
    # prefixes of 2-4 symbols, 4-symbol counters, any band number: version 1 at level M
    payload = format_payload(format_id("T9XZ", next_counter("T9XZ", 32**4 - 100)), 9999)
    assert len(payload) == 20
    assert qr_version(payload) == 1
    assert qr_matrix(payload).size == modules_for(1) == 21
    assert qr_version(payload + "0") == 2


def test_matrix_runs_cover_exactly_the_dark_modules() -> None:
    matrix = qr_matrix("FR1:K7-0042-0/2")
    dark = {(r, c) for r, row in enumerate(matrix.rows) for c, module in enumerate(row) if module}
    covered = {(r, c + i) for r, c, n in matrix.dark_runs() for i in range(n)}
    assert covered == dark
    with pytest.raises(ValueError, match="alphanumeric"):
        qr_matrix("fr1:k7")
