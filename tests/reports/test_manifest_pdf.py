"""The manifest PDF in English, Ukrainian and Russian, made through the services as the desk and
the CLI make it: read back with poppler (pdftotext), rendered (pdftoppm), every passenger on it
in both scripts, the counts, the signature blocks, and the file written privately (0600) and
opened by `age` when encrypted."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from faker import Faker

from fieldreg.services import exports
from fieldreg.services.manifest_files import (
    ManifestFormat,
    build_manifest_file,
    write_manifest,
)

# The desk's QApplication, made before any renderer can make a bare QGuiApplication (which the
# desk's tests, later in the same run, could not replace).
pytestmark = pytest.mark.usefixtures("qapp")

BUS = {
    "kind": "bus",
    "name": "Автобус 3",
    "route": "Харків — Ужгород",
    "border_crossing": "Ужгород — Вишнє Нємецьке",
    "departure": "2026-12-03 07:30",
    "receiving_party": "Slovak Red Cross",
}
WORDS = {
    "en": ("Passenger manifest", "Neutral intermediary", "Receiving party", "Seat"),
    "uk": ("Список пасажирів", "Нейтральний посередник", "Приймальна сторона", "Місце"),
    "ru": ("Список пассажиров", "Нейтральный посредник", "Принимающая сторона", "Место"),
}


def _tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} (poppler-utils) is needed"
    return found


def _text(pdf: Path) -> str:
    run = subprocess.run(
        [_tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, check=True
    )
    return run.stdout.decode("utf-8")


@pytest.fixture
def bus(session: Any) -> tuple[str, list[str]]:
    fake = Faker("uk_UA")
    fake.seed_instance(62)
    transports = session.transports()
    bus = transports.plan(BUS)
    people = [
        session.register(
            {"family_name": fake.last_name(), "given_name": fake.first_name(), "dob": "1970"}
        )
        for _ in range(30)
    ]
    transports.assign(bus, people, {p: str(n) for n, p in enumerate(people, start=1)})
    return bus, people


@pytest.mark.parametrize("language", ["en", "uk", "ru"])
def test_the_manifest_pdf_reads_back_in_each_language(
    session: Any, bus: tuple[str, list[str]], tmp_path: Path, language: str
) -> None:
    transport, people = bus
    built = build_manifest_file(session, transport, ManifestFormat.PDF, language=language)  # type: ignore[arg-type]
    assert built.content.startswith(b"%PDF")
    assert built.people == 30
    pdf = tmp_path / f"manifest-{language}.pdf"
    write_manifest(pdf, built.content)
    assert pdf.stat().st_mode & 0o777 == 0o600
    text = _text(pdf)
    for word in WORDS[language]:
        assert word in text
    flat = " ".join(text.split())
    for person_id in people:
        view = session.person(person_id).fields
        assert person_id in flat
        assert view["family_name"] in flat  # Cyrillic
        assert view["latin_family_name"] in flat  # and Latin
    assert "30" in flat
    subprocess.run(
        [
            _tool("pdftoppm"),
            "-r",
            "40",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(pdf),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    [page] = tmp_path.glob("p-*.png")
    assert page.stat().st_size > 5000  # drawn, not blank


def test_an_encrypted_manifest_opens_with_the_age_tool(
    session: Any, bus: tuple[str, list[str]], tmp_path: Path
) -> None:
    transport, people = bus
    identity = tmp_path / "key.txt"
    subprocess.run([_tool("age-keygen"), "-o", str(identity)], check=True, capture_output=True)
    recipient = subprocess.run(
        [_tool("age-keygen"), "-y", str(identity)], check=True, capture_output=True, text=True
    ).stdout.strip()
    built = build_manifest_file(
        session,
        transport,
        ManifestFormat.PDF,
        language="uk",
        encryption=exports.Encryption(recipients=(recipient,)),
    )
    assert built.encrypted
    target = tmp_path / "manifest.pdf.age"
    write_manifest(target, built.content)
    assert people[0].encode() not in target.read_bytes()
    opened = tmp_path / "opened.pdf"
    subprocess.run(
        [_tool("age"), "-d", "-i", str(identity), "-o", str(opened), str(target)], check=True
    )
    assert people[0] in " ".join(_text(opened).split())
