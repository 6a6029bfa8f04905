"""What a keyboard-wedge scanner's keystrokes become under a Cyrillic keyboard layout.

A wedge scanner sends key positions as if the keyboard were US QWERTY; the operating system turns
them into characters with whatever layout is active. On a laptop set to Ukrainian or Russian the
payload ``FR1:K7-0042-0/2`` arrives as ``АК1ЖЛ7-0042-0.2``. These tables are the standard
Windows layouts "Ukrainian (Enhanced)" and "Russian" (the X11 "ua" and "ru" layouts agree on every
key used here); each row lists the characters of one row of keys, unshifted then shifted, in the
same order as the US row above it. Keys whose character differs between Windows and X11 versions
of a layout (the backquote and backslash keys) are left out: no payload character lives there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

# US QWERTY rows, unshifted and shifted, without the backquote and backslash keys.
_US_ROWS: Final = (
    "1234567890-=",
    "!@#$%^&*()_+",
    "qwertyuiop[]",
    "QWERTYUIOP{}",
    "asdfghjkl;'",
    'ASDFGHJKL:"',
    "zxcvbnm,./",
    "ZXCVBNM<>?",
)

RUSSIAN_ROWS: Final = (
    "1234567890-=",
    '!"№;%:?*()_+',
    "йцукенгшщзхъ",
    "ЙЦУКЕНГШЩЗХЪ",
    "фывапролджэ",
    "ФЫВАПРОЛДЖЭ",
    "ячсмитьбю.",
    "ЯЧСМИТЬБЮ,",
)

UKRAINIAN_ROWS: Final = (
    "1234567890-=",
    '!"№;%:?*()_+',
    "йцукенгшщзхї",
    "ЙЦУКЕНГШЩЗХЇ",
    "фівапролджє",
    "ФІВАПРОЛДЖЄ",
    "ячсмитьбю.",
    "ЯЧСМИТЬБЮ,",
)

LAYOUTS: Final[Mapping[str, tuple[str, ...]]] = {"ru": RUSSIAN_ROWS, "uk": UKRAINIAN_ROWS}


def us_keys_of(rows: tuple[str, ...]) -> dict[str, str]:
    """Character typed under a layout -> the US character on the same key (and shift state).
    ValueError (from the strict zips) unless the layout has one character per US key."""
    table: dict[str, str] = {}
    for layout_row, us_row in zip(rows, _US_ROWS, strict=True):
        for typed, us in zip(layout_row, us_row, strict=True):
            if table.get(typed, us) != us:
                raise ValueError(f"{typed!r} is on two keys")
            table[typed] = us
    return table


def _combined() -> dict[str, str]:
    """One table for both layouts: they differ only in letters the other layout lacks."""
    table: dict[str, str] = {}
    for rows in LAYOUTS.values():
        for typed, us in us_keys_of(rows).items():
            if table.get(typed, us) != us:
                raise ValueError(f"the layouts disagree on {typed!r}")
            table[typed] = us
    return table


# Only characters that differ from the US key matter; digits and "-" type the same everywhere.
CYRILLIC_TO_US: Final[Mapping[str, str]] = {k: v for k, v in _combined().items() if k != v}

# Cyrillic capitals that look like Latin ones, for an ID typed by eye on a Cyrillic keyboard
# ("К7-0042-0" with a Cyrillic К). Crockford reading then turns І into 1 and О into 0.
LOOKALIKES: Final[Mapping[str, str]] = {
    "А": "A",
    "В": "B",
    "Е": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "Х": "X",
    "У": "Y",
    "І": "I",
    "З": "3",
}


def is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


def through_layout(text: str) -> str:
    """The US keystrokes behind `text` typed under a Cyrillic layout (other characters kept)."""
    return "".join(CYRILLIC_TO_US.get(char, char) for char in text)


def lookalikes_read(text: str) -> str:
    """`text` with Cyrillic capitals (any case) read as the Latin letters they look like."""
    return "".join(LOOKALIKES.get(char.upper(), char) for char in text)
