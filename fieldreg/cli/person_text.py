"""Stored values as a person reads them on the command line (English, like the rest of the CLI;
`--json` keeps the stored codes for scripts).

The desk has translated words for the same codes in `fieldreg.ui.labels`; that module needs Qt,
which the CLI does not load, so choices here read as their codes in words ("medical referral").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from fieldreg.core.dates import day_first, moment_text
from fieldreg.core.entities import FIELDS
from fieldreg.core.messages import FIELD_LABELS
from fieldreg.services.views import HistoryEntry

# Keys of an event's changes that are not person fields (see session._changes_of).
_OTHER_LABELS = {"band_id": "Band", "duplicate_of": "Duplicate of", "text": FIELD_LABELS["note"]}
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_ESTIMATED_YEAR = re.compile(r"~([0-9]{4})")


def label(key: str) -> str:
    return FIELD_LABELS.get(key) or _OTHER_LABELS.get(key) or key.replace("_", " ")


def changed_text(changed: Iterable[str]) -> str:
    """What an edit changed, by the fields' names as a person reads them."""
    return "Changed: " + (", ".join(label(name) for name in changed) or "nothing")


def value_text(field: str, value: object) -> str:
    """`value` of `field` in words: choices spelt out, lists joined, dates as 12.03.1984, an
    estimated year as "about 1984", nothing as "(none)"."""
    if value is None or value in ("", [], ()):
        return "(none)"
    if isinstance(value, list | tuple):
        return ", ".join(value_text(field, item) for item in value)
    text = str(value)
    spec = FIELDS.get(field)
    if spec is not None and spec.choices:
        return text.replace("_", " ")
    if field == "dob":
        return dob_text(text)
    return text


def dob_text(dob: str) -> str:
    if estimated := _ESTIMATED_YEAR.fullmatch(dob):
        return f"about {estimated.group(1)}"
    return day_first(dob)


def event_title(event_type: str) -> str:
    """ "StatusChanged" -> "Status changed"; a type from a newer version reads the same way."""
    words = _CAMEL.split(event_type)
    return " ".join([words[0], *(word.lower() for word in words[1:])])


def history_lines(entries: Iterable[HistoryEntry]) -> list[str]:
    """Each event on a line (when, who, what), then one indented line per value it set."""
    lines: list[str] = []
    for entry in entries:
        lines.append(f"{moment_text(entry.when)}  {entry.operator}  {event_title(entry.type)}")
        lines.extend(
            f"    {label(key)}: {value_text(key, value)}" for key, value in entry.changes.items()
        )
    return lines
