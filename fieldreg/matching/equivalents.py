"""Ukrainian <-> Russian name equivalents, read from `resources/names/equivalents.tsv`.

Each group of equivalent forms (Олексій, Алексей and their romanisations in every system of
`romanise`) gets one *group key*: the phonetic key of its first Russian form. The phonetic key of
a word in the table is its group key, so Олексій, Алексей, Oleksii and Alexei all land on one key,
while Олена (Елена) and Альона (Алёна), which the phonetic rules alone would fold together, stay
apart. A Latin spelling that two groups both produce is left out: it falls back to the phonetic
rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

from fieldreg.matching.romanise import SYSTEMS, Language, romanise

_KINDS: Final = frozenset({"given", "patronymic", "feminine", "surname"})
_UK_ONLY: Final = frozenset("іїєґ")
_RU_ONLY: Final = frozenset("ыэёъ")


@dataclass(frozen=True, slots=True)
class Equivalents:
    """The table: groups of equivalent forms and surname endings."""

    groups: tuple[tuple[str, ...], ...]  # casefolded Cyrillic forms, a Russian form first
    kinds: tuple[str, ...]  # "given" or "patronymic", per group
    surname_endings: tuple[tuple[str, str], ...]  # (Ukrainian, Russian), longest first
    by_form: Mapping[str, tuple[str, ...]]  # a form (ё as е) -> its group's forms (ё as е)

    def forms_of(self, word: str) -> tuple[str, ...]:
        """Every Cyrillic form equivalent to `word` (itself first, ё as е), or just `word`."""
        folded = word.casefold().replace("ё", "е")
        group = self.by_form.get(folded)
        if group is None:
            return (folded,)
        return (folded, *(form for form in group if form != folded))

    def russian_surname(self, surname: str) -> str:
        """A Ukrainian surname with its ending in the Russian spelling (Ковальов -> Ковалёв)."""
        folded = surname.casefold()
        for uk, ru in self.surname_endings:
            if folded.endswith(uk) and len(folded) > len(uk) + 1:
                return surname[: -len(uk)] + ru
        return surname


def resources_dir() -> Path:
    """`fieldreg/_resources/names` in a build, the top-level `resources/names` in a checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_resources" / "names", package.parent / "resources" / "names"):
        if candidate.is_dir():
            return candidate
    raise RuntimeError("fieldreg name tables are missing from this build")


def parse(lines: Iterable[str]) -> Equivalents:
    """The table from its lines; ValueError names the first malformed line."""
    pairs: list[tuple[str, str, str]] = []
    feminine: list[tuple[tuple[str, str], tuple[str, str]]] = []
    endings: list[tuple[str, str]] = []
    header_seen = False
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if cells[:3] != ["kind", "uk", "ru"]:
                raise ValueError(f"line {number}: the header must be kind, uk, ru")
            header_seen = True
            continue
        if len(cells) < 3 or cells[0] not in _KINDS or not cells[1] or not cells[2]:
            raise ValueError(f"line {number}: {line!r}")
        kind, uk, ru = cells[0], cells[1].casefold(), cells[2].casefold()
        if kind == "feminine":
            uk_rule, ru_rule = uk.split(">"), ru.split(">")
            if len(uk_rule) != 2 or len(ru_rule) != 2:
                raise ValueError(f"line {number}: a feminine rule is ending>ending")
            feminine.append(((uk_rule[0], uk_rule[1]), (ru_rule[0], ru_rule[1])))
        elif kind == "surname":
            endings.append((uk.lstrip("-"), ru.lstrip("-")))
        else:
            pairs.append((kind, uk.replace("'", "\u02bc"), ru))
    for kind, uk, ru in list(pairs):
        if kind == "patronymic":
            uk_f = _feminine(uk, [rule[0] for rule in feminine])
            ru_f = _feminine(ru, [rule[1] for rule in feminine])
            if uk_f and ru_f:
                pairs.append(("patronymic", uk_f, ru_f))
    groups, kinds = _merge(pairs)
    endings.sort(key=lambda pair: -len(pair[0]))
    by_form: dict[str, tuple[str, ...]] = {}
    for group in groups:
        plain = tuple(dict.fromkeys(form.replace("ё", "е") for form in group))
        for form in plain:
            by_form[form] = plain
    return Equivalents(groups, kinds, tuple(endings), by_form)


def _feminine(masculine: str, rules: list[tuple[str, str]]) -> str | None:
    for ending, replacement in sorted(rules, key=lambda rule: -len(rule[0])):
        if masculine.endswith(ending):
            return masculine[: -len(ending)] + replacement
    return None


def _merge(
    pairs: list[tuple[str, str, str]],
) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """Rows sharing a form become one group (a small union-find over the forms)."""
    parent: dict[str, str] = {}

    def find(form: str) -> str:
        while parent.setdefault(form, form) != form:
            form = parent[form]
        return form

    russian_first: dict[str, str] = {}
    for _, uk, ru in pairs:
        parent[find(uk)] = find(ru)
        russian_first.setdefault(ru, uk)
    members: dict[str, list[str]] = {}
    kind_of: dict[str, str] = {}
    for kind, uk, ru in pairs:
        root = find(ru)
        group = members.setdefault(root, [])
        kind_of.setdefault(root, kind)
        for form in (ru, uk):
            if form not in group:
                group.append(form)
    roots = list(members)
    return tuple(tuple(members[r]) for r in roots), tuple(kind_of[r] for r in roots)


@cache
def default_equivalents() -> Equivalents:
    """The shipped table (read once; it holds no personal data)."""
    path = resources_dir() / "equivalents.tsv"
    with path.open(encoding="utf-8") as lines:
        return parse(lines)


def spellings_of(form: str) -> set[str]:
    """A Cyrillic form and its romanisations in every system, casefolded (ё also as е)."""
    spellings = {form, form.replace("ё", "е")}
    languages: tuple[Language, ...] = ("uk", "ru")
    if not _UK_ONLY.isdisjoint(form):
        languages = ("uk",)
    elif not _RU_ONLY.isdisjoint(form):
        languages = ("ru",)
    for system in SYSTEMS:
        for language in languages:
            spellings.add(romanise(form, system, language).casefold())
    return spellings


def group_keys(table: Equivalents, phonetic: Callable[[str], str]) -> Mapping[str, str]:
    """Casefolded spelling -> group key, for every form of the table and its romanisations."""
    claimed: dict[str, set[str]] = {}
    for group in table.groups:
        key = phonetic(group[0])
        for form in group:
            for spelling in spellings_of(form):
                claimed.setdefault(spelling, set()).add(key)
    return {spelling: next(iter(keys)) for spelling, keys in claimed.items() if len(keys) == 1}
