"""Convergence with rosters: a coordinator and three laptops, volunteers registering people and
recording statuses (on their own people and on people a roster brought), bundles and rosters
delivered in random order (some late, some never until the end); once every file has been
delivered, all four machines show the same people with the same roster fields."""

from __future__ import annotations

import random
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_support import copy_store, create_coordinator, new_laptop, open_store

from fieldreg.core.errors import FieldregError
from fieldreg.services import roster_service as rosters
from fieldreg.services import sync_service as sync
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.services.sync_access import sync_repository
from fieldreg.sync import roster_content

NAMES = ("Бойко", "Коваль", "Шевченко", "Мельник")
STATUSES = ("waiting", "medical_referral", "reunited", "departed")
PREFIXES = ("K7", "M3", "P5")

operation = st.tuples(
    st.sampled_from(("register", "status", "status", "export", "import", "roster", "apply")),
    st.integers(0, 2),  # laptop
    st.integers(0, 40),  # which person / file
    st.integers(0, 40),  # which value
)


@dataclass(frozen=True)
class Stores:
    hub: DataDir
    laptops: tuple[DataDir, ...]


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> Stores:
    root = tmp_path_factory.mktemp("roster-convergence")
    hub = create_coordinator(root / "hub")
    laptops = tuple(new_laptop(root / p, hub, p, point=f"Пункт {p}") for p in PREFIXES)
    return Stores(hub, laptops)


@dataclass
class World:
    root: Path
    hub: Session
    laptops: list[Session]
    bundles: list[Path] = field(default_factory=list)  # exported, not yet imported
    rosters: list[list[rosters.PlannedRoster]] = field(default_factory=lambda: [[], [], []])
    files: int = 0

    def act(self, op: tuple[str, int, int, int]) -> None:
        kind, index, target, value = op
        laptop = self.laptops[index]
        if kind == "register":
            laptop.register({"family_name": NAMES[value % len(NAMES)], "given_name": "Олена"})
        elif kind == "status":
            known = sorted(laptop.people)
            if known:
                status = STATUSES[value % len(STATUSES)]
                transport = f"bus {value}" if status == "departed" else None
                laptop.set_status(known[target % len(known)], status, transport=transport)
        elif kind == "export":
            self.export(laptop)
        elif kind == "import" and self.bundles:
            self.import_bundle(self.bundles.pop(target % len(self.bundles)))
        elif kind == "roster":
            for planned in rosters.plan_rosters(self.hub):
                position = [s.device_id for s in self.laptops].index(planned.device_id)
                self.rosters[position].append(planned)
        elif kind == "apply" and self.rosters[index]:
            self.apply(laptop, self.rosters[index].pop(target % len(self.rosters[index])))

    def export(self, laptop: Session) -> None:
        self.files += 1
        folder = self.root / f"stick-{self.files}"
        folder.mkdir()
        if rosters.roster_status(laptop).last_seq > sync_position(laptop):
            self.bundles.extend(e.path for e in sync.export_bundles(laptop, folder))

    def import_bundle(self, path: Path) -> None:
        [outcome] = sync.import_bundles(self.hub, [path])
        assert outcome.error is None, outcome.error

    def apply(self, laptop: Session, planned: rosters.PlannedRoster) -> None:
        now = rosters.now_ms()
        current = rosters.roster_status(laptop).version or 0

        def apply() -> None:
            rosters.apply_payload(
                laptop,
                planned.payload,
                version=planned.version,
                base=planned.base,
                created_ms=now,
                expires_ms=now + rosters.VALID_MS,
            )

        if planned.version > current:
            apply()
        else:  # older than the one applied: refused, nothing changes
            with pytest.raises(FieldregError) as refused:
                apply()
            assert refused.value.code == "roster.rollback"

    def deliver_everything(self, rng: random.Random) -> None:
        for laptop in self.laptops:
            self.export(laptop)
        rng.shuffle(self.bundles)
        while self.bundles:
            self.import_bundle(self.bundles.pop())
        assert sync.held(self.hub) == []
        for pending in self.rosters:
            rng.shuffle(pending)
        self.act(("roster", 0, 0, 0))
        for index, laptop in enumerate(self.laptops):
            for planned in self.rosters[index]:  # the newest last: older ones are refused
                self.apply(laptop, planned)


def sync_position(laptop: Session) -> int:
    """How far this laptop's log was exported."""
    return rosters.roster_status(laptop).exported_up_to


def _people(session: Session) -> dict[str, Any]:
    names = roster_content.DEFAULT_FIELDS
    with sync_repository(session) as repo, repo.reading():
        states = repo.load_states(repo.person_ids())
    return {
        p: roster_content.roster_values(s, names) for p, s in sorted(states.items()) if not s.erased
    }


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(operation, min_size=6, max_size=30), st.randoms(use_true_random=False))
def test_bundles_and_rosters_in_any_order_converge(
    stores: Stores, ops: list[tuple[str, int, int, int]], rng: random.Random
) -> None:
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        hub = open_store(copy_store(stores.hub, root / "hub"))
        laptops = [
            open_store(copy_store(d, root / f"laptop-{n}")) for n, d in enumerate(stores.laptops)
        ]
        world = World(root, hub, laptops)
        try:
            for op in ops:
                world.act(op)
            world.deliver_everything(rng)
            expected = _people(hub)
            for laptop in laptops:
                assert _people(laptop) == expected
                assert laptop.verify().ok
        finally:
            for session in (hub, *laptops):
                session.lock()
