"""`fieldreg digest`: a laptop and the coordinator that imported everything it exported print
the same digest (64 hex on stdout, a line explaining it on stderr, {"digest": ...} with --json);
one more event on either side changes it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.cli.inprocess import cli
from tests.conftest import PASSPHRASE

HEX64 = re.compile(r"[0-9a-f]{64}")


def ok(store: Path, *args: str) -> str:
    done = cli(store, *args)
    assert done.code == 0, done.err
    return done.out


@pytest.fixture
def stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A coordinator and an enrolled laptop that registered a family."""
    monkeypatch.setenv("FIELDREG_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("FIELDREG_NETWORK_PASSPHRASE", "network passphrase for the digest")
    hub, laptop = tmp_path / "hub", tmp_path / "laptop"
    created = json.loads(
        ok(hub, "network", "create", "--point", "Хаб", "--operator", "Coord", "--json")
    )
    ok(laptop, "init", "--point", "Школа 5", "--operator", "Olena")
    request, answer = tmp_path / "request.txt", tmp_path / "answer.txt"
    ok(laptop, "enroll", "request", "--out", str(request))
    ok(hub, "enroll", "approve", str(request), "--prefix", "K7", "--out", str(answer))
    ok(laptop, "enroll", "accept", str(answer), "--fingerprint", created["fingerprint"])
    ok(laptop, "register", "--family", "Мельник", "--given", "Іван", "--new-household")
    ok(laptop, "register", "--family", "Мельник", "--given", "Марія")
    return hub, laptop


def _sync(hub: Path, laptop: Path, stick: Path) -> None:
    stick.mkdir(exist_ok=True)
    for exported in json.loads(ok(laptop, "bundle", "export", "--out", str(stick), "--json")):
        ok(hub, "bundle", "import", exported["path"])


def test_two_stores_holding_the_same_events_print_the_same_digest(
    stores: tuple[Path, Path], tmp_path: Path
) -> None:
    hub, laptop = stores
    before = ok(hub, "digest").strip()
    _sync(hub, laptop, tmp_path / "stick")
    ours, theirs = cli(laptop, "digest"), cli(hub, "digest")
    assert ours.code == theirs.code == 0
    assert HEX64.fullmatch(ours.out.strip())
    assert ours.out == theirs.out
    assert ours.out.strip() != before
    assert "State digest" in ours.err
    assert ours.err.count("\n") == 1
    assert json.loads(ok(hub, "digest", "--json")) == {"digest": ours.out.strip()}


def test_one_more_event_changes_the_digest(stores: tuple[Path, Path], tmp_path: Path) -> None:
    hub, laptop = stores
    _sync(hub, laptop, tmp_path / "stick")
    ok(laptop, "register", "--family", "Коваль", "--given", "Петро")
    assert ok(laptop, "digest") != ok(hub, "digest")
    _sync(hub, laptop, tmp_path / "stick")
    assert ok(laptop, "digest") == ok(hub, "digest")


def test_a_wrong_passphrase_prints_no_digest(
    stores: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, _ = stores
    monkeypatch.setenv("FIELDREG_PASSPHRASE", "not the passphrase")
    done = cli(hub, "digest")
    assert done.code == 4
    assert done.out == ""
    assert not HEX64.search(done.err)


def test_no_store_is_exit_6(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDREG_PASSPHRASE", PASSPHRASE)
    done = cli(tmp_path / "nowhere", "digest")
    assert done.code == 6
    assert done.out == ""
