"""CSV and XLSX bytes of a table. Every text cell is neutralised (`cells.neutralised`); XLSX cells
are written by type (text always as text, never as a formula) under a frozen header row."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence

import xlsxwriter

from fieldreg.reports.cells import FORMULA_STARTS, Cell, neutralised

# UTF-8 with a byte order mark: Excel then reads Cyrillic correctly; other readers skip it.
CSV_ENCODING = "utf-8-sig"
XLSX_DATE_FORMAT = "yyyy-mm-dd"
XLSX_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss"


def _csv_text(value: Cell) -> str:
    if type(value) is str:
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralised(value)
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralised(name) for name in header])
    writer.writerows([_csv_text(value) for value in row] for row in rows)
    return out.getvalue().encode(CSV_ENCODING)


def xlsx_bytes(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """The workbook in memory (`in_memory`: XlsxWriter writes no temporary file of its own)."""
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        out, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    try:
        sheet = workbook.add_worksheet("people")
        bold = workbook.add_format({"bold": True})
        date_format = workbook.add_format({"num_format": XLSX_DATE_FORMAT})
        time_format = workbook.add_format({"num_format": XLSX_TIME_FORMAT})
        for column, name in enumerate(header):
            sheet.write_string(0, column, neutralised(name), bold)
        sheet.freeze_panes(1, 0)
        write_string, write_number = sheet.write_string, sheet.write_number
        write_datetime = sheet.write_datetime
        row_number = 0
        for row_number, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, str):
                    write_string(row_number, column, neutralised(value))
                elif isinstance(value, dt.datetime):
                    naive = value.astimezone(dt.UTC).replace(tzinfo=None)
                    write_datetime(row_number, column, naive, time_format)
                elif isinstance(value, dt.date):
                    write_datetime(row_number, column, value, date_format)
                else:
                    write_number(row_number, column, value)
        if row_number:
            sheet.autofilter(0, 0, row_number, max(len(header) - 1, 0))
    finally:
        workbook.close()
    return out.getvalue()
