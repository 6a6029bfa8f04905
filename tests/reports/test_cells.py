"""The one rule that keeps spreadsheet formulas out of every CSV and XLSX cell we write."""

from __future__ import annotations

import io

import openpyxl
import pytest

from fieldreg.reports.cells import neutralised
from fieldreg.reports.table_files import csv_bytes, xlsx_bytes


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_run_is_prefixed(start: str) -> None:
    assert neutralised(start + "cmd|' /C calc'!A0") == "'" + start + "cmd|' /C calc'!A0"


def test_ordinary_text_is_left_as_it_is() -> None:
    assert neutralised("Коваленко-Шевченко") == "Коваленко-Шевченко"
    assert neutralised("") == ""


def test_a_header_and_a_tab_cell_are_inert_in_both_files() -> None:
    header, rows = ["=evil"], [["\t=1+1"], [None], [42]]
    assert csv_bytes(header, rows).decode("utf-8-sig").split("\r\n")[:2] == ["'=evil", "'\t=1+1"]
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(header, rows))).active
    assert sheet is not None
    assert [c.value for c in sheet["A"]] == ["'=evil", "'\t=1+1", None, 42]
    assert sheet["A2"].data_type == "s"
