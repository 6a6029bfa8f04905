"""Where a store lives on disk. Every directory is 0700 and every file 0600."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from fieldreg.services.portable import portable_root


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

    @property
    def db(self) -> Path:
        return self.root / "store.sqlite"

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
        return self.slots.exists() or self.db.exists()

    def ensure(self) -> DataDir:
        ensure_private_dir(self.root)
        for sub in (self.backups, self.logs):
            ensure_private_dir(sub)
        return self
