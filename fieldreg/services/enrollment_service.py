"""Network and enrollment use cases: create a coordinator store with the network's keys, make an
enrollment request on a laptop, approve it at the coordinator (a signed device certificate with an
ID prefix), accept the answer on the laptop (pin the network's keys, take the prefix, add the
escrow key slot), revoke a device, and recover a laptop's passphrase through escrow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from fieldreg.core.errors import AuthError, FieldregError, NotFoundError, StoreError
from fieldreg.core.passphrases import check_passphrase
from fieldreg.crypto.durable_file import write_new_file
from fieldreg.crypto.encoding import b64encode, strict_b64decode
from fieldreg.crypto.kdf import KdfParams, params_for_new_slot
from fieldreg.crypto.network_keys import DeviceKeys, NetworkInfo
from fieldreg.crypto.slots import SlotFile
from fieldreg.services import vault
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session
from fieldreg.services.settings import Settings
from fieldreg.services.sync_access import coordinator_network, sync_repository
from fieldreg.store.repository import Repository
from fieldreg.store.sync_store import SyncStore
from fieldreg.sync import age_keys, enrollment

COORDINATOR_PREFIX = "C0"


def _now_ms() -> int:
    return int(dt.datetime.now(dt.UTC).timestamp() * 1000)


@dataclass(frozen=True, slots=True)
class NetworkCreated:
    init: vault.InitResult
    network_id: str
    fingerprint: str


def create_network(
    data_dir: DataDir,
    *,
    point: str,
    operator: str,
    passphrase: str,
    network_passphrase: str,
    prefix: str = COORDINATOR_PREFIX,
    kdf: KdfParams | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> NetworkCreated:
    """A new coordinator store holding a new network's keys. The root and escrow keys are also
    wrapped under the network passphrase, asked for only to approve, revoke or recover.
    `progress(done, 3)` follows the steps: network keys wrapped, store created, network kept."""
    check_passphrase(network_passphrase)
    if network_passphrase == passphrase:
        raise FieldregError("sync.same_passphrase")
    step = progress or (lambda _done, _total: None)
    own_prefix = enrollment.enrolled_prefix(prefix)
    step(0, 3)
    info, secrets = enrollment.new_network()
    wrapped = enrollment.wrap_rare_secrets(
        secrets, network_passphrase, kdf or params_for_new_slot()
    )
    step(1, 3)
    result = vault.init_store(
        data_dir, point=point, operator=operator, passphrase=passphrase, kdf=kdf, prefix=own_prefix
    )
    step(2, 3)
    session = vault.open_session(data_dir, operator=None, passphrase=passphrase, load=False)
    try:
        with sync_repository(session) as repo, repo.transaction():
            SyncStore(repo).put_network(
                info, "coordinator", {"recipient": b64encode(secrets.recipient), "rare": wrapped}
            )
    finally:
        session.lock()
    step(3, 3)
    return NetworkCreated(result, info.network_id, info.fingerprint())


@dataclass(frozen=True, slots=True)
class NetworkStatus:
    role: str  # "coordinator", "device" (enrolled) or "" (not enrolled)
    network_id: str
    fingerprint: str
    prefix: str


def network_status(session: Session) -> NetworkStatus:
    with sync_repository(session) as repo, repo.reading():
        network = SyncStore(repo).network()
        device = repo.device(session.device_id)
    prefix = device.prefix if device is not None else session.prefix
    if network is None:
        return NetworkStatus("", "", "", prefix)
    return NetworkStatus(network.role, network.info.network_id, network.info.fingerprint(), prefix)


# --- laptop: request and answer ---------------------------------------------------------------


def enrollment_request(session: Session, name: str | None = None) -> str:
    """The request text (QR-sized) for this laptop; its keys are made on first use and kept."""
    with sync_repository(session) as repo:
        store = SyncStore(repo)
        with repo.reading():
            network = store.network()
            own = store.own_keys(session.device_id)
            device = repo.device(session.device_id)
        if network is not None:
            raise FieldregError("sync.already_enrolled")
        if own is None:
            keys = DeviceKeys.generate()
            with repo.transaction():
                store.put_own_keys(session.device_id, keys)
        else:
            keys = own.keys
        assert device is not None
        label = name if name is not None else session.point_name()
        return enrollment.make_request(session.device_id, label, device.prefix, keys, _now_ms())


@dataclass(frozen=True, slots=True)
class Accepted:
    prefix: str
    fingerprint: str
    network_id: str


def accept_answer(
    session: Session, untrusted_answer: str | bytes, *, fingerprint: str | None = None
) -> Accepted:
    """Pin the network's keys, take the assigned prefix and add the escrow key slot."""
    answer = enrollment.parse_answer(untrusted_answer)
    network = answer.network
    if fingerprint is not None and _fingerprint_key(fingerprint) != _fingerprint_key(
        network.fingerprint()
    ):
        raise FieldregError("enroll.fingerprint_mismatch")
    certificate = answer.certificate
    with sync_repository(session) as repo:
        store = SyncStore(repo)
        with repo.reading():
            own = store.own_keys(session.device_id)
            pinned = store.network()
        if (
            own is None
            or certificate.device_id != session.device_id
            or certificate.ed25519 != own.keys.signing_public
            or certificate.x25519 != own.keys.exchange_public
        ):
            raise FieldregError("enroll.not_for_this_device")
        if pinned is not None:
            raise FieldregError("sync.already_enrolled")
        # The escrow slot first: if it fails, nothing is pinned and accept can be retried.
        with vault.keyed_slots(session.data_dir) as slots:  # the file and the database's copy alike
            slots.set_escrow(
                session.data_key, X25519PublicKey.from_public_bytes(network.escrow_public)
            )
        with repo.transaction():
            store.put_network(network, "device", None)
            store.set_own_certificate(session.device_id, certificate.text, certificate.epoch)
            _take_prefix(repo, session.device_id, certificate.prefix)
    session.prefix = certificate.prefix
    if answer.hub is not None:  # the hub this laptop syncs with, its certificate pinned
        settings = Settings.load(session.data_dir)
        settings.hub_address = answer.hub.address
        settings.hub_certificate_sha256 = answer.hub.sha256
        settings.save()
    return Accepted(certificate.prefix, network.fingerprint(), network.network_id)


def _take_prefix(repo: Repository, device_id: str, prefix: str) -> None:
    """New ids use the assigned prefix from 1; ids made under the old prefix stay valid. (A
    session caching the old position sees the counter move and re-reads the row.)"""
    current = repo.device(device_id)
    if current is None or current.prefix == prefix:
        return
    repo.set_prefix(device_id, prefix)


def _fingerprint_key(text: str) -> str:
    return "".join(c for c in text.upper() if c.isalnum())


# --- coordinator: approve, revoke, devices ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Approval:
    answer: str
    device_id: str
    prefix: str
    epoch: int


def approve_request(
    session: Session,
    untrusted_request: str | bytes,
    *,
    prefix: str,
    network_passphrase: str,
    hub: tuple[str, str] | None = None,
) -> Approval:
    """`hub`: (address, certificate SHA-256) for the answer, which the laptop then pins."""
    request = enrollment.parse_request(untrusted_request)
    assigned = enrollment.enrolled_prefix(prefix)
    with sync_repository(session) as repo:
        network = coordinator_network(repo)
        store = SyncStore(repo)
        with repo.reading():
            taken = _prefix_owners(repo, store, network.info)
            epoch = store.latest_epoch(request.device_id) + 1
        for wanted in {assigned, request.prefix}:
            owner = taken.get(wanted)
            if owner is not None and owner != request.device_id:
                raise FieldregError("enroll.prefix_taken", prefix=wanted)
        if request.device_id == session.device_id:
            raise FieldregError("enroll.prefix_taken", prefix=assigned)
        root, _escrow = enrollment.unwrap_rare_secrets(network.secrets["rare"], network_passphrase)
        issued = _now_ms()
        certificate = enrollment.issue_certificate(
            request, network.info, root, prefix=assigned, epoch=epoch, issued=issued
        )
        pin = enrollment.HubPin(*hub) if hub is not None else None
        answer = enrollment.make_answer(network.info, certificate, request, root, pin)
        with repo.transaction():
            store.add_certificate(
                request.device_id,
                epoch,
                prefix=assigned,
                ed25519=request.ed25519,
                issued=issued,
                token=certificate,
            )
            if repo.device(request.device_id) is None:
                repo.add_device(request.device_id, assigned)
    return Approval(answer, request.device_id, assigned, epoch)


def _prefix_owners(repo: Repository, store: SyncStore, network: NetworkInfo) -> dict[str, str]:
    owners = repo.device_prefixes()
    for device_id, _epoch, token in store.certificates():
        for prefix in enrollment.parse_certificate(token, network.root_public).prefixes:
            owners[prefix] = device_id
    return owners


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    device_id: str
    name: str
    prefix: str
    epoch: int
    last_seq: int
    revoked_up_to: int | None


def devices(session: Session) -> list[DeviceInfo]:
    """Every device this coordinator enrolled (latest certificate of each)."""
    with sync_repository(session) as repo, repo.reading():
        network = coordinator_network(repo)
        store = SyncStore(repo)
        latest: dict[str, enrollment.Certificate] = {}
        for _device_id, _epoch, token in store.certificates():
            certificate = enrollment.parse_certificate(token, network.info.root_public)
            latest[certificate.device_id] = certificate
        found = []
        for device_id, certificate in latest.items():
            position = repo.device(device_id)
            found.append(
                DeviceInfo(
                    device_id=device_id,
                    name=certificate.name,
                    prefix=certificate.prefix,
                    epoch=certificate.epoch,
                    last_seq=position.last_seq if position is not None else 0,
                    revoked_up_to=store.revoked_up_to(device_id),
                )
            )
    return sorted(found, key=lambda d: d.prefix)


def find_device(session: Session, untrusted: str) -> DeviceInfo:
    """A device by its prefix or the start of its id (at least 8 characters)."""
    wanted = untrusted.strip()
    matches = [
        d
        for d in devices(session)
        if d.prefix == wanted.upper() or (len(wanted) >= 8 and d.device_id.startswith(wanted))
    ]
    if len(matches) != 1:
        raise NotFoundError("sync.unknown_device")
    return matches[0]


def revoke_device(
    session: Session, untrusted_device: str, *, up_to: int, network_passphrase: str
) -> DeviceInfo:
    """Accept this device's bundles only up to sequence `up_to` (0: none at all from now on)."""
    device = find_device(session, untrusted_device)
    if up_to < 0:
        raise FieldregError("sync.bad_sequence")
    with sync_repository(session) as repo:
        network = coordinator_network(repo)
        root, _escrow = enrollment.unwrap_rare_secrets(network.secrets["rare"], network_passphrase)
        revoked = _now_ms()
        token = enrollment.make_revocation(network.info, device.device_id, up_to, revoked, root)
        with repo.transaction():
            SyncStore(repo).put_revocation(device.device_id, up_to, revoked, token)
    return find_device(session, device.device_id)


def coordinator_identity(session: Session, out_path: Path) -> Path:
    """Write the bundle key as an age identity file (0600), for `age -d -i FILE`."""
    with sync_repository(session) as repo:
        network = coordinator_network(repo)
    key = strict_b64decode(network.secrets.get("recipient"), 32)
    if key is None:
        raise StoreError("store.corrupt")
    try:
        write_new_file(out_path, age_keys.identity_file(key).encode("ascii"))
    except FileExistsError:
        raise FieldregError("sync.file_exists") from None
    return out_path


def recover_laptop(
    session: Session,
    laptop: DataDir,
    *,
    network_passphrase: str,
    operator: str | None,
    new_passphrase: str,
) -> None:
    """Give a laptop's operator a new passphrase through the escrow slot (a forgotten one)."""
    check_passphrase(new_passphrase)
    with sync_repository(session) as repo:
        network = coordinator_network(repo)
    _root, escrow = enrollment.unwrap_rare_secrets(network.secrets["rare"], network_passphrase)
    with vault.keyed_slots(laptop) as slots:
        if not slots.exists():
            raise StoreError("store.missing")
        data_key = slots.unlock_escrow(X25519PrivateKey.from_private_bytes(escrow))
        slots.change_passphrase(
            data_key, _operator_id(slots, operator), new_passphrase, params_for_new_slot()
        )


def _operator_id(slots: SlotFile, operator: str | None) -> str:
    known = slots.operators()
    if operator is None:
        if len(known) == 1:
            return known[0].operator_id
        raise AuthError("auth.choose_operator")
    wanted = operator.strip().casefold()
    for info in known:
        if info.operator_id == operator or info.label.casefold() == wanted:
            return info.operator_id
    raise AuthError("auth.unknown_operator")
