"""What a scanned or typed code says, for a front end that shows it: the person, the band and how
the scanner's keystrokes were read back (the parsing itself is `printing.payload`'s)."""

from __future__ import annotations

from dataclasses import dataclass

from fieldreg.printing.payload import parse_band_id, parse_scan


@dataclass(frozen=True, slots=True)
class ScannedCode:
    person_id: str
    band_no: int | None  # None: a tag or a typed ID
    band_id: str | None
    payload: bool  # False: a plain ID, not a fieldreg QR payload
    keyboard: str  # "latin", "layout" (through a Cyrillic layout) or "lookalike"


def read_code(untrusted: str) -> ScannedCode:
    """The code resolved (nothing is looked up), or IdError saying why it cannot be."""
    scan = parse_scan(untrusted)
    return ScannedCode(scan.person_id, scan.band_no, scan.band_id, scan.payload, scan.keyboard)


def band_number(band_id: str) -> int:
    """The number of a recorded band ("K7-0042-X/2" -> 2), 0 for anything else: bands in order."""
    parsed = parse_band_id(band_id)
    return parsed[1] if parsed else 0
