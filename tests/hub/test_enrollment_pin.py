"""The enrollment answer may name the network's hub and its certificate's SHA-256: a laptop
accepting it then syncs with that hub, its certificate pinned. Answers without one (all those
made before the hub) stay valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldreg.core.errors import FieldregError
from fieldreg.crypto.kdf import minimum_params
from fieldreg.crypto.network_keys import DeviceKeys
from fieldreg.services import enrollment_service as enroll
from fieldreg.services import hub_client, vault
from fieldreg.services.paths import DataDir
from fieldreg.services.settings import Settings
from fieldreg.sync import enrollment
from tests.conftest import PASSPHRASE
from tests.sync.sync_support import NETWORK_PASSPHRASE, create_coordinator, open_store

PIN = "0123456789abcdef" * 4


def enroll_laptop(tmp_path: Path, hub: tuple[str, str] | None) -> DataDir:
    coordinator = create_coordinator(tmp_path / "hub")
    laptop = DataDir(tmp_path / "laptop")
    vault.init_store(
        laptop, point="Школа 5", operator="Оксана", passphrase=PASSPHRASE, kdf=minimum_params()
    )
    hub_session, laptop_session = open_store(coordinator), open_store(laptop)
    try:
        request = enroll.enrollment_request(laptop_session)
        approval = enroll.approve_request(
            hub_session, request, prefix="K7", network_passphrase=NETWORK_PASSPHRASE, hub=hub
        )
        enroll.accept_answer(laptop_session, approval.answer)
    finally:
        hub_session.lock()
        laptop_session.lock()
    return laptop


def test_an_answer_naming_the_hub_pins_it_on_the_laptop(tmp_path: Path) -> None:
    laptop = enroll_laptop(tmp_path, ("hub.local:8443", PIN))
    pinned = hub_client.hub_settings(Settings.load(laptop))
    assert pinned == hub_client.HubSettings("hub.local:8443", PIN)


def test_an_answer_without_a_hub_leaves_the_laptop_on_files(tmp_path: Path) -> None:
    laptop = enroll_laptop(tmp_path, None)
    assert hub_client.hub_settings(Settings.load(laptop)) is None


def test_an_answer_without_a_hub_has_the_format_it_always_had(tmp_path: Path) -> None:
    info, secrets = enrollment.new_network()
    keys = DeviceKeys.generate()
    request = enrollment.parse_request(
        enrollment.make_request("ab" * 32, "Пункт", "ZK7000", keys, 1)
    )
    certificate = enrollment.issue_certificate(
        request, info, secrets.root, prefix="K7", epoch=1, issued=1
    )
    plain = enrollment.make_answer(info, certificate, request, secrets.root)
    body = enrollment.tokens.parse(plain, enrollment.tokens.ANSWER, "x").body
    assert set(body) == {"v", "network", "certificate", "request"}
    assert enrollment.parse_answer(plain).hub is None
    pinned = enrollment.make_answer(
        info, certificate, request, secrets.root, enrollment.HubPin("10.0.0.5:8443", PIN)
    )
    assert enrollment.parse_answer(pinned).hub == enrollment.HubPin("10.0.0.5:8443", PIN)


@pytest.mark.parametrize(
    "hub", [("no port", PIN), ("hub:8443", "ABC"), ("hub:8443", PIN.upper()), ("", PIN)]
)
def test_a_malformed_hub_is_never_put_in_an_answer(hub: tuple[str, str]) -> None:
    info, secrets = enrollment.new_network()
    keys = DeviceKeys.generate()
    request = enrollment.parse_request(
        enrollment.make_request("ab" * 32, "Пункт", "ZK7000", keys, 1)
    )
    certificate = enrollment.issue_certificate(
        request, info, secrets.root, prefix="K7", epoch=1, issued=1
    )
    with pytest.raises(FieldregError) as caught:
        enrollment.make_answer(info, certificate, request, secrets.root, enrollment.HubPin(*hub))
    assert caught.value.code == "enroll.answer_invalid"
