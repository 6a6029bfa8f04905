"""The coordinator's duplicate review: likely pairs (another script, a typo) are offered, relatives
are not; a mark hides the pair, shows on the person, can be undone, and bad requests change
nothing."""

from __future__ import annotations

from typing import Any

import pytest

from fieldreg.core.errors import FieldregError, NotFoundError
from fieldreg.services import duplicates
from fieldreg.services.session import Session


def _people(session: Session) -> dict[str, str]:
    register = session.register
    return {
        "first": register(
            {
                "family_name": "Шевченко",
                "given_name": "Олена",
                "patronymic": "Петрівна",
                "dob": "1984-03-12",
            }
        ),
        # the same woman at another point, typed in Latin with a typo, year of birth only
        "again": register({"family_name": "Shevchenko", "given_name": "Olena", "dob": "1984"}),
        # her sister: same family name and patronymic, another given name
        "sister": register(
            {
                "family_name": "Шевченко",
                "given_name": "Марія",
                "patronymic": "Петрівна",
                "dob": "1986-07-01",
            }
        ),
        # her mother: the same names, thirty years earlier
        "mother": register({"family_name": "Шевченко", "given_name": "Олена", "dob": "1954"}),
        "other": register({"family_name": "Бойко", "given_name": "Іван", "dob": "1990"}),
    }


def test_likely_pairs_are_offered_and_relatives_are_not(session: Any) -> None:
    people = _people(session)
    found = duplicates.likely_duplicates(session)
    assert [(c.person_id, c.other_id) for c in found] == [(people["again"], people["first"])]
    assert found[0].score >= duplicates.MIN_SCORE
    assert "name.other_script" in found[0].reasons
    # Only the people an import brought, against everyone: the same pair, from either side.
    assert duplicates.likely_duplicates(session, [people["first"]]) == found
    assert duplicates.likely_duplicates(session, [people["other"]]) == []


def test_marking_hides_the_pair_shows_on_the_person_and_can_be_undone(session: Any) -> None:
    people = _people(session)
    assert duplicates.mark(session, people["again"], people["first"]) is True
    assert duplicates.mark(session, people["again"], people["first"]) is False  # already
    assert duplicates.marked_duplicates(session) == [
        duplicates.Mark(people["again"], people["first"])
    ]
    assert session.person(people["again"]).duplicate_of == [people["first"]]
    assert duplicates.likely_duplicates(session) == []
    history = [entry.type for entry in session.history(people["again"])]
    assert history[-1] == "MarkedDuplicate"

    duplicates.unmark(session, people["again"], people["first"])
    assert duplicates.marked_duplicates(session) == []
    assert session.person(people["again"]).duplicate_of == []
    assert [c.person_id for c in duplicates.likely_duplicates(session)] == [people["again"]]
    assert session.verify().ok


def test_bad_requests_change_nothing(session: Any) -> None:
    people = _people(session)
    before = session.history(people["again"])
    with pytest.raises(FieldregError) as caught:
        duplicates.mark(session, people["again"], people["again"])
    assert caught.value.code == "duplicate.self"
    with pytest.raises(NotFoundError):
        duplicates.mark(session, people["again"], _unknown(people))
    with pytest.raises(FieldregError) as caught:
        duplicates.unmark(session, people["again"], people["first"])
    assert caught.value.code == "duplicate.not_marked"
    with pytest.raises(FieldregError) as caught:
        duplicates.mark(session, "K7-0001-?", people["first"])
    assert caught.value.code.startswith("id.")
    assert session.history(people["again"]) == before
    assert duplicates.marked_duplicates(session) == []


def _unknown(people: dict[str, str]) -> str:
    """A well-formed id under the same prefix that nobody has."""
    from fieldreg.core import ids

    last = max(ids.parse_id(p).counter for p in people.values())
    return ids.format_id("K7", ids.next_counter("K7", last + 50))


def test_a_third_registration_is_offered_once_the_first_pair_is_marked(session: Any) -> None:
    first = session.register({"family_name": "Сидоров", "given_name": "Дмитрий", "dob": "1984"})
    again = session.register({"family_name": "Сидоров", "given_name": "Дмитрий"})
    latin = session.register({"family_name": "Sydorov", "given_name": "Dmytro", "dob": "1984"})
    offered = duplicates.likely_duplicates(session)
    assert [(c.person_id, c.other_id) for c in offered] == [(again, first)]  # best pair first
    duplicates.mark(session, again, first)
    # `again` is `first` now; the Latin registration is matched against the one who stays.
    assert [(c.person_id, c.other_id) for c in duplicates.likely_duplicates(session)] == [
        (latin, first)
    ]
