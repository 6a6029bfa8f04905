"""Fixtures for the sync tests: a coordinator store with three enrolled devices, made once per
run (per store backend) and copied for every test that imports into it.

`store_backend` is "sqlite" unless a module parametrizes it (`sync_support.PG_TOO`): the hostile,
convergence and crash modules run on a real PostgreSQL server as well, started once per run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_support import Hub, Template, copy_store, create_coordinator, enroll_device, open_store

from tests.pg_support import Cluster, drop_database, pg_cluster

__all__ = ["hub", "hub_template", "pg_cluster", "store_backend"]


@pytest.fixture(scope="session")
def store_backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def hub_template(
    store_backend: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Template:
    store_url = None
    if store_backend == "postgresql":
        cluster: Cluster = request.getfixturevalue("pg_cluster")
        store_url = cluster.url(cluster.create_database())
    directory = create_coordinator(tmp_path_factory.mktemp("hub") / "store", store_url)
    session = open_store(directory)
    try:
        devices = tuple(enroll_device(session, prefix) for prefix in ("K7", "M3", "P5"))
    finally:
        session.lock()
    return Template(directory, devices)


@pytest.fixture
def hub(hub_template: Template, tmp_path: Path) -> Iterator[Hub]:
    directory = copy_store(hub_template.directory, tmp_path / "hub")
    session = open_store(directory)
    yield Hub(directory, session, *hub_template.fresh_devices())
    if not session.locked:
        session.lock()
    if directory.store_url is not None:
        drop_database(directory.store_url)
