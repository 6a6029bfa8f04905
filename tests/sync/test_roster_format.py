"""The roster file (docs/roster-format.md): what the coordinator writes for one laptop reads back
on that laptop, and every hostile roster is refused with its own code before any payload byte is
handed out; the standard `minisign` and `age` tools check and open a split roster; the bundle
header tells the coordinator which roster version the laptop applied."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tracemalloc
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sync_support import Hub

from fieldreg.core import canonical
from fieldreg.core.errors import FieldregError
from fieldreg.core.messages import MESSAGES, describe
from fieldreg.crypto.encoding import b64encode
from fieldreg.crypto.network_keys import DeviceKeys
from fieldreg.sync import age_format, age_keys, bundle_format, bundle_tools, export, minisign
from fieldreg.sync import roster_format as rf
from fieldreg.sync.enrollment import new_network
from fieldreg.sync.roster_format import RosterDraft, RosterHeader, RosterRejected

AGE = shutil.which("age")
MINISIGN = shutil.which("minisign")
GZIP = shutil.which("gzip")
NOW = 1_795_000_000_000
DAY = 86_400_000


@dataclass(frozen=True)
class Laptop:
    device_id: str
    keys: DeviceKeys
    epoch: int = 1


@dataclass(frozen=True)
class Network:
    network_id: str
    root: bytes
    root_public: bytes

    def draft(self, laptop: Laptop, **changes: int) -> RosterDraft:
        values = {"version": 5, "base": 0, "created": NOW, "expires": NOW + 7 * DAY, "count": 2}
        values.update(changes)
        return RosterDraft(
            network=self.network_id, device=laptop.device_id, epoch=laptop.epoch, **values
        )

    def write(self, laptop: Laptop, payload: bytes = b"", **changes: int) -> bytes:
        return rf.write_roster(
            payload or _payload(),
            self.draft(laptop, **changes),
            root_private=self.root,
            device_x25519_public=laptop.keys.exchange_public,
        )


def _network() -> Network:
    info, secrets = new_network()
    return Network(info.network_id, secrets.root, info.root_public)


def _laptop() -> Laptop:
    return Laptop(os.urandom(32).hex(), DeviceKeys.generate())


def _payload(marker: str = "a") -> bytes:
    people = [
        {"id": f"K7-{marker}{n}", "family": "Бойко", "given": "Олена", "year": 1980 + n}
        for n in range(2)
    ]
    return canonical.dumps({"people": people, "v": 1})


def _read(
    raw: bytes, network: Network, laptop: Laptop, *, applied: int = 4, now: int = NOW + DAY
) -> tuple[RosterHeader, bytes]:
    return rf.read_roster(
        raw,
        network_id=network.network_id,
        root_public=network.root_public,
        device_id=laptop.device_id,
        epoch=laptop.epoch,
        x25519_private=laptop.keys.exchange,
        applied_version=applied,
        now_ms=now,
    )


def _refused(raw: bytes, network: Network, laptop: Laptop, **kwargs: int) -> RosterRejected:
    with pytest.raises(RosterRejected) as caught:
        _read(raw, network, laptop, **kwargs)
    assert caught.value.code in MESSAGES, caught.value.code  # a sentence for the volunteer
    return caught.value


@pytest.fixture(scope="module")
def network() -> Network:
    return _network()


@pytest.fixture(scope="module")
def laptop() -> Laptop:
    return _laptop()


# --- what the coordinator writes, the laptop reads ---------------------------------------------


def test_a_roster_reads_back_on_its_laptop(network: Network, laptop: Laptop) -> None:
    raw = network.write(laptop)
    header, payload = _read(raw, network, laptop)
    assert payload == _payload()
    assert header == network.draft(laptop).header(header.payload)
    assert rf.read_roster_header(raw) == header  # `roster show`, without keys
    assert raw.startswith(b"\x89FRS\r\n\x1a\n")
    assert _payload() not in raw
    assert "Бойко".encode() not in raw


def test_rosters_for_many_laptops_share_one_compression(network: Network) -> None:
    laptops = [_laptop() for _ in range(3)]
    payload = _payload()  # the same bytes for every laptop
    files = rf.write_rosters(
        payload,
        [(network.draft(x), x.keys.exchange_public) for x in laptops],
        root_private=network.root,
    )
    for laptop, raw in zip(laptops, files, strict=True):
        header, opened = _read(raw, network, laptop)
        assert (header.device, opened) == (laptop.device_id, payload)
    assert len({rf.read_roster_header(raw).payload for raw in files}) == 1
    assert _refused(files[0], network, laptops[1]).code == "roster.other_device"


def test_a_delta_on_the_applied_version_is_read(network: Network, laptop: Laptop) -> None:
    header, _ = _read(network.write(laptop, version=9, base=4), network, laptop, applied=4)
    assert header.is_delta
    assert (header.version, header.base) == (9, 4)


def test_a_large_payload_is_compressed(network: Network, laptop: Laptop) -> None:
    payload = canonical.dumps(
        [{"id": f"K7-{n:06d}", "year": 1950 + n % 60, "status": "registered"} for n in range(5000)]
    )
    raw = network.write(laptop, payload)
    assert len(raw) < len(payload) / 4
    assert _read(raw, network, laptop)[1] == payload


# --- hostile rosters, each with its own code --------------------------------------------------


def test_another_networks_roster_is_refused(laptop: Laptop) -> None:
    other, ours = _network(), _network()
    error = _refused(other.write(laptop), ours, laptop)
    assert error.code == "roster.other_network"


def test_a_roster_for_another_laptop_is_refused(network: Network, laptop: Laptop) -> None:
    assert _refused(network.write(_laptop()), network, laptop).code == "roster.other_device"


def test_a_roster_for_an_earlier_enrollment_is_refused(network: Network, laptop: Laptop) -> None:
    error = _refused(network.write(laptop), network, replace(laptop, epoch=2))
    assert (error.code, error.params) == ("roster.other_epoch", {"epoch": 1, "ours": 2})


def test_a_roster_signed_by_another_key_is_refused(network: Network, laptop: Laptop) -> None:
    forger = Network(network.network_id, _network().root, network.root_public)
    assert _refused(forger.write(laptop), network, laptop).code == "roster.bad_signature"


@pytest.mark.parametrize("applied", [5, 6])
def test_an_older_or_the_same_version_is_a_rollback(
    network: Network, laptop: Laptop, applied: int
) -> None:
    error = _refused(network.write(laptop, version=5), network, laptop, applied=applied)
    assert (error.code, error.params) == ("roster.rollback", {"version": 5, "applied": applied})
    assert "The current roster is kept." in describe(error)


def test_a_delta_on_another_version_is_refused(network: Network, laptop: Laptop) -> None:
    raw = network.write(laptop, version=9, base=3)
    assert _refused(raw, network, laptop, applied=4).code == "roster.delta_base"


@pytest.mark.parametrize("late", [0, 1, 30 * DAY])
def test_an_expired_roster_is_refused_naming_its_expiry(
    network: Network, laptop: Laptop, late: int
) -> None:
    expires = 1_795_600_800_000  # 2026-11-25 10:00 UTC
    raw = network.write(laptop, expires=expires)
    error = _refused(raw, network, laptop, now=expires + late)
    assert error.code == "roster.expired"
    assert describe(error) == (
        "The roster expired on 25.11.2026 10:00 UTC. The current roster is kept; ask the "
        "coordinator for a new one."
    )


def test_a_roster_encrypted_to_another_laptop_is_not_for_us(
    network: Network, laptop: Laptop
) -> None:
    raw = rf.write_roster(
        _payload(),
        network.draft(laptop),
        root_private=network.root,
        device_x25519_public=_laptop().keys.exchange_public,
    )
    assert _refused(raw, network, laptop).code == "roster.not_for_us"


def test_a_flipped_bit_anywhere_is_refused(network: Network, laptop: Laptop) -> None:
    raw = network.write(laptop)
    codes: set[str] = set()
    for position in range(len(raw)):
        for bit in range(8):
            damaged = bytearray(raw)
            damaged[position] ^= 1 << bit
            codes.add(_refused(bytes(damaged), network, laptop).code)
    assert "roster.bad_signature" in codes
    assert "roster.bad_magic" in codes


def test_a_roster_cut_short_anywhere_is_refused(network: Network, laptop: Laptop) -> None:
    raw = network.write(laptop)
    codes = {_refused(raw[:length], network, laptop).code for length in range(len(raw))}
    assert codes == {"roster.empty", "roster.truncated"}


def test_trailing_garbage_is_refused(network: Network, laptop: Laptop) -> None:
    assert _refused(network.write(laptop) + b"\x00", network, laptop).code == "roster.trailing_data"


def test_a_signature_moved_onto_another_rosters_payload_is_refused(
    network: Network, laptop: Laptop
) -> None:
    ours = rf.parse_container(network.write(laptop, _payload("a")))
    theirs = rf.parse_container(network.write(laptop, _payload("b")))
    swapped = rf.build_container(ours.signature.decode(), theirs.payload)
    assert _refused(swapped, network, laptop).code == "roster.bad_signature"


def test_a_header_naming_another_payload_is_refused(network: Network, laptop: Laptop) -> None:
    # Signed by the root key itself, but the header's hash is that of another payload.
    real, other = rf.compress(_payload("a")), rf.compress(_payload("b"))
    raw = rf.seal_roster(
        replace(real, sha256=other.sha256),
        network.draft(laptop),
        root_private=network.root,
        device_x25519_public=laptop.keys.exchange_public,
    )
    assert _refused(raw, network, laptop).code == "roster.payload_mismatch"


def test_an_oversize_file_is_refused_before_parsing(network: Network, laptop: Laptop) -> None:
    raw = rf.MAGIC + b"\x00" * (rf.MAX_FILE_BYTES - len(rf.MAGIC) + 1)
    error = _refused(raw, network, laptop)
    assert (error.code, error.params) == ("roster.too_large", {"max": rf.MAX_FILE_BYTES})
    part = rf.MAGIC + b"\x00\x01" + (rf.MAX_SIGNATURE_BYTES + 1).to_bytes(4, "big")
    assert _refused(part, network, laptop).code == "roster.part_too_large"


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """gzip of 2 MiB more zeros than a roster may unpack to: about 500 KiB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    megabyte = bytes(1 << 20)
    over = rf.MAX_PLAINTEXT_BYTES // len(megabyte) + 2
    return b"".join(packer.compress(megabyte) for _ in range(over)) + packer.flush()


@pytest.mark.parametrize("lying", [False, True], ids=["stated size", "trailer lies"])
def test_a_decompression_bomb_is_refused_without_unpacking_it(
    network: Network, laptop: Laptop, bomb: bytes, lying: bool
) -> None:
    assert len(bomb) < 1 << 20
    if lying:  # gzip's trailer claims 10 bytes: the reader must not believe it
        bomb = bomb[:-4] + (10).to_bytes(4, "little")
    raw = rf.seal_roster(
        rf.Compressed(bomb, hashlib.sha256(bomb).hexdigest(), 0),
        network.draft(laptop),
        root_private=network.root,
        device_x25519_public=laptop.keys.exchange_public,
    )
    tracemalloc.start()
    try:
        error = _refused(raw, network, laptop)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (error.code, error.params) == ("roster.payload_too_large", {"max": 512 * 1024 * 1024})
    assert peak < 32 * 1024 * 1024


@pytest.mark.parametrize(
    ("packed", "reason"),
    [
        (zlib.compress(b'{"v":1}'), "compression"),  # zlib, not gzip
        (zlib.compress(b"{}", wbits=31)[:-3], "compression"),  # cut short
        (zlib.compress(b"{}", wbits=31) * 2, "trailing"),  # two members
        (zlib.compress(b"", wbits=31), "empty"),
    ],
)
def test_a_malformed_compression_is_refused(
    network: Network, laptop: Laptop, packed: bytes, reason: str
) -> None:
    raw = rf.seal_roster(
        rf.Compressed(packed, hashlib.sha256(packed).hexdigest(), 0),
        network.draft(laptop),
        root_private=network.root,
        device_x25519_public=laptop.keys.exchange_public,
    )
    error = _refused(raw, network, laptop)
    assert (error.code, error.params) == ("roster.payload_invalid", {"reason": reason})


def _signed_with_comment(network: Network, laptop: Laptop, comment: str) -> bytes:
    """A roster whose trusted comment is `comment`, signed by the root key as minisign does
    (by hand: minisign.sign refuses comments over its limit)."""
    packed = rf.compress(_payload())
    ciphertext = age_format.encrypt(packed.data, [laptop.keys.exchange_public])
    key = Ed25519PrivateKey.from_private_bytes(network.root)
    signature = key.sign(hashlib.blake2b(ciphertext, digest_size=64).digest())
    global_signature = key.sign(signature + comment.encode("utf-8"))
    key_id = minisign.key_id_for(network.root_public)
    text = (
        f"untrusted comment: {rf.SIGNATURE_COMMENT}\n"
        f"{b64encode(minisign.SIGNATURE_ALGORITHM + key_id + signature)}\n"
        f"trusted comment: {comment}\n{b64encode(global_signature)}\n"
    )
    return rf.build_container(text, ciphertext)


def _header_fields(network: Network, laptop: Laptop) -> dict[str, object]:
    raw = network.write(laptop)
    return json.loads(rf.read_roster_header(raw).text())  # type: ignore[no-any-return]


def test_a_header_over_1000_bytes_is_refused(network: Network, laptop: Laptop) -> None:
    fields = _header_fields(network, laptop) | {"pad": "x" * 1000}
    raw = _signed_with_comment(network, laptop, canonical.dumps(fields).decode())
    error = _refused(raw, network, laptop)
    assert (error.code, error.params) == ("roster.signature_format", {"part": "trusted_comment"})


@pytest.mark.parametrize(
    "spell",
    [
        lambda f: json.dumps(f, sort_keys=True),  # spaces
        lambda f: json.dumps(dict(reversed(f.items())), separators=(",", ":")),  # key order
        lambda f: canonical.dumps(f).decode().replace('"v":1', '"v":1.0'),
    ],
)
def test_a_non_canonical_header_is_refused(network: Network, laptop: Laptop, spell: object) -> None:
    text = spell(_header_fields(network, laptop))  # type: ignore[operator]
    error = _refused(_signed_with_comment(network, laptop, text), network, laptop)
    assert (error.code, error.params) == ("roster.header_invalid", {"key": "json"})


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"format": "fieldreg-bundle"}, "format"),
        ({"version": 0}, "version"),
        ({"version": True}, "version"),
        ({"base": 5}, "base"),  # a delta on itself
        ({"expires": NOW}, "expires"),  # expires when made
        ({"device": "AB" * 32}, "device"),
        ({"count": -1}, "count"),
        ({"extra": 1}, "keys"),
    ],
)
def test_a_header_out_of_shape_is_refused(
    network: Network, laptop: Laptop, change: dict[str, object], key: str
) -> None:
    fields = _header_fields(network, laptop) | change
    raw = _signed_with_comment(network, laptop, canonical.dumps(fields).decode())
    error = _refused(raw, network, laptop)
    assert (error.code, error.params) == ("roster.header_invalid", {"key": key})
    with pytest.raises(RosterRejected):
        rf.read_roster_header(raw)


def test_a_changed_untrusted_comment_is_refused(network: Network, laptop: Laptop) -> None:
    container = rf.parse_container(network.write(laptop))
    text = container.signature.decode().replace(rf.SIGNATURE_COMMENT, "anything else", 1)
    error = _refused(rf.build_container(text, container.payload), network, laptop)
    assert (error.code, error.params) == ("roster.signature_format", {"part": "untrusted_comment"})


def test_a_bundle_is_not_a_roster(network: Network, laptop: Laptop) -> None:
    raw = bundle_format.build_container("x", "y", b"z")
    assert _refused(raw, network, laptop).code == "roster.bad_magic"


def test_the_writer_refuses_what_the_reader_would(network: Network, laptop: Laptop) -> None:
    with pytest.raises(RosterRejected):
        network.write(laptop, version=3, base=3)
    with pytest.raises(ValueError, match="payload"):
        rf.write_roster(
            b"",
            network.draft(laptop),
            root_private=network.root,
            device_x25519_public=laptop.keys.exchange_public,
        )


# --- the standard tools -------------------------------------------------------------------------


def test_minisign_and_age_check_and_open_a_split_roster(
    network: Network, laptop: Laptop, tmp_path: Path
) -> None:
    assert MINISIGN is not None
    assert AGE is not None
    assert GZIP is not None
    raw = network.write(laptop)
    parts = tmp_path / "parts"
    written = bundle_tools.split_roster_bytes(raw, parts, network.root_public)
    assert all(path.stat().st_mode & 0o777 == 0o600 for path in written)
    payload = parts / bundle_tools.PAYLOAD
    header = rf.read_roster_header(raw).text()
    for key in (["-p", str(parts / bundle_tools.ROOT_KEY)], ["-P", _root_text(network)]):
        done = subprocess.run(
            [MINISIGN, "-V", "-m", str(payload), *key], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        assert f"Trusted comment: {header}" in done.stdout
    identity = tmp_path / "laptop.key"
    identity.write_text(age_keys.identity_file(laptop.keys.exchange))
    opened = subprocess.run(
        [AGE, "-d", "-i", str(identity), str(payload)], capture_output=True, check=True
    )
    assert hashlib.sha256(opened.stdout).hexdigest() == json.loads(header)["payload"]
    unpacked = subprocess.run([GZIP, "-dc"], input=opened.stdout, capture_output=True, check=True)
    assert unpacked.stdout == _payload()
    payload.write_bytes(payload.read_bytes() + b"x")
    tampered = subprocess.run(
        [MINISIGN, "-V", "-m", str(payload), "-P", _root_text(network)],
        capture_output=True,
        check=False,
    )
    assert tampered.returncode != 0


def _root_text(network: Network) -> str:
    return minisign.public_key_base64(network.root_public)


def test_split_refuses_a_damaged_roster(network: Network, tmp_path: Path) -> None:
    with pytest.raises(RosterRejected) as caught:
        bundle_tools.split_roster_bytes(b"\x89FRS", tmp_path / "parts", network.root_public)
    assert caught.value.code == "roster.truncated"
    assert not (tmp_path / "parts").exists()


# --- the bundle header says which roster the laptop applied ------------------------------------


def _bundle_header(**changes: object) -> bundle_format.Header:
    values: dict[str, object] = {
        "network": "ab" * 16,
        "device": "cd" * 32,
        "epoch": 1,
        "first": 1,
        "last": 3,
        "prev": "",
        "head": "ef" * 32,
        "payload": "01" * 32,
        "created": NOW,
    }
    return bundle_format.Header(**(values | changes))  # type: ignore[arg-type]


def test_the_bundle_header_carries_the_applied_roster_version() -> None:
    header = _bundle_header(roster=12)
    parsed = bundle_format.parse_header(header.text())
    assert parsed == header
    assert parsed.roster == 12
    assert '"roster":12' in header.text()


def test_a_bundle_header_without_roster_means_none_applied() -> None:
    text = _bundle_header().text()
    assert "roster" not in text  # what laptops wrote before rosters existed
    assert bundle_format.parse_header(text).roster == 0
    with_zero = json.loads(text) | {"roster": 0}
    assert bundle_format.parse_header(canonical.dumps(with_zero).decode()).roster == 0


@pytest.mark.parametrize("value", ["12", True, -1, 1.5, None, 2**60])
def test_a_bundle_header_with_a_wrong_roster_value_is_refused(value: object) -> None:
    raw = json.loads(_bundle_header().text()) | {"roster": value}
    text = json.dumps(raw, sort_keys=True, separators=(",", ":"))
    with pytest.raises(FieldregError) as caught:
        bundle_format.parse_header(text)
    assert caught.value.code == "bundle.header_invalid"
    assert caught.value.params["key"] in {"roster", "json"}


def test_an_exported_bundle_tells_the_roster_version(hub: Hub) -> None:
    hub.a.register(family_name="Коваль", given_name="Петро")
    identity = hub.a.identity
    data, header = export.build_bundle(hub.a.events, identity, NOW, roster=7)
    assert header.roster == 7
    container = bundle_format.parse_container(data)
    signed = minisign.parse(container.signature)
    minisign.verify(signed, container.payload, identity.keys.signing_public)
    assert bundle_format.parse_header(signed.trusted_comment).roster == 7
    _, plain = export.build_bundle(hub.a.events, identity, NOW)
    assert plain.roster == 0
