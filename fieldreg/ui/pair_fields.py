"""Two records of a person compared field by field, in the desk's language: "Given name:
Олексій = Алексей", "Born: a year apart (1978 / 1979)". The matcher decides the verdicts
(`matching.compare`), `core.messages.pair_field_lines` words them; this only translates."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from PySide6.QtCore import QCoreApplication

from fieldreg.core.messages import pair_field_lines


class Agreement(Protocol):
    """What the matcher says of one field (`matching.compare.FieldAgreement`)."""

    @property
    def role(self) -> str: ...
    @property
    def verdict(self) -> str: ...
    @property
    def ours(self) -> str: ...
    @property
    def theirs(self) -> str: ...


def field_lines(fields: Iterable[Agreement]) -> list[str]:
    return pair_field_lines(
        ((f.role, f.verdict, f.ours, f.theirs) for f in fields), QCoreApplication.translate
    )
