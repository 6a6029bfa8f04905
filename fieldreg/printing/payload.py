"""The QR payload of bands and tags, and the parser for whatever a scanner or a person types.

Version 1 of the payload (specified in docs/printing.md):

    FR1:<person ID>[/<band number>]        e.g.  FR1:K7-0042-0/2   FR1:K7-0042-0

``FR`` names the system, ``1`` the format version, then the person's ID with its check character
and, on a wristband, the band number (1 for the first band, one more for each reprint, so a voided
band is recognised when scanned). A tag for belongings carries no band number: tags are not
voided. Nothing personal is in it. Every character is in the QR alphanumeric set (digits, upper
case A-Z, space and ``$%*+-./:``), so the code stays in alphanumeric mode and small.

`parse_scan` reads untrusted text: a payload, or an ID typed by hand. A keyboard-wedge scanner on
a laptop set to a Ukrainian or Russian layout types the payload as Cyrillic (``АК1ЖЛ7-0042-0.2``);
those keystrokes are mapped back (see `keyboards`), with Caps Lock either way. An ID typed by eye
with Cyrillic look-alike capitals (``К7-0042-0``) reads as the Latin letters. When several
readings are possible the check character decides; two readings that both check out and differ
are refused as ambiguous rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal

from fieldreg.core import ids
from fieldreg.core.errors import IdError
from fieldreg.core.keyboards import is_cyrillic, lookalikes_read, through_layout

SYSTEM: Final = "FR"
VERSION: Final = 1
MAX_BAND_NO: Final = 9999
# Longest payload: "FR1:" + 6-symbol prefix + 10-symbol counter + check + hyphens + "/9999" = 29.
MAX_SCAN_LEN: Final = 64
QR_ALPHANUMERIC: Final = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")

Keyboard = Literal["latin", "layout", "lookalike"]

# What a scanner may add around the code: a terminating Enter or Tab, spaces.
_SCANNER_EXTRAS: Final = " \t\r\n"
# "FR", a version of up to 3 symbols, ":" -- the shape of any fieldreg payload, old or new.
_PREFIXED: Final = re.compile(r"FR([0-9A-Z]{0,3}):(.*)", re.DOTALL)
_BAND_NO: Final = re.compile(r"[1-9][0-9]{0,3}")
# When every reading fails, the most specific reason wins.
_ERROR_RANK: Final = {
    "scan.foreign": 0,
    "id.malformed": 1,
    "scan.malformed": 2,
    "scan.version": 3,
    "id.bad_check": 4,
}


@dataclass(frozen=True, slots=True)
class Scan:
    """What a scanned or typed text resolves to."""

    person_id: str
    band_no: int | None  # None: a tag or a typed ID
    payload: bool = True  # False: a plain ID, not a fieldreg QR payload
    keyboard: Keyboard = "latin"  # how the characters were read back

    @property
    def band_id(self) -> str | None:
        return None if self.band_no is None else band_id(self.person_id, self.band_no)


def band_id(person_id: str, band_no: int) -> str:
    """The id a band is recorded under: ``K7-0042-0/2``."""
    _check_band_no(band_no)
    return f"{_canonical(person_id)}/{band_no}"


def parse_band_id(text: str) -> tuple[str, int] | None:
    """(person ID, band number) of a recorded band id, or None if it is not in this format."""
    person_text, slash, number = text.partition("/")
    if not slash or not _BAND_NO.fullmatch(number):
        return None
    try:
        person = str(ids.parse_id(person_text))
    except IdError:
        return None
    return (person, int(number)) if person == person_text else None


def next_band_no(person_id: str, recorded: Iterable[str]) -> int:
    """The number for a new band: one more than any band recorded for the person."""
    numbers = [
        parsed[1]
        for parsed in (parse_band_id(band) for band in recorded)
        if parsed is not None and parsed[0] == person_id
    ]
    return max(numbers, default=0) + 1


def format_payload(person_id: str, band_no: int | None = None) -> str:
    """The QR payload; ValueError for an ID that is not canonical (a bug, not bad input)."""
    person = _canonical(person_id)
    if band_no is None:
        return f"{SYSTEM}{VERSION}:{person}"
    _check_band_no(band_no)
    return f"{SYSTEM}{VERSION}:{person}/{band_no}"


def parse_scan(untrusted: str) -> Scan:
    """Resolve scanned or typed text to a person (and band), or raise IdError saying why not.

    Codes: scan.too_long, scan.empty, scan.malformed (a damaged fieldreg payload, or control
    characters), scan.foreign (not fieldreg's), scan.version (a newer payload format),
    scan.ambiguous, and the ID's own id.malformed / id.bad_check. Nothing is looked up.
    """
    if not isinstance(untrusted, str):
        raise TypeError("scanned input must be text")
    if len(untrusted) > MAX_SCAN_LEN:
        raise IdError("scan.too_long", max=MAX_SCAN_LEN)
    text = untrusted.strip(_SCANNER_EXTRAS)
    if not text:
        raise IdError("scan.empty")
    if not text.isprintable():
        raise IdError("scan.malformed")
    found: list[Scan] = []
    errors: list[IdError] = []
    for reading, keyboard in _readings(text):
        try:
            found.append(_parse_reading(reading, keyboard))
        except IdError as exc:
            errors.append(exc)
    distinct = {(scan.person_id, scan.band_no) for scan in found}
    if len(distinct) == 1:
        return found[0]
    if distinct:
        raise IdError("scan.ambiguous")
    raise max(errors, key=lambda error: _ERROR_RANK.get(error.code, 0))


def looks_like_scan(text: str) -> bool:
    """Routing for a search box: True when `text` should be read by `parse_scan`, not as a name.

    That is a fieldreg payload in any keyboard layout (even a damaged or oversized one, so the
    box can say why it is refused), or an ID typed with Cyrillic characters and its hyphens.
    Plain Latin IDs are `ids.looks_like_id`'s; names never contain ":" and seldom digits.
    """
    head = text.strip(_SCANNER_EXTRAS)[: MAX_SCAN_LEN + 1]
    if not head:
        return False
    cyrillic_id = "-" in head and not head.isascii()
    for reading, _keyboard in _readings(head):
        if _PREFIXED.match(reading):
            return True
        if cyrillic_id and ids.looks_like_id(reading):
            return True
    return False


def _readings(text: str) -> list[tuple[str, Keyboard]]:
    """The candidate Latin texts behind `text`, upper case, with how each was read."""
    if not any(is_cyrillic(char) for char in text):
        return [(text.upper(), "latin")]
    typed = through_layout(text).upper()
    caps_lock = through_layout(text.swapcase()).upper()
    readings: list[tuple[str, Keyboard]] = [(typed, "layout")]
    if caps_lock != typed:
        readings.append((caps_lock, "layout"))
    readings.append((lookalikes_read(text).upper(), "lookalike"))
    return readings


def _parse_reading(reading: str, keyboard: Keyboard) -> Scan:
    match = _PREFIXED.fullmatch(reading)
    if match is None:
        if ids.looks_like_id(reading):
            return Scan(str(ids.parse_id(reading)), None, payload=False, keyboard=keyboard)
        raise IdError("scan.foreign")
    version, body = match.groups()
    if not version.isdigit():
        raise IdError("scan.malformed")
    if version != str(VERSION):
        raise IdError("scan.version", version=version)
    person_text, slash, number = body.partition("/")
    if slash and not _BAND_NO.fullmatch(number):
        raise IdError("scan.malformed")
    if not person_text or not set(person_text) <= QR_ALPHANUMERIC:
        raise IdError("scan.malformed")
    person = str(ids.parse_id(person_text))
    return Scan(person, int(number) if slash else None, payload=True, keyboard=keyboard)


def _canonical(person_id: str) -> str:
    canonical = str(ids.parse_id(person_id))
    if canonical != person_id:
        raise ValueError("person IDs in payloads must be canonical")
    return canonical


def _check_band_no(band_no: int) -> None:
    if isinstance(band_no, bool) or not isinstance(band_no, int):
        raise TypeError("a band number is an int")
    if not 1 <= band_no <= MAX_BAND_NO:
        raise ValueError(f"band numbers run from 1 to {MAX_BAND_NO}")
