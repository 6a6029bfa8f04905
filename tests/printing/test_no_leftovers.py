"""Printing leaves nothing personal behind: after bands and tags went to a PDF file, a preview,
a raw ZPL queue and a system printer, neither the temp directory nor the data directory (nor the
spooler's own spool) holds a name, in UTF-8 or UTF-16, or any PDF or ZPL document at all. Only
the PDF the user asked for, and the printer's output, hold them."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from printing_support import PrivateCups, wait_for_job

from fieldreg.services import bands, vault
from fieldreg.services.paths import DataDir
from tests.conftest import PASSPHRASE, TODAY

PEOPLE = [
    {"family_name": "Заболотнянська", "given_name": "Євдокія", "dob": "1947-09-17"},
    {"family_name": "Quellmalzovich", "given_name": "Bartholomew", "dob": "1962"},
]
FIELDREG = [sys.executable, "-m", "fieldreg"]
NAMES = ["Заболотнянська", "Євдокія", "Yevdokiia", "Quellmalzovich", "Bartholomew"]


def _encodings(secret: str) -> Iterator[bytes]:
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        yield secret.encode(encoding)


def _files(*roots: Path) -> list[Path]:
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]


@pytest.mark.usefixtures("qapp")
def test_printing_leaves_no_names_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cups: PrivateCups
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    directory = DataDir(tmp_path / "store")
    vault.init_store(directory, point="Школа", operator="Olena", passphrase=PASSPHRASE)
    session = vault.open_session(
        directory, operator=None, passphrase=PASSPHRASE, today=lambda: TODAY
    )
    people = session.register_batch(PEOPLE, new_household=True)
    bands.save_print_settings(
        directory,
        bands.load_print_settings(directory).changed(shown=["given_name", "latin_given_name"]),
    )
    wanted = tmp_path / "wanted"
    wanted.mkdir()
    raw = cups.add_queue("fr-leftovers-raw")
    system = cups.add_queue("fr-leftovers-system")

    bands.print_labels(session, people, bands.PdfFile(wanted / "bands.pdf"))
    bands.print_labels(session, people, bands.PdfFile(wanted / "tags.pdf"), stock_name="tags-a4")
    with bands.preview_pdf(session, people) as preview:
        assert preview.is_relative_to(temp)
    bands.print_labels(session, people, bands.PrinterQueue("fr-leftovers-raw"))
    bands.print_labels(session, people, bands.PrinterQueue("fr-leftovers-system", system=True))
    wait_for_job(raw, lambda data: data.count(b"^XZ") == 2)
    wait_for_job(system, lambda data: data.rstrip().endswith(b"%%EOF"))
    session.lock()
    # and the command line, in its own process, with the same temp directory
    data = ["--data-dir", str(directory.root)]
    done = subprocess.run(
        [*FIELDREG, "band", "print", people[0], "--pdf", str(wanted / "cli.pdf"), *data],
        env={**os.environ, "FIELDREG_PASSPHRASE": PASSPHRASE, "TMPDIR": str(temp)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Євдокія".encode() in raw.read_bytes()  # the names did go to the printer

    files = _files(directory.root, temp, cups.base / "spool")
    assert any(p.name == "store.sqlite" for p in files)
    leaks = [
        (path.name, name)
        for path in files
        for name in NAMES
        for needle in _encodings(name)
        if needle in path.read_bytes()
    ]
    assert leaks == []
    documents = [p.name for p in files if p.read_bytes()[:4] in (b"%PDF", b"^XA\n")]
    assert documents == []
    assert sorted(p.name for p in wanted.iterdir()) == ["bands.pdf", "cli.pdf", "tags.pdf"]
