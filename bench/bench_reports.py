"""Exports of 100,000 people to CSV, XLSX and PFIF 1.4, each beside the least any program must do
to write the same rows with the same tool: `csv.writer`, XlsxWriter's `write_row`, and XML text
joined with `xml.sax.saxutils.escape`.

Each export is measured through `exports.build_export`, from the unlocked people cache to the
file's bytes (the temporary file, fsync and rename are left out: they cost the same for any
writer). CSV and XLSX on bench_unlock's store. PFIF on a store of its own (`build_tracing_store`,
kept in bench/out/): 100,000 people who all consented to tracing, each with one to two status
changes, so the export reads and opens every person's status history as a real one does. Its
baseline reads the same events with plain sqlite3, opens each sealed body with AES-GCM (the same
key and associated data), parses the status changes' JSON and joins the same people and notes as
escaped XML text from rows already in memory."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import statistics
import struct
import time
from pathlib import Path
from xml.sax.saxutils import escape

import xlsxwriter
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bench.bench_unlock import BATCH, OUT, PASSPHRASE, PEOPLE, build_store, new_store
from bench.gauge import interleaved, timed
from bench.reporting import Reporter
from bench.synthetic import people
from fieldreg.crypto.encoding import length_prefixed
from fieldreg.services import exports, vault
from fieldreg.services.paths import DataDir
from fieldreg.store import summary_codec

ROUNDS = 3
COLUMNS = exports.DEFAULT_COLUMNS
# A new name for a new kind of store: bench_unlock's stays as it is (no one consented there).
TRACING_STORE = OUT / f"store-{PEOPLE}-tracing-summary-v{summary_codec.VERSION_2}"
DOMAIN = "bench.fieldreg.invalid"


def build_tracing_store() -> DataDir:
    """100,000 people registered in batches of 1,000 (the list import's path), every one
    consenting to tracing; then each one's status set through `set_status` as at the desk:
    everyone waiting in a hall, every third one departed afterwards on a bus."""
    directory = DataDir(TRACING_STORE)
    with new_store(directory, "B3") as session:
        if session is None:
            return directory
        ids: list[str] = []
        batch: list[dict[str, object]] = []
        for person in people(PEOPLE, seed=11):
            batch.append({**person, "consent_tracing": "yes"})
            if len(batch) == BATCH:
                ids += session.register_batch(batch)
                batch = []
        if batch:
            ids += session.register_batch(batch)
        for number, person_id in enumerate(ids):
            session.set_status(person_id, "waiting", location=f"Зала {number % 7 + 1}")
        for number, person_id in enumerate(ids[::3]):
            session.set_status(person_id, "departed", transport=f"Автобус {number % 40 + 1}")
    return directory


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


def _raw_status_history(db: Path, data_key: bytes, key_id: str) -> dict[str, list[dict[str, str]]]:
    """The same events as the export reads, with plain sqlite3: each sealed body opened with
    AES-GCM under the same associated data (fieldreg.crypto.sealing), the status changes'
    fields parsed with `json.loads`. No id is checked (the export checks every one)."""
    aead = AESGCM(data_key)
    head = length_prefixed(b"fieldreg/v1", b"events")
    tail = length_prefixed(b"body", bytes.fromhex(key_id))
    pack = struct.Struct(">I").pack
    found: dict[str, list[dict[str, str]]] = {}
    connection = sqlite3.connect(db)
    try:
        rows = connection.execute(
            "SELECT subject_id, event_id, body FROM events WHERE redacted IS 0"
            " ORDER BY subject_id, hlc, device_id"
        )
        for subject_id, event_id, sealed in rows:
            rid = event_id.encode()
            body = aead.decrypt(sealed[9:21], sealed[21:], head + pack(len(rid)) + rid + tail)
            if b'"type":"StatusChanged"' in body:
                fields = json.loads(body)["payload"]["fields"]
                found.setdefault(subject_id, []).append(fields)
    finally:
        connection.close()
    return found


def _pfif_baseline(
    rows: list[list[str]], ids: list[str], db: Path, data_key: bytes, key_id: str
) -> None:
    history = _raw_status_history(db, data_key, key_id)
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<pfif:pfif xmlns:pfif="x">\n']
    for person_id, row in zip(ids, rows, strict=True):
        parts.append("<pfif:person>")
        for name, value in zip(COLUMNS, row, strict=True):
            parts.append(f"<pfif:{name}>{escape(value)}</pfif:{name}>")
        for number, change in enumerate(history.get(person_id, []), start=1):
            parts.append(
                f"<pfif:note><pfif:note_record_id>{DOMAIN}/{person_id}.status.{number}"
                f"</pfif:note_record_id><pfif:text>{escape(str(change.get('status')))}"
                f"</pfif:text><pfif:last_known_location>"
                f"{escape(str(change.get('status_location') or ''))}"
                "</pfif:last_known_location></pfif:note>"
            )
        parts.append("</pfif:person>\n")
    parts.append("</pfif:pfif>\n")
    "".join(parts).encode("utf-8")


def _table_exports(report: Reporter) -> dict[str, tuple[list[float], list[float]]]:
    directory = build_store()
    session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE)
    try:
        start = time.perf_counter()
        records = exports.people_records(session, details=True)
        read_details = time.perf_counter() - start
        rows = _plain_rows(records)
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
    finally:
        session.lock()
    what = "  open every person's details (columns, consent)"
    report(what, read_details, "(information)", True, " s")
    return figures


def _pfif_export(report: Reporter) -> tuple[int, tuple[list[float], list[float]]]:
    directory = build_tracing_store()
    session = vault.open_session(directory, operator=None, passphrase=PASSPHRASE)
    try:
        records = exports.people_records(session, details=True)
        consenting = [r for r in records if exports.consented_to_tracing(r)]
        ids = [r.person_id for r in consenting]
        rows = _plain_rows(consenting)
        key, key_id = session.data_key, session._sealer.key_id
        request = exports.ExportRequest(format=exports.ExportFormat.PFIF, domain=DOMAIN)
        built = exports.build_export(session, request)  # once, to check what it holds
        notes = built.content.count(b"<pfif:note>")
        figure = interleaved(
            timed(lambda: exports.build_export(session, request)),
            timed(lambda: _pfif_baseline(rows, ids, directory.db, key, key_id)),
            ROUNDS,
        )
        start = time.perf_counter()
        exports.status_changes(session, ids)
        history = time.perf_counter() - start
    finally:
        session.lock()
    report("  PFIF: people who consented to tracing", len(ids), "(information)", True)
    report("  PFIF: status notes in the file", notes, "(information)", True)
    report("  PFIF: everyone's status history, one pass", history, "(information)", True, " s")
    return built.people, figure


def run(report: Reporter) -> None:
    os.environ.setdefault("FIELDREG_KDF_PROFILE", "minimum")
    figures = _table_exports(report)
    pfif_people, figures["PFIF"] = _pfif_export(report)
    targets = {"CSV": 3.0, "XLSX": 15.0, "PFIF": 10.0}
    baselines = {
        "CSV": "csv.writer, same rows",
        "XLSX": "XlsxWriter write_row, same rows",
        "PFIF": "raw events opened + escaped XML, same rows",
    }
    for name, (ours, theirs) in figures.items():
        value = statistics.median(ours)
        people_count = pfif_people if name == "PFIF" else PEOPLE
        what = f"export {people_count:,} people to {name}"
        if name == "PFIF":
            what += " (consenting, with status history)"
        report.compared(
            what,
            value,
            f"≤ {targets[name]:g} s",
            value <= targets[name],
            " s",
            baseline=statistics.median(theirs),
            baseline_name=baselines[name],
        )
