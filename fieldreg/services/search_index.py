"""In-memory, cross-script, typo-tolerant name index for search as you type.

Filled at unlock from the decrypted summaries and emptied at lock; it never touches the disk.

Shape. Every name is cut into words and each word is reduced to its `search_key`, so that
"Сергій", "Сергей" and "Sergiy" share a key. A vocabulary holds each distinct key once with a
posting list (the rows of the people who carry it): a CSR pair of numpy arrays built in bulk,
plus small per-key lists for people added since. A query word is scored against the whole
vocabulary at once with rapidfuzz (`fuzz.ratio`, and for the last word also against keys cut to
its length, so a half-typed word matches), the best score per person is scattered into a numpy
array, and the words' scores are averaged. That coarse score is an upper bound of the final one
(near enough: see ABSENT_NAME_CREDIT), so only the best few dozen people are then scored exactly:
query words are paired one-to-one with the person's name words, the recorded spelling beats
another spelling with the same key, names the query leaves out cost a little, and the date of
birth adds its verdict. Removed rows are tombstoned and the arrays are
compacted once enough of them pile up. Not thread-safe: one owner calls it.

Scores run from 0 to 100. Reason codes in `SearchHit.reasons`:

- ``name.exact``: every query word is one of the person's names as recorded, or its key matches
  one recorded only in the other script (a transliteration);
- ``name.fuzzy``: at least one query word matched only approximately (a typo, another spelling);
- ``name.prefix``: the last query word matched as the beginning of a name (typing goes on);
- ``name.unmatched``: a query word matched none of the person's names;
- ``name.other_script``: the query is in Latin and the person's names in Cyrillic, or the reverse;
- ``name.order``: the words came in another order than family, given, patronymic;
- ``name.partial``: the query left some of the person's names out (e.g. the patronymic);
- ``name.initials``: initials in the query ("Гнатюк О. В.") fit the given name and patronymic;
- ``name.layout``: the query was read as typed with another keyboard layout ("Vjhjp" = Мороз);
- ``dob.exact``, ``dob.year`` (the same year; one side may be only a year or an estimate, or the
  days differ), ``dob.off_by_one`` (a year apart), ``dob.unknown`` (no date of birth recorded).
  People born further away are left out.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from fieldreg.core.bulk import without_cycle_collection
from fieldreg.core.names import detect_script
from fieldreg.matching.equivalents import default_equivalents
from fieldreg.matching.initials import classes_of
from fieldreg.matching.keyboard import layout_readings
from fieldreg.matching.phonetic import clear_name_caches, search_words
from fieldreg.services.search_query import (
    KIND_EXACT,
    KIND_NONE,
    SCRIPT_BITS,
    Dob,
    Query,
    parse_dob,
    parse_query,
    parse_stored_dob,
    parse_stored_dobs,
)

IntArray = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float32]

FUZZY_CUTOFF: Final = 60.0  # fuzz.ratio below this is not a match (two edits in a six-letter key)
PREFIX_CUTOFF: Final = 66.0  # one edit even in a three-letter prefix
# An approximate key match ranks below an identical key, and an identical key spelt otherwise
# ranks below the spelling on record (100).
KEY_SCALE: Final = 0.97
SPELLING_SCORE: Final = 97.0
MAX_KEYS_PER_WORD: Final = 2000  # bounds the work of a one-letter prefix
MISSING_NAME_PENALTY: Final = 4.0  # per family or given name word that no query word reached
# A patronymic left out of the query costs less: people search by family and given name.
MISSING_PATRONYMIC_PENALTY: Final = 1.0
# A record without one of family, given name or patronymic ranks below a complete record of the
# same name (the issue: an incomplete record outranked the complete one).
INCOMPLETE_PENALTY: Final = 2.0
# A query word matched only approximately inside the patronymic ("Іванов" ~ "Іванович") counts
# less, so the family name it was meant for wins whenever someone has it.
PATRONYMIC_FUZZY_SCALE: Final = 0.85
INITIAL_SCORE: Final = 100.0  # an initial that fits the given name or patronymic
# Below this best score the query is read again as typed with another keyboard layout.
LAYOUT_RETRY_BELOW: Final = 80.0
# A query word that matches nothing scores 0, unless the person has no name of that kind (a
# patronymic typed for someone registered without one): absence is not a contradiction.
ABSENT_NAME_CREDIT: Final = 50.0
RERANK_MIN: Final = 48  # people scored exactly per search, at least

# Date of birth verdicts: (reason, score adjustment). Agreement costs nothing, and only a full date
# in the query can agree more closely than the year.
DOB_EXACT: Final = ("dob.exact", 0.0)
DOB_YEAR: Final = ("dob.year", 0.0)
DOB_YEAR_ONLY_RECORDED: Final = ("dob.year", -2.0)  # a full date asked, only the year known
DOB_DAY_DIFFERS: Final = ("dob.year", -4.0)
DOB_OFF_BY_ONE: Final = ("dob.off_by_one", -6.0)
DOB_UNKNOWN: Final = ("dob.unknown", -10.0)

_FIELDS_PER_ROW: Final = 6  # family, given, patronymic, then their Latin forms
_NAMES_OF_ROW: Final = operator.itemgetter(*range(_FIELDS_PER_ROW))
_DOB_OF_ROW: Final = operator.itemgetter(_FIELDS_PER_ROW)


@dataclass(frozen=True, slots=True)
class SearchEntry:
    person_id: str  # e.g. "K7-0042-X"
    family_name: str
    given_name: str
    patronymic: str = ""
    latin_family_name: str = ""
    latin_given_name: str = ""
    latin_patronymic: str = ""
    dob: str | None = None  # "1984-03-12" exact, "1984" year only, "~1984" estimated


_ENTRY_ROW: Final = operator.attrgetter(
    "family_name",
    "given_name",
    "patronymic",
    "latin_family_name",
    "latin_given_name",
    "latin_patronymic",
    "dob",
)


@dataclass(frozen=True, slots=True)
class SearchHit:
    person_id: str
    score: float  # 0..100, higher is better
    reasons: tuple[str, ...]  # machine codes explaining the match (see the module docstring)


def _layout_queries(query: str) -> list[str]:
    """The query read as typed with another keyboard layout, its dates of birth kept as typed
    (a "." in "12.03.1978" is not the key of ю)."""
    pieces = query.split(" ")
    dates = [_is_dob(piece) for piece in pieces]
    names = " ".join(piece for piece, is_date in zip(pieces, dates, strict=True) if not is_date)
    readings: list[str] = []
    for reading in layout_readings(names):
        words = iter(reading.split(" "))
        readings.append(
            " ".join(
                piece if is_date else next(words)
                for piece, is_date in zip(pieces, dates, strict=True)
            )
        )
    return readings


def _is_dob(piece: str) -> bool:
    try:
        parse_dob(piece.rstrip(".:"))
    except ValueError:
        return False
    return True


def _grown(array: npt.NDArray[Any], extra: int) -> npt.NDArray[Any]:
    bigger = np.zeros((len(array) + extra, *array.shape[1:]), dtype=array.dtype)
    bigger[: len(array)] = array
    return bigger


@dataclass(slots=True)
class _Slot:
    """One word of one of a person's names, with every spelling recorded for it."""

    position: int  # 0 family name, 1 given name, 2 patronymic
    keys: set[int]
    spellings: set[str]  # casefolded
    scripts: int  # bit set: 1 Cyrillic, 2 Latin
    required: bool  # a word of the names as first written, not an extra Latin word


@dataclass(frozen=True, slots=True)
class _Pair:
    """A query word matched to a slot."""

    score: float
    slot: _Slot
    key_id: int


class _FieldTable(dict[str, int]):
    """Distinct name strings -> field id; a miss analyses the string once."""

    def __init__(self, index: SearchIndex) -> None:
        super().__init__()
        self._index = index

    def __missing__(self, text: str) -> int:
        field_id = self._index._add_field(text)
        self[text] = field_id
        return field_id


class SearchIndex:
    """Fuzzy, cross-script name search over everyone in the unlocked store (see the module)."""

    def __init__(self) -> None:
        self._reset()

    # -- content ---------------------------------------------------------------------------

    def _reset(self) -> None:
        # Vocabulary of search keys.
        self._keys: list[str] = []
        self._key_ids: dict[str, int] = {}
        self._key_lengths = np.zeros(0, dtype=np.float32)
        # Length -> (vocabulary size when built, distinct keys cut to that length, each key's
        # position among them): kept for every length typed, until the vocabulary grows.
        self._truncated: dict[int, tuple[int, list[str], IntArray]] = {}
        # Distinct name strings (fields); id 0 is the empty name.
        self._field_keys: list[tuple[int, ...]] = []
        self._field_raws: list[tuple[str, ...]] = []
        self._field_script: list[int] = []
        # Field id -> sound classes its first word may begin with; filled when initials are asked.
        self._field_initials: dict[int, int] = {}
        self._field_lengths = np.zeros(0, dtype=np.int32)
        self._fields = _FieldTable(self)
        _ = self._fields[""]
        # Rows, one per person version; a replaced or removed person leaves a dead row.
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._count = 0
        self._dead = 0
        self._row_fields = np.zeros((0, _FIELDS_PER_ROW), dtype=np.int32)
        self._alive = np.zeros(0, dtype=np.bool_)
        self._slots = np.zeros(0, dtype=np.int16)
        self._absent = np.zeros(0, dtype=np.int16)
        self._script = np.zeros(0, dtype=np.uint8)
        self._dob_kind = np.zeros(0, dtype=np.uint8)
        self._dob_year = np.zeros(0, dtype=np.int32)
        self._dob_day = np.zeros(0, dtype=np.int32)
        # Postings: CSR over the keys known at the last build, plus lists for rows added since.
        self._post_offsets = np.zeros(1, dtype=np.int64)
        self._post_rows = np.zeros(0, dtype=np.int32)
        self._delta: dict[int, list[int]] = {}
        self._delta_size = 0

    def clear(self) -> None:
        """Drop every name, including the cached keys derived from them (used on lock)."""
        self._reset()
        clear_name_caches()

    def __len__(self) -> int:
        return len(self._row_of)

    def bulk_load(self, entries: Iterable[SearchEntry]) -> None:
        """Replace the content with `entries`; a person id given twice keeps its last entry."""
        listed = list(entries)
        rows = list(map(_ENTRY_ROW, listed))
        self.bulk_load_flat(
            [e.person_id for e in listed],
            list(itertools.chain.from_iterable(map(_NAMES_OF_ROW, rows))),
            list(map(_DOB_OF_ROW, rows)),
        )

    def bulk_load_flat(
        self, ids: Sequence[str], flat: Sequence[str], dobs: Sequence[str | None]
    ) -> None:
        """`bulk_load` from flat lists: for the n-th person id, `flat[6n : 6n + 6]` are family
        name, given name, patronymic and their Latin forms ("" where absent), `dobs[n]` the date
        of birth (None where unknown).

        What unlock calls (no object per person): the names are mapped to field ids by the field
        table's own lookup, so Python code runs only for a name not seen before."""
        count = len(ids)
        if len(flat) != count * _FIELDS_PER_ROW or len(dobs) != count:
            raise ValueError("six names and a date of birth per person id")
        self._reset()
        # Row by row, as entries would come: fields and keys get the same ids in the same order.
        with without_cycle_collection():
            field_ids = np.fromiter(
                map(self._fields.__getitem__, flat), dtype=np.int32, count=len(flat)
            )
        self._ids = person_ids = list(ids)
        self._row_of = dict(zip(person_ids, range(count), strict=True))
        self._count = count
        self._row_fields = field_ids.reshape(count, _FIELDS_PER_ROW)
        self._alive = np.ones(count, dtype=np.bool_)
        if len(self._row_of) < count:
            for row, person_id in enumerate(person_ids):
                if self._row_of[person_id] != row:
                    self._alive[row] = False
            self._dead = count - len(self._row_of)
        slots, absent, script = self._row_shapes(self._row_fields)
        self._slots = slots.astype(np.int16)
        self._absent = absent.astype(np.int16)
        self._script = script.astype(np.uint8)
        self._dob_kind, self._dob_year, self._dob_day = parse_stored_dobs(dobs)
        if self._dead:
            self._compact()
        else:
            self._build_postings()

    def upsert(self, entry: SearchEntry) -> None:
        """Add a person or replace their names and date of birth."""
        self._kill(entry.person_id)
        fields = self._fields
        field_ids = (
            fields[entry.family_name],
            fields[entry.given_name],
            fields[entry.patronymic],
            fields[entry.latin_family_name],
            fields[entry.latin_given_name],
            fields[entry.latin_patronymic],
        )
        row = self._count
        if row == len(self._alive):
            self._grow(max(1024, row))
        self._count = row + 1
        self._row_fields[row] = field_ids
        self._alive[row] = True
        self._slots[row], self._absent[row], self._script[row] = self._row_shape(field_ids)
        dob = parse_stored_dob(entry.dob)
        self._dob_kind[row], self._dob_year[row], self._dob_day[row] = dob.kind, dob.year, dob.day
        self._ids.append(entry.person_id)
        self._row_of[entry.person_id] = row
        for key_id in {k for field_id in field_ids for k in self._field_keys[field_id]}:
            self._delta.setdefault(key_id, []).append(row)
            self._delta_size += 1
        self._maybe_compact()

    def remove(self, person_id: str) -> None:
        """Forget a person; unknown ids are ignored."""
        if self._kill(person_id):
            self._maybe_compact()

    def _kill(self, person_id: str) -> bool:
        row = self._row_of.pop(person_id, None)
        if row is None:
            return False
        self._alive[row] = False
        self._dead += 1
        return True

    def _grow(self, extra: int) -> None:
        """Make room for `extra` more rows, so that upserts do not copy the arrays every time."""
        self._row_fields = _grown(self._row_fields, extra)
        self._alive = _grown(self._alive, extra)
        self._slots = _grown(self._slots, extra)
        self._absent = _grown(self._absent, extra)
        self._script = _grown(self._script, extra)
        self._dob_kind = _grown(self._dob_kind, extra)
        self._dob_year = _grown(self._dob_year, extra)
        self._dob_day = _grown(self._dob_day, extra)

    def _maybe_compact(self) -> None:
        many_dead = self._dead > max(1024, self._count // 4)
        many_added = self._delta_size > max(4096, len(self._post_rows) // 8)
        if many_dead or many_added:
            self._compact()

    def _compact(self) -> None:
        """Drop dead rows and fold the per-key lists into the CSR arrays."""
        keep = np.flatnonzero(self._alive[: self._count])
        self._row_fields = self._row_fields[keep]
        self._alive = np.ones(len(keep), dtype=np.bool_)
        self._slots = self._slots[keep]
        self._absent = self._absent[keep]
        self._script = self._script[keep]
        self._dob_kind = self._dob_kind[keep]
        self._dob_year = self._dob_year[keep]
        self._dob_day = self._dob_day[keep]
        self._ids = [self._ids[row] for row in keep.tolist()]
        self._row_of = dict(zip(self._ids, range(len(keep)), strict=True))
        self._count = len(keep)
        self._dead = 0
        self._build_postings()

    # -- fields and keys -------------------------------------------------------------------

    def _add_field(self, text: str) -> int:
        keys: list[int] = []
        raws: list[str] = []
        for word, key in search_words(text):
            key_id = self._key_ids.get(key)
            if key_id is None:
                key_id = self._key_ids[key] = len(self._keys)
                self._keys.append(key)
            keys.append(key_id)
            raws.append(word.casefold())
        self._field_keys.append(tuple(keys))
        self._field_raws.append(tuple(raws))
        self._field_script.append(SCRIPT_BITS[detect_script(text)])
        return len(self._field_keys) - 1

    def _field_word_counts(self) -> IntArray:
        """Per field id, the number of its words."""
        size = len(self._field_keys)
        if len(self._field_lengths) != size:
            self._field_lengths = np.fromiter(
                (len(k) for k in self._field_keys), dtype=np.int32, count=size
            )
        return self._field_lengths

    def _initials_of_field(self, field_id: int) -> int:
        """The sound classes a field's first word may begin with: its own first letter's or any
        of its equivalents' (Е. fits Олена, an Елена)."""
        found = self._field_initials.get(field_id)
        if found is None:
            first = self._field_raws[field_id][:1]
            found = classes_of([*first, *default_equivalents().forms_of(first[0])]) if first else 0
            self._field_initials[field_id] = found
        return found

    def _initial_hits(self, rows: IntArray, initials: Sequence[int]) -> IntArray:
        """For each row, a bit per initial of the query (1 given name, 2 patronymic) that fits."""
        hits = np.zeros(len(rows), dtype=np.int32)
        if not initials or not len(rows):
            return hits
        fields = self._row_fields[rows]
        for number, initial in enumerate(initials):
            position = 1 + number
            columns = fields[:, [position, position + 3]]
            distinct, inverse = np.unique(columns, return_inverse=True)
            classes = np.array([self._initials_of_field(f) for f in distinct.tolist()])
            fitting = (classes[inverse.reshape(columns.shape)] & initial) != 0
            hits |= np.where(fitting.any(axis=1), 1 << number, 0).astype(np.int32)
        return hits

    def _row_shape(self, field_ids: Sequence[int]) -> tuple[int, int, int]:
        """How many name words a query must reach to match in full, how many of family, given
        name and patronymic are absent, and the script of the names.

        The names in the original script count; the Latin forms only when there are no others.
        """
        for group in (field_ids[:3], field_ids[3:]):
            parts = [len(self._field_keys[f]) for f in group]
            if any(parts):
                script = 0
                for f in group:
                    script |= self._field_script[f]
                return sum(parts), parts.count(0), script
        return 0, 3, 0

    def _row_shapes(self, row_fields: IntArray) -> tuple[IntArray, IntArray, IntArray]:
        """`_row_shape` for many rows at once."""
        parts = np.fromiter((len(k) for k in self._field_keys), dtype=np.int32)
        script = np.array(self._field_script, dtype=np.int32)
        original = parts[row_fields[:, :3]]
        latin = parts[row_fields[:, 3:]]
        has_original = original.sum(axis=1) > 0
        latin[has_original] = original[has_original]
        original_script = np.bitwise_or.reduce(script[row_fields[:, :3]], axis=1)
        latin_script = np.bitwise_or.reduce(script[row_fields[:, 3:]], axis=1)
        latin_script[has_original] = original_script[has_original]
        return latin.sum(axis=1), (latin == 0).sum(axis=1), latin_script

    def _build_postings(self) -> None:
        """Rebuild the CSR postings (key -> rows) from the rows' fields, all in numpy."""
        count = self._count
        field_lengths = np.fromiter((len(k) for k in self._field_keys), dtype=np.int64)
        field_offsets = np.zeros(len(field_lengths) + 1, dtype=np.int64)
        np.cumsum(field_lengths, out=field_offsets[1:])
        field_key_ids = np.fromiter(
            (k for keys in self._field_keys for k in keys), dtype=np.int64, count=field_offsets[-1]
        )
        fields = self._row_fields[:count].ravel().astype(np.int64)
        rows = np.repeat(np.arange(count, dtype=np.int64), _FIELDS_PER_ROW)
        lengths = field_lengths[fields]
        total = int(lengths.sum())
        starts = np.repeat(field_offsets[fields] - (np.cumsum(lengths) - lengths), lengths)
        key_ids = field_key_ids[starts + np.arange(total, dtype=np.int64)]
        pair_rows = np.repeat(rows, lengths).astype(np.int32)
        # A stable sort keeps each key's rows ascending, so repeats (a Latin form with the same
        # key as the original) end up side by side; 16-bit keys get numpy's much faster radix sort.
        narrow = np.uint16 if len(self._keys) <= 1 << 16 else np.int64
        order = np.argsort(key_ids.astype(narrow), kind="stable")
        key_ids, pair_rows = key_ids[order], pair_rows[order]
        first = np.ones(total, dtype=np.bool_)
        first[1:] = (key_ids[1:] != key_ids[:-1]) | (pair_rows[1:] != pair_rows[:-1])
        self._post_rows = pair_rows[first]
        self._post_offsets = np.zeros(len(self._keys) + 1, dtype=np.int64)
        counts = np.bincount(key_ids[first], minlength=len(self._keys))
        np.cumsum(counts, out=self._post_offsets[1:])
        self._delta = {}
        self._delta_size = 0
        self._pack_vocabulary()

    def _pack_vocabulary(self) -> None:
        """Copy the keys into fresh strings made one after the other. rapidfuzz reads every key
        of the vocabulary for each query word; made as names were analysed, the keys lie
        scattered among everything else allocated meanwhile, and once another process (or a
        scan of 100,000 names) has flushed the CPU caches, fetching them costs more than
        scoring them. Side by side they take a fifth less time to score."""
        self._keys = [key.encode().decode() for key in self._keys]
        self._key_ids = dict(zip(self._keys, range(len(self._keys)), strict=True))
        self._truncated = {}

    def _key_length_array(self) -> FloatArray:
        if len(self._key_lengths) != len(self._keys):
            self._key_lengths = np.fromiter((len(k) for k in self._keys), dtype=np.float32)
        return self._key_lengths

    def _keys_cut_to(self, length: int) -> tuple[list[str], IntArray]:
        """The distinct keys cut to `length` characters, and for each key of the vocabulary the
        position of its cut among them. Kept for every length until the vocabulary grows: a
        query's last word is one letter longer at each keystroke, and short cuts repeat a lot
        ("kov" stands for hundreds of keys), so scoring the distinct cuts is much less work."""
        size = len(self._keys)
        cached = self._truncated.get(length)
        if cached is not None and cached[0] == size:
            return cached[1], cached[2]
        positions: dict[str, int] = {}
        setdefault = positions.setdefault
        inverse = np.fromiter(
            (setdefault(key[:length], len(positions)) for key in self._keys),
            dtype=np.int32,
            count=size,
        )
        distinct = list(positions)
        self._truncated[length] = (size, distinct, inverse)
        return distinct, inverse

    # -- search ----------------------------------------------------------------------------

    def search(
        self, query: str, *, limit: int = 20, dob: str | None = None, min_score: float = 60.0
    ) -> list[SearchHit]:
        """The best matches for free text: names in any script and order, plus an optional date
        of birth (a year "1984", "12.03.1984" or "1984-03-12"; the `dob` argument wins).

        When nobody matches well, the name is read again as typed with the other keyboard
        layout ("Vjhjp Nfhfc" is Мороз Тарас typed with the US layout on) and the better of the
        readings wins."""
        parsed = parse_query(query, dob)
        hits = self._search_parsed(parsed, limit, min_score)
        if hits and hits[0].score >= LAYOUT_RETRY_BELOW:
            return hits
        for reading in _layout_queries(query):
            other = self._search_parsed(parse_query(reading, dob), limit, min_score)
            if other and (not hits or other[0].score > hits[0].score):
                hits = [SearchHit(h.person_id, h.score, (*h.reasons, "name.layout")) for h in other]
        return hits

    def _search_parsed(self, parsed: Query, limit: int, min_score: float) -> list[SearchHit]:
        if not parsed.keys or limit <= 0 or not self._row_of:
            return []
        word_scores, prefix_scores = self._score_vocabulary(parsed)
        rows, coarse = self._coarse(word_scores, parsed.initials)
        adjust, dob_reasons, rows, coarse = self._dob_verdicts(rows, coarse, parsed.dob)
        coarse += adjust
        wanted = coarse >= min_score
        rows, coarse, adjust = rows[wanted], coarse[wanted], adjust[wanted]
        dob_reasons = dob_reasons[wanted]
        shortlist = max(RERANK_MIN, 3 * limit)
        if len(rows) > shortlist:
            best = np.argpartition(-coarse, shortlist)[:shortlist]
            rows, adjust, dob_reasons = rows[best], adjust[best], dob_reasons[best]
        hits: list[SearchHit] = []
        scores_of = self._shortlist_scores(rows, word_scores)
        initial_hits = self._initial_hits(rows, parsed.initials).tolist()
        for row, row_adjust, dob_reason, fitting in zip(
            rows.tolist(), adjust.tolist(), dob_reasons.tolist(), initial_hits, strict=True
        ):
            score, reasons = self._score_row(row, parsed, scores_of, prefix_scores, fitting)
            score = round(min(100.0, max(0.0, score + row_adjust)), 2)
            if score >= min_score:
                if dob_reason:
                    reasons = (*reasons, dob_reason)
                hits.append(SearchHit(self._ids[row], score, reasons))
        hits.sort(key=lambda hit: (-hit.score, hit.person_id))
        return hits[:limit]

    def _shortlist_scores(self, rows: IntArray, word_scores: FloatArray) -> list[dict[int, float]]:
        """For each query word, the scores of the keys the shortlisted people carry, as plain
        floats: gathered with one numpy indexing instead of a numpy scalar read per key and
        slot while scoring each person."""
        field_keys = self._field_keys
        key_ids = sorted(
            {k for f in np.unique(self._row_fields[rows]).tolist() for k in field_keys[f]}
        )
        gathered = word_scores[:, key_ids].tolist() if key_ids else [[] for _ in word_scores]
        return [dict(zip(key_ids, scores, strict=True)) for scores in gathered]

    def _score_vocabulary(self, query: Query) -> tuple[FloatArray, FloatArray | None]:
        """Score every query word against every key: (words x keys), and the prefix scores of the
        last word when it may be unfinished. An identical key scores 100, others at most 97."""
        ratios = process.cdist(
            query.keys,
            self._keys,
            scorer=fuzz.ratio,
            score_cutoff=FUZZY_CUTOFF,
            dtype=np.float32,
        )
        word_scores: FloatArray = np.where(ratios >= 100.0, 100.0, ratios * KEY_SCALE).astype(
            np.float32
        )
        if not query.prefix:
            return word_scores, None
        prefix_scores = self._prefix_scores(query.prefix_keys[0])
        for other in query.prefix_keys[1:]:
            np.maximum(prefix_scores, self._prefix_scores(other), out=prefix_scores)
        np.maximum(word_scores[-1], prefix_scores, out=word_scores[-1])
        return word_scores, prefix_scores

    def _prefix_scores(self, typed_key: str) -> FloatArray:
        """How well `typed_key` matches the beginning of each key (0 below the cutoff)."""
        typed = len(typed_key)
        cut_keys, cut_of = self._keys_cut_to(typed)
        cut = process.cdist(
            [typed_key], cut_keys, scorer=fuzz.ratio, score_cutoff=PREFIX_CUTOFF, dtype=np.float32
        )[0][cut_of]
        # A letter left out of the typed part lines up with the key cut one longer.
        longer_keys, longer_of = self._keys_cut_to(typed + 1)
        longer = process.cdist(
            [typed_key],
            longer_keys,
            scorer=fuzz.ratio,
            score_cutoff=PREFIX_CUTOFF,
            dtype=np.float32,
        )[0][longer_of]
        # The less of the key is typed, the lower the score: "Ivan" prefers Ivan to Ivanna.
        share = np.minimum(1.0, typed / np.maximum(self._key_length_array(), 1.0))
        scores: FloatArray = (np.maximum(cut, longer) * (0.85 + 0.12 * share)).astype(np.float32)
        return scores

    def _postings(self, key_ids: IntArray) -> tuple[IntArray, IntArray]:
        """Rows carrying each key, flattened, and for each row the position of its key."""
        built = len(self._post_offsets) - 1
        in_csr = key_ids[key_ids < built]
        starts = self._post_offsets[in_csr]
        lengths = self._post_offsets[in_csr + 1] - starts
        total = int(lengths.sum())
        flat = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        rows = self._post_rows[flat + np.arange(total, dtype=np.int64)]
        which = np.repeat(np.flatnonzero(key_ids < built).astype(np.int32), lengths)
        if self._delta:
            extra_rows: list[int] = []
            extra_which: list[int] = []
            for position, key_id in enumerate(key_ids.tolist()):
                added = self._delta.get(key_id)
                if added:
                    extra_rows += added
                    extra_which += [position] * len(added)
            if extra_rows:
                rows = np.concatenate([rows, np.array(extra_rows, dtype=np.int32)])
                which = np.concatenate([which, np.array(extra_which, dtype=np.int32)])
        return rows, which

    def _coarse(
        self, word_scores: FloatArray, initials: Sequence[int] = ()
    ) -> tuple[IntArray, FloatArray]:
        """An upper bound of each live person's score before the date of birth: the mean of
        each word's (and initial's) best score (or the credit for an absent name), less the
        least the names no word reached can cost."""
        count = self._count
        total = np.zeros(count, dtype=np.float32)
        matched = np.zeros(count, dtype=np.int16)
        for scores in word_scores:
            key_ids = np.flatnonzero(scores).astype(np.int32)
            if len(key_ids) > MAX_KEYS_PER_WORD:
                key_ids = key_ids[np.argpartition(-scores[key_ids], MAX_KEYS_PER_WORD)]
                key_ids = key_ids[:MAX_KEYS_PER_WORD]
            rows, which = self._postings(key_ids)
            best = np.zeros(count, dtype=np.float32)
            np.maximum.at(best, rows, scores[key_ids][which])
            total += best
            matched += best > 0
        rows = np.flatnonzero((total > 0) & self._alive[:count]).astype(np.int32)
        words = len(word_scores)
        matched = matched[rows]
        sums = total[rows]
        slots = self._slots[rows].astype(np.int32)
        if initials:
            fitting = self._initial_hits(rows, initials)
            for number in range(len(initials)):
                fits = (fitting >> number) & 1
                sums = sums + INITIAL_SCORE * fits
                slots = slots - fits  # the name the initial stands for is not missing
            words += len(initials)
        patronymic_words = self._field_word_counts()[self._row_fields[rows, 2]]
        missing = np.maximum(0, slots - matched)
        # Only family and given names cost the full penalty; matched words may be patronymics.
        missing_main = np.maximum(0, slots - patronymic_words - matched)
        # Credit only words left over once every present name has had its chance.
        credited = np.minimum(np.maximum(0, words - matched - missing), self._absent[rows])
        coarse = (sums + ABSENT_NAME_CREDIT * credited) / words
        coarse -= MISSING_NAME_PENALTY * missing_main
        coarse -= INCOMPLETE_PENALTY * (self._absent[rows] > 0)
        return rows, coarse.astype(np.float32)

    def _dob_verdicts(
        self, rows: IntArray, coarse: FloatArray, query_dob: Dob | None
    ) -> tuple[FloatArray, npt.NDArray[np.object_], IntArray, FloatArray]:
        """Score adjustment and reason per row for the queried date of birth; people born more than
        a year away are dropped."""
        adjust = np.zeros(len(rows), dtype=np.float32)
        reasons = np.full(len(rows), "", dtype=object)
        if query_dob is None:
            return adjust, reasons, rows, coarse
        kind = self._dob_kind[rows]
        gap = np.abs(self._dob_year[rows] - query_dob.year)
        known = kind != KIND_NONE
        same_year = known & (gap == 0)
        verdicts = [(~known, DOB_UNKNOWN), (known & (gap == 1), DOB_OFF_BY_ONE)]
        if query_dob.kind == KIND_EXACT:
            exact = kind == KIND_EXACT
            same_day = self._dob_day[rows] == query_dob.day
            verdicts += [
                (same_year & ~exact, DOB_YEAR_ONLY_RECORDED),
                (same_year & exact & ~same_day, DOB_DAY_DIFFERS),
                (same_year & exact & same_day, DOB_EXACT),
            ]
        else:
            verdicts.append((same_year, DOB_YEAR))
        keep = np.zeros(len(rows), dtype=np.bool_)
        for mask, (reason, points) in verdicts:
            adjust[mask] = points
            reasons[mask] = reason
            keep |= mask
        return adjust[keep], reasons[keep], rows[keep], coarse[keep]

    def _slots_of(self, row: int) -> list[_Slot]:
        """The words of a person's names, each with all its recorded spellings."""
        field_ids = self._row_fields[row].tolist()
        original, latin = field_ids[:3], field_ids[3:]
        if not any(self._field_keys[f] for f in original):
            original, latin = latin, [0, 0, 0]
        slots: list[_Slot] = []
        for position, (main, extra) in enumerate(zip(original, latin, strict=True)):
            first = len(slots)
            script = self._field_script[main]
            for key_id, raw in zip(self._field_keys[main], self._field_raws[main], strict=True):
                slots.append(_Slot(position, {key_id}, {raw}, script, required=True))
            extra_pairs = zip(self._field_keys[extra], self._field_raws[extra], strict=True)
            for part, (key_id, raw) in enumerate(extra_pairs):
                if first < len(slots):
                    slot = slots[min(first + part, len(slots) - 1)]
                    slot.keys.add(key_id)
                    slot.spellings.add(raw)
                    slot.scripts |= self._field_script[extra]
                else:
                    slots.append(
                        _Slot(position, {key_id}, {raw}, self._field_script[extra], required=False)
                    )
        return slots

    def _score_row(
        self,
        row: int,
        query: Query,
        word_scores: Sequence[Mapping[int, float]],
        prefix_scores: FloatArray | None,
        fitting_initials: int = 0,
    ) -> tuple[float, tuple[str, ...]]:
        """The exact name score of one person: query words paired one-to-one with the person's
        name words (greedily, best pair first), initials with the given name and patronymic,
        and the reasons for it."""
        slots = self._slots_of(row)
        candidates: list[tuple[float, int, int, int]] = []
        for word, raw in enumerate(query.raws):
            scores = word_scores[word]
            for index, slot in enumerate(slots):
                score, key_id = max((scores[k], k) for k in slot.keys)
                if raw in slot.spellings:
                    score = 100.0
                elif score >= 100.0:
                    score = SPELLING_SCORE
                elif slot.position == 2:
                    score *= PATRONYMIC_FUZZY_SCALE
                if score > 0:
                    candidates.append((score, word, index, key_id))
        candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
        pairs: dict[int, _Pair] = {}
        taken: set[int] = set()
        for score, word, index, key_id in candidates:
            if word not in pairs and index not in taken:
                pairs[word] = _Pair(score, slots[index], key_id)
                taken.add(index)
        initials_total = 0.0
        for number in range(len(query.initials)):
            if not (fitting_initials >> number) & 1:
                continue
            free = [i for i, slot in enumerate(slots) if slot.position == 1 + number]
            free = [i for i in free if i not in taken][:1]
            if free:
                taken.add(free[0])
                initials_total += INITIAL_SCORE
        words = len(query.keys) + len(query.initials)
        missing_main = sum(
            slot.required and slot.position != 2 and index not in taken
            for index, slot in enumerate(slots)
        )
        missing_patronymic = sum(
            slot.required and slot.position == 2 and index not in taken
            for index, slot in enumerate(slots)
        )
        missing = missing_main + missing_patronymic
        total = sum(pair.score for pair in pairs.values()) + initials_total
        leftover = max(0, len(query.keys) - len(pairs) - missing)
        total += ABSENT_NAME_CREDIT * min(leftover, int(self._absent[row]))
        score = total / words - MISSING_NAME_PENALTY * missing_main
        score -= MISSING_PATRONYMIC_PENALTY * missing_patronymic
        if self._absent[row]:
            score -= INCOMPLETE_PENALTY
        reasons = self._name_reasons(query, pairs, prefix_scores, row=row, missing=missing)
        if fitting_initials:
            reasons = (*reasons, "name.initials")
        return score, reasons

    def _name_reasons(
        self,
        query: Query,
        pairs: dict[int, _Pair],
        prefix_scores: FloatArray | None,
        *,
        row: int,
        missing: int,
    ) -> tuple[str, ...]:
        words = len(query.keys)
        by_prefix = False
        approximate = len(pairs) < words
        for word, pair in pairs.items():
            if pair.score >= 100.0:
                continue
            if pair.score >= SPELLING_SCORE:
                # The same key: a transliteration is exact, another spelling in one script is not.
                approximate |= bool(query.word_scripts[word] & pair.slot.scripts)
            elif word == words - 1 and prefix_scores is not None:
                by_prefix = bool(prefix_scores[pair.key_id] >= pair.score)
                # A prefix typed without a mistake is exact so far.
                exact_prefix = by_prefix and self._keys[pair.key_id].startswith(query.prefix_keys)
                approximate |= not exact_prefix
            else:
                approximate = True
        reasons = ["name.fuzzy" if approximate else "name.exact"]
        if by_prefix:
            reasons.append("name.prefix")
        if len(pairs) < words:
            reasons.append("name.unmatched")
        if {query.script, int(self._script[row])} == {1, 2}:
            reasons.append("name.other_script")
        positions = [pairs[word].slot.position for word in range(words) if word in pairs]
        if any(a > b for a, b in itertools.pairwise(positions)):
            reasons.append("name.order")
        if missing:
            reasons.append("name.partial")
        return tuple(reasons)
