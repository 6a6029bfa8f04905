"""What `qt_renderer.QtLabelRenderer.table_pdf` draws: a titled table (a manifest) with lines
above and below it and signature blocks at the end, every string already in its language. A
protocol, so the reports that make such documents need not import printing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class TableDocument(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def subtitle(self) -> str: ...
    @property
    def details(self) -> Sequence[tuple[str, str]]: ...
    @property
    def header(self) -> Sequence[str]: ...
    @property
    def widths(self) -> Sequence[float]: ...  # relative column widths
    @property
    def rows(self) -> Sequence[Sequence[str]]: ...
    @property
    def highlight(self) -> Sequence[bool]: ...  # rows that need attention (a no-show)
    @property
    def notes(self) -> Sequence[str]: ...
    @property
    def warnings(self) -> Sequence[str]: ...
    @property
    def signatures(self) -> Sequence[str]: ...
    @property
    def signature_hint(self) -> str: ...
    @property
    def footer(self) -> str: ...  # on every page
    @property
    def page_label(self) -> str: ...  # "Page {page} of {pages}"
