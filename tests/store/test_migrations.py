"""Alembic is the only way a schema is made: up from empty to head and back down, the models and
the migrations agree, and a store from a newer build is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from fieldreg.core.errors import StoreError
from fieldreg.store import migrate
from fieldreg.store.engine import make_engine, sqlite_url
from fieldreg.store.schema import metadata


def test_upgrade_downgrade_and_models_agree(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "s.sqlite"))
    assert migrate.upgrade(engine, db_path=tmp_path / "s.sqlite", backup_dir=tmp_path / "b") is True
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
        diff = compare_metadata(
            MigrationContext.configure(connection, opts={"compare_type": True}), metadata
        )
        assert diff == []
        assert set(inspect(connection).get_table_names()) >= set(metadata.tables)
    assert (
        migrate.upgrade(engine, db_path=tmp_path / "s.sqlite", backup_dir=tmp_path / "b") is False
    )
    migrate.downgrade(engine, "base")
    with engine.connect() as connection:
        assert set(inspect(connection).get_table_names()) == {"alembic_version"}
    migrate.upgrade(engine, db_path=tmp_path / "s.sqlite", backup_dir=tmp_path / "b")
    engine.dispose()


def test_newer_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    engine = make_engine(sqlite_url(path))
    migrate.upgrade(engine, db_path=path, backup_dir=tmp_path / "b")
    engine.dispose()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = 'ffff_newer'")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    engine = make_engine(sqlite_url(path))
    with pytest.raises(StoreError) as caught:
        migrate.upgrade(engine, db_path=path, backup_dir=tmp_path / "b")
    engine.dispose()
    assert caught.value.code == "store.newer_schema"
    assert caught.value.params["revision"] == "ffff_newer"
    assert path.read_bytes() == before
    assert not (tmp_path / "b").exists() or not any((tmp_path / "b").iterdir())


def test_backup_is_a_consistent_private_copy(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    engine = make_engine(sqlite_url(path))
    migrate.upgrade(engine, db_path=path, backup_dir=tmp_path / "b")
    engine.dispose()
    copy = migrate.backup_sqlite(path, tmp_path / "b", "test")
    assert copy.stat().st_mode & 0o777 == 0o600
    connection = sqlite3.connect(copy)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
        migrate.head_revision(),
    )
    connection.close()


def test_old_store_is_backed_up_before_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store at an older revision is copied to backups/ before the upgrade runs."""
    path = tmp_path / "s.sqlite"
    engine = make_engine(sqlite_url(path))
    migrate.upgrade(engine, db_path=path, backup_dir=tmp_path / "b")
    store_revision = migrate.head_revision()
    # Pretend the build knows a newer head than the store has, so an upgrade is due.
    monkeypatch.setattr(migrate, "head_revision", lambda: "0002_pretend")
    ran: list[str] = []
    monkeypatch.setattr(migrate.command, "upgrade", lambda config, target: ran.append(target))
    assert migrate.upgrade(engine, db_path=path, backup_dir=tmp_path / "b") is True
    engine.dispose()
    assert ran == ["head"]
    backups = list((tmp_path / "b").iterdir())
    assert len(backups) == 1
    assert f"from-{store_revision}" in backups[0].name


def test_store_with_people_upgrades_from_0002_and_keeps_its_log(tmp_path: Path) -> None:
    """0003 rebuilds the event table: every event, person and the hash chain survive it."""
    from fieldreg.services import vault
    from fieldreg.services.paths import DataDir

    directory = DataDir(tmp_path / "store")
    passphrase = "upgrade test passphrase"
    vault.init_store(directory, point="Point", operator="Op", passphrase=passphrase, prefix="K7")
    session = vault.open_session(directory, operator=None, passphrase=passphrase)
    first = session.register({"family_name": "Шевчук", "given_name": "Олена", "dob": "1970"})
    second = session.register({"family_name": "Бойко", "given_name": "Іван", "dob": "1985"})
    session.add_note(first, "Brought by a neighbour")
    session.lock()
    engine = make_engine(sqlite_url(directory.db))
    migrate.downgrade(engine, "0002")
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == "0002"
        events_before = connection.exec_driver_sql(
            "SELECT device_id, seq, event_id, prev_id, hlc, subject_id, body FROM events"
        ).fetchall()
    engine.dispose()

    reopened = vault.open_session(directory, operator=None, passphrase=passphrase)
    try:
        assert reopened.verify().ok
        assert reopened.person(first).fields["given_name"] == "Олена"
        assert reopened.person(second).fields["family_name"] == "Бойко"
    finally:
        reopened.lock()
    engine = make_engine(sqlite_url(directory.db))
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision() == "0012"
        events_after = connection.exec_driver_sql(
            "SELECT device_id, seq, event_id, prev_id, hlc, subject_id, body FROM events"
        ).fetchall()
        unique = [
            c for c in inspect(connection).get_unique_constraints("events") if c["column_names"]
        ]
    engine.dispose()
    assert events_after == events_before
    assert len(events_after) >= 3
    assert unique == []
    assert list(directory.backups.iterdir())  # copied before the upgrade ran
