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
# "yyyy-mm-dd": where its digits and dashes are, for reading many at once in numpy.
_ISO_LENGTH: Final = 10
_ISO_DIGITS: Final = [5, 6, 8, 9]  # the month's and the day's
_ISO_DASHES: Final = [4, 7]
_ZERO: Final = ord("0")
_DASH: Final = ord("-")
_TILDE: Final = ord("~")


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
    """`parse_stored_dob` of each of many (unlock reads everyone's): kind, year and day arrays.

    Every text is copied into one numpy array of characters, without finding the distinct ones
    first (hashing and looking up 100,000 texts scattered in memory costs more than reading
    them): "yyyy-mm-dd", "yyyy" and "~yyyy" in ASCII digits (nearly every date of birth) are
    checked character by character and read there, full dates' days counted by arithmetic
    (`_days_since_epoch`); whatever else there is (other lengths or characters, a date that
    does not exist, dotted dates) goes through `parse_stored_dob` one by one, which decides."""
    count = len(untrusted_dobs)
    kind = np.zeros(count, dtype=np.uint8)
    year = np.zeros(count, dtype=np.int32)
    day = np.zeros(count, dtype=np.int32)
    texts = ["" if text is None else text for text in untrusted_dobs]  # "" is unknown too
    lengths = np.fromiter(map(len, texts), dtype=np.intp, count=count)
    chars = np.array(texts, dtype=f"<U{_ISO_LENGTH}")  # longer texts cut: their length tells
    # The digits' values; a character that is not a digit is outside 0..9.
    codes = chars.view(np.uint32).reshape(count, _ISO_LENGTH).astype(np.int32) - _ZERO
    done = lengths == 0
    # "yyyy" and "~yyyy": the year's four digits, where they start.
    for length, start, year_kind in ((4, 0, KIND_YEAR), (5, 1, KIND_ESTIMATED)):
        rows = np.flatnonzero(lengths == length)  # few: read only those
        digits = codes[rows, start : start + 4]
        fits = _is_year(digits)
        if start:
            fits &= codes[rows, 0] == _TILDE - _ZERO
        kind[rows[fits]] = year_kind
        year[rows[fits]] = _year_of(digits[fits])
        done[rows[fits]] = True
    iso = (
        (lengths == _ISO_LENGTH)
        & _is_year(codes[:, :4])
        & ((codes[:, _ISO_DIGITS] >= 0) & (codes[:, _ISO_DIGITS] <= 9)).all(axis=1)
        & (codes[:, _ISO_DASHES] == _DASH - _ZERO).all(axis=1)
    )
    iso_digits = codes[iso]
    iso_year = _year_of(iso_digits[:, :4])
    iso_month = iso_digits[:, 5] * 10 + iso_digits[:, 6]
    iso_day = iso_digits[:, 8] * 10 + iso_digits[:, 9]
    # A date that does not exist (30 February, a 13th month) is left to the one by one path.
    exists = _date_exists(iso_year, iso_month, iso_day)
    rows = np.flatnonzero(iso)[exists]
    kind[rows] = KIND_EXACT
    year[rows] = iso_year[exists]
    day[rows] = _days_since_epoch(iso_year[exists], iso_month[exists], iso_day[exists])
    done[rows] = True
    for i in np.flatnonzero(~done).tolist():
        dob = parse_stored_dob(texts[i])
        kind[i], year[i], day[i] = dob.kind, dob.year, dob.day
    return kind, year, day


def _is_year(digits: IntArray) -> npt.NDArray[np.bool_]:
    """Rows of four characters' digit values that are a year 1900-2099 in ASCII digits."""
    century = ((digits[:, 0] == 1) & (digits[:, 1] == 9)) | (
        (digits[:, 0] == 2) & (digits[:, 1] == 0)
    )
    result: npt.NDArray[np.bool_] = ((digits >= 0) & (digits <= 9)).all(axis=1) & century
    return result


_MONTH_DAYS: Final = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int32)


def _date_exists(year: IntArray, month: IntArray, day: IntArray) -> npt.NDArray[np.bool_]:
    """Whether each (year, month, day) is a day of the Gregorian calendar."""
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    real_month = (month >= 1) & (month <= 12)
    longest = _MONTH_DAYS[np.where(real_month, month, 0)] + (leap & (month == 2))
    result: npt.NDArray[np.bool_] = real_month & (day >= 1) & (day <= longest)
    return result


def _days_since_epoch(year: IntArray, month: IntArray, day: IntArray) -> IntArray:
    """Days from 1970-01-01 to each existing date, as `date.toordinal` differences would be,
    computed in numpy (Howard Hinnant's days_from_civil: the year counted from March, so
    that the leap day comes last; 719,468 days from 0000-03-01 to 1970-01-01). Numpy's own
    parse of "yyyy-mm-dd" texts took most of the time of reading 100,000 dates of birth."""
    march_year = year - (month <= 2)
    era = march_year // 400
    year_of_era = march_year - era * 400
    day_of_year = (153 * (month + np.where(month > 2, -3, 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    result: IntArray = (era * 146_097 + day_of_era - 719_468).astype(np.int32)
    return result


def _year_of(digits: IntArray) -> IntArray:
    result: IntArray = digits @ np.array([1000, 100, 10, 1], dtype=np.int32)
    return result


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
