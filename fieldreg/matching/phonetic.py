"""The phonetic key of a name: one script-independent skeleton for every spelling of it.

`search_key` reduces a name to a script-independent phonetic skeleton, so that spellings of the
same name in Ukrainian or Russian Cyrillic, in either passport romanisation and in common informal,
English, German or Polish spellings land on equal or nearby keys. Steps, per word:

1. casefold and romanise with one context-free table (the ICAO letters, so the key of a Cyrillic
   word is the key of its ICAO romanisation; the Ukrainian one gives the same key too, the rules
   below erase its differences, except in rare clusters where its h for г joins the letter before
   into another digraph: кг, сг, тг, пг); č š ž ł ß ø ... become their digraph or base letter,
   every other diacritic is dropped and everything that is not a letter is removed;
2. one left-to-right pass over consonant spellings, longest first, each to one symbol:
   szcz shch sch sz sh -> "w" (ш and щ; "w" is free because a typed w becomes "v"),
   tsch tch ch cz kh gh g -> "h" (ч х г ґ: "ch" is ч in English and х in German and Polish, so
   the three cannot be kept apart), zh -> "z", ts tz -> "c" (ц), c before a o u l r t -> "k"
   (English c; not before k, which is Polish -cki), ph -> "f", th -> "t", q -> "k", x -> "ks",
   w -> "v";
3. iotation: i/y/j runs before a vowel are dropped inside a word (Mariia, Mariya, Maria -> "mara")
   and become one "i" at the start of a word before a, o, u (Yuliia, Julia, Iuliia -> "iula");
   before e they are dropped everywhere (Yevhen, Evgeny -> "evhen..."); other y and j become "i";
   "ei" becomes "i" (Sergei, Serhii -> "serhi");
4. a word-initial "o" becomes "a" (Oleksandr, Aleksandr), a final consonant + "er" loses its "e"
   (Alexander -> "aleksandr"), and runs of a repeated letter collapse to one.
5. a word in the Ukrainian/Russian equivalents table (`equivalents`: Олексій, Алексей, Oleksii,
   Alexei) gets its group's key instead, so equivalents meet and Олена and Альона stay apart;
6. a word of five letters or more ending in "ev"/"eva" ends in "ov"/"ova" (Ковалёв written
   Kovalev, Ковальов written Kovalov or Kovalyov).

The keys are an internal matching alphabet, not a spelling to show anyone.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Mapping
from functools import cache, lru_cache
from typing import Final

from fieldreg.core.names import APOSTROPHES, ICAO_LETTERS, KMU_LETTERS, normalise_name
from fieldreg.matching.equivalents import default_equivalents, group_keys, resources_dir

_TOKEN_SEPARATORS: Final = re.compile(r"[\s\-\u2010-\u2015]+")
_FINAL_EV: Final = re.compile(r"(?<=\w\w\w)ev(a?)$")
_APOSTROPHE_FOLD: Final = str.maketrans(dict.fromkeys(APOSTROPHES, "\u02bc"))

_CONSONANT_SPELLINGS: Final[dict[str, str]] = {
    "szcz": "w", "shch": "w", "tsch": "h", "sch": "w", "tch": "h", "sz": "w", "sh": "w",
    "kh": "h", "gh": "h", "ch": "h", "cz": "h", "g": "h", "zh": "z", "ts": "c", "tz": "c",
    "ph": "f", "th": "t", "q": "k", "x": "ks", "w": "v",
}  # fmt: skip
# Alternation tries longer spellings first; "c" before a hard sound is the English k.
_CONSONANT_PATTERN: Final = re.compile(
    "|".join(sorted(_CONSONANT_SPELLINGS, key=len, reverse=True)) + "|c(?=[aoulrt])"
)
_IOTATION: Final = re.compile(r"[iyj]+(?=([aoue]))")
_FINAL_ER: Final = re.compile(r"(?<=\w\w[^aeiou])er$")
_REPEATS: Final = re.compile(r"(\w)\1+")


def _iotation(match: re.Match[str]) -> str:
    """An i/y/j run before a vowel: one "i" at the start of a word before a, o, u; else nothing."""
    return "i" if match.start() == 0 and match.group(1) != "e" else ""


# Where the Ukrainian and the ICAO tables differ (г, и, word-initial Є Ї Й Ю Я, зг), the key
# rules erase the difference, so keys can romanise every word with one context-free table.
_KEY_LETTERS: Final = str.maketrans(
    {**KMU_LETTERS, **ICAO_LETTERS, **dict.fromkeys(APOSTROPHES, None)}
    | {"č": "ch", "š": "sh", "ž": "zh"}
    | {"ł": "l", "ß": "ss", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th"}
)


def _latin_letters(word: str) -> str:
    """Casefolded, romanised letters of `word` without diacritics; digraph letters spelt out."""
    folded = word.casefold().translate(_KEY_LETTERS)
    if folded.isascii() and folded.isalpha():
        return folded  # the usual case: nothing to decompose or drop
    # Compatibility forms (ligatures, mathematical letters) may decompose to capitals: fold again.
    decomposed = unicodedata.normalize("NFKD", folded).casefold().translate(_KEY_LETTERS)
    return "".join(
        ch for ch in decomposed if ch.isalpha() and unicodedata.category(ch) not in ("Lm", "Mn")
    )


def phonetic_key(word: str) -> str:
    """The phonetic skeleton of one word by the spelling rules alone (steps 1-4, 6)."""
    letters = _latin_letters(word)
    key = _CONSONANT_PATTERN.sub(lambda m: _CONSONANT_SPELLINGS.get(m.group(), "k"), letters)
    key = _IOTATION.sub(_iotation, key).replace("y", "i").replace("j", "i").replace("ei", "i")
    if key.startswith("o"):
        key = "a" + key[1:]
    if key.endswith("er"):
        key = _FINAL_ER.sub("r", key)
    key = _REPEATS.sub(_first_letter, key)
    if key.endswith(("ev", "eva")):
        key = _FINAL_EV.sub(r"ov\1", key)
    return key


SPELLINGS_FILE: Final = "equivalent_keys.tsv"


def computed_group_keys() -> Mapping[str, str]:
    """Spelling -> group key, computed from the equivalents table (romanising every form in
    every system: about 0.2 s, which unlock should not pay; see `_groups`)."""
    return group_keys(default_equivalents(), phonetic_key)


def render_group_keys(keys: Mapping[str, str]) -> str:
    header = (
        "# Generated from equivalents.tsv by fieldreg.matching.phonetic (run:\n"
        "#   python -m fieldreg.matching.phonetic > resources/names/equivalent_keys.tsv);\n"
        "# tests/matching/test_equivalents.py fails while it is out of date. Do not edit.\n"
    )
    return header + "".join(f"{spelling}\t{key}\n" for spelling, key in sorted(keys.items()))


@cache
def _groups() -> Mapping[str, str]:
    """The shipped, precomputed spelling -> group key map (computed when it is missing)."""
    try:
        text = (resources_dir() / SPELLINGS_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return computed_group_keys()
    return dict(
        line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#")
    )


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The key of one word: its equivalents group's key when the table has it, else its
    phonetic key (see the module docstring)."""
    group = _groups().get(word.casefold().translate(_APOSTROPHE_FOLD))
    return group if group is not None else phonetic_key(word)


def is_known_name(word: str) -> bool:
    """Whether `word` (any script, any system's spelling) is a name of the equivalents table."""
    return word.casefold().translate(_APOSTROPHE_FOLD) in _groups()


def _first_letter(match: re.Match[str]) -> str:
    return match.group(1)


def search_words(text: str) -> list[tuple[str, str]]:
    """Each word of a normalised name with its search key; words without letters are dropped.

    Hyphens separate words, as spaces do.
    """
    words = _TOKEN_SEPARATORS.split(normalise_name(text))
    return [(word, key) for word in words if word and (key := word_key(word))]


def search_key(text: str) -> str:
    """A script-independent phonetic skeleton of `text` for fuzzy matching; words joined by spaces.

    Hyphens separate words, as spaces do; everything else that is not a letter is dropped.
    """
    return " ".join(key for _, key in search_words(text))


def search_tokens(text: str) -> list[str]:
    """The search keys of each word of a name (split on spaces and hyphens), empty ones dropped."""
    return [key for _, key in search_words(text)]


def clear_name_caches() -> None:
    """Forget the cached keys, which are derived from people's names; call when the store locks."""
    word_key.cache_clear()


if __name__ == "__main__":
    sys.stdout.write(render_group_keys(computed_group_keys()))
