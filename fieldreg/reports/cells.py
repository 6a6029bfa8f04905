"""Cells of the tables we write: typed values, and text that a spreadsheet cannot run.

A cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by
Excel, LibreOffice and Google Sheets (`=HYPERLINK(...)` leaks data when clicked); OWASP's advice
is to prefix such a cell with a single quote, which every one of them shows as text."""

from __future__ import annotations

import datetime as dt
from typing import Final

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | dt.date | dt.datetime | None


def neutralised(text: str) -> str:
    """`text`, made inert if a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
