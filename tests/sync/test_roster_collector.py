"""Building and applying a roster pause Python's cyclic garbage collector (its passes over
100,000 people cost more than the work) and always give it back as it was: on, after a refused
roster too, and left off when the caller had it off."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_support import create_coordinator, new_laptop, open_store

from fieldreg.core.errors import FieldregError
from fieldreg.services import roster_service as rosters
from fieldreg.services.session import Session


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Session, Session]]:
    coordinator = create_coordinator(tmp_path / "hub")
    laptop = open_store(new_laptop(tmp_path / "a", coordinator, "K7", point="Школа 5"))
    hub = open_store(coordinator)
    try:
        yield hub, laptop
    finally:
        hub.lock()
        laptop.lock()


def _apply(laptop: Session, plan: rosters.PlannedRoster) -> rosters.RosterApplied:
    return rosters.apply_payload(
        laptop,
        plan.payload,
        version=plan.version,
        base=plan.base,
        created_ms=rosters.now_ms(),
        expires_ms=rosters.now_ms() + rosters.VALID_MS,
    )


def test_the_collector_is_paused_during_and_back_on_after(
    pair: tuple[Session, Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, laptop = pair
    hub.register({"family_name": "Бойко", "given_name": "Олена"})
    seen: list[bool] = []
    encode = rosters.content.encode_raw_states

    def spying(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return encode(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(rosters.content, "encode_raw_states", spying)
    assert gc.isenabled()
    [plan] = [p for p in rosters.plan_rosters(hub) if p.device_id == laptop.device_id]
    assert seen == [False]
    assert gc.isenabled()
    assert _apply(laptop, plan).added == 1
    assert gc.isenabled()
    with pytest.raises(FieldregError) as refused:  # the same version again: a rollback
        _apply(laptop, plan)
    assert refused.value.code == "roster.rollback"
    assert gc.isenabled()


def test_a_caller_that_had_the_collector_off_keeps_it_off(pair: tuple[Session, Session]) -> None:
    hub, _laptop = pair
    gc.disable()
    try:
        rosters.plan_rosters(hub)
        assert not gc.isenabled()
    finally:
        gc.enable()
