"""Duplicates among everyone: blocking on the matcher's keys, candidate pairs scored in bulk.

One search per person took about 130 s at 100,000 people. Here every person is put in three
blocks by phonetic keys (`phonetic.word_key`): (family name, given name), (given name, year of
birth) and (family name, year of birth), so a pair shares a block when at most one of the three
is misspelt beyond its key. The pairs within blocks are scored at once with rapidfuzz's
`process.cpdist` on the keys of the family, given and patronymic names, then filtered:

* both names' keys at most one edit apart (two in a key of nine letters or more), or the names
  as written one edit apart (a typo the key would spell twice: Егорина, Егориа); and
  two given names that are both in the equivalents table the same name (Галина is not Аліна);
* born at most a year apart when both years are known; two full dates agree, or differ in the
  day or the month only (one of them mistyped);
* a patronymic recorded on both sides agrees (another father: another person);
* not the same sex when both are recorded, and never two members of one household (siblings,
  parents and twins are registered together: a household holds different people).

The pairs left are explained field by field (`compare.compare`) and kept when "likely". Pairs
that link two households several times are grouped: the same family registered at two points is
one suggestion (`HouseholdMatch`), not one per member.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

from fieldreg.core.errors import Cancelled
from fieldreg.matching.compare import LIKELY, Comparison, PersonNames, compare, year_of
from fieldreg.matching.phonetic import is_known_name, search_words, word_key

LONG_KEY: Final = 9  # keys this long may be two edits apart (a typo the key spells twice)
MAX_BLOCK: Final = 400  # a bigger block (a very common name and year) is split by sex and year
_STEP: Final = 2000  # blocks between progress reports and cancel checks

Int64Array = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Record:
    """What duplicate finding reads of a person (their summary)."""

    person_id: str
    names: PersonNames
    sex: str | None = None
    household_id: str | None = None


@dataclass(frozen=True, slots=True)
class PairMatch:
    first: str  # person ids, in the order the records were given
    second: str
    comparison: Comparison


@dataclass(frozen=True, slots=True)
class HouseholdMatch:
    """Two households that look like one family registered twice."""

    households: tuple[str, str]
    pairs: tuple[PairMatch, ...]


@dataclass(frozen=True, slots=True)
class Duplicates:
    pairs: list[PairMatch]  # people not in a household match, best first
    households: list[HouseholdMatch]


def keys_of(texts: list[tuple[str, str]]) -> list[str]:
    """The key of each name (its Latin form when it has no other), each distinct name once."""
    known: dict[tuple[str, str], str] = {}
    found: list[str] = []
    for pair in texts:
        key = known.get(pair)
        if key is None:
            key = ""
            for text in pair:
                keys = [k for _, k in search_words(text)]
                if keys:
                    key = " ".join(keys)
                    break
            known[pair] = key
        found.append(key)
    return found


@cache
def _pairs_of(size: int) -> tuple[Int64Array, Int64Array]:
    """Every (i, j), i < j, below `size`: blocks come in few sizes."""
    i, j = np.triu_indices(size, k=1)
    return i.astype(np.int64), j.astype(np.int64)


def find_duplicates(
    records: Sequence[Record],
    wanted: Iterable[str] | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Duplicates:
    """Likely duplicate pairs among `records` (only pairs with someone in `wanted`, if given).

    `progress(done, total)` hears how far it got; `cancelled()` is asked now and then, and
    `Cancelled` raised when it says so."""
    count = len(records)
    families = keys_of([(r.names.family, r.names.latin_family) for r in records])
    givens = keys_of([(r.names.given, r.names.latin_given) for r in records])
    patronymics = keys_of([(r.names.patronymic, r.names.latin_patronymic) for r in records])
    years = np.array([year_of(r.names.dob) or 0 for r in records], dtype=np.int32)
    wanted_rows = None
    if wanted is not None:
        wanted_ids = set(wanted)
        wanted_rows = np.array([r.person_id in wanted_ids for r in records], dtype=np.bool_)
    blocks: dict[tuple[int, str, str | int], list[int]] = defaultdict(list)
    for row, (family_key, given_key, year) in enumerate(
        zip(families, givens, years.tolist(), strict=True)
    ):
        family, given = family_key.partition(" ")[0], given_key.partition(" ")[0]
        if not family or not given:
            continue  # one name alone matches too many people to mean anything
        blocks[(0, family, given)].append(row)
        if year:
            blocks[(1, given, year)].append(row)
            blocks[(2, family, year)].append(row)
    pairs = _block_pairs(list(blocks.values()), records, wanted_rows, progress, cancelled)
    if not len(pairs):
        return Duplicates([], [])
    left, right = pairs // count, pairs % count
    kept = _filter(
        left,
        right,
        records=records,
        families=families,
        givens=givens,
        patronymics=patronymics,
        years=years,
    )
    matches: list[PairMatch] = []
    kept_pairs = np.unique(pairs[kept])
    for a, b in zip((kept_pairs // count).tolist(), (kept_pairs % count).tolist(), strict=True):
        comparison = compare(records[a].names, records[b].names)
        if comparison.score >= LIKELY:
            matches.append(PairMatch(records[a].person_id, records[b].person_id, comparison))
    matches.sort(key=lambda m: (-m.comparison.score, m.first, m.second))
    return _grouped(matches, {r.person_id: r.household_id for r in records})


def _block_pairs(
    blocks: list[list[int]],
    records: Sequence[Record],
    wanted_rows: npt.NDArray[np.bool_] | None,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> Int64Array:
    """Every pair of rows sharing a block (i < j), encoded i * count + j (repeats included)."""
    count = len(records)
    chunks: list[Int64Array] = []
    for done, block in enumerate(blocks):
        if done % _STEP == 0:
            if cancelled is not None and cancelled():
                raise Cancelled
            if progress is not None:
                progress(done, len(blocks) + 1)
        if len(block) < 2:
            continue
        for part in _split(block, records):
            rows = np.array(part, dtype=np.int64)
            i, j = _pairs_of(len(rows))
            a, b = rows[i], rows[j]
            if wanted_rows is not None:
                keep = wanted_rows[a] | wanted_rows[b]
                a, b = a[keep], b[keep]
            chunks.append(a * count + b)  # rows are ascending in a block: a < b
    if not chunks:
        return np.zeros(0, dtype=np.int64)
    # Repeats (a pair sharing two blocks) are dropped after filtering, when few pairs are left.
    return np.concatenate(chunks)


def _split(block: list[int], records: Sequence[Record]) -> list[list[int]]:
    if len(block) <= MAX_BLOCK:
        return [block]
    by_sex: dict[str | None, list[int]] = defaultdict(list)
    for row in block:
        by_sex[records[row].sex].append(row)
    return [
        part[i : i + MAX_BLOCK] for part in by_sex.values() for i in range(0, len(part), MAX_BLOCK)
    ]


def _filter(
    left: Int64Array,
    right: Int64Array,
    *,
    records: Sequence[Record],
    families: list[str],
    givens: list[str],
    patronymics: list[str],
    years: npt.NDArray[np.int32],
) -> npt.NDArray[np.bool_]:
    """The rules of the module docstring, on all candidate pairs at once."""
    a, b = left.tolist(), right.tolist()
    keep = names_close(families, lambda row: written_name(records[row], "family"), a, b)
    kept = np.flatnonzero(keep)
    given_ok = names_close(
        givens,
        lambda row: written_name(records[row], "given"),
        [a[n] for n in kept],
        [b[n] for n in kept],
    )
    keep[kept] = given_ok
    year_a, year_b = years[left], years[right]
    known = (year_a > 0) & (year_b > 0)
    keep &= ~known | (np.abs(year_a - year_b) <= 1)
    for n in np.flatnonzero(keep).tolist():
        one, other = records[a[n]], records[b[n]]
        keep[n] = _may_be_one(one, other, patronymics[a[n]], patronymics[b[n]])
    return keep


def _close(keys: list[str], a: list[int], b: list[int]) -> npt.NDArray[np.bool_]:
    """Whether the keys of each pair are at most one edit apart (two when long); swapping two
    letters is one edit (optimal string alignment)."""
    ours, theirs = [keys[i] for i in a], [keys[j] for j in b]
    distance = process.cpdist(ours, theirs, scorer=OSA.distance, dtype=np.int32)
    shorter = np.minimum(
        np.fromiter(map(len, ours), dtype=np.int32, count=len(ours)),
        np.fromiter(map(len, theirs), dtype=np.int32, count=len(theirs)),
    )
    allowed: npt.NDArray[np.bool_] = distance <= np.where(shorter >= LONG_KEY, 2, 1)
    return allowed


def names_close(
    keys: list[str], written: Callable[[int], str], a: list[int], b: list[int]
) -> npt.NDArray[np.bool_]:
    """Whether each pair's names are close: keys within `_close`, or as written (`written(row)`)
    one edit apart."""
    close = _close(keys, a, b)
    unsure = np.flatnonzero(~close)
    if len(unsure):
        ours = [written(a[n]) for n in unsure.tolist()]
        theirs = [written(b[n]) for n in unsure.tolist()]
        close[unsure] = _one_edit(ours, theirs)
    return close


def written_name(record: Record, role: str) -> str:
    """The family (or given) name as first written, casefolded; its Latin form if none."""
    names = record.names
    texts = (
        (names.family, names.latin_family) if role == "family" else (names.given, names.latin_given)
    )
    return next((text.casefold() for text in texts if text), "")


def _one_edit(ours: list[str], theirs: list[str]) -> npt.NDArray[np.bool_]:
    distance = process.cpdist(ours, theirs, scorer=OSA.distance, dtype=np.int32)
    close: npt.NDArray[np.bool_] = distance <= 1
    return close


def _different_known_names(one: str, other: str) -> bool:
    """Two given names that are both names of the table, and not the same one."""
    return is_known_name(one) and is_known_name(other) and word_key(one) != word_key(other)


def _may_be_one(one: Record, other: Record, patronymic: str, other_patronymic: str) -> bool:
    """Not one household's two members, not two sexes, not two fathers' names, and dates of
    birth that may be one."""
    if one.household_id and one.household_id == other.household_id:
        return False
    if one.sex and other.sex and one.sex != other.sex:
        return False
    given, other_given = one.names.given or one.names.latin_given, other.names.given
    if _different_known_names(given, other_given or other.names.latin_given):
        return False
    if patronymic and other_patronymic:
        allowed = 2 if min(len(patronymic), len(other_patronymic)) >= LONG_KEY else 1
        if OSA.distance(patronymic, other_patronymic) > allowed:
            return False
    return _dates_may_agree(one.names.dob, other.names.dob)


def _dates_may_agree(one: str | None, other: str | None) -> bool:
    """Two full dates of birth agree when equal, or one field apart in the same year (a day or
    a month mistyped); a year only, or none, agrees with anything the years allowed."""
    if not (one and other and len(one) == 10 and len(other) == 10) or one == other:
        return True
    return one[:4] == other[:4] and (one[5:7] == other[5:7] or one[8:] == other[8:])


def _grouped(matches: list[PairMatch], households: dict[str, str | None]) -> Duplicates:
    """Pairs linking the same two households at least twice become one household match."""
    by_households: dict[tuple[str, str], list[PairMatch]] = defaultdict(list)
    for match in matches:
        one, other = households.get(match.first), households.get(match.second)
        if one and other and one != other:
            key = (one, other) if one < other else (other, one)
            by_households[key].append(match)
    grouped: list[HouseholdMatch] = []
    in_groups: set[int] = set()
    for key, group in by_households.items():
        if len(group) >= 2:
            grouped.append(HouseholdMatch(key, tuple(group)))
            in_groups.update(id(match) for match in group)
    grouped.sort(key=lambda h: (-len(h.pairs), h.households))
    return Duplicates([m for m in matches if id(m) not in in_groups], grouped)
