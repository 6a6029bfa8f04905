"""Lists of sought persons from outside (an authority's list of missing people, a tracing
service's request) read strictly into typed entries: CSV, XLSX with a column mapping the user
confirms, or PFIF 1.4 (people and their notes).

Limits: the file's size (refused unread), rows, columns and each cell's length. CSV is UTF-8,
with or without a byte order mark; Windows-1251 only when the user says so (`encoding="cp1251"`),
never guessed: a file that is not valid UTF-8 is refused with `sought.encoding`. An entry's id
(the list's own, else its line number) must be unique. Cells are kept as the text they are: a
cell such as `=HYPERLINK(...)` is stored as text and neutralised by every writer
(`reports.cells`). Pure parsing: nothing is stored here.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from fieldreg.core.errors import FieldregError
from fieldreg.reports import pfif

Format = Literal["csv", "xlsx", "pfif"]
FORMATS: Final[tuple[Format, ...]] = ("csv", "xlsx", "pfif")
ENCODINGS: Final = ("utf-8", "cp1251")
MAX_FILE_BYTES: Final = 32 * 1024 * 1024
MAX_XLSX_UNPACKED: Final = 256 * 1024 * 1024  # a zip bomb is refused before it is opened
MAX_ROWS: Final = 200_000
MAX_COLUMNS: Final = 100
MAX_CELL_CHARS: Final = 500

FIELDS: Final = ("reference", "family", "given", "patronymic", "full_name", "dob", "sex", "place")
# Header names proposed for each field (compared casefolded, spaces and punctuation aside).
HEADER_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "reference": ("id", "ref", "reference", "number", "no", "№", "номер", "ідентифікатор",
                  "идентификатор", "record id", "person record id"),
    "family": ("family", "family name", "surname", "last name", "прізвище", "фамилия",
               "фамілія"),
    "given": ("given", "given name", "first name", "name", "імя", "ім'я", "имя"),
    "patronymic": ("patronymic", "middle name", "по батькові", "отчество", "по-батькові"),
    "full_name": ("full name", "піб", "фио", "повне імя", "полное имя"),
    "dob": ("dob", "date of birth", "birth date", "born", "year of birth", "birth year", "year",
            "дата народження", "рік народження", "рік", "р н", "рік нар", "дата нар",
            "дата рождения", "год рождения", "год", "г р", "год рожд", "дата рожд"),
    "sex": ("sex", "gender", "стать", "пол"),
    "place": ("place", "place of origin", "settlement", "city", "home city", "town",
              "населений пункт", "місто", "населенный пункт", "город", "место жительства"),
}  # fmt: skip
_SEXES: Final[dict[str, str]] = {
    "m": "male", "male": "male", "man": "male", "ч": "male", "чол": "male", "чоловіча": "male",
    "м": "male", "муж": "male", "мужской": "male", "f": "female", "female": "female",
    "woman": "female", "ж": "female", "жін": "female", "жіноча": "female", "жен": "female",
    "женский": "female",
}  # fmt: skip
_DOB: Final = re.compile(r"(\d{4})(?:-(\d{2})-(\d{2}))?")
_DOTTED: Final = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_HEADER_SPACES: Final = re.compile(r"[\s_\-.:]+")


def _fail(code: str, **params: object) -> FieldregError:
    return FieldregError(f"sought.{code}", **params)


@dataclass(frozen=True, slots=True)
class SoughtEntry:
    """One person a list looks for, as the list writes them."""

    reference: str  # the list's own id of the line (its line number when it has none)
    family: str = ""
    given: str = ""
    patronymic: str = ""
    dob: str | None = None  # YYYY or YYYY-MM-DD
    sex: str | None = None  # "male" / "female"
    place: str = ""
    note: str = ""  # what a PFIF list's notes said last (a last known location, say)


@dataclass(frozen=True, slots=True)
class Table:
    """A CSV or XLSX list: its header and its rows of text, checked against the limits."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Mapping_ = Mapping[str, int]  # field -> column index


# --- tables -------------------------------------------------------------------------------------


def read_table(untrusted: bytes, fmt: Format, encoding: str = "utf-8") -> Table:
    """The header and rows of a CSV or XLSX list; the first problem raises `sought.*`."""
    if len(untrusted) > MAX_FILE_BYTES:
        raise _fail("too_large", limit=MAX_FILE_BYTES)
    if fmt == "xlsx":
        rows = _xlsx_rows(untrusted)
    elif fmt == "csv":
        # A line count over the limit refuses a huge list at once, before decoding any of it.
        if untrusted.count(b"\n", 0, MAX_FILE_BYTES) > MAX_ROWS + 1:
            raise _fail("too_many_rows", limit=MAX_ROWS)
        rows = csv.reader(_csv_lines(untrusted, encoding), strict=True)
    else:
        raise _fail("bad_format")
    return _table(rows)


def _csv_lines(untrusted: bytes, encoding: str) -> Iterator[str]:
    """The CSV's text, decoded as it is read (a huge file is refused at its row limit, long
    before all of it is decoded)."""
    if encoding not in ENCODINGS:
        raise _fail("bad_encoding")
    if untrusted.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _fail("encoding")
    if encoding == "utf-8" and untrusted.startswith(codecs.BOM_UTF8):
        untrusted = untrusted[len(codecs.BOM_UTF8) :]
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    if b"\x00" in untrusted[:4096]:
        raise _fail("encoding")
    step = 1 << 16
    pending = ""
    try:
        for start in range(0, len(untrusted), step):
            pending += decoder.decode(untrusted[start : start + step])
            *lines, pending = pending.split("\n")
            for line in lines:
                yield line + "\n"
        pending += decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise _fail("encoding") from None
    if pending:
        yield pending


def _xlsx_rows(untrusted: bytes) -> Iterator[Sequence[object]]:
    import openpyxl  # only a list import needs it; the desk starts without loading it

    try:
        with zipfile.ZipFile(io.BytesIO(untrusted)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _fail("not_xlsx") from None
    if unpacked > MAX_XLSX_UNPACKED:
        raise _fail("too_large", limit=MAX_XLSX_UNPACKED)
    try:
        # Formulas are read as the text they are (data_only=False): stored as text, never run.
        book = openpyxl.load_workbook(io.BytesIO(untrusted), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for a damaged workbook: all mean "not one"
        raise _fail("not_xlsx") from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise _fail("empty")
        declared = sheet.max_row  # the sheet's own dimension: a huge one is refused unread
        if isinstance(declared, int) and declared > MAX_ROWS + 1:
            raise _fail("too_many_rows", limit=MAX_ROWS)
        rows = sheet.iter_rows(values_only=True)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except Exception:  # a damaged part found while streaming: still "not a workbook"
                raise _fail("not_xlsx") from None
            yield row
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _table(rows: Iterable[Sequence[object]]) -> Table:
    header: tuple[str, ...] | None = None
    body: list[tuple[str, ...]] = []
    try:
        for number, row in enumerate(rows, start=1):
            cells = tuple(_cell_text(v).strip() for v in row)
            if len(cells) > MAX_COLUMNS:
                raise _fail("too_many_columns", limit=MAX_COLUMNS)
            if any(len(cell) > MAX_CELL_CHARS for cell in cells):
                raise _fail("cell_too_long", line=number, limit=MAX_CELL_CHARS)
            if not any(cells):
                continue
            if header is None:
                header = cells
                continue
            if len(body) >= MAX_ROWS:
                raise _fail("too_many_rows", limit=MAX_ROWS)
            body.append(cells)
    except csv.Error as exc:
        raise _fail("malformed_csv", line=getattr(exc, "line_num", 0)) from None
    if header is None:
        raise _fail("empty")
    return Table(header, tuple(body))


# --- the column mapping -------------------------------------------------------------------------


def _header_key(name: str) -> str:
    return _HEADER_SPACES.sub(" ", name.replace("’", "'").replace("ʼ", "'")).strip().casefold()


def propose_mapping(header: Sequence[str]) -> dict[str, int]:
    """field -> column, from header names in English, Ukrainian or Russian."""
    proposal: dict[str, int] = {}
    keys = [_header_key(name) for name in header]
    for field, words in HEADER_WORDS.items():
        wanted = {_header_key(w) for w in words}
        for column, key in enumerate(keys):
            if key in wanted and column not in proposal.values():
                proposal[field] = column
                break
    return proposal


def parse_mapping(untrusted: str, header: Sequence[str]) -> dict[str, int]:
    """`family=Прізвище,given=Ім'я,...` (the CLI's `--map`): field -> column, by header name."""
    mapping: dict[str, int] = {}
    keys = [_header_key(name) for name in header]
    for part in untrusted.split(","):
        if not part.strip():
            continue
        field, sep, column = part.partition("=")
        field = field.strip()
        if not sep or field not in FIELDS:
            raise _fail("bad_mapping", part=part.strip()[:40])
        key = _header_key(column)
        if key not in keys:
            raise _fail("no_such_column", column=column.strip()[:40])
        mapping[field] = keys.index(key)
    return mapping


def checked_mapping(mapping: Mapping[str, int], header: Sequence[str]) -> dict[str, int]:
    if not ({"family", "full_name"} & set(mapping)):
        raise _fail("mapping_needs_name")
    if any(f not in FIELDS or not 0 <= c < len(header) for f, c in mapping.items()):
        raise _fail("bad_mapping", part="")
    if len(set(mapping.values())) != len(mapping):
        raise _fail("column_twice")
    return dict(mapping)


def table_entries(table: Table, mapping: Mapping[str, int]) -> list[SoughtEntry]:
    """The table's rows as entries, through a mapping the user confirmed."""
    columns = checked_mapping(mapping, table.header)
    entries: list[SoughtEntry] = []
    seen: set[str] = set()
    for number, row in enumerate(table.rows, start=1):

        def cell(field: str, row: tuple[str, ...] = row) -> str:
            column = columns.get(field)
            return row[column] if column is not None and column < len(row) else ""

        reference = cell("reference") or str(number)
        if reference in seen:
            raise _fail("duplicate_id", line=number + 1)
        seen.add(reference)
        family, given, patronymic = cell("family"), cell("given"), cell("patronymic")
        if not family and (full := cell("full_name")):
            family, given, patronymic = _split_full_name(full)
        if not family and not given:
            continue  # a line without a name looks for nobody
        entries.append(
            SoughtEntry(
                reference,
                family,
                given,
                patronymic,
                _dob(cell("dob")),
                _SEXES.get(cell("sex").casefold().rstrip(".")),
                cell("place"),
            )
        )
    return entries


def _split_full_name(full: str) -> tuple[str, str, str]:
    """ "Прізвище Ім'я По батькові", the order Ukrainian and Russian lists write."""
    words = full.split()
    return (
        words[0] if words else "",
        words[1] if len(words) > 1 else "",
        " ".join(words[2:]),
    )


def _dob(text: str) -> str | None:
    text = text.strip()
    if len(text) in (4, 10, 19) and (match := _DOB.fullmatch(text[:10])):
        return match[0]
    if match := _DOTTED.fullmatch(text):
        day, month, year = int(match[1]), int(match[2]), match[3]
        return f"{year}-{month:02d}-{day:02d}" if 1 <= day <= 31 and 1 <= month <= 12 else year
    return None


# --- PFIF ---------------------------------------------------------------------------------------


def pfif_entries(untrusted: bytes) -> list[SoughtEntry]:
    """The persons of a PFIF 1.4 document (the strict reader, `reports.pfif`) as entries; the
    last note's last known location (or its text) is kept as the entry's note."""
    entries: list[SoughtEntry] = []
    for person in pfif.parse_document(untrusted):
        family = person.family_name or ""
        given = person.given_name or ""
        patronymic = ""
        if given and " " in given:
            given, _, patronymic = given.partition(" ")
        if not family:
            family, given, patronymic = _split_full_name(person.full_name)
        note = ""
        if person.notes:
            last = max(person.notes, key=lambda n: n.source_date)
            note = (last.last_known_location or last.text)[:MAX_CELL_CHARS]
        dob = person.date_of_birth
        entries.append(
            SoughtEntry(
                person.person_record_id,
                family,
                given,
                patronymic,
                dob if dob and _DOB.fullmatch(dob) else (dob[:4] if dob else None),
                person.sex if person.sex in ("male", "female") else None,
                person.home_city or "",
                note,
            )
        )
    return entries
