"""A scanned band as the front ends show it: whose, which band, and how it was read back."""

from __future__ import annotations

import pytest

from fieldreg.core.errors import IdError
from fieldreg.core.ids import format_id, next_counter
from fieldreg.core.keyboards import UKRAINIAN_ROWS, us_keys_of
from fieldreg.printing.payload import format_payload
from fieldreg.services.band_codes import band_number, read_code

PERSON = format_id("K7", next_counter("K7", 41))


def test_a_band_scanned_through_a_ukrainian_layout_names_the_person_and_band() -> None:
    to_cyrillic = {us: uk for uk, us in us_keys_of(UKRAINIAN_ROWS).items()}
    typed = "".join(to_cyrillic.get(char, char) for char in format_payload(PERSON, 2))
    code = read_code(typed)
    assert (code.person_id, code.band_no, code.band_id) == (PERSON, 2, f"{PERSON}/2")
    assert (code.payload, code.keyboard) == (True, "layout")


def test_a_mistyped_id_is_refused_not_matched() -> None:
    with pytest.raises(IdError) as caught:
        read_code(PERSON[:-1] + ("0" if PERSON[-1] != "0" else "1"))
    assert caught.value.code == "id.bad_check"


def test_bands_sort_by_their_number_and_anything_else_comes_first() -> None:
    shown = sorted([f"{PERSON}/10", f"{PERSON}/2", "not a band"], key=band_number)
    assert shown == ["not a band", f"{PERSON}/2", f"{PERSON}/10"]
