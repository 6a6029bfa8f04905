"""Strict parsing of what a volunteer types or a file carries into the values of `FIELDS`.

Every function takes untrusted input and either returns a canonical value or raises
`ValidationError(field, code, **params)`. Params name limits and code points, never the value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Final

from fieldreg.core.entities import FIELDS, FieldSpec, Kind, PersonFields
from fieldreg.core.errors import ValidationError
from fieldreg.core.language_codes import THREE_LETTER, TWO_LETTER
from fieldreg.core.names import APOSTROPHES

MAX_AGE_YEARS: Final = 120
PHONE_MIN_DIGITS: Final = 5
PHONE_MAX_DIGITS: Final = 15  # E.164
MAX_LANGUAGES: Final = 10
# A two-digit year names the century in which the person is 0 to 110 years old, when exactly
# one century does ("12.3.84" in 2026 is 1984, since 2084 is in the future); "12.3.20" could be
# a child or a centenarian, so it asks for four digits rather than guess.
TWO_DIGIT_YEAR_MAX_AGE: Final = 110

_BIDI_CONTROLS: Final = frozenset(
    "\u061c\u200e\u200f"
    + "".join(chr(code) for code in range(0x202A, 0x202F))
    + "".join(chr(code) for code in range(0x2066, 0x206A))
)
# Letters and marks that render as nothing (default-ignorable): a name made of them looks empty.
_INVISIBLE_IN_NAMES: Final = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u3164\uffa0"
    + "".join(chr(code) for code in range(0xFE00, 0xFE10))
    + "".join(chr(code) for code in range(0xE0100, 0xE01F0))
)
# Every apostrophe look-alike the name matcher folds into U+02BC is accepted as typed.
_NAME_PUNCTUATION: Final = frozenset(" -\u2010.") | APOSTROPHES
_LINE_BREAKS: Final = frozenset("\n\u2028\u2029")
# Hostile input is bounded before normalising it; NFC shrinks text at most a few times.
_RAW_LEN_FACTOR: Final = 8
_RAW_LEN_SLACK: Final = 256

_DIGITS: Final = "[0-9]"  # not \d, which also matches Arabic-Indic and other digits
_ISO_DATE: Final = re.compile(rf"({_DIGITS}{{4}})-({_DIGITS}{{1,2}})-({_DIGITS}{{1,2}})")
_DAY_FIRST_DATE: Final = re.compile(
    rf"({_DIGITS}{{1,2}})([./-])({_DIGITS}{{1,2}})\2({_DIGITS}{{4}}|{_DIGITS}{{2}})"
)
# Digits only, day first: "12031984" (or "19840312" when only that reading is a date), "120384".
_DIGITS_DATE: Final = re.compile(rf"{_DIGITS}{{6}}|{_DIGITS}{{8}}")
_YEAR: Final = re.compile(rf"(~?) *({_DIGITS}{{4}})")
_AGE: Final = re.compile(rf"~? *({_DIGITS}{{1,3}}) *[yY]?")
_DOB_MAX_INPUT: Final = 20
_CANONICAL_DOB: Final = re.compile(r"~?([0-9]{4})|([0-9]{4})-[0-9]{2}-[0-9]{2}")

_PHONE_SEPARATORS: Final = frozenset(" \u00a0-.()")
_PHONE_MAX_INPUT: Final = 40
_LANGUAGE_TAG: Final = re.compile(r"[a-z]{2,3}")
_LANGUAGE_SPLIT: Final = re.compile(r"[,\s]+")
_LANGUAGES_MAX_INPUT: Final = 200
# A document number: letters (a Ukrainian passport series is Cyrillic), digits and separators.
_DOCUMENT_PUNCTUATION: Final = frozenset(" -/.")
# Fields whose letters must be Latin: the spellings in travel documents.
_LATIN_FIELDS: Final = frozenset({"latin_family_name", "latin_given_name", "latin_patronymic"})
# Scripts that one word of a real name may combine (Japanese kanji with kana, Korean hanja).
_SCRIPTS_THAT_MIX: Final = (
    frozenset({"CJK", "HIRAGANA", "KATAKANA"}),
    frozenset({"CJK", "HANGUL"}),
)
_WORD_BREAKS: Final = re.compile("[ \\-\u2010.]+")


def clean_text(
    field: str, untrusted: str, *, max_len: int, multiline: bool = False, required: bool = False
) -> str:
    """NFC, trimmed text free of controls, bidi overrides, invisible and unassigned characters.

    Single-line text has its whitespace runs collapsed to one space; multi-line text keeps its
    line breaks (normalised to "\\n") and loses trailing spaces on each line.
    """
    if not isinstance(untrusted, str):
        raise ValidationError(field, "validation.type")
    if len(untrusted) > max_len * _RAW_LEN_FACTOR + _RAW_LEN_SLACK:
        raise ValidationError(field, "validation.too_long", max=max_len)
    if (
        not multiline
        and _PLAIN.fullmatch(untrusted)
        and unicodedata.is_normalized("NFC", untrusted)
    ):
        # Fast path for the common case (registration is on the hot path): printable ASCII,
        # Latin letters and Cyrillic hold no control, format, bidi or unassigned character.
        text = _SPACES.sub(" ", untrusted).strip(" ")
    else:
        text = _clean_slow(field, untrusted, multiline=multiline)
    if not text:
        if required:
            raise ValidationError(field, "validation.required")
        return ""
    if len(text) > max_len:
        raise ValidationError(field, "validation.too_long", max=max_len)
    return text


# Printable ASCII, Latin-1 letters and Latin Extended-A/B, Cyrillic, and the apostrophes.
_PLAIN: Final = re.compile("[\x20-\x7e\u00c0-\u024f\u0400-\u04ff\u02bc\u2019]*")
_SPACES: Final = re.compile(" {2,}")


def _clean_slow(field: str, untrusted: str, *, multiline: bool) -> str:
    # Lone surrogates first: NFC passes them through, and they cannot be encoded to UTF-8.
    for char in untrusted:
        if unicodedata.category(char) == "Cs":
            raise ValidationError(field, "validation.surrogate", char=_code_point(char))
    # Whitespace at the ends (a trailing newline from a pasted cell) is dropped, not refused.
    text = unicodedata.normalize("NFC", untrusted).strip()
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(_check_char(field, char, multiline=multiline) for char in text)
    if multiline:
        text = "\n".join(line.rstrip(" ") for line in text.split("\n")).strip("\n ")
    else:
        text = _SPACES.sub(" ", text).strip(" ")
    # Still NFC: only spaces and line ends were touched, and neither composes with anything.
    return text


def _check_char(field: str, char: str, *, multiline: bool) -> str:
    """The character to keep (spaces become U+0020), or raise naming why it is refused."""
    if char in _LINE_BREAKS:
        if multiline:
            return "\n"
        raise ValidationError(field, "validation.control_char", char=_code_point(char))
    category = unicodedata.category(char)
    if category == "Cc":
        raise ValidationError(field, "validation.control_char", char=_code_point(char))
    if char in _BIDI_CONTROLS:
        raise ValidationError(field, "validation.bidi_char", char=_code_point(char))
    # Cf: zero-width and other format characters; Co: private use; Cn: unassigned and
    # noncharacters, refused because a later Unicode version could change how they normalise.
    if category in {"Cf", "Co", "Cn"}:
        raise ValidationError(field, "validation.invalid_char", char=_code_point(char))
    if category == "Zs":
        return " "
    return char


def _code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def parse_dob(field: str, untrusted: str, *, today: date) -> str:
    """A date of birth as "YYYY-MM-DD", a year "YYYY" or an estimated year "~YYYY".

    Accepts ISO dates, day-first dates ("12.03.1984", "12/03/1984", "12.3.84"), day-first digits
    ("12031984", "120384"), a year, an estimated year ("~1981") and an age ("45", "~45", "45y")
    which becomes an estimated year. A two-digit year follows `TWO_DIGIT_YEAR_MAX_AGE`; eight
    digits are also read year first ("19840312") when that is the only reading that is a date.
    """
    if not isinstance(untrusted, str):
        raise ValidationError(field, "validation.type")
    if len(untrusted) > _DOB_MAX_INPUT:
        raise ValidationError(field, "validation.date_format")
    text = untrusted.strip()

    if match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        return _exact_date(field, year, month, day, today=today)
    if match := _DAY_FIRST_DATE.fullmatch(text):
        day, month, year_text = int(match[1]), int(match[3]), match[4]
        return _day_first(field, day, month, year_text, today=today)
    if _DIGITS_DATE.fullmatch(text):
        return _digits_date(field, text, today=today)
    if match := _YEAR.fullmatch(text):
        year = int(match[2])
        _check_year(field, year, today=today)
        return f"{match[1]}{year:04d}"
    if match := _AGE.fullmatch(text):
        age = int(match[1])
        if not 0 <= age <= MAX_AGE_YEARS:
            raise ValidationError(field, "validation.age_range", min=0, max=MAX_AGE_YEARS)
        return f"~{today.year - age:04d}"
    raise ValidationError(field, "validation.date_format")


def _day_first(field: str, day: int, month: int, year_text: str, *, today: date) -> str:
    if len(year_text) == 4:
        return _exact_date(field, int(year_text), month, day, today=today)
    return _two_digit_year(field, day, month, int(year_text), today=today)


def _digits_date(field: str, text: str, *, today: date) -> str:
    day, month = int(text[0:2]), int(text[2:4])
    if len(text) == 6:
        return _two_digit_year(field, day, month, int(text[4:6]), today=today)
    readings = {
        born
        for year, month, day in (
            (int(text[4:8]), month, day),  # 12031984
            (int(text[0:4]), int(text[4:6]), int(text[6:8])),  # 19840312
        )
        if (born := _plausible(year, month, day, today=today)) is not None
    }
    if len(readings) == 1:
        return readings.pop().isoformat()
    # Neither reading (or, impossibly within 120 years, both): explain the day-first one.
    return _exact_date(field, int(text[4:8]), month, day, today=today)


def _two_digit_year(field: str, day: int, month: int, yy: int, *, today: date) -> str:
    oldest = _years_before(today, TWO_DIGIT_YEAR_MAX_AGE)
    century = today.year // 100 * 100
    years = (century - 100 + yy, century + yy)
    dates = [born for year in years if (born := _date(year, month, day)) is not None]
    if not dates:
        raise ValidationError(field, "validation.date_invalid")
    candidates = [born for born in dates if oldest <= born <= today]
    if len(candidates) == 1:
        return candidates[0].isoformat()
    # Both centuries fit (or, for a leap day, neither): only four digits can say which.
    raise ValidationError(field, "validation.date_century")


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _plausible(year: int, month: int, day: int, *, today: date) -> date | None:
    born = _date(year, month, day)
    if born is None:
        return None
    return born if _years_before(today, MAX_AGE_YEARS) <= born <= today else None


def _exact_date(field: str, year: int, month: int, day: int, *, today: date) -> str:
    try:
        born = date(year, month, day)
    except ValueError:
        raise ValidationError(field, "validation.date_invalid") from None
    if born > today:
        raise ValidationError(field, "validation.date_future")
    if born < _years_before(today, MAX_AGE_YEARS):
        raise ValidationError(field, "validation.date_too_old", max_years=MAX_AGE_YEARS)
    return born.isoformat()


def _check_year(field: str, year: int, *, today: date) -> None:
    if year > today.year:
        raise ValidationError(field, "validation.date_future")
    if year < today.year - MAX_AGE_YEARS:
        raise ValidationError(field, "validation.date_too_old", max_years=MAX_AGE_YEARS)


def _years_before(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February in a year that has none
        return today.replace(year=today.year - years, day=28)


def dob_year(dob: str) -> int:
    """The year of a canonical dob ("1984-03-12", "1984" or "~1984"); ValueError otherwise."""
    match = _CANONICAL_DOB.fullmatch(dob)
    if match is None:
        raise ValueError("not a canonical date of birth")
    return int(match[1] or match[2])


def parse_phone(field: str, untrusted: str) -> str:
    """Digits with an optional leading "+", separators dropped; 5-15 digits."""
    if not isinstance(untrusted, str):
        raise ValidationError(field, "validation.type")
    params = {"min": PHONE_MIN_DIGITS, "max": PHONE_MAX_DIGITS}
    if len(untrusted) > _PHONE_MAX_INPUT:
        raise ValidationError(field, "validation.phone", **params)
    text = untrusted.strip()
    plus = text.startswith("+")
    rest = text[1:] if plus else text
    digits = "".join(char for char in rest if char not in _PHONE_SEPARATORS)
    if not (digits.isascii() and digits.isdigit()):
        raise ValidationError(field, "validation.phone", **params)
    if not PHONE_MIN_DIGITS <= len(digits) <= PHONE_MAX_DIGITS:
        raise ValidationError(field, "validation.phone", **params)
    if len(set(digits)) == 1:
        # "00000", "11111": typed to get past a required field, and no one's number.
        raise ValidationError(field, "validation.phone_placeholder")
    return "+" + digits if plus else digits


def parse_languages(field: str, untrusted: str | Sequence[str]) -> list[str]:
    """Primary language tags ("uk", "ru", "crh"), lower case, deduplicated in order; max 10."""
    if isinstance(untrusted, str):
        if len(untrusted) > _LANGUAGES_MAX_INPUT:
            raise ValidationError(field, "validation.language", max=MAX_LANGUAGES)
        items = [item for item in _LANGUAGE_SPLIT.split(untrusted) if item]
    elif isinstance(untrusted, list | tuple):
        if len(untrusted) > _LANGUAGES_MAX_INPUT:
            raise ValidationError(field, "validation.language", max=MAX_LANGUAGES)
        items = []
        for item in untrusted:
            if not isinstance(item, str):
                raise ValidationError(field, "validation.type")
            items.append(item.strip())
    else:
        raise ValidationError(field, "validation.type")
    tags: list[str] = []
    for item in items:
        # BCP 47 tags are case-insensitive; lower case is their canonical form.
        tag = item.lower()
        if not (tag.isascii() and _LANGUAGE_TAG.fullmatch(tag)):
            raise ValidationError(field, "validation.language")
        if tag not in (TWO_LETTER if len(tag) == 2 else THREE_LETTER):
            raise ValidationError(field, "validation.language_unknown", tag=tag)
        if tag not in tags:
            tags.append(tag)
    if len(tags) > MAX_LANGUAGES:
        raise ValidationError(field, "validation.language", max=MAX_LANGUAGES)
    return tags


def validate_fields(
    untrusted: Mapping[str, object], *, today: date, require_names: bool
) -> PersonFields:
    """Check and canonicalise a mapping of field name -> value; returns only the given keys.

    None, "" (after trimming) and an empty list mean unset (None). With `require_names`, the
    required fields (family and given name) must be present and not empty.
    """
    cleaned: PersonFields = {}
    for key, value in untrusted.items():
        spec = FIELDS.get(key) if isinstance(key, str) else None
        if spec is None:
            raise ValidationError(str(key)[:40], "validation.unknown_field")
        cleaned[spec.name] = _validate_value(spec, value, today=today)
        if cleaned[spec.name] is None and spec.required and require_names:
            raise ValidationError(spec.name, "validation.required")
    if require_names:
        for spec in FIELDS.values():
            if spec.required and spec.name not in cleaned:
                raise ValidationError(spec.name, "validation.required")
    return cleaned


def _validate_value(spec: FieldSpec, value: object, *, today: date) -> str | list[str] | None:
    field = spec.name
    if value is None:
        return None
    if spec.kind in {Kind.CHOICES, Kind.LANGUAGES}:
        if not isinstance(value, str | list | tuple):
            raise ValidationError(field, "validation.type")
        if isinstance(value, list | tuple) and not all(isinstance(item, str) for item in value):
            raise ValidationError(field, "validation.type")
        if spec.kind is Kind.LANGUAGES:
            languages = parse_languages(field, value)
            return languages or None
        return _validate_choices(spec, value) or None
    if not isinstance(value, str):
        raise ValidationError(field, "validation.type")
    if not value.strip():
        return None

    if spec.kind is Kind.NAME:
        return _validate_name(spec, value)
    if spec.kind is Kind.TEXT:
        text = clean_text(field, value, max_len=spec.max_len)
        if field == "document_number":
            _check_document_number(field, text)
        return text or None
    if spec.kind is Kind.NOTE:
        return clean_text(field, value, max_len=spec.max_len, multiline=True) or None
    if spec.kind is Kind.DOB:
        return parse_dob(field, value, today=today)
    if spec.kind is Kind.PHONE:
        return parse_phone(field, value)
    if spec.kind is Kind.CHOICE:
        choice = value.strip()
        if choice not in spec.choices:
            raise choice_error(spec)
        return choice
    raise AssertionError(f"no validator for kind {spec.kind}")


def _validate_name(spec: FieldSpec, value: str) -> str | None:
    name = clean_text(spec.name, value, max_len=spec.max_len)
    if not name:
        return None
    has_letter = False
    for char in name:
        category = unicodedata.category(char)
        if char in _INVISIBLE_IN_NAMES:
            raise ValidationError(spec.name, "validation.name_chars")
        if category.startswith("L"):
            has_letter = True
        elif not (category.startswith("M") or char in _NAME_PUNCTUATION):
            raise ValidationError(spec.name, "validation.name_chars")
    if not has_letter:
        raise ValidationError(spec.name, "validation.name_chars")
    if not name.isascii():
        _check_scripts(spec.name, name)
    return name


def script_of(char: str) -> str | None:
    """The script a letter belongs to ("LATIN", "CYRILLIC", "CJK", ...) from its Unicode name;
    None for marks, punctuation and modifier letters, which belong to none."""
    if not unicodedata.category(char).startswith("L"):
        return None
    words = unicodedata.name(char, "").split()
    if not words or words[0] == "MODIFIER":
        return None
    return words[0]


def _check_scripts(field: str, name: str) -> None:
    """A Latin field holds no Cyrillic letter; no word of a name mixes two alphabets (most often
    a look-alike letter typed in the other keyboard layout: "Шевчenko", Latin i in "Сергiй")."""
    for word in _WORD_BREAKS.split(name):
        scripts = {script for char in word if (script := script_of(char)) is not None}
        # Only Cyrillic: it always has a Latin spelling (made for the person when none is typed),
        # while a Greek or Arabic name may have none yet and is kept as it is.
        if field in _LATIN_FIELDS and "CYRILLIC" in scripts:
            raise ValidationError(field, "validation.latin_only")
        if len(scripts) > 1 and not any(scripts <= allowed for allowed in _SCRIPTS_THAT_MIX):
            shown = ", ".join(sorted(script.title() for script in scripts))
            raise ValidationError(field, "validation.mixed_scripts", scripts=shown)


def _check_document_number(field: str, text: str) -> None:
    for char in text:
        if not (
            char in _DOCUMENT_PUNCTUATION
            or "0" <= char <= "9"
            or unicodedata.category(char) in {"Lu", "Ll", "Lt"}
        ):
            raise ValidationError(field, "validation.document_chars")


def choice_error(spec: FieldSpec) -> ValidationError:
    """A value that is not one of `spec`'s choices; the message lists them (codes, not words:
    they are what the CLI takes, and the desk offers them in a list that cannot be mistyped)."""
    return ValidationError(spec.name, "validation.choice", allowed=", ".join(spec.choices))


def _validate_choices(spec: FieldSpec, value: str | Sequence[str]) -> list[str]:
    # Every choice once, each with a comma and a space, and as much again: longer is not a list
    # of choices (100 KB of commas was silently stored as "no needs").
    longest = 2 * sum(len(choice) + 2 for choice in spec.choices)
    if isinstance(value, str) and len(value) > longest:
        raise ValidationError(spec.name, "validation.too_long", max=longest)
    if not isinstance(value, str) and len(value) > 2 * len(spec.choices):
        raise ValidationError(spec.name, "validation.too_long", max=longest)
    items = value.split(",") if isinstance(value, str) else list(value)
    chosen: set[str] = set()
    for item in items:
        choice = item.strip()
        if not choice:
            continue
        if choice not in spec.choices:
            raise choice_error(spec)
        chosen.add(choice)
    return sorted(chosen)
