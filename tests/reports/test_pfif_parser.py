"""PFIF 1.4 lists from outside: a well-formed sample's shape is read into typed values, and every
hostile or broken document is refused with its own error, returning nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldreg.core.errors import FieldregError
from fieldreg.reports import pfif

NS = "http://zesty.ca/pfif/1.4"


def sample(persons: str = "", notes: str = "", declaration: str = "") -> bytes:
    """A document of the shape the PFIF 1.4 specification shows: persons with nested notes,
    and notes at the top level naming their person."""
    body = persons or (
        "<pfif:person>"
        "<pfif:person_record_id>registry.example.org/p.1</pfif:person_record_id>"
        "<pfif:entry_date>2026-11-20T10:00:00Z</pfif:entry_date>"
        "<pfif:expiry_date>2027-11-20T10:00:00Z</pfif:expiry_date>"
        "<pfif:author_name>Family tracing desk</pfif:author_name>"
        "<pfif:source_name>registry.example.org</pfif:source_name>"
        "<pfif:source_date>2026-11-19T08:30:00Z</pfif:source_date>"
        "<pfif:full_name>Коваленко Марія Іванівна</pfif:full_name>"
        "<pfif:given_name>Марія</pfif:given_name>"
        "<pfif:family_name>Коваленко</pfif:family_name>"
        "<pfif:alternate_names>Mariia Kovalenko</pfif:alternate_names>"
        "<pfif:sex>female</pfif:sex>"
        "<pfif:date_of_birth>1961-04</pfif:date_of_birth>"
        "<pfif:age>60-70</pfif:age>"
        "<pfif:home_city>Маріуполь</pfif:home_city>"
        "<pfif:home_country>UA</pfif:home_country>"
        "<pfif:note>"
        "<pfif:note_record_id>registry.example.org/n.1</pfif:note_record_id>"
        "<pfif:author_name>A neighbour</pfif:author_name>"
        "<pfif:source_date>2026-11-19T09:00:00Z</pfif:source_date>"
        "<pfif:status>information_sought</pfif:status>"
        "<pfif:author_made_contact>false</pfif:author_made_contact>"
        "<pfif:text>Last seen near the theatre.</pfif:text>"
        "</pfif:note>"
        "</pfif:person>"
    )
    return (
        declaration + '<?xml version="1.0" encoding="UTF-8"?>'
        f'<pfif:pfif xmlns:pfif="{NS}">{body}{notes}</pfif:pfif>'
    ).encode()


def refused(untrusted: bytes) -> str:
    with pytest.raises(FieldregError) as caught:
        pfif.parse_document(untrusted)
    return caught.value.code


def test_the_samples_shape_is_read_into_typed_values() -> None:
    loose = (
        "<pfif:note>"
        "<pfif:note_record_id>other.example.net/n.9</pfif:note_record_id>"
        "<pfif:person_record_id>registry.example.org/p.1</pfif:person_record_id>"
        "<pfif:author_name>Red Cross</pfif:author_name>"
        "<pfif:source_date>2026-11-21T12:00:00Z</pfif:source_date>"
        "<pfif:text>Asked for by her son.</pfif:text>"
        "</pfif:note>"
    )
    [person] = pfif.parse_document(sample(notes=loose))
    assert person.person_record_id == "registry.example.org/p.1"
    assert person.full_name == "Коваленко Марія Іванівна"
    assert person.sex == "female"
    assert person.date_of_birth == "1961-04"
    assert person.age == "60-70"
    assert person.home_country == "UA"
    assert person.source_date == dt.datetime(2026, 11, 19, 8, 30, tzinfo=dt.UTC)
    assert [n.note_record_id for n in person.notes] == [
        "registry.example.org/n.1",
        "other.example.net/n.9",
    ]
    assert person.notes[0].status == "information_sought"
    assert person.notes[0].author_made_contact is False


def test_a_utf8_byte_order_mark_is_read_cleanly() -> None:
    [person] = pfif.parse_document(b"\xef\xbb\xbf" + sample())
    assert person.family_name == "Коваленко"


@pytest.mark.parametrize(
    "untrusted",
    [
        sample().decode().replace("UTF-8", "windows-1251").encode("cp1251"),
        "\ufeff".encode("utf-16-le") + sample().decode().encode("utf-16-le"),
        sample().replace("Марія".encode(), "Марія".encode()[:-1] + b"\xff"),
    ],
    ids=["declared-cp1251", "utf16-bom", "invalid-utf8"],
)
def test_a_document_in_another_encoding_is_refused(untrusted: bytes) -> None:
    assert refused(untrusted) == "pfif.encoding"


def test_an_external_entity_is_refused_before_it_is_read() -> None:
    hostile = (
        b'<?xml version="1.0"?><!DOCTYPE pfif [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"><pfif:person>'
        b"<pfif:full_name>&x;</pfif:full_name></pfif:person></pfif:pfif>"
    )
    assert refused(hostile) == "pfif.unsafe_xml"


def test_a_billion_laughs_is_refused_without_expanding() -> None:
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    hostile = (
        f'<?xml version="1.0"?><!DOCTYPE pfif [{entities}]>'
        f'<pfif:pfif xmlns:pfif="{NS}"><pfif:person><pfif:full_name>&a9;</pfif:full_name>'
        "</pfif:person></pfif:pfif>"
    ).encode()
    assert refused(hostile) == "pfif.unsafe_xml"


def test_a_file_over_the_limit_is_refused_unparsed() -> None:
    assert refused(b" " * (pfif.MAX_BYTES + 1)) == "pfif.too_large"


def test_two_persons_with_one_record_id_are_refused() -> None:
    one = sample().decode()
    person = one[one.index("<pfif:person>") : one.index("</pfif:person>") + len("</pfif:person>")]
    twice = person + person.replace("n.1<", "n.2<")
    assert refused(sample(persons=twice)) == "pfif.duplicate_id"


def test_two_notes_with_one_record_id_are_refused() -> None:
    again = (
        "<pfif:note><pfif:note_record_id>registry.example.org/n.1</pfif:note_record_id>"
        "<pfif:person_record_id>registry.example.org/p.1</pfif:person_record_id>"
        "<pfif:author_name>x</pfif:author_name>"
        "<pfif:source_date>2026-11-21T12:00:00Z</pfif:source_date>"
        "<pfif:text>again</pfif:text></pfif:note>"
    )
    assert refused(sample(notes=again)) == "pfif.duplicate_id"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (("<pfif:full_name>Коваленко Марія Іванівна</pfif:full_name>", ""), "pfif.missing_field"),
        (("registry.example.org/p.1", "no-slash-here"), "pfif.bad_record_id"),
        (("2026-11-19T08:30:00Z", "19.11.2026"), "pfif.bad_date"),
        (("<pfif:sex>female</pfif:sex>", "<pfif:sex>f</pfif:sex>"), "pfif.bad_value"),
        (("1961-04<", "1961-13<"), "pfif.bad_value"),
        (("60-70", "70-60"), "pfif.bad_value"),
        (("<pfif:home_country>UA", "<pfif:home_country>Ukraine"), "pfif.bad_value"),
        (("information_sought", "found"), "pfif.bad_value"),
        (("<pfif:age>", "<pfif:shoe_size>9</pfif:shoe_size><pfif:age>"), "pfif.unknown_field"),
        (
            ("<pfif:age>60-70</pfif:age>", "<pfif:age>1</pfif:age><pfif:age>2</pfif:age>"),
            "pfif.repeated_field",
        ),
        (("Маріуполь", "М" * (pfif.MAX_FIELD_CHARS + 1)), "pfif.field_too_long"),
        (("<pfif:sex>", "<sex>x</sex><pfif:sex>"), "pfif.wrong_namespace"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_a_field_against_the_rules_is_refused(change: tuple[str, str], code: str) -> None:
    broken = sample().decode().replace(*change, 1).encode()
    assert refused(broken) == code


def test_another_namespace_or_version_is_not_pfif_1_4() -> None:
    older = sample().replace(b"pfif/1.4", b"pfif/1.2")
    assert refused(older) == "pfif.not_pfif"


def test_malformed_xml_says_where() -> None:
    with pytest.raises(FieldregError) as caught:
        pfif.parse_document(sample()[:-20])
    assert caught.value.code == "pfif.malformed"
    assert caught.value.params["line"] == 1


def test_a_top_level_note_of_an_absent_person_is_refused() -> None:
    stray = (
        "<pfif:note><pfif:note_record_id>x.example/n.5</pfif:note_record_id>"
        "<pfif:person_record_id>x.example/nobody</pfif:person_record_id>"
        "<pfif:author_name>x</pfif:author_name>"
        "<pfif:source_date>2026-11-21T12:00:00Z</pfif:source_date>"
        "<pfif:text>?</pfif:text></pfif:note>"
    )
    assert refused(sample(notes=stray)) == "pfif.note_of_other_person"


def test_what_we_write_reads_back_the_same() -> None:
    person = pfif.PfifPerson(
        person_record_id="k7.fieldreg.invalid/K7-0001-X",
        source_date=dt.datetime(2026, 11, 2, 3, 4, 5, tzinfo=dt.UTC),
        full_name='Бондар <Ольга> & "Петрівна"',
        sex="female",
        date_of_birth="1990-02-03",
        notes=(
            pfif.PfifNote(
                note_record_id="k7.fieldreg.invalid/K7-0001-X.status.1",
                author_name="Школа 5",
                source_date=dt.datetime(2026, 11, 3, tzinfo=dt.UTC),
                text="Status: waiting",
                status="believed_alive",
                author_made_contact=True,
                last_known_location="Зала 2",
            ),
        ),
    )
    assert pfif.parse_document(pfif.document_bytes([person])) == [person]
