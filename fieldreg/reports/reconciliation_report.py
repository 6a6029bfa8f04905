"""The answer to a list's owner (issue 14 §2): who was found and where they are now (status,
point, transport), who was not, and the counts.

Only people who consented to tracing are named as found. A found person who did not consent is
counted, unnamed, and listed apart for a protection officer (`protection_rows`, an internal
file); in the owner's report their line is among those we have no information to share on,
so that no one can tell them from the people not found. Pure: the caller gathers the values.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from fieldreg.core.dates import day_first, moment_text
from fieldreg.reports.cells import Cell

PERSONAL_DATA_WARNING: Final = (
    "This report holds personal data. Keep it only where it must be, hand it over encrypted "
    "where you can, and delete it when it has served."
)
PROTECTION_WARNING: Final = (
    "INTERNAL - for the protection officer only. Never give this file to the list's owner."
)
CSV_HEADER: Final = (
    "outcome",
    "list_reference",
    "sought_name",
    "person_id",
    "registered_name",
    "status",
    "location",
    "transport",
)
PROTECTION_HEADER: Final = ("flag", "list_reference", "person_id", "reason")


@dataclass(frozen=True, slots=True)
class Found:
    reference: str
    sought_name: str
    person_id: str
    registered_name: str
    status: str
    location: str
    transport: str


@dataclass(frozen=True, slots=True)
class Withheld:
    """Found, but without consent to tracing: for the protection officer only."""

    reference: str
    person_id: str


@dataclass(frozen=True, slots=True)
class ReportContent:
    list_name: str
    owner: str
    source: str
    received: str
    generated: dt.datetime
    sought: int
    found: tuple[Found, ...]
    # The list's references only, in its order: a name here could name someone who did not
    # consent (their line is among these), so the owner looks the references up in their list.
    no_information: tuple[str, ...]
    withheld: tuple[Withheld, ...]

    @property
    def not_found(self) -> int:
        return self.sought - len(self.found) - len(self.withheld)


def _text(fields: Mapping[str, object], *names: str) -> str:
    return " ".join(v for n in names if isinstance(v := fields.get(n), str) and v)


def sought_name(entry: Mapping[str, object]) -> str:
    return _text(entry, "family", "given", "patronymic")


def build(
    meta: Mapping[str, object],
    entries: Sequence[tuple[Mapping[str, object], str | None]],
    people: Mapping[str, tuple[Mapping[str, object], str]],
    *,
    now: dt.datetime,
) -> ReportContent:
    """`entries`: each sought entry with the person confirmed for it (or None); `people`: the
    confirmed people's fields and registration point, by ID."""
    found: list[Found] = []
    none: list[str] = []
    withheld: list[Withheld] = []
    for entry, person_id in entries:
        reference = str(entry.get("reference", ""))
        name = sought_name(entry)
        record = people.get(person_id) if person_id else None
        if record is None:
            none.append(reference)
            continue
        fields, point = record
        if fields.get("consent_tracing") != "yes":
            withheld.append(Withheld(reference, str(person_id)))
            none.append(reference)
            continue
        found.append(
            Found(
                reference,
                name,
                str(person_id),
                _text(fields, "family_name", "given_name", "patronymic"),
                _text(fields, "status").replace("_", " ").capitalize(),
                _text(fields, "status_location") or point,
                _text(fields, "status_transport"),
            )
        )
    return ReportContent(
        list_name=str(meta.get("name", "")),
        owner=str(meta.get("owner", "")),
        source=str(meta.get("source", "")),
        received=str(meta.get("received", "")),
        generated=now,
        sought=len(entries),
        found=tuple(found),
        no_information=tuple(none),
        withheld=tuple(withheld),
    )


def counts(content: ReportContent) -> dict[str, int]:
    return {
        "sought": content.sought,
        "found": len(content.found),
        "found_without_consent": len(content.withheld),
        "not_found": content.not_found,
    }


def csv_rows(content: ReportContent) -> list[tuple[Cell, ...]]:
    """The owner's table: found lines, then the lines we have no information to share on."""
    rows: list[tuple[Cell, ...]] = [
        ("found", f.reference, f.sought_name, f.person_id, f.registered_name, f.status,
         f.location, f.transport)
        for f in content.found
    ]  # fmt: skip
    rows.extend(
        ("no_information", reference, "", "", "", "", "", "")
        for reference in content.no_information
    )
    # The counts last: outcome "count", what is counted, and the number in the next column.
    rows.extend(("count", key, value, "", "", "", "", "") for key, value in counts(content).items())
    return rows


def protection_rows(content: ReportContent) -> list[tuple[Cell, ...]]:
    return [
        ("INTERNAL", w.reference, w.person_id, "found, no consent to tracing")
        for w in content.withheld
    ]


def _cell(text: str) -> str:
    return f"<td>{html.escape(text)}</td>"


def report_html(content: ReportContent) -> str:
    """The owner's report as rich text for Qt's document layout (every value escaped)."""
    e = html.escape
    parts = [
        "<html><body style='font-family: \"DejaVu Sans\"; font-size: 9pt'>",
        f"<p style='color:#a00000'><b>{e(PERSONAL_DATA_WARNING)}</b></p>",
        f"<h2>Reconciliation report: {e(content.list_name)}</h2>",
        "<p>",
        f"For: {e(content.owner or '-')}<br/>Source: {e(content.source or '-')}<br/>",
        f"Received: {e(day_first(content.received) or '-')}<br/>",
        f"Generated: {e(moment_text(content.generated, dt.UTC))}",
        "</p>",
        "<h3>Counts</h3><table border='1' cellspacing='0' cellpadding='3'>",
        f"<tr><td>Sought</td><td align='right'>{content.sought}</td></tr>",
        f"<tr><td>Found and reported below</td><td align='right'>{len(content.found)}</td></tr>",
        "<tr><td>Found, not reported: no consent to tracing (referred to the protection "
        f"officer)</td><td align='right'>{len(content.withheld)}</td></tr>",
        f"<tr><td>Not found</td><td align='right'>{content.not_found}</td></tr>",
        "</table>",
        "<h3>Found: where they are now</h3>",
        "<table border='1' cellspacing='0' cellpadding='3' width='100%'>",
        "<tr><th>Ref.</th><th>Sought</th><th>ID</th><th>Registered as</th><th>Status</th>"
        "<th>Point</th><th>Transport</th></tr>",
    ]
    for f in content.found:
        parts.append(
            "<tr>"
            + "".join(
                _cell(v)
                for v in (
                    f.reference,
                    f.sought_name,
                    f.person_id,
                    f.registered_name,
                    f.status,
                    f.location,
                    f.transport,
                )
            )
            + "</tr>"
        )
    parts.append("</table>")
    parts.append("<h3>Not found, or no information we can share</h3>")
    parts.append(
        "<p>By the list's own references (names are left out: the list has them).</p><p>"
        + html.escape(", ".join(content.no_information) or "-")
        + "</p></body></html>"
    )
    return "".join(parts)
