"""Special files a USB stick may carry, handed to `fieldreg bundle import` (issue 11 §6): a link
to /dev/zero, a FIFO, a folder, a 200 MB sparse file and a name holding terminal escapes and
bytes that are not UTF-8. Each is refused quickly, with the store unchanged, the peak memory
grown by less than 100 MB, the name printed escaped and `--json` valid UTF-8."""

from __future__ import annotations

import base64
import datetime as dt
import errno
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sync_support import Hub, Template, copy_store, snapshot

from fieldreg.core.errors import FieldregError
from fieldreg.services import sync_service as sync
from fieldreg.services.outside_files import open_outside_file, read_outside_file
from fieldreg.services.paths import DataDir
from fieldreg.sync import bundle_format, quarantine
from tests.conftest import PASSPHRASE

WORKER = Path(__file__).with_name("hostile_files_worker.py")
CASES = ("link", "fifo", "directory", "sparse", "name", "name-json")
MAX_GROWTH_MIB = 100
MAX_SECONDS = 20


@pytest.fixture(scope="module")
def runs(
    hub_template: Template, tmp_path_factory: pytest.TempPathFactory
) -> tuple[DataDir, dict[str, dict[str, Any]], str, str]:
    root = tmp_path_factory.mktemp("hostile")
    store = copy_store(hub_template.directory, root / "hub")
    stick = root / "stick"
    stick.mkdir()
    before = snapshot(store)
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "FIELDREG_PASSPHRASE": PASSPHRASE,
        "FIELDREG_KDF_PROFILE": "minimum",
    }
    done = subprocess.run(
        [sys.executable, str(WORKER), str(store.root), str(stick), *CASES],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,  # a FIFO that blocks the import would hang here and fail the test
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results = {line["case"]: line for line in map(json.loads, done.stdout.splitlines())}
    return store, results, before, snapshot(store)


@pytest.mark.parametrize("case", CASES)
def test_a_special_file_is_refused_quickly_in_bounded_memory_with_one_sentence(
    runs: tuple[DataDir, dict[str, dict[str, Any]], str, str], case: str
) -> None:
    _, results, _, _ = runs
    result = results[case]
    stderr = base64.b64decode(result["stderr"]).decode("utf-8")
    stdout = base64.b64decode(result["stdout"])
    assert result["code"] == 3, (stdout, stderr)
    assert "Traceback" not in stderr
    assert result["seconds"] < MAX_SECONDS
    assert result["growth_mib"] < MAX_GROWTH_MIB, result["growth_mib"]
    text = stdout.decode("utf-8")  # valid UTF-8 whatever the file was called
    assert "\x1b" not in text
    assert "\x07" not in text
    assert "rejected" in text


def test_the_store_is_unchanged(runs: tuple[DataDir, dict[str, dict[str, Any]], str, str]) -> None:
    _, _, before, after = runs
    assert after == before


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("link", "This is not a file (a link, a folder or a device)"),
        ("fifo", "This is not a file (a link, a folder or a device)"),
        ("directory", "This is not a file (a link, a folder or a device)"),
        ("sparse", "The file is too large to be a bundle"),
    ],
)
def test_each_is_refused_for_what_it_is(
    runs: tuple[DataDir, dict[str, dict[str, Any]], str, str], case: str, words: str
) -> None:
    _, results, _, _ = runs
    assert words in base64.b64decode(results[case]["stdout"]).decode("utf-8")


def test_links_fifos_and_folders_stay_where_they_were_and_a_large_file_goes_to_quarantine(
    runs: tuple[DataDir, dict[str, dict[str, Any]], str, str],
) -> None:
    store, results, _, _ = runs
    assert results["link"]["left_in_place"]
    assert results["fifo"]["left_in_place"]
    assert results["directory"]["left_in_place"]
    assert not results["sparse"]["left_in_place"]
    sizes = sorted(entry.path.stat().st_size for entry in quarantine.entries(store.quarantine))
    assert 200 * 1024 * 1024 in sizes


def test_a_hostile_name_is_printed_escaped(
    runs: tuple[DataDir, dict[str, dict[str, Any]], str, str],
) -> None:
    _, results, _, _ = runs
    text = base64.b64decode(results["name"]["stdout"]).decode("utf-8")
    assert text.startswith("\\x1b]0;owned\\x07\\x1b[31mred\\xff\\xfe.bundle: rejected: ")


def test_json_output_stays_valid_utf8_for_a_hostile_name(
    runs: tuple[DataDir, dict[str, dict[str, Any]], str, str],
) -> None:
    _, results, _, _ = runs
    [row] = json.loads(base64.b64decode(results["name-json"]["stdout"]).decode("utf-8"))
    assert row["file"].endswith("/\\x1b]0;owned\\x07\\x1b[31mred\\xff\\xfe.bundle")
    assert row["code"] == "bundle.bad_magic"
    assert row["quarantined"].endswith(".bundle")


# --- the readers themselves -------------------------------------------------------------------


def test_a_file_over_the_limit_is_refused_before_a_byte_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.bundle"
    with path.open("wb") as handle:
        handle.truncate(10 * 1024 * 1024)
    too_large = FieldregError("bundle.too_large", max=1024)
    with pytest.raises(FieldregError) as caught:
        read_outside_file(path, 1024, too_large)
    assert caught.value is too_large
    assert len(read_outside_file(path, 1024)) == 1025  # without one: the caller's parser says


def test_quarantine_hashes_and_copies_from_the_open_file_not_the_path(tmp_path: Path) -> None:
    """A file swapped after it was opened: quarantine keeps what was opened and leaves the
    stranger where it was."""
    source = tmp_path / "in.bundle"
    source.write_bytes(b"what was opened")
    folder = tmp_path / "quarantine"
    with open_outside_file(source) as opened:
        source.rename(tmp_path / "elsewhere.bundle")
        source.write_bytes(b"a stranger put there meanwhile")
        now = dt.datetime(2026, 12, 2, tzinfo=dt.UTC)
        kept = quarantine.quarantine_file(
            folder, source, opened.fd, FieldregError("bundle.bad_magic"), now
        )
    assert kept.path.read_bytes() == b"what was opened"
    assert source.read_bytes() == b"a stranger put there meanwhile"
    assert kept.source_kept


# --- a file over the size limit is never read, not even to be quarantined ----------------------


def _sparse_over_the_limit(path: Path) -> Path:
    with path.open("wb") as handle:
        handle.truncate(bundle_format.MAX_FILE_BYTES + 1)
    return path


def _bytes_read_from(path: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every os.read of the file now at `path` (by its inode, wherever it is moved) is counted."""
    inode = path.stat().st_ino
    counted: list[int] = []
    real_read = os.read

    def read(fd: int, size: int) -> bytes:
        data = real_read(fd, size)
        if os.fstat(fd).st_ino == inode:
            counted.append(len(data))
        return data

    monkeypatch.setattr(os, "read", read)
    return counted


def test_a_file_over_the_limit_is_moved_to_quarantine_without_a_byte_read(
    hub: Hub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = _sparse_over_the_limit(tmp_path / "big.bundle")
    counted = _bytes_read_from(big, monkeypatch)
    [outcome] = sync.import_bundles(hub.session, [big])
    assert outcome.error is not None
    assert outcome.error.code == "bundle.too_large"
    assert outcome.rejected is not None
    assert not big.exists()
    assert outcome.rejected.path.stat().st_size == bundle_format.MAX_FILE_BYTES + 1
    assert sum(counted) == 0  # neither hashed nor copied
    [entry] = quarantine.entries(hub.directory.quarantine)
    assert (entry.code, entry.sha256) == ("bundle.too_large", "")


def test_a_file_over_the_limit_on_a_stick_stays_there_uncopied(
    hub: Hub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On another file system the file cannot be renamed into quarantine; copying it would
    read all of it from the stick and could fill the coordinator's disk: it stays."""
    big = _sparse_over_the_limit(tmp_path / "big.bundle")
    before = snapshot(hub.directory)
    counted = _bytes_read_from(big, monkeypatch)
    real_rename = Path.rename

    def rename(self: Path, target: Path) -> Path:
        if self == big:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    [outcome] = sync.import_bundles(hub.session, [big])
    assert outcome.error is not None
    assert outcome.error.code == "bundle.too_large"
    assert outcome.rejected is None
    assert big.stat().st_size == bundle_format.MAX_FILE_BYTES + 1
    assert sum(counted) == 0
    assert quarantine.entries(hub.directory.quarantine) == []
    assert not hub.directory.quarantine.exists() or not any(hub.directory.quarantine.iterdir())
    assert snapshot(hub.directory) == before
