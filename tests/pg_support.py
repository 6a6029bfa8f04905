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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy.engine import make_url

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


def _connect(url: str, database: str | None = None) -> psycopg.Connection[tuple[Any, ...]]:
    """A psycopg connection to the database `url` names (or to `database` on its server)."""
    parsed = make_url(url)
    return psycopg.connect(
        dbname=database or parsed.database,
        user=parsed.username or ROLE,
        host=str(parsed.query.get("host", parsed.host or "")),
        port=int(str(parsed.query.get("port", parsed.port or 5432))),
        autocommit=database is not None,
    )


def _admin_for(url: str) -> tuple[psycopg.Connection[tuple[Any, ...]], str]:
    """An autocommit connection to the server of `url` (its `postgres` database) and the name
    of the database `url` names."""
    name = make_url(url).database
    assert name is not None
    return _connect(url, "postgres"), name


def copy_database(url: str) -> str:
    """A new database copied from the one `url` names (nobody may have it open), as a URL."""
    admin, source = _admin_for(url)
    name = f"db_{secrets.token_hex(6)}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    admin, name = _admin_for(url)
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def table_rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of the store at `url`, each table's rows sorted."""
    with _connect(url) as connection:
        tables = [
            str(row[0])
            for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in tables
        }


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """One throwaway server for the whole run (a missing server skips: a failure under CI)."""
    bin_dir = server_bin()
    if bin_dir is None:
        pytest.skip(NO_SERVER)
    with running_cluster(bin_dir) as cluster:
        yield cluster


Query = Callable[[str, tuple[object, ...]], list[tuple[Any, ...]]]


@contextmanager
def pg_query(url: str) -> Iterator[Query]:
    """Run read-only queries (`%s` placeholders) on the store at `url`, outside fieldreg."""
    with _connect(url) as connection:
        yield lambda sql, params: connection.execute(sql, params).fetchall()  # type: ignore[arg-type]
