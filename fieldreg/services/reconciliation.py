"""Lists of sought persons (issue 14 §2): imported strictly and stored sealed, matched against
everyone registered with the one name matcher, reviewed (confirm / reject), and answered with a
report that names only people who consented to tracing.

Decisions are kept per (entry, person): matching again after new registrations or imports
offers the new candidates and keeps every confirmation and rejection made before.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Final, Literal

from fieldreg.core.errors import FieldregError, NotFoundError, ValidationError
from fieldreg.matching.compare import POSSIBLE, PersonNames, compare
from fieldreg.matching.lists import Candidate, Registered, Sought, match_list
from fieldreg.matching.pairs import Record, keys_of
from fieldreg.reports import reconciliation_report as report
from fieldreg.reports import sought_import, table_files
from fieldreg.reports.sought_import import Format, SoughtEntry
from fieldreg.services.exports import Encryption, encrypted, point_names, write_export
from fieldreg.services.outside_files import read_outside_file
from fieldreg.services.session import Session
from fieldreg.services.sync_access import now_ms, sync_repository
from fieldreg.store.sought_lists import SoughtListStore, StoredEntry

Decision = Literal["confirmed", "rejected"]
DECISIONS: Final = ("confirmed", "rejected")
MAX_NAME_CHARS: Final = 200
PERSONAL_DATA_NOTICE: Final = report.PERSONAL_DATA_WARNING
MAPPING_FIELDS: Final = sought_import.FIELDS  # what a column of a CSV or XLSX list can be
FORMATS: Final = sought_import.FORMATS
ENCODINGS: Final = sought_import.ENCODINGS


@dataclass(frozen=True, slots=True)
class ListInfo:
    list_id: str
    name: str
    source: str
    owner: str
    received: str
    format: str
    entries: int
    confirmed: int  # entries with a confirmed person


@dataclass(frozen=True, slots=True)
class EntryMatch:
    entry_no: int
    entry: SoughtEntry
    candidates: tuple[Candidate, ...]  # best first; rejected ones left out
    confirmed: str | None  # the person confirmed for this entry


@dataclass(frozen=True, slots=True)
class Preview:
    """A CSV or XLSX list's header and the mapping proposed from it, for the user to confirm."""

    header: tuple[str, ...]
    proposal: dict[str, int]
    rows: int


@dataclass(frozen=True, slots=True)
class Built:
    content: bytes
    counts: dict[str, int]
    encrypted: bool


# --- import -------------------------------------------------------------------------------------


def _untrusted_bytes(path: Path) -> bytes:
    limit = sought_import.MAX_FILE_BYTES
    return read_outside_file(path, limit, FieldregError("sought.too_large", limit=limit))


def preview(path: Path, fmt: Format, encoding: str = "utf-8") -> Preview:
    table = sought_import.read_table(_untrusted_bytes(path), fmt, encoding)
    return Preview(table.header, sought_import.propose_mapping(table.header), len(table.rows))


def _label(text: str, field: str) -> str:
    text = " ".join(text.split())
    if len(text) > MAX_NAME_CHARS:
        raise ValidationError(field, "validation.too_long", max=MAX_NAME_CHARS)
    return text


def import_list(
    session: Session,
    path: Path,
    *,
    fmt: Format,
    name: str = "",
    source: str = "",
    owner: str = "",
    mapping: Mapping[str, int] | str | None = None,
    encoding: str = "utf-8",
    today: dt.date | None = None,
) -> ListInfo:
    """Read the list at `path` and store it sealed in one transaction; nothing is stored when
    any line is refused. CSV and XLSX need the `mapping` the user confirmed (field -> column,
    or the CLI's `family=Прізвище,...` text)."""
    untrusted = _untrusted_bytes(path)
    if fmt == "pfif":
        entries = sought_import.pfif_entries(untrusted)
    else:
        table = sought_import.read_table(untrusted, fmt, encoding)
        if mapping is None:
            raise FieldregError("sought.mapping_needs_name")
        columns = (
            sought_import.parse_mapping(mapping, table.header)
            if isinstance(mapping, str)
            else dict(mapping)
        )
        entries = sought_import.table_entries(table, columns)
    if not entries:
        raise FieldregError("sought.empty")
    list_id = "L" + secrets.token_hex(6).upper()
    info = ListInfo(
        list_id,
        _label(name, "name") or path.name[:MAX_NAME_CHARS],
        _label(source, "source"),
        _label(owner, "owner"),
        (today or session.today()).isoformat(),
        fmt,
        len(entries),
        0,
    )
    meta = {k: v for k, v in asdict(info).items() if k not in ("list_id", "confirmed")}
    with sync_repository(session) as repo, repo.transaction():
        SoughtListStore(repo).add(list_id, now_ms(), meta, [asdict(e) for e in entries])
    return info


# --- reading ------------------------------------------------------------------------------------


def _entry(body: Mapping[str, object]) -> SoughtEntry:
    fields = SoughtEntry.__dataclass_fields__
    return SoughtEntry(**{k: v for k, v in body.items() if k in fields})  # type: ignore[arg-type]


def _confirmed(stored: StoredEntry) -> str | None:
    return next((p for p, d in sorted(stored.decisions.items()) if d == "confirmed"), None)


def lists(session: Session) -> list[ListInfo]:
    found = []
    with sync_repository(session) as repo, repo.reading():
        store = SoughtListStore(repo)
        for stored in store.lists():
            entries = store.entries(stored.list_id)
            meta = stored.meta
            found.append(
                ListInfo(
                    stored.list_id,
                    str(meta.get("name", "")),
                    str(meta.get("source", "")),
                    str(meta.get("owner", "")),
                    str(meta.get("received", "")),
                    str(meta.get("format", "")),
                    len(entries),
                    sum(_confirmed(e) is not None for e in entries),
                )
            )
    return found


def _stored(session: Session, list_id: str) -> tuple[dict[str, object], list[StoredEntry]]:
    with sync_repository(session) as repo, repo.reading():
        store = SoughtListStore(repo)
        return store.get(list_id).meta, store.entries(list_id)


def _text(fields: Mapping[str, object], name: str) -> str:
    value = fields.get(name)
    return value if isinstance(value, str) else ""


def registered_people(summaries: Mapping[str, Mapping[str, object]]) -> list[Registered]:
    """Everyone registered, as the list matcher takes them."""
    return [
        Registered(Record(person_id, _person_names(fields), _text(fields, "sex") or None))
        for person_id, fields in sorted(summaries.items())
        if not fields.get("duplicate_of")
    ]


def _person_names(fields: Mapping[str, object]) -> PersonNames:
    return PersonNames(
        _text(fields, "family_name"),
        _text(fields, "given_name"),
        _text(fields, "patronymic"),
        _text(fields, "latin_family_name"),
        _text(fields, "latin_given_name"),
        _text(fields, "latin_patronymic"),
        _text(fields, "dob").lstrip("~") or None,
    )


def sought_of(entry_no: int, entry: SoughtEntry) -> Sought:
    names = PersonNames(entry.family, entry.given, entry.patronymic, dob=entry.dob)
    return Sought(str(entry_no), names, entry.sex, entry.place)


def match_entries(
    stored: Sequence[StoredEntry], registered: Sequence[Registered]
) -> list[EntryMatch]:
    """Candidates for each entry (`match_list`), without those already rejected."""
    entries = [_entry(s.body) for s in stored]
    results = match_list([sought_of(s.entry_no, e) for s, e in zip(stored, entries, strict=True)],
                         registered)  # fmt: skip
    matches = []
    for item, entry, result in zip(stored, entries, results, strict=True):
        kept = tuple(c for c in result.candidates if item.decisions.get(c.person_id) != "rejected")
        matches.append(EntryMatch(item.entry_no, entry, kept, _confirmed(item)))
    return matches


def match(
    session: Session, list_id: str, progress: Callable[[int, int], None] | None = None
) -> list[EntryMatch]:
    _, stored = _stored(session, list_id)
    found = match_entries(stored, registered_people(session.people.summaries()))
    if progress is not None:
        progress(1, 1)
    return found


def decide(
    session: Session, list_id: str, entry_no: int, person_id: str, decision: Decision
) -> None:
    """Confirm (a link between the entry and the person) or reject one candidate. Confirming
    one person for an entry ends an earlier confirmation of another (one entry, one person)."""
    if decision not in DECISIONS:
        raise ValidationError("decision", "validation.choice", allowed=", ".join(DECISIONS))
    if person_id not in session.people.summaries():
        raise NotFoundError("person.not_found", id=person_id[:20])
    with sync_repository(session) as repo, repo.transaction():
        store = SoughtListStore(repo)
        store.get(list_id)
        current = next((e for e in store.entries(list_id) if e.entry_no == entry_no), None)
        if current is None:
            raise NotFoundError("lists.no_entry")
        decisions = dict(current.decisions)
        if decision == "confirmed":
            decisions = {p: d for p, d in decisions.items() if d != "confirmed"}
        decisions[person_id] = decision
        store.set_decisions(list_id, entry_no, decisions)


# --- the report ---------------------------------------------------------------------------------


def report_content(
    session: Session, list_id: str, now: dt.datetime | None = None
) -> report.ReportContent:
    meta, stored = _stored(session, list_id)
    confirmed = {e.entry_no: _confirmed(e) for e in stored}
    points = point_names(session)
    people: dict[str, tuple[Mapping[str, object], str]] = {}
    for person_id in sorted({p for p in confirmed.values() if p}):
        try:
            view = session.person(person_id)  # only the people found: their details opened
        except NotFoundError:
            continue  # erased meanwhile: not found
        if view.erased:
            continue
        prefix = person_id.split("-", 1)[0]
        people[person_id] = (view.fields, points.get(prefix, prefix))
    return report.build(
        meta,
        [(e.body, confirmed[e.entry_no]) for e in stored],
        people,
        now=(now or dt.datetime.now(dt.UTC)).replace(microsecond=0),
    )


def report_counts(content: report.ReportContent) -> dict[str, int]:
    """sought, found (named), found_without_consent (counted only), not_found."""
    return report.counts(content)


ReportFormat = Literal["pdf", "csv", "protection_csv"]


def build_report(
    content: report.ReportContent, fmt: ReportFormat, encryption: Encryption | None = None
) -> Built:
    """The owner's report (PDF or CSV), or the protection officer's internal CSV."""
    if fmt == "pdf":
        from fieldreg.printing.qt_renderer import QtLabelRenderer  # Qt only when a PDF is made

        with QtLabelRenderer() as renderer:
            data = renderer.document_pdf(report.report_html(content), "fieldreg report")
    elif fmt == "csv":
        data = table_files.csv_bytes(report.CSV_HEADER, report.csv_rows(content))
    else:
        data = table_files.csv_bytes(
            [report.PROTECTION_WARNING, *report.PROTECTION_HEADER[1:]],
            report.protection_rows(content),
        )
    if encryption is not None:
        data = encrypted(data, encryption)
    return Built(data, report.counts(content), encryption is not None)


def write_report(path: Path, built: Built) -> None:
    """Whole or not at all, private, never over a link (`exports.write_export`)."""
    write_export(path, built.content)


# --- the desk's notice --------------------------------------------------------------------------


class SoughtWatch:
    """The open entries of every list (no person confirmed yet), blocked by phonetic family key,
    so the desk can tell at once whether a person being registered may be sought. It answers
    yes or no only: never which list or entry."""

    def __init__(self, entries: Sequence[SoughtEntry]) -> None:
        self._by_key: dict[str, list[PersonNames]] = {}
        names = [PersonNames(e.family, e.given, e.patronymic, dob=e.dob) for e in entries]
        for key, person in zip(keys_of([(n.family, "") for n in names]), names, strict=True):
            if key:
                self._by_key.setdefault(key.partition(" ")[0], []).append(person)

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_key.values())

    def may_be_sought(
        self, family: str, given: str, patronymic: str = "", dob: str | None = None
    ) -> bool:
        """Whether someone of these names (any script) and date or year of birth may be sought
        by an open entry of any list; a few comparisons at most, cheap enough for a keystroke."""
        if not family.strip() or not given.strip():
            return False
        names = PersonNames(family, given, patronymic, dob=dob)
        key = keys_of([(names.family, names.latin_family)])[0].partition(" ")[0]
        return any(compare(names, other).score >= POSSIBLE for other in self._by_key.get(key, ()))


def sought_watch(session: Session) -> SoughtWatch:
    entries: list[SoughtEntry] = []
    with sync_repository(session) as repo, repo.reading():
        store = SoughtListStore(repo)
        for stored_list in store.lists():
            entries.extend(
                _entry(e.body) for e in store.entries(stored_list.list_id) if not _confirmed(e)
            )
    return SoughtWatch(entries)
