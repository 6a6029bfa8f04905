"""Schema migrations: Alembic only, a backup before any upgrade, and refusal of a newer schema."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from fieldreg.core.errors import StoreError
from fieldreg.store.engine import ENVIRONMENT_ERRORS, create_private_file, make_engine, store_error


def migrations_dir() -> Path:
    """Inside an installed or frozen build the scripts ship as `fieldreg/_migrations`; in a
    source checkout they are the top-level `migrations/`."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_migrations", package.parent / "migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise RuntimeError("fieldreg migration scripts are missing from this build")


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def check_not_newer(connection: Connection) -> str | None:
    current = current_revision(connection)
    if current is not None and current not in known_revisions():
        raise StoreError("store.newer_schema", revision=current)
    return current


def backup_sqlite(db_path: Path, backup_dir: Path, label: str) -> Path:
    """Copy the database with SQLite's online backup (consistent even with a WAL), mode 0600."""
    backup_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"store-{label}-{stamp}.sqlite"
    create_private_file(target)
    source = sqlite3.connect(db_path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def upgrade(engine: Engine, *, db_path: Path | None, backup_dir: Path | None) -> bool:
    """Bring the schema to head. Returns True if anything ran. Refuses a newer schema; backs
    up an existing SQLite store first."""
    with engine.connect() as connection:
        current = check_not_newer(connection)
        connection.rollback()
    head = head_revision()
    if current == head:
        return False
    if current is not None and db_path is not None and backup_dir is not None:
        backup_sqlite(db_path, backup_dir, f"before-{head}-from-{current}")
    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")
    return True


def downgrade(engine: Engine, target: str) -> None:
    with engine.begin() as connection:
        command.downgrade(_config(connection), target)


def is_initialised(url: str, *, password: str | None = None) -> bool:
    """Whether the database at `url` holds a store (any schema revision): an empty server
    database is never migrated into one by merely opening it."""
    engine = make_engine(url, password=password)
    try:
        with engine.connect() as connection:
            return current_revision(connection) is not None
    except ENVIRONMENT_ERRORS as exc:
        raise store_error(exc) from exc
    finally:
        engine.dispose()
