"""Duplicates among everyone: planted ones found, relatives not offered, households grouped."""

from __future__ import annotations

import pytest

from fieldreg.core.errors import Cancelled
from fieldreg.matching import pairs
from fieldreg.matching.compare import PersonNames
from fieldreg.matching.pairs import Record, find_duplicates
from scripts.make_name_corpus import Person, make_duplicate_corpus


def _records(corpus_people: list[Person], households: dict[str, str]) -> list[Record]:
    return [
        Record(
            p.person_id,
            PersonNames(*p.names()),
            p.sex,
            households.get(p.person_id),
        )
        for p in corpus_people
    ]


def test_planted_duplicates_are_found_and_relatives_are_not_offered() -> None:
    corpus = make_duplicate_corpus(people=4_000, duplicates=150, households=150)
    found = find_duplicates(_records(corpus.people, corpus.households))
    offered = {frozenset((m.first, m.second)) for m in found.pairs}
    offered |= {frozenset((m.first, m.second)) for h in found.households for m in h.pairs}
    true = offered & corpus.duplicates
    assert len(true) / len(corpus.duplicates) >= 0.95
    assert len(true) / len(offered) >= 0.90
    assert len(offered & corpus.relatives) / len(corpus.relatives) <= 0.01


def _person(
    person_id: str, family: str, given: str, patronymic: str, dob: str, **kw: str
) -> Record:
    household = kw.get("household")
    return Record(
        person_id, PersonNames(family, given, patronymic, dob=dob), kw.get("sex"), household
    )


def test_siblings_twins_and_parents_are_not_duplicates() -> None:
    records = [
        _person("A", "Мороз", "Тарас", "Іванович", "2010-05-01", sex="m", household="H1"),
        _person("B", "Мороз", "Тарас", "Іванович", "2010-05-01", sex="m", household="H1"),
        _person("C", "Мороз", "Галина", "Іванівна", "2010-05-01", sex="f"),  # a twin
        _person("D", "Мороз", "Аліна", "Іванівна", "2012-01-01", sex="f"),  # a sister
        _person("E", "Мороз", "Тарас", "Петрович", "1985-01-01", sex="m"),  # the father
    ]
    found = find_duplicates(records)
    assert found.pairs == []  # A and B share a household: registered together, two people


def test_the_same_family_at_two_points_is_one_suggestion() -> None:
    first = [
        _person("A1", "Бойко", "Олексій", "Петрович", "1980-02-02", household="H1"),
        _person("A2", "Бойко", "Ганна", "Іванівна", "1982-03-03", household="H1"),
        _person("A3", "Бойко", "Марко", "Олексійович", "2010-04-04", household="H1"),
    ]
    second = [
        _person("B1", "Бойко", "Алексей", "Петрович", "1980", household="H2"),
        _person("B2", "Boiko", "Hanna", "", "1982-03-03", household="H2"),
        _person("B3", "Бойко", "Марк", "Алексеевич", "2010-04-04", household="H2"),
    ]
    found = find_duplicates([*first, *second])
    assert found.pairs == []
    [household] = found.households
    assert household.households == ("H1", "H2")
    assert {frozenset((m.first, m.second)) for m in household.pairs} == {
        frozenset(("A1", "B1")),
        frozenset(("A2", "B2")),
        frozenset(("A3", "B3")),
    }
    reasons = next(m for m in household.pairs if {m.first, m.second} == {"A1", "B1"})
    assert "given name: Олексій = Алексей" in reasons.comparison.reasons


def test_only_pairs_with_a_wanted_person_when_asked() -> None:
    records = [
        _person("A", "Шевченко", "Олена", "", "1984"),
        _person("B", "Shevchenko", "Olena", "", "1984"),
        _person("C", "Бойко", "Іван", "", "1990"),
        _person("D", "Бойко", "Иван", "", "1990"),
    ]
    found = find_duplicates(records, wanted=["A"])
    assert [(m.first, m.second) for m in found.pairs] == [("A", "B")]


def test_progress_is_reported_and_cancel_stops() -> None:
    records = [_person(f"P{n}", "Мороз", f"Тарас{n}", "", "1980") for n in range(50)]
    seen: list[tuple[int, int]] = []
    find_duplicates(records, progress=lambda done, total: seen.append((done, total)))
    assert seen
    assert all(0 <= done <= total for done, total in seen)
    with pytest.raises(Cancelled):
        find_duplicates(records, cancelled=lambda: True)


def test_a_common_name_a_patronymic_on_one_side_and_a_year_only_are_too_little_in_common(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    father = _person("A", "Кузнєцов", "Євген", "Тарасович", "1966-04-12", sex="m")
    namesake = _person("B", "Кузнєцов", "Євген", "", "1966", sex="m")  # born that year
    assert len(find_duplicates([father, namesake]).pairs) == 1  # a rare name: likely one man
    monkeypatch.setattr(pairs, "FEW_NAMESAKES", 0)  # a name many people have
    assert find_duplicates([father, namesake]).pairs == []
    again = _person("C", "Кузнєцов", "Євген", "", "1966-04-12", sex="m")  # no patronymic
    assert [(m.first, m.second) for m in find_duplicates([father, again]).pairs] == [("A", "C")]


def test_results_do_not_depend_on_how_many_pairs_are_filtered_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    corpus = make_duplicate_corpus(people=3_000, duplicates=100, households=100)
    records = _records(corpus.people, corpus.households)
    at_once = find_duplicates(records)
    monkeypatch.setattr(pairs, "_CHUNK", 7)  # many chunks, each smaller than one block's pairs
    monkeypatch.setattr(pairs, "MAX_BLOCK", 5)  # common names' blocks split in parts
    in_chunks = find_duplicates(records)
    assert in_chunks.pairs
    monkeypatch.setattr(pairs, "_CHUNK", 10_000_000)
    assert find_duplicates(records) == in_chunks
    monkeypatch.undo()
    assert find_duplicates(records) == at_once


def test_a_block_too_big_is_split_by_sex_so_two_women_in_it_are_still_paired(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pairs, "MAX_BLOCK", 3)
    men = [_person(f"M{n}", "Мороз", "Олена", "", "", sex="m") for n in range(4)]
    first, again = (_person(p, "Мороз", "Олена", "", "", sex="f") for p in ("W1", "W2"))
    records = [men[0], first, men[1], men[2], again, men[3]]  # runs of three would part them
    found = find_duplicates(records)
    assert ("W1", "W2") in {(m.first, m.second) for m in found.pairs}


def test_a_person_registered_twice_is_offered_once_not_with_a_namesake() -> None:
    records = [
        _person("X", "Бойко", "Іван", "Петрович", "1980-02-02", sex="m"),
        _person("X-again", "Бойко", "Іван", "Петрович", "1980-02-02", sex="m"),
        _person("N", "Бойко", "Іван", "Петрович", "1980-02-12", sex="m"),  # a day apart
    ]
    assert [(m.first, m.second) for m in find_duplicates(records).pairs] == [("X", "X-again")]
    alone = find_duplicates([records[0], records[2]])  # without the better pair, offered
    assert [(m.first, m.second) for m in alone.pairs] == [("X", "N")]


def test_a_common_name_without_a_patronymic_a_typo_and_a_year_only_is_not_enough(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    one = _person("A", "Коваленко", "Олена", "", "1975-03-08", sex="f")
    typo_and_year = _person("B", "Коваленк", "Олена", "", "1975", sex="f")
    assert len(find_duplicates([one, typo_and_year]).pairs) == 1  # a rare name
    monkeypatch.setattr(pairs, "FEW_NAMESAKES", 0)  # a name many people have
    assert find_duplicates([one, typo_and_year]).pairs == []
    year_only = _person("C", "Коваленко", "Олена", "", "1975", sex="f")
    assert [(m.first, m.second) for m in find_duplicates([one, year_only]).pairs] == [("A", "C")]
    with_fathers = [
        _person("A", "Коваленко", "Олена", "Іванівна", "1975-03-08", sex="f"),
        _person("B", "Коваленк", "Олена", "Іванівна", "1975", sex="f"),
    ]
    assert [(m.first, m.second) for m in find_duplicates(with_fathers).pairs] == [("A", "B")]
