"""A synthetic test corpus for the name matcher: people, and queries for them in every spelling.

Run: PYTHONPATH=. .venv/bin/python scripts/make_name_corpus.py [PEOPLE] [QUERIES_PER_CATEGORY]
prints a sample; the recall bench (bench/bench_matching.py) and tests/matching/test_corpus.py
import `make_corpus`.

People are made up from our own lists: given names and patronymics from the equivalents table
(resources/names/equivalents.tsv), surnames from the stems in scripts/name_corpus/ with common
Ukrainian and Russian endings. About 60 % are Ukrainian (Latin names by KMU 2010), 40 % Russian
(ICAO 9303); some have no patronymic, some only a year of birth. Queries, per category:

- ``uk_ru``: the name in the other orthography (Олексій Ковальов for Алексей Ковалёв);
- ``foreign``: German, French or Polish practice, ISO 9 or GOST 7.79 B (ISO 9 without diacritics);
- ``layout``: the Cyrillic name typed with the US layout on, or the Latin name typed with the
  Ukrainian or Russian layout on;
- ``initials``: "Гнатюк О. В. 1978" or "Гнатюк О.В. 1978";
- ``typo_year``: one letter wrong, missing, extra or swapped, and the year of birth one off;
- ``exact``: the name as recorded.

A query's target is chosen only among people the query can tell apart: nobody else has the same
keys for what the query gives (family, given and patronymic, or family and initials, and the
year when one is typed; someone without a patronymic only if nobody else has their family and
given name), so top-5 recall measures the matcher, not the corpus's own twins.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fieldreg.core.names import transliterate
from fieldreg.matching.equivalents import default_equivalents
from fieldreg.matching.initials import classes_of
from fieldreg.matching.keyboard import cyrillic_typed_as_latin, latin_typed_as
from fieldreg.matching.phonetic import search_key
from fieldreg.matching.romanise import System, romanise

Culture = Literal["uk", "ru"]
CATEGORIES: Final = ("uk_ru", "foreign", "layout", "initials", "typo_year", "exact")
FOREIGN_SYSTEMS: Final[tuple[System, ...]] = ("german", "french", "polish", "iso9", "gost_b")
STEMS_FILE: Final = Path(__file__).resolve().parent / "name_corpus" / "surname_stems.tsv"

# (masculine, feminine) endings.
UK_ENDINGS: Final = [
    ("енко", "енко"), ("ук", "ук"), ("юк", "юк"), ("чук", "чук"), ("ський", "ська"),
    ("ишин", "ишина"), ("ко", "ко"), ("ець", "ець"), ("ак", "ак"), ("ьов", "ьова"),
]  # fmt: skip
RU_ENDINGS: Final = [
    ("ов", "ова"), ("ев", "ева"), ("ин", "ина"), ("ский", "ская"), ("цев", "цева"),
    ("иков", "икова"), ("ых", "ых"), ("енко", "енко"),
]  # fmt: skip
_FULL_RU: Final = ("ов", "ев", "ёв", "ин")
_UK_TO_RU_LETTERS: Final = str.maketrans(
    {"і": "и", "ї": "йи", "є": "е", "ґ": "г", "\u02bc": "", "'": "", "І": "И", "Ї": "Йи",
     "Є": "Е", "Ґ": "Г"}
)  # fmt: skip
_RU_TO_UK_LETTERS: Final = str.maketrans(
    {"и": "і", "ы": "и", "э": "е", "ъ": "\u02bc", "И": "І", "Ы": "И", "Э": "Е", "ё": "ьо"}
)  # fmt: skip
_CYRILLIC_TYPO: Final = "абвгдежзиклмнопрстуфхцчшщюяі"


@dataclass(frozen=True, slots=True)
class Person:
    person_id: str
    culture: Culture
    sex: Literal["m", "f"]
    family: str
    given: str
    patronymic: str  # "" when not recorded
    latin_family: str
    latin_given: str
    latin_patronymic: str
    dob: str | None  # "1978-03-12", or "1978" when only the year is known

    def names(self) -> tuple[str, str, str, str, str, str, str | None]:
        """Family, given, patronymic, their Latin spellings and the date of birth: the order of
        `matching.compare.PersonNames` and `services.search_index.SearchEntry` after the id."""
        return (
            self.family,
            self.given,
            self.patronymic,
            self.latin_family,
            self.latin_given,
            self.latin_patronymic,
            self.dob,
        )


@dataclass(frozen=True, slots=True)
class Query:
    category: str
    text: str
    person_id: str


@dataclass(frozen=True, slots=True)
class Corpus:
    people: list[Person]
    queries: list[Query]


def _names_by_culture() -> dict[tuple[Culture, str, str], list[tuple[str, str]]]:
    """(culture, kind, sex) -> [(this culture's form, the other culture's form)]."""
    table = default_equivalents()
    found: dict[tuple[Culture, str, str], list[tuple[str, str]]] = {}
    for group, kind in zip(table.groups, table.kinds, strict=True):
        ukrainian = [f for f in group if any(ch in "іїєґ" for ch in f)]
        russian = [f for f in group if f not in ukrainian]
        uk_form = ukrainian[0] if ukrainian else group[-1]
        ru_form = russian[0] if russian else group[0]
        if kind == "given":
            sex = "f" if ru_form.endswith(("а", "я", "ь")) and ru_form != "илья" else "m"
        else:
            sex = "f" if ru_form.endswith("на") else "m"
        pair_uk, pair_ru = (uk_form.capitalize(), ru_form.capitalize())
        found.setdefault(("uk", kind, sex), []).append((pair_uk, pair_ru))
        found.setdefault(("ru", kind, sex), []).append((pair_ru, pair_uk))
    return found


def _stems() -> dict[Culture, list[str]]:
    stems: dict[Culture, list[str]] = {"uk": [], "ru": []}
    for line in STEMS_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("culture\t") or not line.strip():
            continue
        culture, stem = line.split("\t")
        stems["uk" if culture == "uk" else "ru"].append(stem)
    return stems


def _surname(culture: Culture, sex: str, stems: list[str], rng: random.Random) -> str:
    stem = rng.choice(stems)
    if culture == "ru" and stem.endswith(_FULL_RU):
        return stem if sex == "m" else stem + "а"
    male, female = rng.choice(UK_ENDINGS if culture == "uk" else RU_ENDINGS)
    return stem + (male if sex == "m" else female)


def _person_id(number: int) -> str:
    return f"C{number // 100_000:01d}-{number % 100_000:05d}-X"


def make_people(count: int, seed: int = 12) -> list[Person]:
    rng = random.Random(seed)  # noqa: S311 -- a reproducible synthetic corpus, not a secret
    names = _names_by_culture()
    stems = _stems()
    people: list[Person] = []
    for number in range(count):
        culture: Culture = "uk" if rng.random() < 0.6 else "ru"
        sex: Literal["m", "f"] = rng.choice(("m", "f"))
        given = rng.choice(names[(culture, "given", sex)])[0]
        patronymic = (
            rng.choice(names[(culture, "patronymic", sex)])[0] if rng.random() < 0.9 else ""
        )
        family = _surname(culture, sex, stems[culture], rng)
        year = rng.randint(1940, 2020)
        dob: str | None = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if rng.random() < 0.15:
            dob = str(year)
        # The passport systems: KMU 2010 for Ukrainians, ICAO 9303 for Russians.
        latin_family, latin_given, latin_patronymic = (
            transliterate(name, culture) for name in (family, given, patronymic)
        )
        people.append(
            Person(
                _person_id(number),
                culture,
                sex,
                family,
                given,
                patronymic,
                latin_family,
                latin_given,
                latin_patronymic,
                dob,
            )
        )
    return people


def other_orthography(person: Person) -> tuple[str, str, str]:
    """The person's names as the other country writes them (Олексій <-> Алексей)."""
    table = default_equivalents()
    converted = []
    for name in (person.given, person.patronymic):
        forms = table.forms_of(name) if name else ("",)
        other = [
            f for f in forms[1:] if (any(ch in "іїєґ" for ch in f)) == (person.culture == "ru")
        ]
        converted.append((other[0] if other else forms[0]).capitalize())
    if person.culture == "uk":
        family = table.russian_surname(person.family).translate(_UK_TO_RU_LETTERS)
    else:
        family = person.family.translate(_RU_TO_UK_LETTERS)
        family = family.replace("ский", "ський").replace("ская", "ська").replace("ськая", "ська")
    return family, converted[0], converted[1]


def _typo(word: str, rng: random.Random) -> str:
    """One wrong, missing, extra or swapped letter (not the first)."""
    at = rng.randrange(2, len(word) - 1)
    edit = rng.choice(("replace", "delete", "insert", "swap"))
    if edit == "replace":
        letter = rng.choice([c for c in _CYRILLIC_TYPO if c != word[at]])
        return word[:at] + letter + word[at + 1 :]
    if edit == "delete":
        return word[:at] + word[at + 1 :]
    if edit == "insert":
        return word[:at] + rng.choice(_CYRILLIC_TYPO) + word[at:]
    return word[: at - 1] + word[at] + word[at - 1] + word[at + 1 :]


def _year(person: Person) -> int | None:
    return int(person.dob[:4]) if person.dob else None


def _initial(name: str) -> str:
    return name[:1] + "."


def _query(category: str, person: Person, rng: random.Random) -> str:
    full = " ".join(n for n in (person.family, person.given, person.patronymic) if n)
    year = _year(person)
    if category == "exact":
        return full
    if category == "uk_ru":
        family, given, patronymic = other_orthography(person)
        return " ".join(n for n in (family, given, patronymic if rng.random() < 0.5 else "") if n)
    if category == "foreign":
        system = rng.choice(FOREIGN_SYSTEMS)
        return romanise(f"{person.family} {person.given}", system, person.culture)
    if category == "layout":
        if rng.random() < 0.5:
            return cyrillic_typed_as_latin(f"{person.family} {person.given}")
        layout: Culture = rng.choice(("uk", "ru"))
        return latin_typed_as(f"{person.latin_family} {person.latin_given}", layout)
    if category == "initials":
        initials = [_initial(person.given)] + (
            [_initial(person.patronymic)] if person.patronymic else []
        )
        joined = " ".join(initials) if rng.random() < 0.5 else "".join(initials)
        return f"{person.family} {joined} {year}"
    if category == "typo_year":
        assert year is not None
        off = year + rng.choice((-1, 1))
        if rng.random() < 0.6 or len(person.given) < 4:
            return f"{_typo(person.family, rng)} {person.given} {off}"
        return f"{person.family} {_typo(person.given, rng)} {off}"
    raise ValueError(category)


def _signatures(category: str, person: Person, patronymic: bool = True) -> tuple[object, ...]:
    """What a query of this category tells about the person: two people with the same
    signature cannot be told apart by it (`patronymic=False`: leaving the patronymic out)."""
    family = search_key(person.family)
    given = search_key(person.given)
    year = _year(person)
    if category == "initials":
        initials = classes_of([person.patronymic]) if patronymic else None
        return (family, classes_of([person.given]), initials, year)
    if category == "exact" and patronymic:
        return (family, given, search_key(person.patronymic))
    if category == "typo_year":
        return (family, given, year)
    return (family, given)


def make_queries(people: list[Person], per_category: int, seed: int = 34) -> list[Query]:
    rng = random.Random(seed)  # noqa: S311 -- a reproducible synthetic corpus, not a secret
    queries: list[Query] = []
    for category in CATEGORIES:
        counts = Counter(_signatures(category, p) for p in people)
        # Without a patronymic, "Громова Надежда" is also every Громова Надежда with one.
        loose_counts = Counter(_signatures(category, p, patronymic=False) for p in people)
        eligible = [
            p
            for p in people
            if counts[_signatures(category, p)] == 1
            and (p.patronymic or loose_counts[_signatures(category, p, patronymic=False)] == 1)
            and (p.dob is not None or category not in ("initials", "typo_year"))
            and len(p.family) >= 4
        ]
        for person in rng.sample(eligible, min(per_category, len(eligible))):
            queries.append(Query(category, _query(category, person, rng), person.person_id))
    return queries


def make_corpus(people: int = 100_000, per_category: int = 500, seed: int = 12) -> Corpus:
    made = make_people(people, seed)
    return Corpus(made, make_queries(made, per_category, seed + 22))


@dataclass(frozen=True, slots=True)
class DuplicateCorpus:
    """People with planted duplicates and registered relatives, and the truth about both."""

    people: list[Person]
    households: dict[str, str]  # person id -> household id
    duplicates: set[frozenset[str]]  # planted pairs: one person registered twice
    relatives: set[frozenset[str]]  # siblings, twins and parents registered together


def _duplicate_of(person: Person, number: int, rng: random.Random) -> Person:
    """The same person registered again elsewhere: another spelling, a typo or less known."""
    family, given, patronymic = person.family, person.given, person.patronymic
    latin = (person.latin_family, person.latin_given, person.latin_patronymic)
    dob = person.dob
    how = rng.choice(("other_orthography", "latin_only", "typo", "year_only", "no_patronymic"))
    if how == "other_orthography":
        family, given, patronymic = other_orthography(person)
        latin = ("", "", "")
    elif how == "latin_only":
        family, given, patronymic = latin
        latin = ("", "", "")
    elif how == "typo" and len(family) >= 5:
        family = _typo(family, rng)
    elif how == "year_only" and dob:
        dob = str(int(dob[:4]) + rng.choice((-1, 0, 1)))
    else:
        patronymic, latin = "", (latin[0], latin[1], "")
    return Person(
        f"D{number:06d}-X",
        person.culture,
        person.sex,
        family,
        given,
        patronymic,
        latin[0],
        latin[1],
        latin[2],
        dob,
    )


def _relative(person: Person, number: int, kind: str, rng: random.Random) -> Person:
    """A sibling, a twin or a parent: same family name, another given name (and patronymic
    for a parent), another date of birth but for a twin."""
    names = _names_by_culture()
    sex: Literal["m", "f"] = rng.choice(("m", "f"))
    given = person.given
    while given == person.given or search_key(given) == search_key(person.given):
        given = rng.choice(names[(person.culture, "given", sex)])[0]
    patronymic = person.patronymic
    if kind == "parent" or (patronymic and sex != person.sex):
        patronymic = rng.choice(names[(person.culture, "patronymic", sex)])[0]
    family = person.family if sex == person.sex else _surname_for(person, sex)
    year = int(person.dob[:4]) if person.dob else 1980
    day = f"{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if kind == "twin":
        dob = person.dob
    elif kind == "parent":
        dob = f"{year - rng.randint(20, 40)}-{day}"
    else:
        dob = f"{year + rng.choice((-3, -2, -1, 1, 2, 3))}-{day}"
    latin_family, latin_given, latin_patronymic = (
        transliterate(name, person.culture) for name in (family, given, patronymic)
    )
    return Person(
        f"R{number:06d}-X",
        person.culture,
        sex,
        family,
        given,
        patronymic,
        latin_family,
        latin_given,
        latin_patronymic,
        dob,
    )


def _surname_for(person: Person, sex: str) -> str:
    """The family name in the other gender's form, where the language has one."""
    pairs = UK_ENDINGS if person.culture == "uk" else RU_ENDINGS
    for male, female in sorted(pairs, key=lambda pair: -len(pair[0])):
        if sex == "f" and person.family.endswith(male) and male != female:
            return person.family[: -len(male)] + female
        if sex == "m" and person.family.endswith(female) and male != female:
            return person.family[: -len(female)] + male
    if person.culture == "ru" and sex == "f" and person.family.endswith(_FULL_RU):
        return person.family + "а"
    if person.culture == "ru" and sex == "m" and person.family.endswith(("ова", "ева", "ина")):
        return person.family[:-1]
    return person.family


def make_duplicate_corpus(
    people: int = 100_000, duplicates: int = 2_000, households: int = 2_000, seed: int = 56
) -> DuplicateCorpus:
    """`people` in all: `duplicates` of them registered a second time, and `households` families
    of two to four (siblings, a twin, a parent) registered together."""
    rng = random.Random(seed)  # noqa: S311 -- a reproducible synthetic corpus, not a secret
    relatives_wanted = households * 2
    base = make_people(people - duplicates - relatives_wanted, seed)
    made = list(base)
    household_of: dict[str, str] = {}
    planted: set[frozenset[str]] = set()
    related: set[frozenset[str]] = set()
    for number, person in enumerate(rng.sample(base, duplicates)):
        again = _duplicate_of(person, number, rng)
        made.append(again)
        planted.add(frozenset((person.person_id, again.person_id)))
    count = 0
    for number, person in enumerate(rng.sample(base, households)):
        household = f"H{number:05d}"
        members = [person]
        for _ in range(2):
            kind = rng.choice(("sibling", "sibling", "twin", "parent"))
            relative = _relative(person, count, kind, rng)
            count += 1
            members.append(relative)
            made.append(relative)
        for member in members:
            household_of[member.person_id] = household
        for i, one in enumerate(members):
            for other in members[i + 1 :]:
                related.add(frozenset((one.person_id, other.person_id)))
    return DuplicateCorpus(made, household_of, planted, related)


def recall(
    corpus: Corpus, search: Callable[[str], list[str]], top: int = 5
) -> dict[str, tuple[int, int, list[Query]]]:
    """Per category: (found in the top `top`, asked, the missed queries); `search` returns
    person ids, best first."""
    table: dict[str, tuple[int, int, list[Query]]] = {}
    for query in corpus.queries:
        found, asked, missed = table.get(query.category, (0, 0, []))
        hit = query.person_id in search(query.text)[:top]
        table[query.category] = (found + hit, asked + 1, missed if hit else [*missed, query])
    return table


def main(argv: list[str]) -> int:
    people = int(argv[1]) if len(argv) > 1 else 2_000
    per_category = int(argv[2]) if len(argv) > 2 else 5
    corpus = make_corpus(people, per_category)
    by_id = {p.person_id: p for p in corpus.people}
    for query in corpus.queries:
        person = by_id[query.person_id]
        names = f"{person.family} {person.given} {person.patronymic}"
        print(f"{query.category:10} {query.text:45} -> {names} {person.dob}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
