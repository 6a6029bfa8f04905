"""The coordinator's duplicate review on the store of 100,000 people (bench_unlock's): looking for
likely duplicates among the 2,000 people an import of one bundle brings, against everyone.
Looking among everyone costs the same per person; that figure is shown for information."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from bench.bench_unlock import PASSPHRASE, build_store
from fieldreg.services import duplicates, vault

SAMPLE = 2000


def run(report: Callable[..., None]) -> None:
    os.environ.setdefault("FIELDREG_KDF_PROFILE", "minimum")
    directory = build_store()
    session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE)
    try:
        everyone = sorted(session.people.summaries())
        step = max(1, len(everyone) // SAMPLE)
        sample = everyone[::step][:SAMPLE]
        start = time.perf_counter()
        found = duplicates.likely_duplicates(session, sample)
        elapsed = time.perf_counter() - start
    finally:
        session.lock()
    report(
        f"likely duplicates: {len(sample):,} people against {len(everyone):,}",
        elapsed,
        "≤ 10 s",
        elapsed <= 10,
        " s",
    )
    per_person = elapsed / len(sample)
    report("  per person", per_person * 1000, "(information)", True, " ms")
    report("  among everyone, estimated", per_person * len(everyone), "(information)", True, " s")
    report("  pairs offered in the sample", len(found), "(synthetic data)", True)
