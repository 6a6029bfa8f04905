"""Initials as official lists write them, matched by sound class in either script."""

from __future__ import annotations

import pytest

from fieldreg.matching.initials import classes_of, is_initials, letter_class, split_initials


@pytest.mark.parametrize("token", ["О.", "О", "О.В.", "O.V", "В."])
def test_initials_tokens(token: str) -> None:
    assert is_initials(token)


@pytest.mark.parametrize("token", ["Ол.", "Гнатюк", "1978", "О.Вас"])
def test_not_initials(token: str) -> None:
    assert not is_initials(token)


def test_spaced_and_joined_initials_split_alike() -> None:
    spaced = split_initials(["Гнатюк", "О.", "В."])
    joined = split_initials(["Гнатюк", "О.В."])
    assert spaced == joined
    assert spaced[0] == ["Гнатюк"]
    assert len(spaced[1]) == 2


def test_a_lone_letter_is_a_name_being_typed_not_an_initial() -> None:
    assert split_initials(["О"]) == (["О"], [])


@pytest.mark.parametrize(
    ("initial", "name"),
    [("О", "Олексій"), ("O", "Олексій"), ("О", "Oleksii"), ("Г", "Hryhorii"), ("G", "Григорий")],
)
def test_an_initial_fits_the_name_in_either_script(initial: str, name: str) -> None:
    assert letter_class(initial) & classes_of([name])


def test_an_initial_does_not_fit_another_letter() -> None:
    assert not letter_class("В") & classes_of(["Олексій", "Oleksii"])
