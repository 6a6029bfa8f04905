"""The roster file (sync/roster_format.py): write a full roster of 100,000 people with the minimal
fields for 20 laptops, read one back, and its size; each beside the physical floor measured
interleaved in the same run: zlib compressing the same payload JSON once and pyrage encrypting it
to each laptop's key (writing), pyrage decrypting and zlib unpacking it (reading).

The payload is synthetic canonical JSON of the shape the roster content carries per person (the
names in both scripts, year of birth, household, status, location, bands, needs, home point);
it is not the content module's own encoder, only bytes of the same size and entropy.
"""

from __future__ import annotations

import os
import random
import statistics
import zlib

import pyrage

from bench.gauge import interleaved, timed
from bench.reporting import Reporter
from bench.synthetic import people
from fieldreg.core import canonical, ids
from fieldreg.core.names import transliterate
from fieldreg.crypto.network_keys import DeviceKeys
from fieldreg.sync import age_keys
from fieldreg.sync import roster_format as rf
from fieldreg.sync.enrollment import new_network

PEOPLE, DEVICES, ROUNDS = 100_000, 20, 3
DISTINCT = 5_000  # Faker people, reused with fresh ids (Faker is slow; names repeat in life too)
NOW = 1_795_000_000_000
STATUSES = ("arrived", "waiting", "departed", "handed_over", "reunited")
LOCATIONS = ("Зал 1", "Зал 2", "Намет 3", "Автобус 12", "Школа 5")
POINTS = ("K7", "M3", "P5", "T2")
MB = 1_000_000


def synthetic_payload(count: int = PEOPLE, seed: int = 13) -> bytes:
    rng = random.Random(seed)
    pool = list(people(DISTINCT, seed=seed))
    counters = dict.fromkeys(POINTS, 0)
    rows = []
    household = ""
    for number in range(count):
        person = pool[number % len(pool)]
        point = rng.choice(POINTS)
        counters[point] = ids.next_counter(point, counters[point])
        person_id = ids.format_id(point, counters[point])
        if not household or rng.random() < 0.35:
            household = person_id  # a new household every ~3 people
        family, given = str(person["family_name"]), str(person["given_name"])
        rows.append(
            {
                "id": person_id,
                "family": family,
                "given": given,
                "patronymic": str(person["patronymic"]),
                "latin": [transliterate(family, "uk"), transliterate(given, "uk")],
                "year": int(str(person["dob"])[-4:]),
                "household": household,
                "status": rng.choice(STATUSES),
                "location": rng.choice(LOCATIONS),
                "bands": [[1, "void"], [2, "valid"]] if rng.random() < 0.1 else [[1, "valid"]],
                "needs": [person["needs"]] if "needs" in person else [],
                "home": point,
                "hlc": (NOW + number * 997) << 16,
            }
        )
    return canonical.dumps({"people": rows, "v": 1})


def run(report: Reporter) -> None:
    payload = synthetic_payload()
    info, secrets = new_network()
    laptops = [(os.urandom(32).hex(), DeviceKeys.generate()) for _ in range(DEVICES)]
    drafts = [
        (
            rf.RosterDraft(
                network=info.network_id,
                device=device,
                epoch=1,
                version=42,
                base=0,
                created=NOW,
                expires=NOW + 7 * 86_400_000,
                count=PEOPLE,
            ),
            keys.exchange_public,
        )
        for device, keys in laptops
    ]
    recipients = [
        pyrage.x25519.Recipient.from_str(age_keys.recipient_text(k.exchange_public))
        for _, k in laptops
    ]
    written: list[bytes] = []

    def write() -> None:
        written[:] = rf.write_rosters(payload, drafts, root_private=secrets.root)

    def write_floor() -> None:
        packed = zlib.compress(payload, rf.COMPRESSION_LEVEL)
        for recipient in recipients:
            pyrage.encrypt(packed, [recipient])

    ours, floor = interleaved(timed(write), timed(write_floor), ROUNDS)
    write_s, floor_s = statistics.median(ours), statistics.median(floor)
    report.compared(
        f"write a full roster of {PEOPLE:,} people for {DEVICES} laptops",
        write_s,
        "≤ 10 s",
        write_s <= 10,
        " s",
        baseline=floor_s,
        baseline_name="zlib once + pyrage per laptop",
    )
    report.ratio(
        "  the same, against its floor",
        write_s,
        floor_s,
        1.5,
        " s",
        baseline_name="zlib once + pyrage per laptop",
    )

    raw = written[0]
    device, keys = laptops[0]
    identity = pyrage.x25519.Identity.from_str(age_keys.identity_text(keys.exchange))
    ciphertext = rf.parse_container(raw).payload

    def read() -> None:
        _, opened = rf.read_roster(
            raw,
            network_id=info.network_id,
            root_public=info.root_public,
            device_id=device,
            epoch=1,
            x25519_private=keys.exchange,
            applied_version=41,
            now_ms=NOW + 1,
        )
        assert len(opened) == len(payload)

    def read_floor() -> None:
        zlib.decompress(pyrage.decrypt(ciphertext, [identity]), 31)

    ours, floor = interleaved(timed(read), timed(read_floor), ROUNDS)
    report.ratio(
        f"read and check one roster of {PEOPLE:,} people",
        statistics.median(ours),
        statistics.median(floor),
        2.0,
        " s",
        baseline_name="pyrage -d + zlib",
    )
    raw_zlib = len(zlib.compress(payload, rf.COMPRESSION_LEVEL))
    report.compared(
        f"roster file of {PEOPLE:,} people ({len(payload) / MB:.1f} MB of JSON)",
        len(raw) / MB,
        "≤ 15 MB",
        len(raw) <= 15 * MB,
        " MB",
        baseline=raw_zlib / MB,
        baseline_name="raw zlib of the JSON",
    )
