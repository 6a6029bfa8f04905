"""Canary values for the erasure tests, and the two places they could survive: the bytes of every
file under a folder, and every sealed value of the store opened with its key."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from fieldreg.core.entities import Group
from fieldreg.crypto.sealing import FieldSealer
from fieldreg.services.session import Session
from fieldreg.store.summary_codec import decode_group

CANARY = {
    "family_name": "Шпаковська",
    "given_name": "Євдокія",
    "document_type": "passport",
    "document_number": "КМ493817",
}
CANARY_NOTE = "Євдокія чекає на сина у Вінниці"
CANARIES = [*(v for k, v in CANARY.items() if k != "document_type"), CANARY_NOTE]
ENCODINGS = ("utf-8", "utf-16-le")

# table -> (column holding the record id the sealing binds to, the sealed columns)
SEALED = {
    "people": ("id", ("summary", "details", "meta")),
    "events": ("event_id", ("body",)),
    "notes": ("event_id", ("body",)),
}


def leaks_in_files(*roots: Path) -> list[tuple[str, str, str]]:
    """(file, canary, encoding) for every canary found in a file under `roots`."""
    found = []
    for root in roots:
        for path in sorted(root.rglob("*")):
            if not path.is_file():
                continue
            data = path.read_bytes()
            for canary in CANARIES:
                for encoding in ENCODINGS:
                    if canary.encode(encoding) in data:
                        found.append((path.name, canary, encoding))
    return found


def leaks_in_sealed(session: Session) -> list[tuple[str, str]]:
    """(table, record id) of every sealed value that opens to something holding a canary."""
    sealer = FieldSealer(session.data_key)
    connection = sqlite3.connect(f"file:{session.data_dir.db}?mode=ro", uri=True)
    found = []
    try:
        for table, (key, columns) in SEALED.items():
            for row in connection.execute(f"SELECT {key}, {', '.join(columns)} FROM {table}"):
                for column, blob in zip(columns, row[1:], strict=True):
                    if blob is None:
                        continue
                    opened = _readable(table, column, sealer.open(table, row[0], column, blob))
                    if any(canary in opened for canary in CANARIES):
                        found.append((table, row[0]))
    finally:
        connection.close()
        sealer.wipe()
    return found


def _readable(table: str, column: str, plaintext: bytes) -> str:
    """A sealed value's content as text (JSON unescaped, a field group decoded)."""
    if table == "people" and column in {"summary", "details"}:
        return json.dumps(decode_group(Group(column), plaintext), ensure_ascii=False)
    return json.dumps(json.loads(plaintext), ensure_ascii=False)


def sealed_blobs(session: Session, person_id: str) -> list[bytes]:
    """The person's sealed values as stored now (groups, event and note bodies): after a purge
    none of these bytes may be left in any file (the key would open them)."""
    connection = sqlite3.connect(f"file:{session.data_dir.db}?mode=ro", uri=True)
    try:
        queries = (
            ("SELECT summary FROM people WHERE id = ?", person_id),
            ("SELECT details FROM people WHERE id = ?", person_id),
            ("SELECT body FROM events WHERE subject_id = ?", person_id),
            ("SELECT body FROM notes WHERE person_id = ?", person_id),
        )
        return [
            blob
            for sql, value in queries
            for (blob,) in connection.execute(sql, (value,))
            if blob is not None
        ]
    finally:
        connection.close()


def blobs_in_files(blobs: list[bytes], *roots: Path) -> list[str]:
    """Names of the files under `roots` that still hold one of `blobs` (its first 48 bytes:
    the nonce and the start of the ciphertext, unique to that value)."""
    found = []
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                if any(blob[:48] in data for blob in blobs):
                    found.append(path.name)
    return found
