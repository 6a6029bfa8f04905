"""Reading a search query: name words with their keys, and a date of birth if one was typed.

A 4-digit year (1900-2099), "yyyy-mm-dd" or "dd.mm.yyyy" in the query is a date-of-birth filter,
not a name; stored dates of birth ("1984-03-12", "1984", "~1984") are parsed the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

import numpy as np
import numpy.typing as npt

from fieldreg.core.errors import ValidationError
from fieldreg.core.names import detect_script
from fieldreg.matching.initials import split_initials
from fieldreg.matching.phonetic import search_words

IntArray = npt.NDArray[np.int32]

MAX_QUERY_WORDS: Final = 8
KIND_NONE, KIND_YEAR, KIND_ESTIMATED, KIND_EXACT = 0, 1, 2, 3
SCRIPT_BITS: Final = {"cyrillic": 1, "latin": 2, "mixed": 3, "none": 0}
_YEAR: Final = re.compile(r"~?((?:19|20)\d\d)")
_ISO_DATE: Final = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
_DOTTED_DATE: Final = re.compile(r"(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)")
_TRAILING_PUNCTUATION: Final = ".:"
_DIGRAPH_STARTS: Final = frozenset("cgkpstz")  # first letters of kh, ch, sh, zh, ts, gh, ph...
_EPOCH: Final = date(1970, 1, 1)


@dataclass(frozen=True, slots=True)
class Dob:
    kind: int
    year: int
    day: int  # days since 1970-01-01 when exact (numpy's datetime64[D]), else 0


NO_DOB: Final = Dob(KIND_NONE, 0, 0)


def parse_stored_dob(untrusted_dob: str | None) -> Dob:
    """A stored date of birth; one that does not parse counts as unknown instead of failing."""
    if not untrusted_dob:
        return NO_DOB
    try:
        return parse_dob(untrusted_dob.strip())
    except ValueError:
        return NO_DOB


def parse_stored_dobs(
    untrusted_dobs: Sequence[str | None],
) -> tuple[npt.NDArray[np.uint8], IntArray, IntArray]:
    """`parse_stored_dob` for many (kind, year, day arrays); numpy parses the full dates."""
    kind = np.zeros(len(untrusted_dobs), dtype=np.uint8)
    year = np.zeros(len(untrusted_dobs), dtype=np.int32)
    day = np.zeros(len(untrusted_dobs), dtype=np.int32)
    full: list[int] = []
    for i, text in enumerate(untrusted_dobs):
        if text and len(text) == 10 and _ISO_DATE.fullmatch(text):
            full.append(i)
        else:
            dob = parse_stored_dob(text)
            kind[i], year[i], day[i] = dob.kind, dob.year, dob.day
    try:
        dates = np.array([untrusted_dobs[i] for i in full], dtype="datetime64[D]")
    except ValueError:  # an impossible date (30 February): parse them one by one
        for i in full:
            dob = parse_stored_dob(untrusted_dobs[i])
            kind[i], year[i], day[i] = dob.kind, dob.year, dob.day
    else:
        kind[full] = KIND_EXACT
        year[full] = dates.astype("datetime64[Y]").astype(np.int32) + 1970
        day[full] = dates.astype(np.int32)
    return kind, year, day


def parse_dob(text: str) -> Dob:
    """Parse "1984-03-12", "12.03.1984", "1984" or "~1984"; ValueError otherwise."""
    if match := _YEAR.fullmatch(text):
        kind = KIND_ESTIMATED if text.startswith("~") else KIND_YEAR
        return Dob(kind, int(match.group(1)), 0)
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    elif match := _DOTTED_DATE.fullmatch(text):
        day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    else:
        raise ValueError(text)
    return Dob(KIND_EXACT, year, (date(year, month, day) - _EPOCH).days)


@dataclass(frozen=True, slots=True)
class Query:
    keys: list[str]
    raws: list[str]  # casefolded words, aligned with keys
    word_scripts: list[int]  # bit set per word: 1 Cyrillic, 2 Latin
    dob: Dob | None
    prefix: bool  # the last word may be unfinished
    script: int
    prefix_keys: tuple[str, ...]  # keys the unfinished last word may begin with
    # Sound classes (bits, `matching.initials`) of initials: the given name's, the patronymic's.
    initials: tuple[int, ...] = ()
    name_text: str = ""  # the name words as typed, without the date of birth


def parse_query(query: str, dob: str | None) -> Query:
    query_dob: Dob | None = None
    if dob is not None and dob.strip():
        try:
            query_dob = parse_dob(dob.strip())
        except ValueError:
            raise ValidationError("dob", "dob.invalid") from None
    name_parts: list[str] = []
    keys: list[str] = []
    raws: list[str] = []
    # Commas and semicolons separate words ("Shevchenko, Serhii"); dots belong to dates.
    pieces: list[str] = []
    dob_after_last = False  # a date of birth came after the last name piece
    for piece in query.replace(",", " ").replace(";", " ").split():
        try:
            piece_dob = parse_dob(piece.rstrip(_TRAILING_PUNCTUATION))
        except ValueError:
            pieces.append(piece)
            dob_after_last = False
        else:
            query_dob = query_dob or piece_dob
            dob_after_last = True
    # "Гнатюк О. В.": the initials are compared apart, and the words before them are complete.
    pieces, initials = split_initials(pieces)
    for piece in pieces:
        name_parts.append(piece)
        for word, key in search_words(piece):
            if len(keys) < MAX_QUERY_WORDS:
                keys.append(key)
                raws.append(word.casefold())
    # A space after the last name word says it is complete; a year after it does not.
    last_has_words = bool(pieces) and bool(search_words(pieces[-1]))
    prefix = last_has_words and not initials and (dob_after_last or not query[-1:].isspace())
    script = SCRIPT_BITS[detect_script(" ".join(name_parts))]
    prefix_keys: tuple[str, ...] = ()
    if prefix:
        prefix_keys = (keys[-1],)
        # "Yuk" may be the start of "Yukhym": a digraph cut in two reads as another letter.
        if raws[-1][-1:] in _DIGRAPH_STARTS and len(raws[-1]) > 2:
            shorter = search_words(raws[-1][:-1])
            if len(shorter) == 1 and shorter[0][1] != keys[-1]:
                prefix_keys += (shorter[0][1],)
    word_scripts = [SCRIPT_BITS[detect_script(raw)] for raw in raws]
    return Query(
        keys,
        raws,
        word_scripts,
        query_dob,
        prefix,
        script,
        prefix_keys,
        tuple(initials[:2]),
        " ".join(name_parts),
    )
