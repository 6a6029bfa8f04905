"""The roster model without a window: what each filter keeps, how each sort orders, the counts."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.ui.roster_model import ANY_NEED, RosterCounts, RosterFilter, RosterModel
from fieldreg.ui.roster_page import take_snapshot
from tests.conftest import PASSPHRASE, TODAY

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


@pytest.fixture
def session(data_dir: Path) -> Iterator[Session]:
    """Like conftest's, with the clock on the session's own `today`: "registered today" is
    counted by the day the session says it is, not by the machine's calendar."""
    directory = DataDir(data_dir)
    vault.init_store(
        directory, point="Школа", operator="Оксана", passphrase=PASSPHRASE, prefix="K7"
    )
    noon = dt.datetime.combine(TODAY, dt.time(12)).astimezone()
    ticks = itertools.count(int(noon.timestamp() * 1000))
    opened = vault.open_session(
        directory,
        operator=None,
        passphrase=PASSPHRASE,
        now_ms=lambda: next(ticks),
        today=lambda: TODAY,
    )
    yield opened
    if not opened.locked:
        opened.lock()


@pytest.fixture
def people(session: Session) -> dict[str, str]:
    olena, ivan = session.register_batch(
        [
            {"family_name": "Шевченко", "given_name": "Олена", "dob": "1984", "needs": "medical"},
            {"family_name": "шевченко", "given_name": "Іван", "dob": "12.03.2015"},
        ],
        new_household=True,
        relationships=["head", "child"],
    )
    marko = session.register(
        {"family_name": "Коваль", "given_name": "Марко", "dob": "~1950", "needs": "mobility"}
    )
    anna = session.register({"family_name": "Бондар", "given_name": "Анна", "dob": "2001"})
    zoe = session.register({"family_name": "Abbott", "given_name": "Zoe"})
    session.set_status(marko, "waiting")
    session.set_status(anna, "departed", transport="Bus 12")
    return {"olena": olena, "ivan": ivan, "marko": marko, "anna": anna, "zoe": zoe}


@pytest.fixture
def model(session: Session, people: dict[str, str], qtmodeltester: ModelTester) -> RosterModel:
    model = RosterModel()
    model.set_snapshot(take_snapshot(session))
    qtmodeltester.check(model)
    return model


def shown(model: RosterModel, people: dict[str, str]) -> list[str]:
    names = {person_id: name for name, person_id in people.items()}
    return [names[person_id] for person_id in model.person_ids()]


def test_counts_at_a_glance(model: RosterModel) -> None:
    assert model.counts() == RosterCounts(
        total=5, shown=5, registered_today=5, waiting=1, departed=1, with_needs=2
    )
    model.set_filter(RosterFilter(need=ANY_NEED))
    assert model.counts().shown == 2
    assert model.counts().total == 5


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (RosterFilter(status="waiting"), {"marko"}),
        (RosterFilter(status="arrived"), {"olena", "ivan", "zoe"}),
        (RosterFilter(status="reunited"), set()),
        (RosterFilter(need=ANY_NEED), {"olena", "marko"}),
        (RosterFilter(need="mobility"), {"marko"}),
        (RosterFilter(need="pregnancy"), set()),
        (RosterFilter(in_household=True), {"olena", "ivan"}),
        (RosterFilter(in_household=False), {"marko", "anna", "zoe"}),
        (RosterFilter(status="arrived", need=ANY_NEED, in_household=True), {"olena"}),
    ],
)
def test_filters(
    model: RosterModel, people: dict[str, str], wanted: RosterFilter, expected: set[str]
) -> None:
    model.set_filter(wanted)
    assert set(shown(model, people)) == expected
    assert model.rowCount() == len(expected)


@pytest.mark.parametrize(
    ("bound", "days", "expected"),
    [
        ("registered_from", 0, 5),
        ("registered_from", 1, 0),
        ("registered_to", 0, 5),
        ("registered_to", -1, 0),
    ],
)
def test_filter_by_registration_day(
    model: RosterModel, session: Session, bound: str, days: int, expected: int
) -> None:
    """Days counted from the local day the people were registered (not from when the test was
    collected: a run that crosses midnight must not change the answer)."""
    registered = session.person(model.person_ids()[0]).registered
    assert registered is not None
    day = registered.astimezone().date() + dt.timedelta(days=days)
    model.set_filter(RosterFilter(**{bound: day}))
    assert model.rowCount() == len(model.person_ids()) == expected


def test_filter_by_household_id(
    model: RosterModel, people: dict[str, str], session: Session
) -> None:
    household = session.person(people["ivan"]).fields["household_id"]
    assert isinstance(household, str)
    model.set_filter(RosterFilter(household_id=household))
    assert shown(model, people) == ["ivan", "olena"]  # newest first
    model.set_filter(RosterFilter(household_id="K7-9999-9"))
    assert shown(model, people) == []


def test_sorts_by_any_column_both_ways_ties_in_registration_order(
    model: RosterModel, people: dict[str, str]
) -> None:
    # Default: newest first.
    assert shown(model, people) == ["zoe", "anna", "marko", "ivan", "olena"]
    model.sort(RosterModel.FAMILY, ASC)  # case-insensitive; equal names keep their order
    assert shown(model, people) == ["zoe", "anna", "marko", "olena", "ivan"]
    model.sort(RosterModel.FAMILY, DESC)
    assert shown(model, people) == ["olena", "ivan", "marko", "anna", "zoe"]
    model.sort(RosterModel.BORN, ASC)  # unknown dates last; "~1950" sorts as 1950
    assert shown(model, people) == ["marko", "olena", "anna", "ivan", "zoe"]
    model.sort(RosterModel.STATUS, ASC)  # in the order things happen
    assert shown(model, people) == ["olena", "ivan", "zoe", "marko", "anna"]
    model.sort(RosterModel.NEEDS, ASC)  # people without needs after those with
    assert shown(model, people) == ["olena", "marko", "ivan", "anna", "zoe"]


def test_a_sort_survives_a_filter_change(model: RosterModel, people: dict[str, str]) -> None:
    model.sort(RosterModel.GIVEN, ASC)
    model.set_filter(RosterFilter(in_household=False))
    assert shown(model, people) == ["zoe", "anna", "marko"]


def test_cells_and_the_record_role(model: RosterModel, people: dict[str, str]) -> None:
    model.set_filter(RosterFilter(status="departed"))
    row = model.index(0, RosterModel.STATUS)
    assert model.data(row) == "Departed (Bus 12)"
    assert model.data(model.index(0, RosterModel.BORN)) == "2001"
    record = model.data(row, RosterModel.RecordRole)
    assert record.person_id == people["anna"]
    assert record.family_name == "Бондар"
    assert model.headerData(RosterModel.FAMILY, Qt.Orientation.Horizontal) == "Family name"


def test_clearing_drops_every_row(model: RosterModel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(model.modelReset):
        model.clear()
    assert model.rowCount() == 0
    assert model.counts().total == 0


def test_dates_read_like_the_date_of_birth(model: RosterModel, people: dict[str, str]) -> None:
    """Registered at "24.11.2026 09:05" beside born "12.03.2015": one format, day first."""
    row = model.person_ids().index(people["ivan"])
    born = model.data(model.index(row, RosterModel.BORN))
    registered = model.data(model.index(row, RosterModel.REGISTERED))
    assert born == "12.03.2015"
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", registered), registered
