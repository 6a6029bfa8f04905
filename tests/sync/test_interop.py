"""The standard tools read what fieldreg writes: `age` (with the coordinator's identity) decrypts
and `minisign` (with the device's public key) verifies a bundle split by `fieldreg bundle split`;
and a bundle re-signed by a key that was never enrolled, even with the real `minisign`, is refused.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from sync_support import Hub, snapshot

from fieldreg.services import enrollment_service as enroll
from fieldreg.services import sync_service as sync
from fieldreg.sync import bundle_format, bundle_tools, minisign

AGE = shutil.which("age")
MINISIGN = shutil.which("minisign")
needs_age = pytest.mark.skipif(
    AGE is None, reason="the age tool is not installed (apt-get install age)"
)
needs_minisign = pytest.mark.skipif(
    MINISIGN is None, reason="the minisign tool is not installed (apt-get install minisign)"
)


def _split(hub: Hub, tmp_path: Path) -> tuple[bytes, Path]:
    hub.a.register(family_name="Бойко", given_name="Олена", dob="1980")
    hub.a.register(family_name="Коваль", given_name="Петро")
    data = hub.a.bundle()
    path = tmp_path / "in.bundle"
    path.write_bytes(data)
    parts = tmp_path / "parts"
    sync.split_bundle(path, parts)
    return data, parts


@needs_minisign
def test_minisign_verifies_the_split_signature(hub: Hub, tmp_path: Path) -> None:
    data, parts = _split(hub, tmp_path)
    public = minisign.public_key_base64(hub.a.identity.keys.signing_public)
    done = subprocess.run(
        [MINISIGN, "-V", "-m", str(parts / bundle_tools.PAYLOAD), "-P", public],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    container = bundle_format.parse_container(data)
    header = minisign.parse(container.signature).trusted_comment
    assert f"Trusted comment: {header}" in done.stdout
    by_file = subprocess.run(
        [MINISIGN, "-V", "-m", str(parts / bundle_tools.PAYLOAD), "-p", str(parts / "device.pub")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert by_file.returncode == 0, by_file.stderr
    payload = parts / bundle_tools.PAYLOAD
    payload.write_bytes(payload.read_bytes() + b"x")
    tampered = subprocess.run(
        [MINISIGN, "-V", "-m", str(payload), "-P", public], capture_output=True, check=False
    )
    assert tampered.returncode != 0


@needs_age
def test_age_decrypts_with_the_coordinators_identity(hub: Hub, tmp_path: Path) -> None:
    _data, parts = _split(hub, tmp_path)
    identity = enroll.coordinator_identity(hub.session, tmp_path / "coordinator.key")
    assert identity.stat().st_mode & 0o777 == 0o600
    done = subprocess.run(
        [AGE, "-d", "-i", str(identity), str(parts / bundle_tools.PAYLOAD)],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["device"] == hub.a.device_id
    assert [row[4] for row in payload["events"]] == [e.event_id for e in hub.a.events]


@needs_minisign
def test_a_bundle_resigned_by_a_key_never_enrolled_is_refused(hub: Hub, tmp_path: Path) -> None:
    data, parts = _split(hub, tmp_path)
    container = bundle_format.parse_container(data)
    header = minisign.parse(container.signature).trusted_comment
    secret, public = tmp_path / "stranger.key", tmp_path / "stranger.pub"
    subprocess.run(
        [MINISIGN, "-G", "-W", "-s", str(secret), "-p", str(public)],
        check=True,
        capture_output=True,
    )
    forged = tmp_path / "forged.minisig"
    subprocess.run(
        [
            MINISIGN,
            "-S",
            "-s",
            str(secret),
            "-m",
            str(parts / bundle_tools.PAYLOAD),
            "-x",
            str(forged),
            "-t",
            header,
            "-c",
            bundle_format.SIGNATURE_COMMENT,
        ],
        check=True,
        capture_output=True,
    )
    resigned = bundle_format.build_container(
        forged.read_text(), container.certificate.decode(), container.payload
    )
    before = snapshot(hub.directory)
    path = tmp_path / "resigned.bundle"
    path.write_bytes(resigned)
    [outcome] = sync.import_bundles(hub.session, [path])
    assert outcome.error is not None
    assert outcome.error.code == "bundle.bad_signature"
    assert outcome.rejected is not None
    assert snapshot(hub.directory) == before
    report = sync.inspect_bundle(outcome.rejected.path, session=hub.session)
    assert report.signature_ok is False
    assert report.certificate_ok is True
