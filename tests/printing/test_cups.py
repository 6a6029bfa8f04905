"""Printing through a real CUPS queue whose device is a file: the job arrives and the band is
issued; a stopped, rejecting or missing queue gives a clear error and marks nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from printing_support import PrivateCups, wait_for_job

from fieldreg.core.errors import FieldregError, NotFoundError
from fieldreg.services import bands
from fieldreg.services.session import Session
from tests.conftest import PASSPHRASE

FIELDREG = [sys.executable, "-m", "fieldreg"]


def test_raw_zpl_reaches_the_queue_and_the_band_is_issued(
    cups: PrivateCups, session: Session, family: list[str]
) -> None:
    household, head, child, third = family
    device = cups.add_queue("fr-zpl")
    result = bands.print_labels(session, [household], bands.PrinterQueue("fr-zpl"))
    assert result.job is not None
    assert result.job.startswith("fr-zpl-")
    data = wait_for_job(device, lambda data: data.count(b"^XZ") == 3).decode("utf-8")
    for person in (head, child, third):
        assert f"^FDMM,AFR1:{person}/1^FS" in data
        assert session.bands(person) == {f"{person}/1": True}
    assert "Ґаврило" in data


@pytest.mark.parametrize("trouble", ["stopped", "rejecting", "missing"])
def test_a_queue_that_cannot_print_marks_nothing(
    cups: PrivateCups, session: Session, family: list[str], trouble: str
) -> None:
    _, head, _, _ = family
    queue = f"fr-{trouble}"
    device = cups.add_queue(queue)
    if trouble == "stopped":
        cups.disable(queue)
    elif trouble == "rejecting":
        assert cups.run("cupsreject", queue).returncode == 0
    else:
        cups.remove_queue(queue)
    expected = NotFoundError if trouble == "missing" else FieldregError
    with pytest.raises(expected) as caught:
        bands.print_labels(session, [head], bands.PrinterQueue(queue))
    assert (
        caught.value.code
        == {
            "stopped": "print.queue_stopped",
            "rejecting": "print.queue_rejecting",
            "missing": "print.queue_missing",
        }[trouble]
    )
    assert caught.value.params == {"queue": queue}
    assert session.bands(head) == {}
    assert device.read_bytes() == b""  # nothing reached the printer


def test_a_queue_name_cannot_smuggle_options(session: Session, family: list[str]) -> None:
    _, head, _, _ = family
    for queue in ("-hprinter.example:631", "a b", "../x"):
        with pytest.raises(FieldregError) as caught:
            bands.print_labels(session, [head], bands.PrinterQueue(queue))
        assert caught.value.code == "print.queue_name"
    assert session.bands(head) == {}


@pytest.mark.usefixtures("qapp")
def test_system_printing_by_name_delivers_a_pdf(
    cups: PrivateCups, session: Session, family: list[str]
) -> None:
    _, head, _, _ = family
    device = cups.add_queue("fr-system")
    result = bands.print_labels(session, [head], bands.PrinterQueue("fr-system", system=True))
    assert result.bands == [f"{head}/1"]
    data = wait_for_job(device, lambda data: data.rstrip().endswith(b"%%EOF"))
    assert data.startswith(b"%PDF")
    cups.disable("fr-system")
    with pytest.raises(FieldregError) as caught:
        bands.print_labels(session, [head], bands.PrinterQueue("fr-system", system=True))
    assert caught.value.code == "print.queue_stopped"
    with pytest.raises(NotFoundError):
        bands.print_labels(session, [head], bands.PrinterQueue("fr-nowhere", system=True))
    assert session.bands(head) == {f"{head}/1": True}


def test_the_command_line_prints_to_a_queue(
    cups: PrivateCups, session: Session, family: list[str], data_dir: Path
) -> None:
    _, head, _, _ = family
    session.lock()
    device = cups.add_queue("fr-cli")

    def band_print(queue: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*FIELDREG, "band", "print", head, "--printer", queue, "--data-dir", str(data_dir)],
            env={**os.environ, "FIELDREG_PASSPHRASE": PASSPHRASE},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    done = band_print("fr-cli")
    assert done.returncode == 0, done.stderr
    assert "Print job: fr-cli-" in done.stdout
    assert f"FR1:{head}/1" in wait_for_job(device, lambda data: b"^XZ" in data).decode()
    missing = band_print("fr-absent")
    assert missing.returncode == 5
    assert missing.stderr == (
        "fieldreg: There is no printer queue named fr-absent. Nothing was printed.\n"
    )
