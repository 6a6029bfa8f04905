"""The in-memory name index: cross-script, typo-tolerant, order-free search with a date of birth.

The crowd is synthetic (Faker, uk_UA and ru_RU, seeded); the people looked for carry common names
written for these tests.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator

import numpy as np
import pytest
from faker import Faker

from fieldreg.core.errors import ValidationError
from fieldreg.core.names import transliterate
from fieldreg.services.search_index import SearchEntry, SearchHit, SearchIndex

SHEVCHENKO = SearchEntry(
    "K7-0001-A",
    "Шевченко",
    "Сергій",
    "Іванович",
    "Shevchenko",
    "Serhii",
    "Ivanovych",
    dob="1984-03-12",
)
# Registered from a foreign document: Latin only, no patronymic.
KOVALCHUK = SearchEntry("K7-0002-B", "Kovalchuk", "Yuliia", dob="1990")
# Cyrillic only, Russian spelling, an estimated year of birth.
KHMELNITSKY = SearchEntry("K7-0003-C", "Хмельницкий", "Александр", "Петрович", dob="~1961")


def crowd(size: int = 400, seed: int = 7) -> list[SearchEntry]:
    """Synthetic people in both languages, each with the Latin form the app would add."""
    rng = random.Random(seed)
    fakers = {"uk": Faker("uk_UA"), "ru": Faker("ru_RU")}
    for number, faker in enumerate(fakers.values()):
        faker.seed_instance(seed + number)
    people: list[SearchEntry] = []
    for number in range(size):
        culture = rng.choice(("uk", "ru"))
        faker = fakers[culture]
        if rng.random() < 0.5:
            names = (faker.last_name_male(), faker.first_name_male(), faker.middle_name_male())
        else:
            names = (
                faker.last_name_female(),
                faker.first_name_female(),
                faker.middle_name_female(),
            )
        latin = [transliterate(name) for name in names]
        year = rng.randint(1940, 2020)
        people.append(
            SearchEntry(f"X{number:04d}", *names, latin[0], latin[1], latin[2], dob=str(year))
        )
    return people


CROWD = crowd()


@pytest.fixture
def index() -> Iterator[SearchIndex]:
    built = SearchIndex()
    built.bulk_load([*CROWD, SHEVCHENKO, KOVALCHUK, KHMELNITSKY])
    yield built
    built.clear()


def ids(hits: list[SearchHit]) -> list[str]:
    return [hit.person_id for hit in hits]


def first(index: SearchIndex, query: str) -> SearchHit:
    hits = index.search(query)
    assert hits, query
    return hits[0]


class TestAcrossScripts:
    @pytest.mark.parametrize(
        "query", ["Sergiy Shevchenko", "Sergey Shevchenko", "Serhii Shevchenko", "Szewczenko"]
    )
    def test_latin_query_finds_a_cyrillic_name(self, index: SearchIndex, query: str) -> None:
        assert first(index, query).person_id == SHEVCHENKO.person_id

    def test_latin_query_against_a_cyrillic_only_record(self, index: SearchIndex) -> None:
        hit = first(index, "Khmelnytskyi Oleksandr")
        assert hit.person_id == KHMELNITSKY.person_id
        assert "name.other_script" in hit.reasons
        assert "name.exact" in hit.reasons  # no typo: only the script differs

    @pytest.mark.parametrize("query", ["Ковальчук Юлія", "Ковальчук Юлия", "Ковальчук"])
    def test_cyrillic_query_finds_a_latin_only_record(self, index: SearchIndex, query: str) -> None:
        hit = first(index, query)
        assert hit.person_id == KOVALCHUK.person_id
        assert "name.other_script" in hit.reasons

    def test_the_same_spelling_ranks_above_another_language_form(self) -> None:
        index = SearchIndex()
        index.bulk_load(
            [
                SearchEntry("UK", "Шевченко", "Сергій"),
                SearchEntry("RU", "Шевченко", "Сергей"),
            ]
        )
        assert ids(index.search("Сергей Шевченко")) == ["RU", "UK"]
        assert ids(index.search("Сергій Шевченко")) == ["UK", "RU"]


class TestTyposOrderAndOmissions:
    @pytest.mark.parametrize(
        "query",
        [
            "Шевчеко Сергій",  # a letter missing
            "Шевченкко Сергій",  # a letter too many
            "Шевчинко Сергій",  # a wrong letter
            "Шевечнко Сергій",  # two letters swapped
            "Shevcenko Serhij",  # two slips in Latin
        ],
    )
    def test_typos(self, index: SearchIndex, query: str) -> None:
        hit = first(index, query)
        assert hit.person_id == SHEVCHENKO.person_id
        assert "name.fuzzy" in hit.reasons

    def test_punctuation_between_words(self, index: SearchIndex) -> None:
        hit = first(index, "Shevchenko, Serhii; 12.03.1984.")
        assert hit.person_id == SHEVCHENKO.person_id
        assert hit.reasons == ("name.exact", "name.other_script", "name.partial", "dob.exact")

    def test_any_word_order(self, index: SearchIndex) -> None:
        for query in ("Сергій Іванович Шевченко", "Іванович Шевченко Сергій", "Serhii Shevchenko"):
            hit = first(index, query)
            assert hit.person_id == SHEVCHENKO.person_id, query
            assert "name.order" in hit.reasons, query
        assert "name.order" not in first(index, "Шевченко Сергій Іванович").reasons

    def test_the_patronymic_may_be_left_out(self, index: SearchIndex) -> None:
        hit = first(index, "Шевченко Сергій")
        assert hit.person_id == SHEVCHENKO.person_id
        assert "name.partial" in hit.reasons
        assert "name.partial" not in first(index, "Шевченко Сергій Іванович").reasons

    def test_the_patronymic_tells_namesakes_apart(self, index: SearchIndex) -> None:
        namesake = SearchEntry("K7-0009-Z", "Шевченко", "Сергій", "Петрович")
        index.upsert(namesake)
        assert first(index, "Шевченко Сергій Петрович").person_id == namesake.person_id
        assert first(index, "Шевченко Сергій Іванович").person_id == SHEVCHENKO.person_id

    def test_a_patronymic_typed_for_someone_registered_without_one(
        self, index: SearchIndex
    ) -> None:
        hit = first(index, "Ковальчук Юлія Петрівна")
        assert hit.person_id == KOVALCHUK.person_id
        assert "name.unmatched" in hit.reasons

    def test_a_word_the_person_does_not_have_lowers_the_score(self, index: SearchIndex) -> None:
        exact = first(index, "Шевченко Сергій Іванович")
        extra = first(index, "Шевченко Сергій Іванович Бабенко")
        assert extra.person_id == SHEVCHENKO.person_id
        assert extra.score < exact.score


class TestSearchAsYouType:
    @pytest.mark.parametrize("query", ["Shevch", "Шевч", "Сергій Шевч", "Шевченко Сер", "Хмельн"])
    def test_the_last_word_may_be_unfinished(self, index: SearchIndex, query: str) -> None:
        hits = index.search(query)
        wanted = KHMELNITSKY if query.startswith("Хм") else SHEVCHENKO
        assert wanted.person_id in ids(hits[:5]), query
        hit = next(hit for hit in hits if hit.person_id == wanted.person_id)
        assert "name.prefix" in hit.reasons

    def test_a_prefix_cut_inside_a_latin_digraph(self, index: SearchIndex) -> None:
        # "Khm" then "Khmelnytsk": the k of "kh" alone must not lose the person.
        assert first(index, "Oleksandr Khm").person_id == KHMELNITSKY.person_id

    def test_a_space_after_the_word_ends_it(self, index: SearchIndex) -> None:
        hits = index.search("Shevch ")
        assert all("name.prefix" not in hit.reasons for hit in hits)

    def test_only_the_last_word_is_a_prefix(self, index: SearchIndex) -> None:
        early = first(index, "Shev Serhii Ivanovych")
        last = first(index, "Serhii Ivanovych Shev")
        assert early.person_id == last.person_id == SHEVCHENKO.person_id
        assert "name.prefix" in last.reasons
        assert "name.prefix" not in early.reasons
        assert early.score < last.score


class TestDateOfBirth:
    @pytest.fixture
    def namesakes(self) -> SearchIndex:
        index = SearchIndex()
        index.bulk_load(
            [
                *CROWD,
                SearchEntry("EXACT", "Бондар", "Олена", dob="1984-03-12"),
                SearchEntry("OTHERDAY", "Бондар", "Олена", dob="1984-07-01"),
                SearchEntry("YEAR", "Бондар", "Олена", dob="1984"),
                SearchEntry("ESTIMATED", "Бондар", "Олена", dob="~1984"),
                SearchEntry("OLDER", "Бондар", "Олена", dob="1983-05-05"),
                SearchEntry("YOUNGER", "Бондар", "Олена", dob="1985"),
                SearchEntry("UNKNOWN", "Бондар", "Олена"),
                SearchEntry("FAR", "Бондар", "Олена", dob="1990-03-12"),
            ]
        )
        return index

    def test_a_year_filters_with_one_year_of_tolerance(self, namesakes: SearchIndex) -> None:
        hits = namesakes.search("Бондар Олена 1984")
        found = ids(hits)
        assert "FAR" not in found
        same_year = {"EXACT", "OTHERDAY", "YEAR", "ESTIMATED"}
        assert set(found[:4]) == same_year
        assert set(found[4:6]) == {"OLDER", "YOUNGER"}
        assert found[6] == "UNKNOWN"
        reasons = {hit.person_id: hit.reasons for hit in hits}
        assert "dob.year" in reasons["ESTIMATED"]
        assert "dob.off_by_one" in reasons["OLDER"]
        assert "dob.unknown" in reasons["UNKNOWN"]

    @pytest.mark.parametrize("date", ["12.03.1984", "1984-03-12"])
    def test_a_full_date_puts_the_exact_match_first(
        self, namesakes: SearchIndex, date: str
    ) -> None:
        hits = namesakes.search(f"Олена {date} Бондар")
        assert hits[0].person_id == "EXACT"
        assert "dob.exact" in hits[0].reasons
        order = ids(hits)
        assert order.index("YEAR") < order.index("OTHERDAY") < order.index("OLDER")
        assert order.index("OLDER") < order.index("UNKNOWN")

    def test_the_dob_argument(self, namesakes: SearchIndex) -> None:
        assert ids(namesakes.search("Бондар Олена", dob="1990"))[:1] == ["FAR"]
        assert "FAR" not in ids(namesakes.search("Бондар Олена", dob="~1984"))

    def test_a_malformed_dob_argument_is_refused(self, namesakes: SearchIndex) -> None:
        with pytest.raises(ValidationError) as caught:
            namesakes.search("Бондар", dob="31.02.1984")
        assert caught.value.code == "dob.invalid"

    def test_a_date_alone_is_not_a_search(self, namesakes: SearchIndex) -> None:
        assert namesakes.search("1984") == []
        assert namesakes.search("12.03.1984") == []


class TestChanges:
    def test_upsert_adds_a_person(self, index: SearchIndex) -> None:
        before = len(index)
        index.upsert(SearchEntry("K7-0100-N", "Ткаченко", "Богдана", dob="2001"))
        assert len(index) == before + 1
        assert first(index, "Tkachenko Bohdana").person_id == "K7-0100-N"

    def test_upsert_replaces_the_names(self, index: SearchIndex) -> None:
        before = len(index)
        index.upsert(SearchEntry(SHEVCHENKO.person_id, "Мельник", "Сергій", dob="1984-03-12"))
        assert len(index) == before
        assert first(index, "Мельник Сергій").person_id == SHEVCHENKO.person_id
        assert SHEVCHENKO.person_id not in ids(index.search("Шевченко Сергій Іванович"))

    def test_remove(self, index: SearchIndex) -> None:
        before = len(index)
        index.remove(SHEVCHENKO.person_id)
        index.remove("K7-9999-Q")  # unknown: nothing happens
        assert len(index) == before - 1
        for query in ("Шевченко Сергій", "Shevch", "Serhii Shevchenko 1984"):
            assert SHEVCHENKO.person_id not in ids(index.search(query, min_score=0))

    def test_removed_then_added_again(self, index: SearchIndex) -> None:
        index.remove(SHEVCHENKO.person_id)
        index.upsert(SHEVCHENKO)
        assert first(index, "Шевченко Сергій").person_id == SHEVCHENKO.person_id

    def test_clear_drops_everyone(self, index: SearchIndex) -> None:
        index.clear()
        assert len(index) == 0
        assert index.search("Шевченко") == []
        index.upsert(KOVALCHUK)
        assert ids(index.search("Kovalchuk")) == [KOVALCHUK.person_id]

    def test_bulk_load_replaces_everything_and_the_last_entry_wins(self) -> None:
        index = SearchIndex()
        index.bulk_load([SHEVCHENKO, KOVALCHUK])
        renamed = SearchEntry(KOVALCHUK.person_id, "Бондар", "Олена")
        index.bulk_load([KHMELNITSKY, KOVALCHUK, renamed])
        assert len(index) == 2
        assert index.search("Шевченко") == []
        assert ids(index.search("Бондар Олена")) == [KOVALCHUK.person_id]
        assert KOVALCHUK.person_id not in ids(index.search("Kovalchuk Yuliia"))

    def test_many_changes_agree_with_a_fresh_build(self) -> None:
        rng = random.Random(3)
        people = {entry.person_id: entry for entry in crowd(300, seed=11)}
        index = SearchIndex()
        index.bulk_load(people.values())
        # Enough churn to fold the per-key lists and drop the dead rows more than once.
        for entry in crowd(3000, seed=12):
            moved = dataclasses.replace(entry, person_id=f"N{entry.person_id}")
            index.upsert(moved)
            people[moved.person_id] = moved
            if rng.random() < 0.5:
                gone = rng.choice(sorted(people))
                index.remove(gone)
                del people[gone]
        fresh = SearchIndex()
        fresh.bulk_load(people.values())
        assert len(index) == len(fresh) == len(people)
        for entry in rng.sample(sorted(people.values(), key=lambda e: e.person_id), 25):
            query = f"{entry.latin_given_name} {entry.family_name[:-1]}"
            assert index.search(query) == fresh.search(query), query


class TestResults:
    @pytest.mark.parametrize("query", ["", "   ", "\t\n", "-", "42"])
    def test_nothing_to_look_for(self, index: SearchIndex, query: str) -> None:
        assert index.search(query) == []

    def test_an_empty_index(self) -> None:
        assert SearchIndex().search("Шевченко") == []
        assert len(SearchIndex()) == 0

    def test_limit_and_min_score(self, index: SearchIndex) -> None:
        hits = index.search("Олена", limit=3, min_score=0)
        assert len(hits) == 3
        assert index.search("Олена", limit=0) == []
        assert all(hit.score >= 90 for hit in index.search("Шевченко Сергій", min_score=90))

    def test_scores_are_ordered_and_bounded(self, index: SearchIndex) -> None:
        hits = index.search("Shevchenko Serhii 1984", min_score=0, limit=50)
        scores = [hit.score for hit in hits]
        assert scores == sorted(scores, reverse=True)
        assert all(0 <= score <= 100 for score in scores)
        assert hits[0].person_id == SHEVCHENKO.person_id

    def test_exact_typing_scores_highest(self, index: SearchIndex) -> None:
        hit = first(index, "Шевченко Сергій Іванович")
        assert hit.score == 100
        assert hit.reasons == ("name.exact",)


def test_prefix_scores_over_distinct_cuts_equal_scoring_every_cut_key() -> None:
    """The vocabulary cut to a length is scored once per distinct cut, then spread back."""
    from rapidfuzz import fuzz, process

    index = SearchIndex()
    index.bulk_load([SHEVCHENKO, KOVALCHUK, KHMELNITSKY, *crowd(300)])
    for typed in ("s", "shev", "kavalc", "hmelnitsk", "averyveryverylongtypedword"):
        got = index._prefix_scores(typed)
        n = len(typed)
        cut = process.cdist(
            [typed], [k[:n] for k in index._keys], scorer=fuzz.ratio, score_cutoff=66.0
        )
        longer = process.cdist(
            [typed], [k[: n + 1] for k in index._keys], scorer=fuzz.ratio, score_cutoff=66.0
        )
        lengths = np.array([len(k) for k in index._keys], dtype=np.float32)
        share = np.minimum(1.0, n / np.maximum(lengths, 1.0))
        expected = (np.maximum(cut[0], longer[0]) * (0.85 + 0.12 * share)).astype(np.float32)
        assert np.array_equal(got, expected)


def test_a_name_added_after_a_prefix_search_is_found_by_the_same_prefix() -> None:
    """The cut vocabularies kept between keystrokes follow the vocabulary as it grows."""
    index = SearchIndex()
    index.bulk_load(crowd(200))
    index.search("Zzyzx")
    index.upsert(SearchEntry("K7-0009-Z", "Zzyzxova", "Olena"))
    assert index.search("Zzyzx")[0].person_id == "K7-0009-Z"


class TestMatcherBehaviour:
    """Issue 12: what the desk search must do with every spelling a name arrives in."""

    def _index(self, *entries: SearchEntry) -> SearchIndex:
        index = SearchIndex()
        index.bulk_load([*crowd(300, seed=12), *entries])
        return index

    def test_a_name_typed_with_the_latin_layout_on(self) -> None:
        moroz = SearchEntry("M-1", "Мороз", "Тарас", "Петрович", "Moroz", "Taras", "Petrovych")
        index = self._index(moroz)
        hits = index.search("Vjhjp Nfhfc")
        assert hits[0].person_id == "M-1"
        assert "name.layout" in hits[0].reasons

    def test_a_latin_name_typed_with_the_ukrainian_layout_on(self) -> None:
        moroz = SearchEntry("M-1", "Мороз", "Тарас", "Петрович", "Moroz", "Taras", "Petrovych")
        hits = self._index(moroz).search("Ьщкщя Ефкфі")
        assert hits[0].person_id == "M-1"

    def test_a_date_typed_with_the_wrong_layout_stays_a_date(self) -> None:
        moroz = SearchEntry("M-1", "Мороз", "Тарас", "", "Moroz", "Taras", dob="1978-03-12")
        other = SearchEntry("M-2", "Мороз", "Тарас", "", "Moroz", "Taras", dob="1990-01-01")
        hits = self._index(moroz, other).search("Vjhjp Nfhfc 12.03.1978")
        assert [hit.person_id for hit in hits] == ["M-1"]

    @pytest.mark.parametrize("query", ["Гнатюк О. В. 1978", "Гнатюк О.В. 1978", "Hnatiuk O.V."])
    def test_surname_with_initials(self, query: str) -> None:
        wanted = SearchEntry(
            "G-1", "Гнатюк", "Олексій", "Васильович", "Hnatiuk", "Oleksii", "Vasylovych", "1978"
        )
        wrong_initial = SearchEntry("G-2", "Гнатюк", "Петро", "Васильович", dob="1978")
        wrong_patronymic = SearchEntry("G-3", "Гнатюк", "Олена", "Іванівна", dob="1978")
        hits = self._index(wanted, wrong_initial, wrong_patronymic).search(query)
        assert hits[0].person_id == "G-1"
        assert "name.initials" in hits[0].reasons
        assert all(hit.score < hits[0].score for hit in hits[1:])

    def test_a_family_name_does_not_score_on_a_patronymic(self) -> None:
        """The issue: "Іванов" matched inside the patronymic "Іванович"."""
        ivanov = SearchEntry("I-1", "Іванов", "Петро", "Олегович")
        patronymic = SearchEntry("I-2", "Петренко", "Петро", "Іванович")
        hits = self._index(ivanov, patronymic).search("Іванов Петро")
        assert hits[0].person_id == "I-1"
        scores = {hit.person_id: hit.score for hit in hits}
        assert scores.get("I-2", 0.0) < scores["I-1"] - 10

    def test_the_patronymic_matches_when_nothing_better_exists(self) -> None:
        patronymic = SearchEntry("I-2", "Петренко", "Петро", "Іванович")
        hits = self._index(patronymic).search("Іванович Петро")
        assert hits[0].person_id == "I-2"

    @pytest.mark.parametrize("query", ["Мороз Тарас", "Мороз Тарас Іванович", "Мороз"])
    def test_an_incomplete_record_never_outranks_a_complete_one(self, query: str) -> None:
        complete = SearchEntry("Z-9", "Мороз", "Тарас", "Іванович", dob="1980-01-01")
        incomplete = SearchEntry("A-1", "Мороз", "Тарас", dob="1980-01-01")
        hits = self._index(complete, incomplete).search(query)
        ranked = [hit.person_id for hit in hits]
        assert ranked.index("Z-9") < ranked.index("A-1")
        scores = {hit.person_id: hit.score for hit in hits}
        assert scores["Z-9"] > scores["A-1"]

    @pytest.mark.parametrize(
        "query", ["Алексей Ковалёв", "Oleksii Kovalov", "Kovalyov Aleksei", "Ковалев Олексій"]
    )
    def test_ukrainian_and_russian_equivalents(self, query: str) -> None:
        kovalov = SearchEntry("K-1", "Ковальов", "Олексій", "", "Kovalov", "Oleksii")
        hits = self._index(kovalov).search(query)
        assert hits[0].person_id == "K-1"
        assert hits[0].score >= 95

    def test_olena_ranks_above_alyona_for_olena(self) -> None:
        olena = SearchEntry("O-1", "Бойко", "Олена", "Петрівна")
        alyona = SearchEntry("O-2", "Бойко", "Алёна", "Петровна")
        hits = self._index(olena, alyona).search("Бойко Олена Петрівна")
        scores = {hit.person_id: hit.score for hit in hits}
        assert scores["O-1"] == 100
        assert scores.get("O-2", 0.0) < 95
        hits = self._index(olena, alyona).search("Бойко Елена")
        assert hits[0].person_id == "O-1"
