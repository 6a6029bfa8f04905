"""Dates of birth read in bulk at unlock (`parse_stored_dobs`) are read exactly as one at a time
(`parse_stored_dob`): the batch's numpy path for "yyyy-mm-dd" must not accept, refuse or
misread anything the one-by-one path reads otherwise."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fieldreg.services.search_query import (
    KIND_ESTIMATED,
    KIND_EXACT,
    KIND_NONE,
    KIND_YEAR,
    parse_stored_dob,
    parse_stored_dobs,
)


def one_by_one(dobs: list[str | None]) -> list[tuple[int, int, int]]:
    return [(d.kind, d.year, d.day) for d in map(parse_stored_dob, dobs)]


def in_bulk(dobs: list[str | None]) -> list[tuple[int, int, int]]:
    kind, year, day = parse_stored_dobs(dobs)
    return list(zip(kind.tolist(), year.tolist(), day.tolist(), strict=True))


TRICKY = [
    "1984-03-12",
    "2000-02-29",
    "1900-02-29",  # 1900 was not a leap year (a century), 2000 was (divisible by 400)
    "1996-02-29",
    "1997-02-29",
    "1984-04-31",
    "1984-12-31",
    "1984-00-10",
    "1984-01-00",
    "2099-12-31",
    "1900-01-01",
    "1984",
    "~1984",
    "12.03.1984",
    None,
    "",
    "1899-03-12",  # outside 1900-2099: not a date of birth
    "2100-01-01",
    "1984-13-01",  # no 13th month
    "1984-03-1x",
    "1984/03/12",
    " 1984-0312",
    "１９８４-03-12",  # full-width digits
    "١٩٨٤-03-12",  # Arabic-Indic digits: Python's \d reads them, so does the one-by-one path
    "1984-03-12 ",
    "1984-03-123",
]


def test_the_usual_forms_are_read_in_bulk_as_one_by_one() -> None:
    assert in_bulk(TRICKY) == one_by_one(TRICKY)
    found = dict(zip(TRICKY, in_bulk(TRICKY), strict=True))
    assert found["1984-03-12"][0] == KIND_EXACT
    assert found["1984"][0] == KIND_YEAR
    assert found["~1984"][0] == KIND_ESTIMATED
    assert found["1984-13-01"][0] == KIND_NONE


def test_no_dates_and_only_unknown_dates() -> None:
    assert in_bulk([]) == []
    assert in_bulk([None, "", None]) == [(KIND_NONE, 0, 0)] * 3


def test_an_impossible_date_does_not_spoil_the_others() -> None:
    dobs: list[str | None] = ["1984-03-12", "1984-02-30", "1990-07-01", "1990"]
    bulk = in_bulk(dobs)
    assert bulk == one_by_one(dobs)
    assert [kind for kind, _, _ in bulk] == [KIND_EXACT, KIND_NONE, KIND_EXACT, KIND_YEAR]


@given(
    st.lists(
        st.one_of(
            st.none(),
            st.dates().map(lambda d: d.isoformat()),
            st.from_regex(r"~?[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
            st.text(max_size=12),
        ),
        max_size=30,
    )
)
def test_any_batch_is_read_in_bulk_as_one_by_one(dobs: list[str | None]) -> None:
    assert in_bulk(dobs) == one_by_one(dobs)
