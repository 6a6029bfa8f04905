"""Two records of a person compared field by field, with reasons a person can read.

Used where a volunteer must judge a suggested match: the coordinator's duplicate review and the
reconciliation of a list of sought persons. Each name field (family, given, patronymic) gets a
verdict, from the closest:

* ``same``: the same spelling (case, apostrophes and ё/е aside);
* ``transliteration``: the same name in another script or romanisation (Шевченко, Shevchenko);
* ``equivalent``: the Ukrainian and the Russian form of one name (Олексій = Алексей);
* ``spelling``: another spelling with the same phonetic key (Ковальов, Kovalyov);
* ``initial``: one side has only the initial, and it fits (О. for Олексій);
* ``similar``: the phonetic keys are close (a typo: Ковальчук, Ковальчюк);
* ``different``, or ``missing`` when one side has no such name (which says nothing either way).

The date of birth gets ``same``, ``same_year``, ``off_by_one``, ``different`` or ``missing``.
The score (0..100) is the weighted mean of the fields both sides have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

from rapidfuzz import fuzz

from fieldreg.core.names import detect_script, normalise_name
from fieldreg.matching.equivalents import default_equivalents
from fieldreg.matching.initials import initials_of, is_initials, letter_class
from fieldreg.matching.phonetic import search_words, word_key

Role = Literal["family", "given", "patronymic", "dob"]
Verdict = Literal[
    "same",
    "transliteration",
    "equivalent",
    "spelling",
    "initial",
    "similar",
    "different",
    "missing",
    "same_year",
    "off_by_one",
]
Label = Literal["likely", "possible", "unlikely"]

WEIGHTS: Final[dict[Role, float]] = {"family": 0.4, "given": 0.3, "patronymic": 0.15, "dob": 0.15}
VERDICT_SCORES: Final[dict[str, float]] = {
    "same": 100.0,
    "transliteration": 99.0,
    "equivalent": 97.0,
    "spelling": 95.0,
    "initial": 85.0,
    "same_year": 95.0,
    "off_by_one": 75.0,
    "different": 0.0,
}
SIMILAR_CUTOFF: Final = 75.0  # fuzz.ratio of the keys: one edit in a word of seven letters
LIKELY: Final = 85.0
POSSIBLE: Final = 65.0
_YEAR: Final = re.compile(r"(?:19|20)\d\d")

_ROLE_WORDS: Final[dict[Role, str]] = {
    "family": "family name",
    "given": "given name",
    "patronymic": "patronymic",
    "dob": "date of birth",
}


@dataclass(frozen=True, slots=True)
class PersonNames:
    """What is compared: names in any script (Latin forms optional) and a date of birth."""

    family: str = ""
    given: str = ""
    patronymic: str = ""
    latin_family: str = ""
    latin_given: str = ""
    latin_patronymic: str = ""
    dob: str | None = None  # "1978-03-12", "12.03.1978", "1978" or "~1978"

    def spellings(self, role: Role) -> list[str]:
        if role == "family":
            return [s for s in (self.family, self.latin_family) if s]
        if role == "given":
            return [s for s in (self.given, self.latin_given) if s]
        return [s for s in (self.patronymic, self.latin_patronymic) if s]


@dataclass(frozen=True, slots=True)
class FieldAgreement:
    role: Role
    verdict: Verdict
    score: float  # 0..100
    ours: str  # the values compared, as recorded ("" when missing)
    theirs: str

    def reason(self) -> str:
        """The verdict in words (English; the desk shows its own translation of `verdict`)."""
        what = _ROLE_WORDS[self.role]
        if self.role == "dob":
            if self.verdict == "missing":
                return "date of birth not known on one side"
            if self.verdict in ("same", "same_year"):
                return f"born {self.ours}, as the list says"
            return f"born {self.ours}, list says {self.theirs}"
        texts = {
            "same": f"same {what}",
            "transliteration": f"same {what} in another spelling",
            "equivalent": f"{what}: {self.ours} = {self.theirs}",
            "spelling": f"same {what} in another spelling",
            "initial": f"{what}: initial {self.theirs} fits {self.ours}",
            "similar": f"{what} spelt almost alike: {self.ours}, {self.theirs}",
            "different": f"different {what}: {self.ours}, {self.theirs}",
            "missing": f"{what} not known on one side",
        }
        return texts[self.verdict]


@dataclass(frozen=True, slots=True)
class Comparison:
    score: float
    label: Label
    fields: tuple[FieldAgreement, ...]

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(f.reason() for f in self.fields if f.verdict != "missing")


def _folded(text: str) -> str:
    return normalise_name(text).casefold().replace("ё", "е")


def compare_name(role: Role, ours: list[str], theirs: list[str]) -> FieldAgreement:
    """The closest verdict between any spelling of one side and any of the other."""
    shown_ours, shown_theirs = (ours[0] if ours else ""), (theirs[0] if theirs else "")
    if not ours or not theirs:
        return FieldAgreement(role, "missing", 0.0, shown_ours, shown_theirs)
    best = FieldAgreement(role, "different", 0.0, shown_ours, shown_theirs)
    for one in ours:
        for other in theirs:
            found = _verdict(role, one, other)
            if found.score > best.score:
                best = found
    return best


def _verdict(role: Role, one: str, other: str) -> FieldAgreement:
    if _folded(one) == _folded(other):
        return FieldAgreement(role, "same", 100.0, one, other)
    for a, b in ((one, other), (other, one)):
        if is_initials(b.strip()) and not is_initials(a.strip()):
            letters = initials_of(b)
            if letters and letter_class(letters[0]) & letter_class(a.strip()[:1]):
                return FieldAgreement(role, "initial", VERDICT_SCORES["initial"], a, b)
            return FieldAgreement(role, "different", 0.0, a, b)
    keys_one = [k for _, k in search_words(one)]
    keys_other = [k for _, k in search_words(other)]
    if keys_one and keys_one == keys_other:
        if detect_script(one) == detect_script(other) == "cyrillic" and _equivalent(one, other):
            return FieldAgreement(role, "equivalent", VERDICT_SCORES["equivalent"], one, other)
        if detect_script(one) != detect_script(other):
            return FieldAgreement(
                role, "transliteration", VERDICT_SCORES["transliteration"], one, other
            )
        return FieldAgreement(role, "spelling", VERDICT_SCORES["spelling"], one, other)
    ratio = fuzz.ratio(" ".join(keys_one), " ".join(keys_other))
    if ratio >= SIMILAR_CUTOFF:
        return FieldAgreement(role, "similar", round(ratio * 0.9, 2), one, other)
    return FieldAgreement(role, "different", 0.0, one, other)


def _equivalent(one: str, other: str) -> bool:
    """Whether every word of `one` is a table equivalent of the word of `other` beside it."""
    table = default_equivalents()
    words_one = [w for w, _ in search_words(one)]
    words_other = [_folded(w) for w, _ in search_words(other)]
    return len(words_one) == len(words_other) and all(
        b in table.forms_of(_folded(a)) for a, b in zip(words_one, words_other, strict=True)
    )


def year_of(untrusted_dob: str | None) -> int | None:
    """The year of a date of birth in any of the accepted forms, or None."""
    if not untrusted_dob:
        return None
    found = _YEAR.search(untrusted_dob)
    return int(found.group()) if found else None


def compare_dob(ours: str | None, theirs: str | None) -> FieldAgreement:
    year_ours, year_theirs = year_of(ours), year_of(theirs)
    shown_ours = str(year_ours) if year_ours else ""
    shown_theirs = str(year_theirs) if year_theirs else ""
    if year_ours is None or year_theirs is None:
        return FieldAgreement("dob", "missing", 0.0, shown_ours, shown_theirs)
    if ours is not None and theirs is not None and ours.strip() == theirs.strip():
        return FieldAgreement("dob", "same", 100.0, ours.strip(), theirs.strip())
    gap = abs(year_ours - year_theirs)
    verdict: Verdict = "same_year" if gap == 0 else "off_by_one" if gap == 1 else "different"
    return FieldAgreement("dob", verdict, VERDICT_SCORES[verdict], shown_ours, shown_theirs)


def compare(ours: PersonNames, theirs: PersonNames) -> Comparison:
    """Field by field agreement and the weighted score over the fields both sides have."""
    roles: tuple[Role, ...] = ("family", "given", "patronymic")
    fields = [compare_name(role, ours.spellings(role), theirs.spellings(role)) for role in roles]
    fields.append(compare_dob(ours.dob, theirs.dob))
    weight = sum(WEIGHTS[f.role] for f in fields if f.verdict != "missing")
    total = sum(WEIGHTS[f.role] * f.score for f in fields if f.verdict != "missing")
    score = round(total / weight, 2) if weight else 0.0
    if fields[0].verdict in ("missing", "different") and fields[1].verdict in (
        "missing",
        "different",
    ):
        score = min(score, POSSIBLE - 1)  # a date of birth alone is not a match
    label: Label = "likely" if score >= LIKELY else "possible" if score >= POSSIBLE else "unlikely"
    return Comparison(score, label, tuple(fields))


__all__ = [
    "Comparison",
    "FieldAgreement",
    "PersonNames",
    "compare",
    "compare_dob",
    "compare_name",
    "word_key",
    "year_of",
]
