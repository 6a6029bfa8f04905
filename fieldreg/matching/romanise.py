"""Romanisation of Ukrainian and Russian Cyrillic names, one function per published system.

Systems (`System`):

* ``kmu2010``: the Ukrainian national system (Cabinet of Ministers resolution No. 55 of
  27 January 2010), in Ukrainian passports since 2010 and adopted by BGN/PCGN for Ukrainian in 2019;
* ``icao9303``: ICAO Doc 9303 part 3, used in Russian passports since 2014;
* ``bgn_pcgn``: BGN/PCGN 1947 for Russian (ye/yë after vowels, ʹ for ь, ʺ for ъ); for Ukrainian
  text it is KMU 2010, as BGN/PCGN 2019 says;
* ``iso9``: ISO 9:1995 (one Latin letter, with diacritics, per Cyrillic letter: ŝ, ž, ë, â);
* ``gost_b``: GOST 7.79-2000 System B, the ASCII form of ISO 9 (shh, zh, yo, ya; ` and ``);
* ``german``, ``french``, ``polish``: the transcriptions a German, French or Polish speaker
  writes (Duden practice; the French press's; the Polish rules of PWN), which rebuild the sounds
  with the language's own spelling: Schewtschenko, Chevtchenko, Szewczenko.

The passport systems reuse `fieldreg.core.names.transliterate` (the tables the desk already uses
for the Latin name field); the others are table-driven below. `language` picks the Ukrainian or
Russian reading of the letters the two alphabets share (г, и, е); "auto" reads a word with і ї
є ґ as Ukrainian and otherwise as Russian.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Final, Literal, get_args

from fieldreg.core.names import normalise_name, transliterate

System = Literal["kmu2010", "icao9303", "bgn_pcgn", "iso9", "gost_b", "german", "french", "polish"]
Language = Literal["uk", "ru", "auto"]
SYSTEMS: Final[tuple[System, ...]] = get_args(System)

_UK_LETTERS: Final = frozenset("іїєґ")
_VOWELS: Final = frozenset("аеёиоуыэюяіїєaeiouy")
_SIGNS: Final = frozenset("ьъ\u02bc'")
_WORD: Final = re.compile(r"[^\W\d_][^\W\d_\u02bc']*")


@dataclass(frozen=True, slots=True)
class _Rules:
    """One system's letters (lower case) and the contexts that change them."""

    base: dict[str, str]
    # At the start of a word, after a vowel or after ь/ъ/apostrophe (iotated vowels).
    initial: dict[str, str] = field(default_factory=dict)
    # After ж ч ш щ (ц): where the sound has no "j" in it.
    after_hushing: dict[str, str] = field(default_factory=dict)
    # Before е ё и ю я і ї є ь: the soft forms of consonants (Polish l).
    before_soft: dict[str, str] = field(default_factory=dict)
    # A consonant followed by ь (Polish ń ś ź ć; German and French drop ь).
    softened: dict[str, str] = field(default_factory=dict)
    # Endings of a word, longest first ("ский" -> "ski").
    endings: dict[str, str] = field(default_factory=dict)
    between_vowels: dict[str, str] = field(default_factory=dict)  # с -> ss (Wassili)
    uk: dict[str, str] = field(default_factory=dict)  # Ukrainian readings of shared letters
    uk_initial: dict[str, str] = field(default_factory=dict)


_HUSHING: Final = frozenset("жчшщц")
_SOFTENING: Final = frozenset("еёиюяіїєь")

_BGN: Final = _Rules(
    base={
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ë", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "\u02ba", "ы": "y", "ь": "\u02b9", "э": "e",
        "ю": "yu", "я": "ya",
    },
    initial={"е": "ye", "ё": "yë"},
)  # fmt: skip

_ISO9: Final = _Rules(
    base={
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g\u0300", "д": "d", "е": "e", "ё": "ë",
        "є": "ê", "ж": "ž", "з": "z", "и": "i", "і": "ì", "ї": "ï", "й": "j", "к": "k",
        "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "ш": "š", "щ": "ŝ", "ъ": "\u02ba",
        "ы": "y", "ь": "\u02b9", "э": "è", "ю": "û", "я": "â", "\u02bc": "\u02bc", "'": "\u02bc",
    },
)  # fmt: skip

_GOST_B: Final = _Rules(
    base={
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g`", "д": "d", "е": "e", "ё": "yo",
        "є": "ye", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "j", "к": "k",
        "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "x", "ц": "c", "ч": "ch", "ш": "sh", "щ": "shh", "ъ": "``",
        "ы": "y`", "ь": "`", "э": "e`", "ю": "yu", "я": "ya", "\u02bc": "'", "'": "'",
    },
    uk={"и": "y`"},
)  # fmt: skip

_GERMAN: Final = _Rules(
    base={
        "а": "a", "б": "b", "в": "w", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "jo",
        "є": "je", "ж": "sch", "з": "s", "и": "i", "і": "i", "ї": "ji", "й": "i", "к": "k",
        "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch",
        "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja",
    },
    initial={"е": "je"},
    after_hushing={"ё": "o"},
    endings={"ий": "i", "ый": "y", "ій": "ij"},
    between_vowels={"с": "ss"},
    uk={"г": "h", "и": "y"},
)  # fmt: skip

_FRENCH: Final = _Rules(
    base={
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "io",
        "є": "ie", "ж": "j", "з": "z", "и": "i", "і": "i", "ї": "ï", "й": "ï", "к": "k",
        "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "ou", "ф": "f", "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch",
        "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iou", "я": "ia",
    },
    initial={"й": "i"},
    after_hushing={"ё": "o"},
    endings={"ий": "i", "ый": "y", "ин": "ine", "ын": "yne", "ій": "i"},
    between_vowels={"с": "ss"},
    uk={"г": "h", "и": "y"},
)  # fmt: skip

_POLISH: Final = _Rules(
    base={
        "а": "a", "б": "b", "в": "w", "г": "g", "ґ": "g", "д": "d", "е": "ie", "ё": "io",
        "є": "ie", "ж": "ż", "з": "z", "и": "i", "і": "i", "ї": "ji", "й": "j", "к": "k",
        "л": "ł", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz", "щ": "szcz",
        "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    },
    initial={"е": "je", "ё": "jo", "є": "je", "ю": "ju", "я": "ja"},
    after_hushing={"е": "e", "ё": "o", "и": "y", "ю": "u", "я": "a"},
    before_soft={"л": "l"},
    softened={"н": "ń", "с": "ś", "з": "ź", "ц": "ć", "т": "ć", "д": "dź", "л": "l"},
    endings={"ский": "ski", "цкий": "cki", "ий": "ij", "ый": "y", "ій": "ij"},
    uk={"г": "h", "и": "y", "е": "e"},  # Ukrainian е is hard: Serhij, not Sierhij
)  # fmt: skip

_TABLE_SYSTEMS: Final[dict[System, _Rules]] = {
    "bgn_pcgn": _BGN,
    "iso9": _ISO9,
    "gost_b": _GOST_B,
    "german": _GERMAN,
    "french": _FRENCH,
    "polish": _POLISH,
}
# Polish after ж ш ц (not ч щ) writes y for и; after ч щ it keeps i.
_POLISH_HARD: Final = frozenset("жшц")
_GOST_CZ_BEFORE: Final = frozenset("eiyj")


def language_of(text: str) -> Literal["uk", "ru"]:
    """Ukrainian when the text has a letter only Ukrainian uses (і ї є ґ), else Russian."""
    return "uk" if not _UK_LETTERS.isdisjoint(text.casefold()) else "ru"


def romanise(text: str, system: System, language: Language = "auto") -> str:
    """`text` with its Cyrillic words written in Latin letters by `system` (see the module)."""
    text = normalise_name(text)
    lang = language_of(text) if language == "auto" else language
    if system == "kmu2010" or (system == "bgn_pcgn" and lang == "uk"):
        return transliterate(text, "uk")
    if system == "icao9303":
        return transliterate(text, "ru")
    rules = _TABLE_SYSTEMS[system]
    return _WORD.sub(lambda m: _romanise_word(m.group(), rules, lang, system), text)


def _romanise_word(word: str, rules: _Rules, lang: str, system: System) -> str:
    lower = word.casefold()
    if not any("\u0400" <= ch <= "\u04ff" for ch in lower):
        return word
    base = _letters(system, lang)
    tail = ""
    for ending in _endings(system):
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            tail = rules.endings[ending]
            lower = lower[: -len(ending)]
            break
    out: list[str] = []
    for i, ch in enumerate(lower):
        before = lower[i - 1] if i else ""
        after = lower[i + 1] if i + 1 < len(lower) else (tail[:1] if tail else "")
        latin = base.get(ch, ch)
        if ch in rules.initial and (not before or before in _VOWELS or before in _SIGNS):
            latin = rules.initial[ch]
        elif (
            ch in rules.after_hushing
            and before in _HUSHING
            and (system != "polish" or ch != "и" or before in _POLISH_HARD)
        ):
            latin = rules.after_hushing[ch]
        if ch in rules.softened and after == "ь":
            latin = rules.softened[ch]
        elif ch in rules.before_soft and after in _SOFTENING:
            latin = rules.before_soft[ch]
        if ch in rules.between_vowels and before in _VOWELS and after in _VOWELS:
            latin = rules.between_vowels[ch]
        if system == "polish" and ch in "еёюя" and before == "л":
            latin = latin[1:] if latin.startswith("i") else latin  # ле -> le, not lie
        if system == "gost_b" and ch == "ц":
            following = base.get(after, after)[:1]
            latin = "cz" if following in _GOST_CZ_BEFORE else "c"
        if system == "french" and ch == "г" and base.get(after, after)[:1] in ("e", "i", "y", "ï"):
            latin = "gu"
        if system == "french" and ch == "й" and before in _VOWELS:
            latin = "ï"
        if system == "french" and ch == "й" and not before:
            latin = "i"
        if system == "german" and ch == "й" and not before:
            latin = "j"  # Йосип -> Josyp; elsewhere i (Tschaikowski)
        out.append(latin)
    out.append(tail)
    return _cased_like("".join(out), word)


@cache
def _letters(system: System, lang: str) -> dict[str, str]:
    rules = _TABLE_SYSTEMS[system]
    return {**rules.base, **rules.uk} if lang == "uk" else rules.base


@cache
def _endings(system: System) -> tuple[str, ...]:
    return tuple(sorted(_TABLE_SYSTEMS[system].endings, key=len, reverse=True))


def _cased_like(latin: str, word: str) -> str:
    if len(word) > 1 and word.isupper():
        return latin.upper()
    if word[:1].isupper():
        return latin[:1].upper() + latin[1:]
    return latin


def is_system(name: str) -> bool:
    return name in SYSTEMS
