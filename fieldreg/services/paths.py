"""Where a store lives on disk. Every directory is 0700 and every file 0600.

A coordinator's store may keep its rows in PostgreSQL (`store_url`, docs/postgresql.md): the
folder then still holds what is this workstation's own (the key slot file, settings, logs,
quarantine, the log-end anchor), and `store.sqlite` is not used."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from fieldreg.services.portable import portable_root
from fieldreg.store.engine import is_postgresql_url, sqlite_url

__all__ = ["DataDir", "default_data_dir", "ensure_private_dir", "is_postgresql_url"]


def default_data_dir() -> Path:
    portable = portable_root()  # a `portable` file beside the executable: the stick's folder
    if portable is not None:
        return portable
    return Path(platformdirs.user_data_dir("fieldreg", appauthor=False, roaming=False))


def ensure_private_dir(path: Path) -> Path:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o700)
    return path


@dataclass(frozen=True, slots=True)
class DataDir:
    root: Path
    store_url: str | None = None  # PostgreSQL: the rows live there, not in `db`
    # The server's password typed in the desk for this run: memory only, never shown or saved.
    password: str | None = field(default=None, repr=False, compare=False)

    @property
    def db(self) -> Path:
        return self.root / "store.sqlite"

    @property
    def database_url(self) -> str:
        return self.store_url if self.store_url is not None else sqlite_url(self.db)

    @property
    def sqlite_file(self) -> Path | None:
        """The database file to back up before a migration; None on a server (pg_dump)."""
        return None if self.store_url is not None else self.db

    def has_database(self) -> bool:
        """A server is assumed there (opening it says if not); a file must exist."""
        return self.store_url is not None or self.db.is_file()

    @property
    def slots(self) -> Path:
        return self.root / "keyslots.json"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def quarantine(self) -> Path:
        return self.root / "quarantine"

    def exists(self) -> bool:
        return self.slots.exists() or self.db.exists() or self.store_url is not None

    def ensure(self) -> DataDir:
        ensure_private_dir(self.root)
        for sub in (self.backups, self.logs):
            ensure_private_dir(sub)
        return self
