"""Fixtures for the sync tests: a coordinator store with three enrolled devices, made once per
run and copied for every test that imports into it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_support import Hub, Template, copy_store, create_coordinator, enroll_device, open_store


@pytest.fixture(scope="session")
def hub_template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    directory = create_coordinator(tmp_path_factory.mktemp("hub") / "store")
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
