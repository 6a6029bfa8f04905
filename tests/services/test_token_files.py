"""Enrollment requests and answers on a stick: read only from a regular file, refused by size
without being cut short, and written whole or not at all."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from fieldreg.core.errors import FieldregError
from fieldreg.services.sync_desk import MAX_TOKEN_FILE, read_token_file, save_token_file

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
    folder = stick / "folder-named-like-the-file"
    folder.mkdir()
    with pytest.raises(FieldregError) as caught:
        save_token_file(folder, TOKEN)  # a rename cannot replace a folder
    assert caught.value.code == "sync.write_failed"
    assert sorted(p.name for p in stick.iterdir()) == ["answer.txt", folder.name]
    assert path.read_text(encoding="ascii") == TOKEN + "\n"


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_hanging(stick: Path) -> None:
    fifo = stick / "answer.txt"
    os.mkfifo(fifo)
    with pytest.raises(FieldregError) as caught:
        read_token_file(fifo)
    assert caught.value.code == "sync.not_a_file"


def test_a_link_is_not_followed(stick: Path) -> None:
    target = stick / "elsewhere.txt"
    target.write_text(TOKEN, encoding="ascii")
    link = stick / "answer.txt"
    link.symlink_to(target)
    with pytest.raises(FieldregError) as caught:
        read_token_file(link)
    assert caught.value.code == "sync.not_a_file"


def test_an_oversized_file_is_refused_not_cut_to_a_valid_looking_token(stick: Path) -> None:
    path = stick / "answer.txt"
    path.write_text(TOKEN + "A" * MAX_TOKEN_FILE, encoding="ascii")
    with pytest.raises(FieldregError) as caught:
        read_token_file(path)
    assert caught.value.code == "sync.token_too_large"
