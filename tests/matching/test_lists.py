"""Matching a list of sought persons: scored candidates, per-field agreement, likely/possible."""

from __future__ import annotations

from fieldreg.matching.compare import PersonNames
from fieldreg.matching.lists import Registered, Sought, match_list
from fieldreg.matching.pairs import Record


def _registered(person_id: str, names: PersonNames, sex: str, place: str) -> Registered:
    return Registered(Record(person_id, names, sex), place)


REGISTERED = [
    _registered(
        "K1", PersonNames("Гнатюк", "Олексій", "Васильович", dob="1978-03-12"), "m", "Суми"
    ),
    _registered("K2", PersonNames("Гнатюк", "Олена", "Василівна", dob="1980-01-01"), "f", "Суми"),
    _registered("K3", PersonNames("Бойко", "Тарас", dob="1990"), "m", "Київ"),
    _registered("K4", PersonNames("Бойко", "Тарас", dob="1990"), "m", "Одеса"),
    _registered("K5", PersonNames("Ковальчук", "Ірина", dob="1965-07-07"), "f", ""),
]


def test_a_russian_list_line_finds_the_ukrainian_record_with_reasons() -> None:
    sought = Sought("L-1", PersonNames("Гнатюк", "Алексей", "Васильевич", dob="1979"), "m", "Сумы")
    [result] = match_list([sought], REGISTERED)
    best = result.candidates[0]
    assert best.person_id == "K1"
    assert best.label == "likely"
    assert best.relative == 1.0
    assert "given name: Олексій = Алексей" in best.comparison.reasons
    assert "born 1978, list says 1979" in best.comparison.reasons
    assert best.sex == "same"
    assert best.place == "similar"
    assert all(c.person_id != "K2" for c in result.candidates)


def test_two_people_who_fit_alike_are_both_only_possible() -> None:
    sought = Sought("L-2", PersonNames("Boiko", "Taras", dob="1990"), "m", "")
    [result] = match_list([sought], REGISTERED)
    assert {c.person_id for c in result.candidates} == {"K3", "K4"}
    assert {c.label for c in result.candidates} == {"possible"}


def test_a_typo_in_the_family_name_is_still_found_by_given_name_and_year() -> None:
    sought = Sought("L-3", PersonNames("Ковальчюк", "Ирина", dob="1965"), "f", "")
    [result] = match_list([sought], REGISTERED)
    assert result.candidates[0].person_id == "K5"


def test_nobody_fits_gives_no_candidates() -> None:
    sought = Sought("L-4", PersonNames("Петренко", "Марія", dob="2001"), "f", "")
    assert match_list([sought], REGISTERED)[0].candidates == ()
