"""A throwaway PostgreSQL cluster for the tests and the bench: Debian's server binaries, a data
directory in a temporary folder, a Unix socket only (no TCP port is opened), trust for the one
role, stopped and removed at the end. Databases are made from templates, so a test gets a copy
of a prepared store in milliseconds (as the SQLite tests copy a file)."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg

NO_SERVER = "PostgreSQL server binaries are not installed (apt-get install postgresql)"
ROLE = "fieldreg"


def server_bin() -> Path | None:
    """The newest installed server's bin directory, if `runuser` can start it as postgres."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    if not candidates or (os.geteuid() == 0 and shutil.which("runuser") is None):
        return None
    return candidates[0].parent


@dataclass(frozen=True)
class Cluster:
    socket_dir: Path
    port: int

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of `database`, as `fieldreg --store` takes it."""
        return f"postgresql://{ROLE}@/{database}?host={self.socket_dir}&port={self.port}"

    def _admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(
            dbname="postgres",
            user=ROLE,
            host=str(self.socket_dir),
            port=self.port,
            autocommit=True,
        )

    def create_database(self, template: str | None = None) -> str:
        """A new empty database (or a copy of `template`, which nobody may have open)."""
        name = f"db_{secrets.token_hex(6)}"
        with self._admin() as admin:
            if template is None:
                admin.execute(f'CREATE DATABASE "{name}"')
            else:
                admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop_database(self, name: str) -> None:
        with self._admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def running_cluster(bin_dir: Path, *, fsync: bool = True) -> Iterator[Cluster]:
    """Start a cluster; `fsync=False` only where durability is not what is measured."""
    root = Path(tempfile.mkdtemp(prefix="fieldreg-pg-"))
    root.chmod(0o755)  # the postgres user must reach its data dir inside
    data = root / "data"
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_postgres:
        shutil.chown(root, "postgres")
    port = 20000 + secrets.randbelow(20000)
    subprocess.run(
        [*as_postgres, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", ROLE],
        check=True,
        capture_output=True,
    )
    options = f"-c listen_addresses='' -c unix_socket_directories={root} -p {port}"
    if not fsync:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    subprocess.run(
        [
            *as_postgres,
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-w",
            "-l",
            str(root / "log"),
            "-o",
            options,
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield Cluster(root, port)
    finally:
        subprocess.run(
            [*as_postgres, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)
