"""Exports of the store of 100,000 people (bench_unlock's) to CSV, XLSX and PFIF 1.4, each beside
the least any program must do to write the same rows already in memory with the same tool:
`csv.writer`, XlsxWriter's `write_row`, and XML text joined with `xml.sax.saxutils.escape`.

CSV and XLSX are measured through `exports.build_export`, from the unlocked people cache to the
file's bytes (the temporary file, fsync and rename are left out: they cost the same for any
writer). The benchmark store has no one who consented to tracing, so PFIF is measured from the
people records onwards (`pfif_person` + `document_bytes`, everyone taken as consenting, their
current status as one note); reading each consenting person's status history from the store is
shown apart, estimated from 1,000 people."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import statistics
import time
from xml.sax.saxutils import escape

import xlsxwriter

from bench.bench_unlock import PASSPHRASE, build_store
from bench.gauge import interleaved, timed
from bench.reporting import Reporter
from fieldreg.reports import pfif
from fieldreg.services import exports, vault
from fieldreg.services.sync_access import sync_repository

ROUNDS = 3
COLUMNS = exports.DEFAULT_COLUMNS
HISTORY_SAMPLE = 1000


def _plain_rows(records: list[exports.PersonRecord]) -> list[list[str]]:
    rows = []
    for record in records:
        fields = record.fields
        row = []
        for column in COLUMNS:
            if column == "id":
                value: object = record.person_id
            elif column == "point":
                value = record.point
            elif column == "registered":
                value = record.registered
            else:
                value = fields.get(column)
            row.append("; ".join(value) if isinstance(value, list) else str(value or ""))
        rows.append(row)
    return rows


def _csv_baseline(rows: list[list[str]]) -> None:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    out.getvalue().encode("utf-8")


def _xlsx_baseline(rows: list[list[str]]) -> None:
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, COLUMNS)
    for number, row in enumerate(rows, start=1):
        sheet.write_row(number, 0, row)
    workbook.close()


def _pfif_baseline(rows: list[list[str]]) -> None:
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<pfif:pfif xmlns:pfif="x">\n']
    for row in rows:
        parts.append("<pfif:person>")
        for name, value in zip(COLUMNS, row, strict=True):
            parts.append(f"<pfif:{name}>{escape(value)}</pfif:{name}>")
        parts.append("<pfif:note><pfif:text>Status</pfif:text></pfif:note></pfif:person>\n")
    parts.append("</pfif:pfif>\n")
    "".join(parts).encode("utf-8")


def _pfif_ours(records: list[exports.PersonRecord], now: dt.datetime) -> None:
    persons = (
        exports.pfif_person(
            record,
            [(record.registered or now, {"status": record.fields.get("status")})],
            domain="bench.fieldreg.invalid",
            author="Bench",
            now=now,
            expiry_days=exports.PFIF_EXPIRY_DAYS,
        )
        for record in records
    )
    pfif.document_bytes(persons)


def run(report: Reporter) -> None:
    os.environ.setdefault("FIELDREG_KDF_PROFILE", "minimum")
    directory = build_store()
    session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE)
    try:
        start = time.perf_counter()
        records = exports.people_records(session, details=True)
        read_details = time.perf_counter() - start
        rows = _plain_rows(records)
        people = len(records)
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        figures = {}
        for name, fmt, baseline in (
            ("CSV", exports.ExportFormat.CSV, _csv_baseline),
            ("XLSX", exports.ExportFormat.XLSX, _xlsx_baseline),
        ):
            request = exports.ExportRequest(format=fmt, columns=COLUMNS)
            figures[name] = interleaved(
                timed(lambda request=request: exports.build_export(session, request)),
                timed(lambda baseline=baseline: baseline(rows)),
                ROUNDS,
            )
        figures["PFIF"] = interleaved(
            timed(lambda: _pfif_ours(records, now)), timed(lambda: _pfif_baseline(rows)), ROUNDS
        )
        sample = [r.person_id for r in records[:: max(1, people // HISTORY_SAMPLE)]]
        start = time.perf_counter()
        exports.status_changes(session, sample)
        history = (time.perf_counter() - start) / len(sample)
        with sync_repository(session) as repo, repo.reading():
            pass  # the connection a real export opens, so its cost is not counted twice
    finally:
        session.lock()
    targets = {"CSV": 3.0, "XLSX": 15.0, "PFIF": 10.0}
    baselines = {
        "CSV": "csv.writer, same rows",
        "XLSX": "XlsxWriter write_row, same rows",
        "PFIF": "escaped XML text, same rows",
    }
    for name, (ours, theirs) in figures.items():
        value = statistics.median(ours)
        report.compared(
            f"export {people:,} people to {name}",
            value,
            f"≤ {targets[name]:g} s",
            value <= targets[name],
            " s",
            baseline=statistics.median(theirs),
            baseline_name=baselines[name],
        )
    report(
        "  open every person's details (columns, consent)",
        read_details,
        "(information)",
        True,
        " s",
    )
    report(
        "  PFIF: status history of every person, estimated",
        history * people,
        "(information)",
        True,
        " s",
    )
