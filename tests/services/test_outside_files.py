"""Files from outside, as a stick brings them: bundles, household files, enrollment requests and
answers are read only from regular files (no link followed, no FIFO to hang on), refused by size
without being cut short; answers are written whole or not at all."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from fieldreg.core.errors import FieldregError, StoreError
from fieldreg.core.messages import describe
from fieldreg.services.exports import write_export
from fieldreg.services.household_file import read_members_file
from fieldreg.services.sync_access import read_untrusted
from fieldreg.services.sync_desk import MAX_TOKEN_FILE, read_token_file, save_token_file

# every reader of files from outside: bundles, household files, enrollment tokens
READERS = [read_untrusted, read_members_file, read_token_file]

TOKEN = "FRA1:" + "A" * 900


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def test_a_saved_answer_reads_back_and_replaces_the_old_one_whole(stick: Path) -> None:
    path = stick / "answer.txt"
    path.write_text("FRA1:" + "B" * 5000 + "\n", encoding="ascii")  # a longer, older answer
    save_token_file(path, TOKEN)
    assert read_token_file(path) == TOKEN + "\n"  # nothing of the old one is left behind
    assert [p.name for p in stick.iterdir()] == ["answer.txt"]  # no temporary file either
    if sys.platform != "win32":
        assert path.stat().st_mode & 0o777 == 0o600


def test_a_failed_save_leaves_the_old_answer_and_no_temporary_file(stick: Path) -> None:
    path = stick / "answer.txt"
    path.write_text(TOKEN + "\n", encoding="ascii")
    with pytest.raises(StoreError) as caught:
        save_token_file(stick / "gone" / "answer.txt", TOKEN)  # its folder was unplugged
    assert caught.value.code == "sync.write_failed"
    assert [p.name for p in stick.iterdir()] == ["answer.txt"]
    assert path.read_text(encoding="ascii") == TOKEN + "\n"


def _save_export(path: Path) -> None:
    write_export(path, b"id,family_name\n")


def _save_token(path: Path) -> None:
    save_token_file(path, TOKEN)


# every writer of a file a person names: exports, enrollment requests and answers
WRITERS = [_save_export, _save_token]


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
@pytest.mark.parametrize("write", WRITERS)
def test_a_link_in_the_way_is_refused_and_left_as_it_was(stick: Path, write: object) -> None:
    target = stick / "elsewhere.txt"
    target.write_text("someone else's file\n", encoding="ascii")
    link = stick / "out.csv"
    link.symlink_to(target)
    with pytest.raises(FieldregError) as caught:
        write(link)  # type: ignore[operator]
    assert caught.value.code == "sync.not_a_file"
    assert link.is_symlink()
    assert target.read_text(encoding="ascii") == "someone else's file\n"
    assert sorted(p.name for p in stick.iterdir()) == ["elsewhere.txt", "out.csv"]


@pytest.mark.parametrize("write", WRITERS)
def test_a_folder_in_the_way_is_refused(stick: Path, write: object) -> None:
    folder = stick / "out.csv"
    folder.mkdir()
    with pytest.raises(FieldregError) as caught:
        write(folder)  # type: ignore[operator]
    assert caught.value.code == "sync.not_a_file"
    assert folder.is_dir()


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
@pytest.mark.parametrize("read", READERS)
def test_a_fifo_is_refused_without_hanging(stick: Path, read: object) -> None:
    fifo = stick / "file"
    os.mkfifo(fifo)  # nobody writes to it: opening it for reading would block for ever
    with pytest.raises(FieldregError) as caught:
        read(fifo)  # type: ignore[operator]
    assert caught.value.code == "sync.not_a_file"


@pytest.mark.parametrize("read", READERS)
def test_a_link_is_not_followed(stick: Path, read: object) -> None:
    target = stick / "elsewhere"
    target.write_text(TOKEN, encoding="ascii")
    link = stick / "file"
    link.symlink_to(target)
    with pytest.raises(FieldregError) as caught:
        read(link)  # type: ignore[operator]
    assert caught.value.code == "sync.not_a_file"


@pytest.mark.parametrize("read", READERS)
def test_a_name_with_no_file_says_so_not_that_it_cannot_be_read(stick: Path, read: object) -> None:
    with pytest.raises(FieldregError) as caught:
        read(stick / "mistyped.bundle")  # type: ignore[operator]
    assert caught.value.code == "sync.no_such_file"
    assert describe(caught.value) == "There is no file by that name: check the name and the folder."


@pytest.mark.parametrize("read", READERS)
def test_a_file_that_cannot_be_opened_is_unreadable(
    stick: Path, read: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = stick / "locked.bundle"
    locked.write_text(TOKEN, encoding="ascii")

    def refused(path: object, flags: int, mode: int = 0o777) -> int:
        raise PermissionError(13, "Permission denied", str(path))  # as for another user's file

    monkeypatch.setattr(os, "open", refused)
    with pytest.raises(FieldregError) as caught:
        read(locked)  # type: ignore[operator]
    assert caught.value.code == "sync.unreadable_file"


@pytest.mark.parametrize("read", READERS)
def test_a_folder_is_refused(stick: Path, read: object) -> None:
    with pytest.raises(FieldregError) as caught:
        read(stick)  # type: ignore[operator]
    assert caught.value.code == "sync.not_a_file"


def test_an_oversized_file_is_refused_not_cut_to_a_valid_looking_token(stick: Path) -> None:
    path = stick / "answer.txt"
    path.write_text(TOKEN + "A" * MAX_TOKEN_FILE, encoding="ascii")
    with pytest.raises(FieldregError) as caught:
        read_token_file(path)
    assert caught.value.code == "sync.token_too_large"


@pytest.mark.parametrize(
    ("read", "code"), [(read_untrusted, "bundle.too_large"), (read_members_file, "json.too_large")]
)
def test_a_file_over_the_limit_is_refused_by_its_size_before_it_is_read(
    stick: Path, read: object, code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = stick / "huge"
    with path.open("wb") as handle:
        handle.truncate(8 * 1024**3)  # sparse: 8 GiB on a stick, no room taken here
    reads: list[int] = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    with pytest.raises(FieldregError) as caught:
        read(path)  # type: ignore[operator]
    assert caught.value.code == code
    assert reads == []  # not a byte read
