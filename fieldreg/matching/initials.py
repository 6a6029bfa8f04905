"""Initials in a name as official lists write them: "Гнатюк О. В.", "Гнатюк О.В.", "O.V. Hnatiuk".

An initial is compared by its sound class: the first letter of the phonetic key of the letter
(О and O are "a", as in Олексій and Oleksii; Г, G, H and Х are "h"), so that an initial typed in
either script fits a name recorded in the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

from fieldreg.matching.phonetic import phonetic_key

_INITIALS: Final = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?|[^\W\d_]")


def is_initials(token: str) -> bool:
    """Whether `token` is one letter, or letters each followed by a dot ("О.", "О.В.", "O.V")."""
    return bool(_INITIALS.fullmatch(token))


def initials_of(token: str) -> list[str]:
    """The letters of an initials token, in order ("О.В." -> ["О", "В"])."""
    return [ch for ch in token if ch.isalpha()]


@lru_cache(maxsize=1024)  # single letters only: nothing personal is kept
def letter_class(letter: str) -> int:
    """A bit for the sound class of a letter (0 when it has none)."""
    key = phonetic_key(letter)
    if not key or not "a" <= key[0] <= "z":
        return 0
    return 1 << (ord(key[0]) - ord("a"))


def classes_of(spellings: Iterable[str]) -> int:
    """The sound classes the spellings of one name begin with, as bits."""
    mask = 0
    for spelling in spellings:
        if spelling:
            mask |= letter_class(spelling[0])
    return mask


def split_initials(tokens: list[str]) -> tuple[list[str], list[int]]:
    """Name tokens and the sound classes of the initials among them, when there are initials
    beside at least one full name word; otherwise the tokens unchanged and no initials."""
    words: list[str] = []
    initials: list[int] = []
    for token in tokens:
        if is_initials(token):
            initials.extend(letter_class(letter) for letter in initials_of(token))
        else:
            words.append(token)
    if not words or not initials:
        return tokens, []
    return words, initials
