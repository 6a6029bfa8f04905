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
* a patronymic recorded on both sides agrees (another father: another person); for a common
  name (more than `FEW_NAMESAKES` people share its family and given name), a patronymic
  recorded on one side only needs the same full date of birth on both: otherwise the pair has
  little more than two common names and a year in common, which at a million people many
  strangers share (precision fell from 94 % at 100,000 to 57 % at 1,000,000; with a limit of
  20 namesakes it was 71 %, of 5 88.6 %, of 3 92.4 %);
* not the same sex when both are recorded, and never two members of one household (siblings,
  parents and twins are registered together: a household holds different people).

The pairs left are explained field by field (`compare.compare`) and kept when "likely", or,
for a common name with a patronymic missing on either side, when all else agrees
(`WITHOUT_PATRONYMIC`): at a million people, strangers who share two common names and a year of
birth are many more than the people registered twice. A pair is kept only when it is the best
of both its people (a person registered twice and a namesake of theirs: the namesake is not
offered). Pairs that link two households several times are grouped: the same family
registered at two points is one suggestion (`HouseholdMatch`), not one per member.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

from fieldreg.core.errors import Cancelled
from fieldreg.matching.compare import LIKELY, Comparison, PersonNames, compare, year_of
from fieldreg.matching.phonetic import is_known_name, search_words, word_key

LONG_KEY: Final = 9  # keys this long may be two edits apart (a typo the key spells twice)
FEW_NAMESAKES: Final = 3  # more people with one family and given name: coincidences likely
WITHOUT_PATRONYMIC: Final = 99.0  # the score a common name's pair needs without a patronymic
MAX_BLOCK: Final = 400  # a bigger block (a very common name and year) is split by sex and year
_CHUNK: Final = 1_000_000  # candidate pairs made and filtered at a time

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


@lru_cache(maxsize=64)
def _pairs_of(size: int) -> tuple[Int64Array, Int64Array]:
    """Every (i, j), i < j, below `size`: blocks come in few sizes (a few kept, not every one)."""
    i, j = np.triu_indices(size, k=1)
    return i.astype(np.int64), j.astype(np.int64)


def _coded(values: Iterable[object]) -> tuple[Int64Array, list[Any]]:
    """Each value's number (in order of first appearance) and the distinct values."""
    index: dict[object, int] = {}
    codes = np.fromiter((index.setdefault(v, len(index)) for v in values), dtype=np.int64)
    return codes, list(index)


def _objects(values: list[str]) -> npt.NDArray[np.object_]:
    """The strings as a numpy array (indexed by codes), each one element whatever its form."""
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


@dataclass(frozen=True, slots=True)
class _Names:
    """One name of everyone, as numbers: its key and its written form, each distinct one once."""

    keys: Int64Array
    distinct_keys: npt.NDArray[np.object_]
    key_lengths: Int64Array
    written: Int64Array
    distinct_written: npt.NDArray[np.object_]

    @classmethod
    def of(cls, keys: list[str], written: Iterable[str]) -> _Names:
        codes, distinct = _coded(keys)
        written_codes, distinct_written = _coded(written)
        return cls(
            codes,
            _objects(distinct),
            np.array([len(k) for k in distinct], dtype=np.int64),
            written_codes,
            _objects(distinct_written),
        )

    def close(self, a: Int64Array, b: Int64Array) -> npt.NDArray[np.bool_]:
        """`names_close` on numbers: each distinct pair of keys (of written names) compared once."""
        ours, theirs = self.keys[a], self.keys[b]
        close: npt.NDArray[np.bool_] = ours == theirs
        unsure = np.flatnonzero(~close)
        if len(unsure):
            pair, back = np.unique(
                ours[unsure] * len(self.distinct_keys) + theirs[unsure], return_inverse=True
            )
            one, other = pair // len(self.distinct_keys), pair % len(self.distinct_keys)
            distance = process.cpdist(
                self.distinct_keys[one],
                self.distinct_keys[other],
                scorer=OSA.distance,
                dtype=np.int32,
            )
            shorter = np.minimum(self.key_lengths[one], self.key_lengths[other])
            allowed = distance <= np.where(shorter >= LONG_KEY, 2, 1)
            close[unsure] = allowed[back.ravel()]
        unsure = np.flatnonzero(~close)
        if len(unsure):
            ours, theirs = self.written[a[unsure]], self.written[b[unsure]]
            size = len(self.distinct_written)
            pair, back = np.unique(ours * size + theirs, return_inverse=True)
            distance = process.cpdist(
                self.distinct_written[pair // size],
                self.distinct_written[pair % size],
                scorer=OSA.distance,
                dtype=np.int32,
            )
            close[unsure] = (distance <= 1)[back.ravel()]
        return close


@dataclass(frozen=True, slots=True)
class _Everyone:
    records: Sequence[Record]
    families: _Names
    givens: _Names
    patronymics: list[str]
    years: npt.NDArray[np.int32]
    sexes: Int64Array  # 0: not recorded
    households: Int64Array  # 0: none

    def may_be_one(
        self, a: Int64Array, b: Int64Array, namesakes: Int64Array
    ) -> npt.NDArray[np.bool_]:
        """The rules of the module docstring on pairs of rows: the cheap ones on numbers first,
        the names on their distinct pairs, the rest (few pairs left) one by one."""
        year_a, year_b = self.years[a], self.years[b]
        keep: npt.NDArray[np.bool_] = ~((year_a > 0) & (year_b > 0)) | (
            np.abs(year_a - year_b) <= 1
        )
        sex_a, sex_b = self.sexes[a], self.sexes[b]
        keep &= (sex_a == 0) | (sex_b == 0) | (sex_a == sex_b)
        keep &= (self.households[a] == 0) | (self.households[a] != self.households[b])
        for names in (self.families, self.givens):
            kept = np.flatnonzero(keep)
            keep[kept] = names.close(a[kept], b[kept])
        records, patronymics = self.records, self.patronymics
        for n in np.flatnonzero(keep).tolist():
            i, j = int(a[n]), int(b[n])
            crowded = max(namesakes[i], namesakes[j]) > FEW_NAMESAKES
            keep[n] = _may_be_one(
                records[i], records[j], patronymics[i], patronymics[j], crowded=crowded
            )
        return keep


def find_duplicates(
    records: Sequence[Record],
    wanted: Iterable[str] | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Duplicates:
    """Likely duplicate pairs among `records` (only pairs with someone in `wanted`, if given).

    `progress(done, total)` hears how far it got; `cancelled()` is asked now and then, and
    `Cancelled` raised when it says so.

    Candidate pairs are made and filtered a chunk at a time (`_CHUNK` pairs), so memory grows
    with the pairs kept, not with the pairs looked at (a million people make tens of millions)."""
    count = len(records)
    families = keys_of([(r.names.family, r.names.latin_family) for r in records])
    givens = keys_of([(r.names.given, r.names.latin_given) for r in records])
    sexes, sex_values = _coded(r.sex or "" for r in records)
    households, household_values = _coded(r.household_id or "" for r in records)
    everyone = _Everyone(
        records,
        _Names.of(families, (written_name(r, "family") for r in records)),
        _Names.of(givens, (written_name(r, "given") for r in records)),
        keys_of([(r.names.patronymic, r.names.latin_patronymic) for r in records]),
        np.array([year_of(r.names.dob) or 0 for r in records], dtype=np.int32),
        _falsy_as_zero(sexes, sex_values),
        _falsy_as_zero(households, household_values),
    )
    wanted_rows = None
    if wanted is not None:
        wanted_ids = set(wanted)
        wanted_rows = np.array([r.person_id in wanted_ids for r in records], dtype=np.bool_)
    flat, starts, sizes, namesakes = _blocks(families, givens, everyone.years, everyone.sexes)
    kept_chunks: list[Int64Array] = []
    total = len(starts) + 1
    done = 0
    for a, b, parts in _candidates(flat, starts, sizes, wanted_rows):
        if cancelled is not None and cancelled():
            raise Cancelled
        if progress is not None:
            progress(done, total)
        done += parts
        kept = everyone.may_be_one(a, b, namesakes)
        kept_chunks.append(a[kept] * count + b[kept])
    if cancelled is not None and cancelled():
        raise Cancelled
    if not kept_chunks:
        return Duplicates([], [])
    # Repeats (a pair sharing two blocks) are dropped after filtering, when few pairs are left.
    kept_pairs = np.unique(np.concatenate(kept_chunks))
    matches: list[PairMatch] = []
    patronymics = everyone.patronymics
    for a, b in zip((kept_pairs // count).tolist(), (kept_pairs % count).tolist(), strict=True):
        comparison = compare(records[a].names, records[b].names)
        crowded = max(namesakes[a], namesakes[b]) > FEW_NAMESAKES
        thin = crowded and not (patronymics[a] and patronymics[b])
        if comparison.score >= (WITHOUT_PATRONYMIC if thin else LIKELY):
            matches.append(PairMatch(records[a].person_id, records[b].person_id, comparison))
    matches = _best_only(matches)
    matches.sort(key=lambda m: (-m.comparison.score, m.first, m.second))
    return _grouped(matches, {r.person_id: r.household_id for r in records})


def _best_only(matches: list[PairMatch]) -> list[PairMatch]:
    """The pairs that are the best (or one of the best) of both their people."""
    best: dict[str, float] = defaultdict(float)
    for match in matches:
        for person in (match.first, match.second):
            best[person] = max(best[person], match.comparison.score)
    return [m for m in matches if m.comparison.score >= max(best[m.first], best[m.second])]


def _falsy_as_zero(codes: Int64Array, values: list[Any]) -> Int64Array:
    """Codes renumbered from 1, with the empty value 0 (not recorded: agrees with anything)."""
    empty = values.index("") if "" in values else -1
    renumbered = codes + 1
    renumbered[codes == empty] = 0
    return renumbered


def _blocks(
    families: list[str], givens: list[str], years: npt.NDArray[np.int32], sexes: Int64Array
) -> tuple[Int64Array, Int64Array, Int64Array, Int64Array]:
    """Every block of two people or more, as parts of at most `MAX_BLOCK` rows (a bigger block
    split by sex, then in runs): the rows of all parts one after another (ascending within a
    part), each part's start and size; and how many people share each one's family and given
    name keys (their namesakes, themselves included)."""
    family, family_words = _coded(key.partition(" ")[0] for key in families)
    given, given_words = _coded(key.partition(" ")[0] for key in givens)
    named = np.ones(len(families), dtype=np.bool_)
    if "" in family_words:
        named &= family != family_words.index("")
    if "" in given_words:
        named &= given != given_words.index("")
    rows = np.flatnonzero(named)  # one name alone matches too many people to mean anything
    dated = rows[years[rows] > 0]
    span = 1 << 14  # years fit below it
    width = max(len(family_words), len(given_words), span)
    names = family[rows] * width + given[rows]
    _, which, sharing = np.unique(names, return_inverse=True, return_counts=True)
    namesakes = np.zeros(len(families), dtype=np.int64)
    namesakes[rows] = sharing[which.ravel()]
    keys = np.concatenate(
        (
            names,
            (width * width) + given[dated] * span + years[dated],
            2 * (width * width) + family[dated] * span + years[dated],
        )
    )
    members = np.concatenate((rows, dated, dated))
    order = np.argsort(keys, kind="stable")  # rows stay ascending within a block
    keys, members = keys[order], members[order]
    edges = np.flatnonzero(np.diff(keys)) + 1
    starts = np.concatenate(([0], edges)).astype(np.int64)
    sizes = np.diff(np.concatenate((starts, [len(keys)]))).astype(np.int64)
    paired = sizes >= 2
    starts, sizes = starts[paired], sizes[paired]
    big = sizes > MAX_BLOCK
    extra: list[Int64Array] = []
    extra_starts: list[int] = []
    extra_sizes: list[int] = []
    offset = len(members)
    for start, size in zip(starts[big].tolist(), sizes[big].tolist(), strict=True):
        block = members[start : start + size]
        by_sex = block[np.argsort(sexes[block], kind="stable")]
        bounds = np.flatnonzero(np.diff(sexes[by_sex])) + 1
        for part in np.split(by_sex, bounds):
            for i in range(0, len(part), MAX_BLOCK):
                piece = part[i : i + MAX_BLOCK]
                if len(piece) >= 2:
                    extra.append(piece)
                    extra_starts.append(offset)
                    extra_sizes.append(len(piece))
                    offset += len(piece)
    flat = np.concatenate((members, *extra)) if extra else members
    starts = np.concatenate((starts[~big], np.array(extra_starts, dtype=np.int64)))
    sizes = np.concatenate((sizes[~big], np.array(extra_sizes, dtype=np.int64)))
    return flat, starts, sizes, namesakes


def _candidates(
    flat: Int64Array,
    starts: Int64Array,
    sizes: Int64Array,
    wanted_rows: npt.NDArray[np.bool_] | None,
) -> Iterator[tuple[Int64Array, Int64Array, int]]:
    """The pairs of rows sharing a part (a < b), about `_CHUNK` at a time, with how many parts
    they came from: parts of one size are taken together, as one matrix of rows."""
    for size in np.unique(sizes).tolist():
        of_size = starts[sizes == size]
        i, j = _pairs_of(size)
        step = max(1, _CHUNK // len(i))
        for begin in range(0, len(of_size), step):
            batch = of_size[begin : begin + step]
            rows = flat[batch[:, None] + np.arange(size)]
            a, b = rows[:, i].ravel(), rows[:, j].ravel()
            if wanted_rows is not None:
                keep = wanted_rows[a] | wanted_rows[b]
                a, b = a[keep], b[keep]
            yield a, b, len(batch)


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


def _may_be_one(
    one: Record, other: Record, patronymic: str, other_patronymic: str, *, crowded: bool = False
) -> bool:
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
    elif (
        crowded
        and (patronymic or other_patronymic)
        and not (_both_full(one.names.dob, other.names.dob) and one.names.dob == other.names.dob)
    ):
        return False  # two common names and a year in common: many strangers share them
    return _dates_may_agree(one.names.dob, other.names.dob)


def _both_full(one: str | None, other: str | None) -> bool:
    return len(one or "") == 10 and len(other or "") == 10


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
