"""Personal names: normalisation, script detection and passport transliteration.

The name matcher (`fieldreg.matching`: search keys, equivalents, other romanisations) builds on
these.

`transliterate` follows two published tables:

* "uk": the Ukrainian national system (Cabinet of Ministers resolution No. 55, 27 January 2010),
  used in Ukrainian passports. Є Ї Й Ю Я are Ye Yi Y Yu Ya at the start of a word and
  ie i i iu ia elsewhere; "зг" is "zgh"; the soft sign and the apostrophe are dropped.
* "ru": ICAO Doc 9303 part 3, used in Russian (and most other) machine-readable passports.

Letters that a table does not cover fall back to the other table, and anything that is not
Cyrillic (Latin letters, digits, spaces, hyphens) passes through unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final, Literal

Script = Literal["cyrillic", "latin", "mixed", "none"]
System = Literal["uk", "ru"]

MODIFIER_APOSTROPHE: Final = "\u02bc"
# ASCII apostrophe, right single quote, modifier apostrophe, grave, left single quote, prime.
APOSTROPHES: Final = frozenset("'\u2019\u02bc`\u2018\u2032")
_APOSTROPHE_TABLE: Final = str.maketrans(dict.fromkeys(APOSTROPHES, MODIFIER_APOSTROPHE))
# Hyphen, non-breaking hyphen, en dash, em dash; only between letters, as in double names.
_DASH_BETWEEN_LETTERS: Final = re.compile(r"(?<=[^\W\d_])[\u2010\u2011\u2013\u2014](?=[^\W\d_])")
_WHITESPACE: Final = re.compile(r"\s+")
_UNUSUAL: Final = re.compile(r"[^\w\s\-.,]")
# Letters (the modifier apostrophe is one) in words joined by single spaces or hyphens.
_PLAIN_NAME: Final = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+)*")

_UK: Final[dict[str, str]] = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia",
}  # fmt: skip
_UK_WORD_INITIAL: Final[dict[str, str]] = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

_ICAO: Final[dict[str, str]] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e",
    "є": "ie", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ў": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip

# The two passport tables, for the name matcher (fieldreg.matching) to build on.
KMU_LETTERS: Final = _UK
ICAO_LETTERS: Final = _ICAO

_UK_MARKERS: Final = frozenset("іїєґІЇЄҐ")
_RU_MARKERS: Final = frozenset("ыэёъЫЭЁЪ")


def normalise_name(text: str) -> str:
    """Put a name typed or pasted anywhere into one canonical form; case is kept.

    NFC; apostrophe look-alikes become U+02BC, the Ukrainian apostrophe; hyphen and dash look-alikes
    between letters become "-"; invisible format characters (zero-width spaces, bidi marks,
    byte-order marks), which make equal names compare unequal, are removed; runs of white space
    become one space, and the ends are stripped.
    """
    if _PLAIN_NAME.fullmatch(text) and unicodedata.is_normalized("NFC", text):
        return text  # the usual case, and unlock normalises every name: skip the passes below
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHE_TABLE)
    text = _DASH_BETWEEN_LETTERS.sub("-", text)
    if _UNUSUAL.search(text):  # the character scan is slow; most names have nothing to remove
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return _WHITESPACE.sub(" ", text).strip()


# ASCII, the basic Cyrillic block without its signs and combining marks, and the apostrophe.
_BASIC_TEXT: Final = re.compile(r"[\x00-\x7f\u0400-\u0481\u048a-\u04ff\u02bc]*")
_BASIC_CYRILLIC_LETTER: Final = re.compile(r"[\u0400-\u0481\u048a-\u04ff]")
_ASCII_LETTER: Final = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=4096)
def _script_of(ch: str) -> int:
    """1 for a Cyrillic letter, 2 for a Latin letter, 0 for anything else."""
    if not ch.isalpha():
        return 0
    name = unicodedata.name(ch, "")
    if name.startswith("CYRILLIC"):
        return 1
    if name.startswith("LATIN"):
        return 2
    return 0


def detect_script(text: str) -> Script:
    """Which alphabet the letters of `text` are in; other scripts and non-letters are ignored."""
    seen = 0
    if _BASIC_TEXT.fullmatch(text):  # the usual case, decided without looking up each letter
        if _BASIC_CYRILLIC_LETTER.search(text):
            seen |= 1
        if _ASCII_LETTER.search(text):
            seen |= 2
    else:
        for ch in text:
            seen |= _script_of(ch)
    if seen == 3:
        return "mixed"
    if seen == 1:
        return "cyrillic"
    if seen == 2:
        return "latin"
    return "none"


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u052f"


def _choose_system(text: str, default: System) -> System:
    if not _UK_MARKERS.isdisjoint(text):
        return "uk"
    if not _RU_MARKERS.isdisjoint(text):
        return "ru"
    return default


def _cased_table(table: dict[str, str], fallback: dict[str, str]) -> dict[str, str]:
    """Both cases of every letter; a capital gets the title-case form ("Щ" -> "Shch")."""
    merged = {**fallback, **table}
    return merged | {ch.upper(): latin.capitalize() for ch, latin in merged.items()}


_TABLES: Final[dict[System, dict[str, str]]] = {
    "uk": _cased_table(_UK, _ICAO),
    "ru": _cased_table(_ICAO, _UK),
}
_UK_INITIAL_CASED: Final = _cased_table(_UK_WORD_INITIAL, {})
# Letters whose Ukrainian romanisation depends on the letter before them.
_UK_CONTEXTUAL: Final = frozenset(_UK_INITIAL_CASED) | {"г", "Г"}


def transliterate(
    text: str,
    system: Literal["uk", "ru", "auto"] = "auto",
    *,
    default: System = "uk",
) -> str:
    """Romanise the Cyrillic letters of `text` with the chosen passport table.

    "auto" picks Ukrainian when the text has і ї є ґ, Russian when it has ы э ё ъ, else `default`.
    """
    text = unicodedata.normalize("NFC", text)
    chosen: System = _choose_system(text, default) if system == "auto" else system
    table = _TABLES[chosen]
    contextual = _UK_CONTEXTUAL if chosen == "uk" else frozenset()
    out: list[str] = []
    before = ""
    for i, ch in enumerate(text):
        latin = table.get(ch)
        if latin is None:
            # Inside a Cyrillic word an apostrophe only marks pronunciation; elsewhere keep it.
            if not (
                ch in APOSTROPHES and _is_cyrillic(before) and _is_cyrillic(text[i + 1 : i + 2])
            ):
                out.append(ch)
            before = ch
            continue
        if ch in contextual:
            if not before.isalpha() and before not in APOSTROPHES:
                latin = _UK_INITIAL_CASED.get(ch, latin)
            elif before in ("з", "З") and ch in ("г", "Г"):
                latin = "gh" if ch == "г" else "Gh"
        if len(latin) > 1 and ch.isupper():
            # A capital inside an all-capitals word: "ЩУКА" -> SHCHUKA, not ShchUKA.
            after = text[i + 1 : i + 2]
            if after.isupper() or (not after.isalpha() and before.isupper()):
                latin = latin.upper()
        out.append(latin)
        before = ch
    return "".join(out)


# What a recorded citizenship or document says about the passport a person holds. Free text, so
# the usual spellings in Ukrainian, Russian and English, and the ISO 3166 codes.
_RUSSIAN_STATE: Final = re.compile(
    r"\b(ru|rus|рф|russia|russian|росія|російськ\w*|россия|российск\w*)\b", re.IGNORECASE
)
_UKRAINIAN_STATE: Final = re.compile(
    r"\b(ua|ukr|ukraine|ukrainian|україн\w*|украин\w*|украї\w*)\b", re.IGNORECASE
)


def passport_system(
    citizenship: object = None, document_type: object = None, languages: object = None
) -> System | None:
    """Which passport romanisation a person's Latin name follows, from what is recorded.

    A Russian citizen's name is spelt as in a Russian passport (ICAO 9303: Ivanova, Dmitrii,
    Sergei), a Ukrainian's as in a Ukrainian one (KMU 2010). The citizenship decides; without
    one, a Russian or Ukrainian document; without either, a person who speaks Russian and not
    Ukrainian counts as Russian. None when nothing recorded tells."""
    for recorded in (citizenship, document_type):
        if isinstance(recorded, str) and recorded.strip():
            russian = bool(_RUSSIAN_STATE.search(recorded))
            ukrainian = bool(_UKRAINIAN_STATE.search(recorded))
            if russian != ukrainian:
                return "ru" if russian else "uk"
    if isinstance(languages, list | tuple):
        spoken = {str(code).casefold() for code in languages}
        if "ru" in spoken and "uk" not in spoken:
            return "ru"
        if "uk" in spoken:
            return "uk"
    return None


def passport_latin(text: str, system: System | None) -> str:
    """The automatic Latin spelling of a name: `system`'s table, or, when nothing recorded
    says which, the one its letters tell (Ukrainian by default)."""
    return transliterate(text, system) if system is not None else transliterate(text)


def automatic_latins(text: str) -> set[str]:
    """Every Latin spelling the program itself would give `text`: a stored spelling outside
    this set was typed by hand."""
    return {transliterate(text), transliterate(text, "uk"), transliterate(text, "ru")}
