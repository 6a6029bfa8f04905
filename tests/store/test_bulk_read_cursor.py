"""engine.bulk_read_cursor, what unlock can read every person's summary with: on PostgreSQL a
server-side cursor whose rows arrive a batch at a time as bytes (the client never holds the whole
result), on SQLite the plain cursor; the same rows either way."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import text

from fieldreg.store.engine import BULK_READ_ROWS, bulk_read_cursor, make_engine, sqlite_url
from tests.pg_support import Cluster, pg_cluster

__all__ = ["pg_cluster"]

ROWS = BULK_READ_ROWS * 2 + 7  # three batches, the last one short


def _fill(url: str) -> list[tuple[str, bytes]]:
    rows = [(f"p{number:06d}", os.urandom(40)) for number in range(ROWS)]
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            blob = "BYTEA" if connection.dialect.name == "postgresql" else "BLOB"
            connection.execute(text(f"CREATE TABLE sealed (id TEXT PRIMARY KEY, value {blob})"))
            connection.execute(
                text("INSERT INTO sealed (id, value) VALUES (:id, :value)"),
                [{"id": i, "value": v} for i, v in rows],
            )
    finally:
        engine.dispose()
    return rows


def _read(url: str) -> tuple[list[tuple[str, bytes]], list[int], str]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")  # inside a transaction, as repo.reading()
            cursor = bulk_read_cursor(connection)
            try:
                cursor.execute("SELECT id, value FROM sealed ORDER BY id")
                found: list[tuple[str, bytes]] = []
                batches = []
                while batch := cursor.fetchmany(BULK_READ_ROWS):
                    batches.append(len(batch))
                    found += [(i, v) for i, v in batch]
            finally:
                cursor.close()
            return found, batches, type(cursor).__name__
    finally:
        engine.dispose()


def test_on_postgresql_the_rows_stream_from_a_server_side_cursor_as_bytes(
    pg_cluster: Cluster,
) -> None:
    url = pg_cluster.url(pg_cluster.create_database())
    rows = _fill(url)
    found, batches, kind = _read(url)
    assert kind == "ServerCursor"
    assert batches == [BULK_READ_ROWS, BULK_READ_ROWS, 7]
    assert all(type(value) is bytes for _id, value in found)
    assert found == rows


def test_on_sqlite_it_is_the_plain_cursor_with_the_same_rows(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "store.sqlite")
    rows = _fill(url)
    found, batches, kind = _read(url)
    assert kind == "Cursor"
    assert batches == [BULK_READ_ROWS, BULK_READ_ROWS, 7]
    assert found == rows
