"""The coordinator's duplicate review (issue 12): duplicates among everyone.

Two figures sets:

- the planted corpus of scripts/make_name_corpus.py: 100,000 people of whom 2,000 registered a
  second time (another orthography, Latin only, a typo, the year only, no patronymic) and 2,000
  households of three (siblings, twins, parents): recall ≥ 95 %, precision ≥ 90 %, relatives
  offered ≤ 1 %, ≤ 10 s (matching.pairs alone); the same at 1,000,000 people is
  bench_duplicates_million's;
- the store of 100,000 people (bench_unlock's): the service as the coordinator page calls it,
  among everyone, ≤ 10 s.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from bench.bench_unlock import PASSPHRASE, build_store
from fieldreg.matching.compare import PersonNames
from fieldreg.matching.pairs import Record, find_duplicates
from fieldreg.services import duplicates, vault
from scripts.make_name_corpus import DuplicateCorpus, make_duplicate_corpus


@dataclass(frozen=True, slots=True)
class Quality:
    recall: float  # per cent of the planted pairs offered
    precision: float  # per cent of the pairs offered that were planted
    relatives: float  # per cent of the relatives' pairs offered
    seconds: float  # find_duplicates alone


def planted_records(corpus: DuplicateCorpus) -> list[Record]:
    return [
        Record(
            p.person_id,
            PersonNames(*p.names()),
            p.sex,
            corpus.households.get(p.person_id),
        )
        for p in corpus.people
    ]


def quality(corpus: DuplicateCorpus, records: list[Record]) -> Quality:
    start = time.perf_counter()
    found = find_duplicates(records)
    elapsed = time.perf_counter() - start
    offered = {frozenset((m.first, m.second)) for m in found.pairs}
    offered |= {frozenset((m.first, m.second)) for h in found.households for m in h.pairs}
    true = len(offered & corpus.duplicates)
    return Quality(
        100 * true / len(corpus.duplicates),
        100 * true / max(1, len(offered)),
        100 * len(offered & corpus.relatives) / len(corpus.relatives),
        elapsed,
    )


def report_quality(report: Callable[..., None], people: str, found: Quality, seconds: str) -> None:
    report(
        f"planted duplicates found ({people} people)",
        found.recall,
        "≥ 95 %",
        found.recall >= 95,
        " %",
    )
    report(
        "  precision of the pairs offered", found.precision, "≥ 90 %", found.precision >= 90, " %"
    )
    report(
        "  siblings, twins, parents offered", found.relatives, "≤ 1 %", found.relatives <= 1, " %"
    )
    limit = float(seconds)
    report("  time, among everyone", found.seconds, f"≤ {seconds} s", found.seconds <= limit, " s")


def _planted(report: Callable[..., None]) -> None:
    corpus = make_duplicate_corpus(100_000, 2_000, 2_000)
    report_quality(report, "100,000", quality(corpus, planted_records(corpus)), "10")


def run(report: Callable[..., None]) -> None:
    _planted(report)
    os.environ.setdefault("FIELDREG_KDF_PROFILE", "minimum")
    directory = build_store()
    session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE)
    try:
        everyone = len(session.people.summaries())
        start = time.perf_counter()
        found = duplicates.likely_duplicates(session)
        elapsed = time.perf_counter() - start
    finally:
        session.lock()
    report(
        f"likely duplicates among everyone ({everyone:,} in the store)",
        elapsed,
        "≤ 10 s",
        elapsed <= 10,
        " s",
    )
    report("  pairs offered", len(found), "(synthetic data)", True)
