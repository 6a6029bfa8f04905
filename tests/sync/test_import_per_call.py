"""What an import keeps from one `import_bundles` call to the next in the same session (its
connection, the network record, verified certificates) never outlives the facts it rests on: a
revocation or an enrollment made meanwhile counts for the very next bundle, and a locked
session keeps nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_support import NETWORK_PASSPHRASE, Hub, enroll_device

from fieldreg.core.errors import LockedError
from fieldreg.services import enrollment_service as enroll
from fieldreg.services import sync_service as sync
from fieldreg.services.bundle_import import FileOutcome
from fieldreg.services.sync_access import session_network, sync_repository


def _import_one(hub: Hub, tmp_path: Path, data: bytes, name: str, **options: bool) -> FileOutcome:
    path = tmp_path / name
    path.write_bytes(data)
    [outcome] = sync.import_bundles(hub.session, [path], **options)
    return outcome


def test_a_revocation_between_two_imports_refuses_the_next_bundle(hub: Hub, tmp_path: Path) -> None:
    hub.a.register(family_name="Коваленко", given_name="Олена")
    hub.a.register(family_name="Бондар", given_name="Ігор")
    assert _import_one(hub, tmp_path, hub.a.bundle(1, 1), "first.bundle").applied
    enroll.revoke_device(hub.session, "K7", up_to=1, network_passphrase=NETWORK_PASSPHRASE)

    outcome = _import_one(hub, tmp_path, hub.a.bundle(2, 2), "second.bundle")

    assert outcome.error is not None
    assert outcome.error.code == "bundle.revoked"
    assert outcome.rejected is not None  # in quarantine, as from a fresh session
    with sync_repository(hub.session) as repo, repo.reading():
        device = repo.device(hub.a.device_id)
    assert device is not None
    assert device.last_seq == 1


def test_a_device_enrolled_between_two_imports_is_accepted_at_once(
    hub: Hub, tmp_path: Path
) -> None:
    hub.a.register(family_name="Шевченко", given_name="Марія")
    assert _import_one(hub, tmp_path, hub.a.bundle(), "a.bundle").applied
    newcomer = enroll_device(hub.session, "T4")
    person = newcomer.register(family_name="Мельник", given_name="Андрій")

    outcome = _import_one(hub, tmp_path, newcomer.bundle(), "newcomer.bundle")

    assert outcome.applied, outcome.error
    assert hub.session.people.summary(person) is not None


def test_an_import_that_shows_no_one_leaves_the_people_as_they_were(
    hub: Hub, tmp_path: Path
) -> None:
    shown = hub.a.register(family_name="Ткаченко", given_name="Оксана")
    unshown = hub.b.register(family_name="Кравченко", given_name="Петро")

    assert _import_one(hub, tmp_path, hub.a.bundle(), "a.bundle").applied
    assert _import_one(hub, tmp_path, hub.b.bundle(), "b.bundle", show_people=False).applied

    assert hub.session.people.summary(shown) is not None
    assert hub.session.people.summary(unshown) is None  # stored, but this session shows no one
    with sync_repository(hub.session) as repo, repo.reading():
        assert repo.load_state(unshown) is not None


def test_a_locked_session_keeps_no_network_record(hub: Hub, tmp_path: Path) -> None:
    hub.a.register(family_name="Лисенко", given_name="Тарас")
    assert _import_one(hub, tmp_path, hub.a.bundle(), "a.bundle").applied
    with sync_repository(hub.session) as repo:
        remembered = session_network(hub.session, repo)
        assert remembered.role == "coordinator"
    hub.session.lock()

    with pytest.raises(LockedError) as refused:
        session_network(hub.session, repo)
    assert refused.value.code == "store.locked"
    with pytest.raises(LockedError):
        sync.import_bundles(hub.session, [tmp_path / "a.bundle"])
