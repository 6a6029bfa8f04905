"""A coordinator with 1,000,000 people on PostgreSQL (issue 15, "Speed"): unlock to a searchable
index ≤ 15 s, resident memory ≤ 2.5 GB, search median ≤ 20 ms.

The store is a real coordinator store (`network create` on a throwaway local server, the same
migrations), its people written in bulk rather than imported event by event (a million events
through the pipeline would take longer than everything measured here): each person's summary and
details groups encoded as the repository's bulk writer encodes them (`encode_group`), sealed with
`FieldSealer.seal_many` under the store's own key and row ids, and sent with one COPY. The people
have no events behind them (their `meta` fold state is empty): unlock and search read only the
summaries, which is what is measured. Names are drawn from pools made with Faker (uk_UA, ru_RU),
so a search finds a realistic number of namesakes. Nothing here is real.

Measured in a fresh child process per round: the unlock (summaries read, opened and decoded, the
maps and the index built; no KDF), its peak resident memory (VmHWM), and the median of 200
searches; beside them, in the same process, the floor of any unlock: the same rows SELECTed with
plain psycopg and opened with AES-GCM, keeping nothing (as bench_unlock does with sqlite3).
The server is built anew each run (about a minute) and dropped at the end.

Without PostgreSQL's server binaries it says so and measures nothing (an error under CI=true).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import struct
import sys
import tempfile
import time
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from faker import Faker

from bench.gauge import child_figures
from bench.reporting import Reporter
from fieldreg.core.entities import Group
from fieldreg.core.hlc import Hlc
from fieldreg.core.ids import format_id, next_counter
from fieldreg.crypto.encoding import length_prefixed
from fieldreg.services import enrollment_service, vault
from fieldreg.services.paths import DataDir
from fieldreg.store.repository import GROUP_FIELDS
from fieldreg.store.summary_codec import encode_group
from tests.pg_support import NO_SERVER, running_cluster, server_bin

PEOPLE = int(os.environ.get("BENCH_PG_PEOPLE", "1000000"))  # fewer only to try the bench out
PASSPHRASE = "benchmark passphrase 1"
NETWORK = "benchmark network passphrase"
PREFIX = "B7"
CHUNK = 20_000
ROUNDS = 3
QUERIES = 200
UNLOCK_S, MEMORY_MB, SEARCH_MS = 15.0, 2560.0, 20.0


def _pools(seed: int) -> dict[str, list[str]]:
    """Names, patronymics and places enough for a million varied people, made once."""
    pools: dict[str, list[str]] = {}
    for locale in ("uk_UA", "ru_RU"):
        fake = Faker(locale)
        fake.seed_instance(seed)
        for sex in ("female", "male"):
            for kind, count in (("last_name", 4000), ("first_name", 600), ("middle_name", 300)):
                make = getattr(fake, f"{kind}_{sex}")
                pools.setdefault(f"{kind}_{sex}", []).extend({make() for _ in range(count)})
        pools.setdefault("city", []).extend({fake.city() for _ in range(800)})
    return pools


def _person(rng: random.Random, pools: dict[str, list[str]]) -> dict[str, object]:
    sex = "female" if rng.random() < 0.5 else "male"
    year = rng.randint(1935, 2024)
    return {
        "family_name": rng.choice(pools[f"last_name_{sex}"]),
        "given_name": rng.choice(pools[f"first_name_{sex}"]),
        "patronymic": rng.choice(pools[f"middle_name_{sex}"]),
        "sex": sex,
        "dob": f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{year}",
        "phone": f"+380{rng.randint(500000000, 999999999)}",
        "origin_settlement": rng.choice(pools["city"]),
    }


def _ids(count: int) -> list[str]:
    found, counter = [], 0
    for _ in range(count):
        counter = next_counter(PREFIX, counter)
        found.append(format_id(PREFIX, counter))
    return found


def build(url: str, folder: Path) -> tuple[DataDir, list[str]]:
    """The coordinator store at `url` (its workstation folder in `folder`) with PEOPLE people;
    also some family names to search for."""
    os.environ.setdefault("FIELDREG_KDF_PROFILE", "minimum")
    directory = DataDir(folder, url)
    enrollment_service.create_network(
        directory, point="Bench hub", operator="Bench", passphrase=PASSPHRASE,
        network_passphrase=NETWORK,
    )  # fmt: skip
    session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE, load=False)
    rng = random.Random(20261202)
    pools = _pools(15)
    ids = _ids(PEOPLE)
    created = Hlc(1_760_000_000_000, 0).pack()
    sealer = session._sealer
    raw = session.engine.raw_connection()
    try:
        cursor = raw.cursor()
        for start in range(0, PEOPLE, CHUNK):
            chunk = ids[start : start + CHUNK]
            people = [_person(rng, pools) for _ in chunk]
            sealed = {}
            for group in Group:
                names = GROUP_FIELDS[group]
                plain = [encode_group(group, {n: p[n] for n in names if n in p}) for p in people]
                sealed[group] = sealer.seal_many("people", group.value, chunk, plain)
            summaries, details = sealed[Group.SUMMARY], sealed[Group.DETAILS]
            with cursor.copy(  # type: ignore[attr-defined]
                "COPY people (id, created_hlc, updated_hlc, summary, details) FROM STDIN"
            ) as copy:
                for number, person_id in enumerate(chunk):
                    clock = created + (start + number)
                    copy.write_row((person_id, clock, clock, summaries[number], details[number]))
        raw.commit()
        cursor.execute("ANALYZE people")
        raw.commit()
    finally:
        raw.close()
        session.lock()
    sought = sorted({str(_person(rng, pools)["family_name"]) for _ in range(QUERIES * 2)})
    return directory, rng.sample(sought, QUERIES)


def _raw_open(url: str, data_key: bytes, key_id: str) -> float:
    """The floor: SELECT the same sealed summaries with plain psycopg (binary rows, streamed in
    batches from a server-side cursor) and open each with AESGCM, the same key and associated
    data as fieldreg.crypto.sealing, keeping nothing."""
    import psycopg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    aead = AESGCM(data_key)
    head = length_prefixed(b"fieldreg/v1", b"people")
    tail = length_prefixed(b"summary", bytes.fromhex(key_id))
    pack = struct.Struct(">I").pack
    start = time.perf_counter()
    with psycopg.connect(
        dbname=parsed.database,
        user=parsed.username,
        host=str(parsed.query.get("host", parsed.host or "")),
        port=int(str(parsed.query.get("port", parsed.port or 5432))),
    ) as connection:
        cursor = connection.cursor(name="baseline", binary=True)
        cursor.itersize = 5000
        cursor.execute("SELECT id, summary FROM people WHERE summary IS NOT NULL")
        for person_id, sealed in cursor:
            rid = person_id.encode()
            aead.decrypt(sealed[9:21], sealed[21:], head + pack(len(rid)) + rid + tail)
    return time.perf_counter() - start


def _vm(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _child() -> None:
    url, folder, order, queries = sys.argv[2], Path(sys.argv[3]), sys.argv[4], sys.argv[5:]
    directory = DataDir(folder, url)
    session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE, load=False)
    key, key_id = bytes(session.data_key), session._sealer.key_id
    raw = _raw_open(url, key, key_id) if order == "baseline-first" else 0.0
    before = _vm("VmHWM")
    start = time.perf_counter()
    session.load()
    unlock = time.perf_counter() - start
    peak = _vm("VmHWM")
    session.search(queries[0])  # the first search applies nothing pending; warm it anyway
    times, hits = [], 0
    for query in queries:
        began = time.perf_counter()
        found = session.search(query)
        times.append(time.perf_counter() - began)
        hits += len(found.hits)
    raw = raw if order == "baseline-first" else _raw_open(url, key, key_id)
    figures = {
        "unlock": unlock,
        "raw": raw,
        "peak_mb": peak,
        "before_mb": before,
        "search_ms": statistics.median(times) * 1000,
        "search_p95_ms": sorted(times)[int(len(times) * 0.95)] * 1000,
        "people": len(session.people.summaries()),
        "hits": hits / len(queries),
    }
    session.lock()
    print(json.dumps(figures))


def run(report: Reporter) -> None:
    bin_dir = server_bin()
    if bin_dir is None:
        if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
            raise RuntimeError(NO_SERVER)
        print(f"  skipped: {NO_SERVER}", flush=True)
        return
    with tempfile.TemporaryDirectory() as temp, running_cluster(bin_dir) as cluster:
        url = cluster.url(cluster.create_database())
        started = time.perf_counter()
        directory, queries = build(url, Path(temp) / "workstation")
        print(f"  ({PEOPLE:,} people written in {time.perf_counter() - started:.0f} s)", flush=True)
        figures = []
        for number in range(ROUNDS):  # the baseline just before or just after, alternately
            order = "baseline-first" if number % 2 == 0 else "baseline-after"
            figures.append(
                child_figures("bench.bench_pg_million", url, str(directory.root), order, *queries)
            )
        shutil.rmtree(directory.root, ignore_errors=True)
    assert all(f["people"] == PEOPLE for f in figures), figures
    unlock = statistics.median(f["unlock"] for f in figures)
    raw = statistics.median(f["raw"] for f in figures)
    name = f"unlock {PEOPLE:,} people on PostgreSQL to index"
    report(name, unlock, f"≤ {UNLOCK_S:g} s", unlock <= UNLOCK_S, " s")
    report("  raw SELECT + AES-GCM open (same rows)", raw, "(baseline, same run)", True, " s")
    report("  unlock / raw", unlock / raw, "(ratio)", True, "×")
    peak = max(f["peak_mb"] for f in figures)
    report("  resident memory, peak (VmHWM)", peak, f"≤ {MEMORY_MB:g} MB", peak <= MEMORY_MB, " MB")
    search = statistics.median(f["search_ms"] for f in figures)
    report(f"  search median ({QUERIES} names)", search, f"≤ {SEARCH_MS:g} ms",
           search <= SEARCH_MS, " ms")  # fmt: skip
    p95 = statistics.median(f["search_p95_ms"] for f in figures)
    report("  search p95", p95, "(information)", True, " ms")


if __name__ == "__main__":
    if len(sys.argv) > 4 and sys.argv[1] == "--child":
        _child()
    else:
        run(Reporter())
