"""A name typed with the wrong keyboard layout active, read back as the volunteer meant it.

"Vjhjp Nfhfc" is Мороз Тарас typed with the US layout on; "Ьщкщя Ефкфі" is Moroz Taras typed with
the Ukrainian one. The tables are `fieldreg.core.keyboards`, the ones the band-scan parser uses
(one source of truth for both).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Final, Literal

from fieldreg.core.keyboards import LAYOUTS, through_layout, us_keys_of

Layout = Literal["uk", "ru"]
_LATIN_LETTERS: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


@cache
def _from_us(layout: str) -> Mapping[str, str]:
    """US character -> the character the same key types under `layout`."""
    return {us: typed for typed, us in us_keys_of(LAYOUTS[layout]).items() if typed != us}


def latin_typed_as(text: str, layout: Layout) -> str:
    """What `text`, typed with the US layout active, was meant to be under `layout`."""
    table = _from_us(layout)
    return "".join(table.get(ch, ch) for ch in text)


def cyrillic_typed_as_latin(text: str) -> str:
    """What `text`, typed with a Cyrillic layout active, was meant to be with the US layout."""
    return through_layout(text)


def layout_readings(text: str) -> list[str]:
    """The other readings of `text` worth trying, most likely first; [] if none differs.

    Latin letters (and the punctuation on Cyrillic letter keys: ; ' [ ] , .) are read under the
    Ukrainian and the Russian layout; Cyrillic letters as the US keys they sit on.
    """
    readings: list[str] = []
    if any(ch in _LATIN_LETTERS for ch in text):
        for layout in ("uk", "ru"):
            reading = latin_typed_as(text, layout)
            if reading != text and reading not in readings:
                readings.append(reading)
    if any("\u0400" <= ch <= "\u04ff" for ch in text):
        reading = cyrillic_typed_as_latin(text)
        if reading != text and reading not in readings:
            readings.append(reading)
    return readings
