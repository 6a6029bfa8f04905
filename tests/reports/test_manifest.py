"""The passenger manifest's rows, counts, warnings and versions, in the three languages: what the
handing-over party, the Red Cross and the receiving party read and sign."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from faker import Faker

from fieldreg.reports.manifest import (
    LANGUAGES,
    ManifestInput,
    ManifestPassenger,
    build_manifest,
    counts_lines,
    document_of,
    manifest_csv,
)

TODAY = dt.date(2026, 12, 2)
BUS = {
    "kind": "bus",
    "name": "Автобус 3",
    "route": "Харків — Ужгород",
    "border_crossing": "Ужгород — Вишнє Нємецьке",
    "departure": "2026-12-03 07:30",
    "receiving_party": "Slovak Red Cross",
}
CHANGED = dt.datetime(2026, 12, 2, 16, 45, tzinfo=dt.UTC)


def _people(count: int, seed: int = 14) -> list[dict[str, object]]:
    fake = Faker("uk_UA")
    fake.seed_instance(seed)
    return [
        {"family_name": fake.last_name(), "given_name": fake.first_name(), "sex": "female"}
        for _ in range(count)
    ]


def _input(passengers: list[ManifestPassenger], **more: object) -> ManifestInput:
    return ManifestInput(
        transport_id="K7-0003-W",
        transport=BUS,
        version=7,
        changed=CHANGED,
        passengers=passengers,
        **more,  # type: ignore[arg-type]
    )


def test_each_passenger_has_every_column_and_both_scripts() -> None:
    [mother, child] = _people(2)
    mother |= {
        "dob": "1985-04-03",
        "citizenship": "UA",
        "document_type": "паспорт",
        "document_number": "FA123456",
        "household_id": "K7-0005-M",
        "latin_family_name": "Test",
        "latin_given_name": "Mother",
        "wishes_evacuation": "yes",
    }
    child |= {"dob": "2019", "needs": ["unaccompanied_child"], "wishes_evacuation": "no"}
    rows = build_manifest(
        _input(
            [
                ManifestPassenger("K7-0004-R", mother, seat="12"),
                ManifestPassenger(
                    "K7-0006-G", child, seat="13", assistance=("wheelchair",), escort="K7-0004-R"
                ),
            ]
        ),
        language="en",
        today=TODAY,
    ).rows
    first, second = rows
    assert first.cyrillic == f"{mother['family_name']} {mother['given_name']}"
    assert first.latin == "Test Mother"  # as recorded
    assert second.latin.startswith("~")  # not recorded: romanised, and marked so
    assert second.latin[1:].isascii()
    # dates are day first, as the desk writes them in every language (12.03.1984)
    assert (first.sex, first.born, first.citizenship) == ("F", "03.04.1985 (41 y.)", "UA")
    assert (first.document, first.household, first.seat) == ("паспорт FA123456", "K7-0005-M", "12")
    assert second.born == "2019 (6 y.)"
    assert second.flags == "unaccompanied child, wheelchair"
    assert second.escort == f"K7-0004-R {first.cyrillic}"
    assert (first.wishes, second.wishes) == ("yes", "NO")


def test_counts_adults_children_unknown_ages_and_needs() -> None:
    people = _people(5)
    people[0]["dob"] = "1950"
    people[1]["dob"] = "2010-01-01"
    people[2]["dob"] = "~2018"
    people[3]["needs"] = ["medical"]
    passengers = [ManifestPassenger(f"K7-000{n}", p) for n, p in enumerate(people)]
    manifest = build_manifest(
        _input(passengers, elsewhere={}, households={}), language="en", today=TODAY
    )
    counts = manifest.counts
    assert (counts.total, counts.adults, counts.children, counts.age_unknown) == (5, 1, 2, 2)
    assert counts.with_needs == 1
    assert counts_lines(manifest) == [
        "Passengers: 5 (adults 1, children 2, age unknown 2); with needs: 1"
    ]


def test_a_household_split_across_transports_is_warned() -> None:
    [head, son, daughter] = _people(3)
    for person in (head, son, daughter):
        person["household_id"] = "K7-0009-A"
    manifest = build_manifest(
        _input(
            [ManifestPassenger("K7-0004-R", head)],
            households={"K7-0009-A": ["K7-0004-R", "K7-0006-G", "K7-0007-C"]},
            elsewhere={"K7-0006-G": ["Автобус 4"]},
        ),
        language="uk",
        today=TODAY,
    )
    [warning] = manifest.warnings
    assert "K7-0009-A" in warning
    assert "K7-0006-G, K7-0007-C" in warning
    assert "Автобус 4" in warning
    assert "не призначено" in warning  # the daughter is on no transport
    whole = build_manifest(
        _input(
            [ManifestPassenger("K7-0004-R", head), ManifestPassenger("K7-0006-G", son)],
            households={"K7-0009-A": ["K7-0004-R", "K7-0006-G"]},
        ),
        language="uk",
        today=TODAY,
    )
    assert whole.warnings == ()


def test_after_boarding_the_final_manifest_lists_boarded_and_no_shows() -> None:
    people = _people(3)
    passengers = [
        ManifestPassenger("K7-0004-R", people[0], boarded=True),
        ManifestPassenger("K7-0005-M", people[1], boarded=True),
        ManifestPassenger("K7-0006-G", people[2]),
    ]
    before = build_manifest(
        _input([ManifestPassenger(p.person_id, p.fields) for p in passengers]),
        language="ru",
        today=TODAY,
    )
    assert not before.final
    assert "boarded" not in document_of(before).header
    after = build_manifest(_input(passengers), language="ru", today=TODAY)
    assert after.final
    assert after.title.startswith("Окончательный список")
    assert [r.boarded for r in after.rows] == ["на борту", "на борту", "НЕЯВКА"]
    assert (after.counts.boarded, after.counts.no_shows) == (2, 1)
    assert document_of(after).highlight == (False, False, True)
    assert counts_lines(after)[1] == "Сели: 2; не явились: 1"


DEPARTURE = {"en": "Planned departure", "uk": "Запланований виїзд", "ru": "Плановое отправление"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_version_and_time_are_on_it_and_labels_are_translated(language: str) -> None:
    [person] = _people(1)
    manifest = build_manifest(
        _input([ManifestPassenger("K7-0004-R", person)]),
        language=language,  # type: ignore[arg-type]
        today=TODAY,
        zone=dt.UTC,
    )
    document = document_of(manifest)
    assert "7" in document.subtitle
    assert "02.12.2026 16:45" in document.subtitle
    assert dict(document.details)[DEPARTURE[language]] == "03.12.2026 07:30"
    expected = {"en": "Version", "uk": "Версія", "ru": "Версия"}[language]
    assert document.subtitle.startswith(expected)
    assert len(document.signatures) == 3
    names = {
        "en": "Neutral intermediary",
        "uk": "Нейтральний посередник",
        "ru": "Нейтральный посредник",
    }
    assert names[language] in document.signatures
    assert person["family_name"] in document.rows[0][2]  # names untranslated, both scripts


def test_the_csv_neutralises_formulas_and_carries_version() -> None:
    [person] = _people(1)
    person["document_number"] = "=HYPERLINK(1)"
    person["citizenship"] = "@SUM(A1)"
    content = manifest_csv(
        build_manifest(_input([ManifestPassenger("K7-0004-R", person)]), language="en", today=TODAY)
    )
    assert content.startswith(b"\xef\xbb\xbf")
    header, row = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    values = dict(zip(header, row, strict=True))
    assert values["Citizenship"] == "'@SUM(A1)"
    assert values["Identity document"] == "'=HYPERLINK(1)"
    assert values["version"] == "7"
    assert values["Transport"] == "K7-0003-W"


def test_on_paper_an_age_is_never_cut_from_its_parenthesis_in_the_csv_the_space_stays() -> None:
    [person] = _people(1)
    manifest = build_manifest(
        _input([ManifestPassenger("K7-0004-R", {**person, "dob": "1985-04-03"})]),
        language="uk",
        today=TODAY,
        zone=dt.UTC,
    )
    document = document_of(manifest)
    born = document.rows[0][list(document.header).index("Народж. / вік")]
    assert born == "03.04.1985 (41\u00a0р.)"  # may wrap after the date, never inside "(41 р.)"
    assert "03.04.1985 (41 р.)" in manifest_csv(manifest).decode("utf-8-sig")
