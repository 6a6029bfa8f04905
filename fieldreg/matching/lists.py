"""Matching a list of sought persons (missing persons, a tracing request) against everyone.

For each sought person (names in any script, a year or date of birth, a place of origin, a sex)
the registered people sharing a block of phonetic keys with them ((family name), or (given name,
year of birth)) are filtered like duplicate pairs (`pairs`: names at most a typo apart), then
compared field by field (`compare.compare`), with the place of origin and the sex beside.

Each candidate gets a label, normalised against the best candidate of the same sought person:
"likely" when its score is high and it is (near enough) the best; "possible" when it is lower,
or when another candidate scores as well (two people fit: a volunteer must look).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from rapidfuzz import fuzz

from fieldreg.core.names import normalise_name
from fieldreg.matching.compare import LIKELY, POSSIBLE, Comparison, PersonNames, compare, year_of
from fieldreg.matching.pairs import Record, keys_of, names_close, written_name
from fieldreg.matching.phonetic import search_key

Agreement = Literal["same", "similar", "different", "missing"]
Label = Literal["likely", "possible"]
MAX_CANDIDATES: Final = 5
NEAR_BEST: Final = 3.0  # points below the best that still count as the best
PLACE_SIMILAR: Final = 85.0


@dataclass(frozen=True, slots=True)
class Sought:
    """One line of a list: whom it looks for."""

    reference: str  # the list's own id of the line
    names: PersonNames
    sex: str | None = None
    place: str = ""  # place of origin (settlement), as the list writes it


@dataclass(frozen=True, slots=True)
class Registered:
    record: Record
    place: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    person_id: str
    comparison: Comparison  # family, given, patronymic and date of birth, with reasons
    sex: Agreement
    place: Agreement
    label: Label
    relative: float  # the score over the best candidate's score (1.0 for the best)


@dataclass(frozen=True, slots=True)
class ListResult:
    sought: Sought
    candidates: tuple[Candidate, ...]  # best first


def match_list(sought: Sequence[Sought], registered: Sequence[Registered]) -> list[ListResult]:
    """Candidates for every sought person, best first (at most `MAX_CANDIDATES` each)."""
    records = [r.record for r in registered]
    families = keys_of([(r.names.family, r.names.latin_family) for r in records])
    givens = keys_of([(r.names.given, r.names.latin_given) for r in records])
    by_family: dict[str, list[int]] = defaultdict(list)
    by_given_year: dict[tuple[str, int], list[int]] = defaultdict(list)
    for row, (family, given, record) in enumerate(zip(families, givens, records, strict=True)):
        by_family[family.partition(" ")[0]].append(row)
        year = year_of(record.names.dob)
        if year:
            by_given_year[(given.partition(" ")[0], year)].append(row)
    written = (
        [written_name(r, "family") for r in records],
        [written_name(r, "given") for r in records],
    )
    wanted_families = keys_of([(s.names.family, s.names.latin_family) for s in sought])
    wanted_givens = keys_of([(s.names.given, s.names.latin_given) for s in sought])
    results: list[ListResult] = []
    for person, family, given in zip(sought, wanted_families, wanted_givens, strict=True):
        rows = set(by_family.get(family.partition(" ")[0], ()))
        year = year_of(person.names.dob)
        if year:
            for near in (year - 1, year, year + 1):
                rows.update(by_given_year.get((given.partition(" ")[0], near), ()))
        found = _candidates(
            person,
            (family, given),
            rows,
            registered=registered,
            registered_keys=(families, givens),
            written=written,
        )
        results.append(ListResult(person, found))
    return results


def _candidates(
    person: Sought,
    keys: tuple[str, str],
    rows: set[int],
    *,
    registered: Sequence[Registered],
    registered_keys: tuple[list[str], list[str]],
    written: tuple[list[str], list[str]],
) -> tuple[Candidate, ...]:
    family, given = keys
    if not rows or not family or not given:
        return ()
    ordered = sorted(rows)
    records = [Record("", person.names), *(registered[row].record for row in ordered)]
    keys_family = [family, *(registered_keys[0][row] for row in ordered)]
    keys_given = [given, *(registered_keys[1][row] for row in ordered)]
    others = list(range(1, len(records)))
    zeros = [0] * len(others)
    sought_family = written_name(records[0], "family")
    sought_given = written_name(records[0], "given")

    def family_written(n: int) -> str:
        return written[0][ordered[n - 1]] if n else sought_family

    def given_written(n: int) -> str:
        return written[1][ordered[n - 1]] if n else sought_given

    close = names_close(keys_family, family_written, zeros, others)
    close &= names_close(keys_given, given_written, zeros, others)
    found: list[tuple[float, int, Comparison]] = []
    for position in [n for n, ok in enumerate(close.tolist()) if ok]:
        row = ordered[position]
        comparison = compare(registered[row].record.names, person.names)
        if comparison.score >= POSSIBLE:
            found.append((comparison.score, row, comparison))
    found.sort(key=lambda item: (-item[0], registered[item[1]].record.person_id))
    if not found:
        return ()
    best = found[0][0]
    tied = sum(score >= best - NEAR_BEST for score, _, _ in found)
    candidates: list[Candidate] = []
    for score, row, comparison in found[:MAX_CANDIDATES]:
        near_best = score >= best - NEAR_BEST
        label: Label = "likely" if score >= LIKELY and near_best and tied == 1 else "possible"
        entry = registered[row]
        candidates.append(
            Candidate(
                entry.record.person_id,
                comparison,
                _agreement(entry.record.sex, person.sex),
                _place(entry.place, person.place),
                label,
                round(score / best, 3),
            )
        )
    return tuple(candidates)


def _agreement(ours: str | None, theirs: str | None) -> Agreement:
    if not ours or not theirs:
        return "missing"
    return "same" if ours == theirs else "different"


def _place(ours: str, theirs: str) -> Agreement:
    if not ours.strip() or not theirs.strip():
        return "missing"
    one, other = normalise_name(ours).casefold(), normalise_name(theirs).casefold()
    if one == other:
        return "same"
    key, other_key = search_key(one), search_key(other)  # Суми, Сумы, Sumy: one key
    return "similar" if fuzz.ratio(key, other_key) >= PLACE_SIMILAR else "different"
