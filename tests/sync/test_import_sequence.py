"""How bundles of one device combine at the coordinator: a replay changes nothing, an overlap
applies only what is new, a gap is held until filled, the same sequence number with other content
is a fork alarm; and every import is one transaction with the high-water mark moved last."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_support import Hub, snapshot

from fieldreg.core.errors import FieldregError, StoreError
from fieldreg.core.events import EventType
from fieldreg.services import sync_service as sync
from fieldreg.services.bundle_import import FileOutcome
from fieldreg.store.repository import Repository
from fieldreg.sync.importer import Outcome


def _import(hub: Hub, tmp_path: Path, data: bytes, name: str) -> FileOutcome:
    path = tmp_path / name
    path.write_bytes(data)
    [outcome] = sync.import_bundles(hub.session, [path])
    return outcome


def _five(hub: Hub) -> list[str]:
    people = [hub.a.register(family_name=f"Бойко{'а' * n}", given_name="Олена") for n in range(3)]
    hub.a.change(people[0], phone="+380501112233")
    hub.a.event(EventType.NOTE_ADDED, people[1], {"text": "Потрібні ліки"})
    return people


def test_replay_is_a_no_op_with_a_clear_message(hub: Hub, tmp_path: Path) -> None:
    _five(hub)
    data = hub.a.bundle()
    assert _import(hub, tmp_path, data, "first.bundle").result.outcome is Outcome.APPLIED
    before = snapshot(hub.directory)
    again = _import(hub, tmp_path, data, "again.bundle")
    assert again.error is None
    assert again.result is not None
    assert again.result.outcome is Outcome.REPLAY
    assert "already imported" in sync.outcome_text(again)
    assert (tmp_path / "again.bundle").exists()  # a replay is not quarantined
    assert snapshot(hub.directory) == before


def test_overlap_applies_only_what_is_new(hub: Hub, tmp_path: Path) -> None:
    people = _five(hub)
    assert _import(hub, tmp_path, hub.a.bundle(1, 3), "a.bundle").result.applied == 3
    overlap = _import(hub, tmp_path, hub.a.bundle(2, 5), "b.bundle")
    assert overlap.result is not None
    assert overlap.result.applied == 2
    assert hub.session.person(people[0]).fields["phone"] == "+380501112233"
    assert [n.text for n in hub.session.person(people[1]).notes] == ["Потрібні ліки"]
    assert hub.session.verify().ok


def test_gap_is_held_until_the_missing_bundle_arrives(hub: Hub, tmp_path: Path) -> None:
    people = _five(hub)
    held_data = hub.a.bundle(4, 5)
    later = _import(hub, tmp_path, held_data, "later.bundle")
    assert later.result is not None
    assert later.result.outcome is Outcome.HELD
    assert sync.held(hub.session) == [(hub.a.device_id, 4, 5)]
    assert people[0] not in hub.session.people.summaries()  # nothing of it applied yet
    again = _import(hub, tmp_path, held_data, "later-again.bundle")  # the same file again
    assert again.result is not None
    assert again.result.outcome is Outcome.HELD
    fill = _import(hub, tmp_path, hub.a.bundle(1, 3), "fill.bundle")
    assert fill.result is not None
    assert fill.result.applied == 5
    assert len(fill.result.released) == 1
    assert sync.held(hub.session) == []
    assert hub.session.person(people[0]).fields["phone"] == "+380501112233"
    assert hub.session.verify().ok


def test_files_are_applied_in_sequence_order_whatever_order_they_are_given(
    hub: Hub, tmp_path: Path
) -> None:
    _five(hub)
    paths = []
    for first, last in ((4, 5), (1, 1), (2, 3)):
        path = tmp_path / f"{first}.bundle"
        path.write_bytes(hub.a.bundle(first, last))
        paths.append(path)
    outcomes = sync.import_bundles(hub.session, paths)
    assert [o.result.outcome for o in outcomes if o.result] == [Outcome.APPLIED] * 3
    assert sync.held(hub.session) == []


def test_fork_raises_an_alarm_and_changes_nothing(hub: Hub, tmp_path: Path) -> None:
    people = _five(hub)
    assert _import(hub, tmp_path, hub.a.bundle(), "honest.bundle").error is None
    before = snapshot(hub.directory)
    # The device's history from event 4 on, written again differently (a restored backup).
    del hub.a.events[3:]
    hub.a.change(people[0], phone="+380509999999")
    hub.a.change(people[2], phone="+380508888888")
    for first, last in ((1, 5), (4, 5)):
        forked = _import(hub, tmp_path, hub.a.bundle(first, last), f"fork-{first}.bundle")
        assert forked.fork
        assert forked.error is not None
        assert forked.error.params["seq"] in {4, 5}
        assert forked.rejected is not None
        assert "ALARM" in sync.outcome_text(forked) or forked.result is None
    assert snapshot(hub.directory) == before


def test_fork_beyond_what_is_stored(hub: Hub, tmp_path: Path) -> None:
    people = _five(hub)
    assert _import(hub, tmp_path, hub.a.bundle(1, 3), "head.bundle").error is None
    honest_tail = hub.a.bundle(3, 5)
    del hub.a.events[2:]
    hub.a.change(people[0], phone="+380507777777")  # a different event 3
    forked = _import(hub, tmp_path, hub.a.bundle(3, 3), "fork.bundle")
    assert forked.fork
    assert _import(hub, tmp_path, honest_tail, "tail.bundle").error is None


def test_a_failure_while_applying_leaves_nothing_half_done(
    hub: Hub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An environment failure in the middle of a bundle: the bundle is not applied, not
    quarantined (it is not at fault), and imports again once the disk is back."""
    _five(hub)
    data = hub.a.bundle()
    before = snapshot(hub.directory)
    calls = {"n": 0}
    real = Repository._person_row

    def failing(self: Repository, *args: object, **kwargs: object) -> dict[str, object]:
        calls["n"] += 1  # the second person of the bundle
        if calls["n"] == 2:
            raise StoreError("store.disk_full")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Repository, "_person_row", failing)
    path = tmp_path / "full.bundle"
    path.write_bytes(data)
    with pytest.raises(FieldregError) as caught:
        sync.import_bundles(hub.session, [path])
    assert caught.value.code == "store.disk_full"
    assert path.exists()
    assert snapshot(hub.directory) == before
    monkeypatch.setattr(Repository, "_person_row", real)
    assert _import(hub, tmp_path, data, "retry.bundle").result.applied == 5


def test_cancel_during_import_applies_nothing(hub: Hub, tmp_path: Path) -> None:
    for number in range(1200):
        hub.a.register(family_name="Бойко", given_name=f"Олена{'а' * (number % 5)}")
    path = tmp_path / "big.bundle"
    path.write_bytes(hub.a.bundle())
    before = snapshot(hub.directory)
    seen: list[int] = []
    with pytest.raises(FieldregError) as caught:
        sync.import_bundles(
            hub.session, [path], progress=lambda d, t: seen.append(d), cancelled=lambda: bool(seen)
        )
    assert caught.value.code == "task.cancelled"
    assert snapshot(hub.directory) == before


def test_cancel_keeps_the_bundles_completed_before_it(hub: Hub, tmp_path: Path) -> None:
    """Bundles share one commit (a batch); cancelling during the second keeps the first whole
    and nothing of the second, and importing both again finishes the work."""
    people = [
        hub.a.register(family_name="Коваль", given_name=f"Петро{'о' * (n % 5)}")
        for n in range(1800)
    ]
    paths = [tmp_path / "first.bundle", tmp_path / "second.bundle"]
    paths[0].write_bytes(hub.a.bundle(1, 600))
    paths[1].write_bytes(hub.a.bundle(601, 1800))
    seen: list[int] = []
    with pytest.raises(FieldregError) as caught:
        sync.import_bundles(
            hub.session,
            paths,
            progress=lambda done, total: seen.append(done),
            cancelled=lambda: bool(seen) and seen[-1] > 600,
        )
    assert caught.value.code == "task.cancelled"
    assert hub.session.person(people[599]).fields["family_name"] == "Коваль"
    assert people[599] in hub.session.people.summaries()  # shown (searchable) at once
    assert people[600] not in hub.session.people.summaries()
    with pytest.raises(FieldregError):
        hub.session.person(people[600])
    assert hub.session.verify().ok
    outcomes = sync.import_bundles(hub.session, paths)
    assert [o.result.outcome for o in outcomes if o.result] == [Outcome.REPLAY, Outcome.APPLIED]
    assert outcomes[1].result is not None
    assert outcomes[1].result.applied == 1200
    assert hub.session.person(people[-1]).fields["family_name"] == "Коваль"


def test_a_worker_process_decodes_the_next_bundle_with_the_same_verdicts(
    hub: Hub, tmp_path: Path
) -> None:
    """With `workers=1` bundles are decrypted and parsed in a worker process: the results, and a
    rejection found there (with its parameters), are the same as without it."""
    people = _five(hub)
    paths = []
    for first, last in ((1, 2), (3, 4), (5, 5)):
        path = tmp_path / f"{first}.bundle"
        path.write_bytes(hub.a.bundle(first, last))
        paths.append(path)
    hub.b.register(family_name="Я" * 150, given_name="Олена")  # too long: refused when parsed
    hostile = tmp_path / "hostile.bundle"
    hostile.write_bytes(hub.b.bundle())
    outcomes = sync.import_bundles(hub.session, [*paths, hostile], workers=1)
    by_name = {o.path.name: o for o in outcomes}
    assert [by_name[p.name].result.outcome for p in paths] == [Outcome.APPLIED] * 3
    refused = by_name["hostile.bundle"].error
    assert refused is not None
    assert (refused.code, refused.params) == (
        "bundle.event_invalid",
        {"seq": 1, "reason": "family_name"},
    )
    assert hub.session.person(people[0]).fields["phone"] == "+380501112233"
    assert hub.session.verify().ok
