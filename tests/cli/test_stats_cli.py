"""`fieldreg stats` counts each transport's passengers as the desk's dashboard does: assigned,
boarded and no-shows (once boarding has begun), with the planned departure."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.inprocess import cli
from tests.cli.test_transport_cli import _plan, _register, store

__all__ = ["store"]


def test_stats_counts_each_transport_s_passengers(store: Path) -> None:
    bus = _plan(store)
    people = [_register(store, "Мельник", given) for given in ("Анна", "Віра", "Іван")]
    assert cli(store, "transport", "assign", bus, *people).code == 0
    assert cli(store, "board", people[0], "--transport", bus).code == 0
    done = cli(store, "stats", "--json")
    assert done.code == 0, done.err
    assert json.loads(done.out)["by_transport"] == [
        {
            "id": bus,
            "name": "Автобус 3",
            "departure": "2026-12-03 07:30",
            "assigned": 3,
            "boarded": 1,
            "no_shows": 2,
        }
    ]
    text = cli(store, "stats").out
    assert (
        f"transport Автобус 3 ({bus}, 03.12.2026 07:30): 3 assigned, 1 boarded, 2 no-shows" in text
    )


def test_a_transport_not_yet_boarding_has_no_no_shows(store: Path) -> None:
    bus = _plan(store)
    anna = _register(store, "Мельник", "Анна")
    assert cli(store, "transport", "assign", bus, anna).code == 0
    [counted] = json.loads(cli(store, "stats", "--json").out)["by_transport"]
    assert (counted["assigned"], counted["boarded"], counted["no_shows"]) == (1, 0, 0)


def test_statuses_needs_and_days_are_written_as_a_person_reads_them(store: Path) -> None:
    anna = _register(store, "Мельник", "Анна", "--needs", "unaccompanied_child")
    assert cli(store, "status", anna, "medical_referral").code == 0
    text = cli(store, "stats").out.splitlines()
    assert "status medical referral: 1" in text
    assert "need unaccompanied child: 1" in text
    assert any(line.startswith("day ") and line[4:6].isdigit() and line[6] == "." for line in text)
    assert not any("_" in line for line in text), text
