"""The passenger manifest of a transport: its rows, counts and warnings, in English, Ukrainian or
Russian (pure: no store, no Qt). The PDF is drawn from `document_of` by printing.qt_renderer and
the CSV written by `manifest_csv` through the reports' CSV writer (formula cells neutralised).

Names are always given in both scripts: the Cyrillic as recorded, the Latin as recorded or else
romanised with the passport tables (`core.names.transliterate`), marked with "~" so the reader
knows it is not from a document. Each change of the passenger list (assign, unassign, board)
makes a new version; once boarding has begun the manifest is the final one: boarded people and
no-shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, Literal

from fieldreg.core.children import ADULT_AGE, age_years
from fieldreg.core.dates import day_first
from fieldreg.core.entities import FieldValue, Need
from fieldreg.core.names import transliterate
from fieldreg.reports import table_files

Language = Literal["en", "uk", "ru"]
LANGUAGES: Final[tuple[Language, ...]] = ("en", "uk", "ru")

# Needs that make a passenger one "with needs" in the counts (every need does).
NEED_CODES: Final[tuple[str, ...]] = tuple(n.value for n in Need)


@dataclass(frozen=True, slots=True)
class ManifestPassenger:
    person_id: str
    fields: Mapping[str, FieldValue]
    seat: str | None = None
    boarded: bool = False
    assistance: tuple[str, ...] = ()
    escort: str | None = None  # person id of the adult a child travels with


@dataclass(frozen=True, slots=True)
class ManifestInput:
    transport_id: str
    transport: Mapping[str, FieldValue]
    version: int
    changed: dt.datetime | None
    passengers: Sequence[ManifestPassenger]
    # household id -> every registered member (to find the households split across transports)
    households: Mapping[str, Sequence[str]] = field(default_factory=dict)
    # person id -> the names of the other transports they are on
    elsewhere: Mapping[str, Sequence[str]] = field(default_factory=dict)
    # person id -> a name, for escorts who are not on this transport
    names: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ManifestRow:
    number: int
    person_id: str
    cyrillic: str
    latin: str
    sex: str
    born: str  # the date of birth as recorded, with the age
    citizenship: str
    document: str
    household: str
    flags: str  # needs and assistance, translated
    escort: str
    wishes: str
    seat: str
    boarded: str  # final manifest only: "boarded" / "no-show"


@dataclass(frozen=True, slots=True)
class Counts:
    total: int
    adults: int
    children: int
    age_unknown: int
    with_needs: int
    boarded: int
    no_shows: int


@dataclass(frozen=True, slots=True)
class Manifest:
    language: Language
    transport_id: str
    title: str
    details: tuple[tuple[str, str], ...]  # (label, value) of the transport
    version: int
    changed: str
    final: bool
    rows: tuple[ManifestRow, ...]
    counts: Counts
    warnings: tuple[str, ...]

    def label(self, key: str) -> str:
        return LABELS[self.language][key]


# --- words ------------------------------------------------------------------------------------

LABELS: Final[dict[Language, dict[str, str]]] = {
    "en": {
        "title": "Passenger manifest",
        "final": "Final manifest (after boarding)",
        "kind": "Transport",
        "name": "Name / number",
        "route": "Route",
        "border_crossing": "Border crossing",
        "departure": "Planned departure",
        "receiving_party": "Receiving party",
        "capacity": "Capacity",
        "point": "Planned at",
        "version": "Version {version}, {time}",
        "no": "No.",
        "id": "ID",
        "cyrillic": "Name (Cyrillic)",
        "latin": "Name (Latin)",
        "sex": "Sex",
        "born": "Born / age",
        "citizenship": "Citizenship",
        "document": "Identity document",
        "household": "Household",
        "flags": "Needs, assistance",
        "escort": "Escorting adult",
        "wishes": "Wishes to go",
        "seat": "Seat",
        "boarded": "Boarded",
        "is_boarded": "boarded",
        "no_show": "NO-SHOW",
        "counts": "Passengers: {total} (adults {adults}, children {children}, age unknown "
        "{unknown}); with needs: {needs}",
        "counts_final": "Boarded: {boarded}; no-shows: {no_shows}",
        "split": "Household {household} is split: {members} not on this transport ({where}).",
        "not_assigned": "not assigned",
        "handing": "Handing-over party",
        "intermediary": "Neutral intermediary",
        "receiving": "Receiving party",
        "sign": "Name, signature, date",
        "personal": "Contains personal data. Hand over only to the parties named; destroy "
        "copies that are no longer needed.",
        "page": "Page {page} of {pages}",
        "years": "{age} y.",
        "latin_note": "~ Latin name romanised, not from a document",
        "female": "F",
        "male": "M",
        "other": "other",
        "unknown": "?",
        "yes": "yes",
        "undecided": "undecided",
        "answer_no": "NO",
        "bus": "bus",
        "convoy": "convoy",
        "train": "train",
        "other_kind": "other",
        "medical": "medical",
        "mobility": "mobility",
        "pregnancy": "pregnancy",
        "disability": "disability",
        "elderly_alone": "elderly alone",
        "unaccompanied_child": "unaccompanied child",
        "separated_child": "separated child",
        "wheelchair": "wheelchair",
        "stretcher": "stretcher",
        "medical_escort": "medical escort",
    },
    "uk": {
        "title": "Список пасажирів",
        "final": "Остаточний список (після посадки)",
        "kind": "Транспорт",
        "name": "Назва / номер",
        "route": "Маршрут",
        "border_crossing": "Пункт перетину кордону",
        "departure": "Запланований виїзд",
        "receiving_party": "Приймальна сторона",
        "capacity": "Місткість",
        "point": "Заплановано в",
        "version": "Версія {version}, {time}",
        "no": "№",
        "id": "ID",
        "cyrillic": "Ім'я (кирилицею)",
        "latin": "Ім'я (латиницею)",
        "sex": "Стать",
        "born": "Народж. / вік",
        "citizenship": "Громадянство",
        "document": "Документ",
        "household": "Родина",
        "flags": "Потреби, допомога",
        "escort": "Супровідний дорослий",
        "wishes": "Бажає їхати",
        "seat": "Місце",
        "boarded": "Посадка",
        "is_boarded": "на борту",  # words that agree with no one's sex
        "no_show": "НЕЯВКА",
        "counts": "Пасажирів: {total} (дорослих {adults}, дітей {children}, вік невідомий "
        "{unknown}); з потребами: {needs}",
        "counts_final": "Сіли: {boarded}; не з'явилися: {no_shows}",
        "split": "Родину {household} розділено: {members} не в цьому транспорті ({where}).",
        "not_assigned": "не призначено",
        "handing": "Сторона, що передає",
        "intermediary": "Нейтральний посередник",
        "receiving": "Приймальна сторона",
        "sign": "Ім'я, підпис, дата",
        "personal": "Містить персональні дані. Передавайте лише названим сторонам; знищуйте "
        "непотрібні копії.",
        "page": "Сторінка {page} з {pages}",
        "years": "{age} р.",
        "latin_note": "~ латинське ім'я транслітеровано, не з документа",
        "female": "Ж",
        "male": "Ч",
        "other": "інша",
        "unknown": "?",
        "yes": "так",
        "undecided": "не вирішив(ла)",
        "answer_no": "НІ",
        "bus": "автобус",
        "convoy": "колона",
        "train": "поїзд",
        "other_kind": "інше",
        "medical": "медична",
        "mobility": "мобільність",
        "pregnancy": "вагітність",
        "disability": "інвалідність",
        "elderly_alone": "літня людина сама",
        "unaccompanied_child": "дитина без супроводу",
        "separated_child": "розлучена дитина",
        "wheelchair": "візок",
        "stretcher": "ноші",
        "medical_escort": "медичний супровід",
    },
    "ru": {
        "title": "Список пассажиров",
        "final": "Окончательный список (после посадки)",
        "kind": "Транспорт",
        "name": "Название / номер",
        "route": "Маршрут",
        "border_crossing": "Пункт пересечения границы",
        "departure": "Плановое отправление",
        "receiving_party": "Принимающая сторона",
        "capacity": "Вместимость",
        "point": "Запланировано в",
        "version": "Версия {version}, {time}",
        "no": "№",
        "id": "ID",
        "cyrillic": "Имя (кириллицей)",
        "latin": "Имя (латиницей)",
        "sex": "Пол",
        "born": "Рожд. / возраст",
        "citizenship": "Гражданство",
        "document": "Документ",
        "household": "Семья",
        "flags": "Потребности, помощь",
        "escort": "Сопровождающий взрослый",
        "wishes": "Желает ехать",
        "seat": "Место",
        "boarded": "Посадка",
        "is_boarded": "на борту",
        "no_show": "НЕЯВКА",
        "counts": "Пассажиров: {total} (взрослых {adults}, детей {children}, возраст неизвестен "
        "{unknown}); с потребностями: {needs}",
        "counts_final": "Сели: {boarded}; не явились: {no_shows}",
        "split": "Семья {household} разделена: {members} не в этом транспорте ({where}).",
        "not_assigned": "не назначены",
        "handing": "Передающая сторона",
        "intermediary": "Нейтральный посредник",
        "receiving": "Принимающая сторона",
        "sign": "Имя, подпись, дата",
        "personal": "Содержит персональные данные. Передавайте только названным сторонам; "
        "уничтожайте ненужные копии.",
        "page": "Страница {page} из {pages}",
        "years": "{age} л.",
        "latin_note": "~ латинское имя транслитерировано, не из документа",
        "female": "Ж",
        "male": "М",
        "other": "другой",
        "unknown": "?",
        "yes": "да",
        "undecided": "не решил(а)",
        "answer_no": "НЕТ",
        "bus": "автобус",
        "convoy": "колонна",
        "train": "поезд",
        "other_kind": "другое",
        "medical": "медицинская",
        "mobility": "мобильность",
        "pregnancy": "беременность",
        "disability": "инвалидность",
        "elderly_alone": "пожилой человек один",
        "unaccompanied_child": "ребёнок без сопровождения",
        "separated_child": "разлучённый ребёнок",
        "wheelchair": "коляска",
        "stretcher": "носилки",
        "medical_escort": "медицинское сопровождение",
    },
}

DETAIL_FIELDS: Final = (
    "kind",
    "name",
    "route",
    "border_crossing",
    "departure",
    "receiving_party",
    "capacity",
    "point",
)
COLUMNS: Final = (
    "no",
    "id",
    "cyrillic",
    "latin",
    "sex",
    "born",
    "citizenship",
    "document",
    "household",
    "flags",
    "escort",
    "wishes",
    "seat",
)
FINAL_COLUMNS: Final = (*COLUMNS, "boarded")


def checked_language(untrusted: str) -> Language:
    for language in LANGUAGES:
        if untrusted == language:
            return language
    raise ValueError(untrusted)


# --- building ---------------------------------------------------------------------------------


def _text(fields: Mapping[str, FieldValue], *names: str) -> str:
    return " ".join(v for n in names if isinstance(v := fields.get(n), str) and v)


def names_of(fields: Mapping[str, FieldValue]) -> tuple[str, str]:
    """(Cyrillic, Latin) full names; a Latin name not recorded is romanised and marked "~"."""
    cyrillic = _text(fields, "family_name", "given_name", "patronymic")
    latin = _text(fields, "latin_family_name", "latin_given_name", "latin_patronymic")
    if not latin and cyrillic:
        latin = "~" + transliterate(cyrillic)
    return cyrillic, latin


def _born(fields: Mapping[str, FieldValue], today: dt.date, words: Mapping[str, str]) -> str:
    dob = fields.get("dob")
    if not isinstance(dob, str):
        return ""
    age = age_years(dob, today)
    shown = day_first(dob)
    return shown if age is None else f"{shown} ({words['years'].format(age=age)})"


def build_manifest(
    given: ManifestInput, *, language: Language, today: dt.date, zone: dt.tzinfo | None = None
) -> Manifest:
    words = LABELS[language]
    final = any(p.boarded for p in given.passengers)
    on_board = {p.person_id for p in given.passengers}
    rows = []
    adults = children = unknown = needs = 0
    for number, passenger in enumerate(given.passengers, start=1):
        fields = passenger.fields
        cyrillic, latin = names_of(fields)
        age = age_years(fields.get("dob"), today)
        if age is None:
            unknown += 1
        elif age < ADULT_AGE:
            children += 1
        else:
            adults += 1
        needs_list = fields.get("needs")
        flags: list[str] = [
            n for n in NEED_CODES if isinstance(needs_list, list) and n in needs_list
        ]
        flags += list(passenger.assistance)
        if flags:
            needs += 1
        escort = ""
        if passenger.escort:
            escort_name = given.names.get(passenger.escort, "")
            for other in given.passengers:
                if other.person_id == passenger.escort:
                    escort_name = names_of(other.fields)[0]
            escort = f"{passenger.escort} {escort_name}".strip()
        document = _text(fields, "document_type", "document_number")
        wishes = fields.get("wishes_evacuation")
        rows.append(
            ManifestRow(
                number=number,
                person_id=passenger.person_id,
                cyrillic=cyrillic,
                latin=latin,
                sex=words.get(str(fields.get("sex") or "unknown"), "?"),
                born=_born(fields, today, words),
                citizenship=_text(fields, "citizenship"),
                document=document,
                household=_text(fields, "household_id"),
                flags=", ".join(words[f] for f in flags),
                escort=escort,
                wishes=words["answer_no" if wishes == "no" else str(wishes)]
                if isinstance(wishes, str)
                else "",
                seat=passenger.seat or "",
                boarded=(words["is_boarded"] if passenger.boarded else words["no_show"])
                if final
                else "",
            )
        )
    boarded = sum(1 for p in given.passengers if p.boarded)
    counts = Counts(
        total=len(rows),
        adults=adults,
        children=children,
        age_unknown=unknown,
        with_needs=needs,
        boarded=boarded if final else 0,
        no_shows=len(rows) - boarded if final else 0,
    )
    warnings = []
    seen: set[str] = set()
    for passenger in given.passengers:
        household = passenger.fields.get("household_id")
        if not isinstance(household, str) or household in seen:
            continue
        seen.add(household)
        missing = [m for m in given.households.get(household, ()) if m not in on_board]
        if missing:
            where = sorted(
                {name for m in missing for name in given.elsewhere.get(m, ())}
                | (
                    {words["not_assigned"]}
                    if any(not given.elsewhere.get(m) for m in missing)
                    else set()
                )
            )
            warnings.append(
                words["split"].format(
                    household=household, members=", ".join(sorted(missing)), where="; ".join(where)
                )
            )
    details = []
    for name in DETAIL_FIELDS:
        value = given.transport.get(name)
        if isinstance(value, str) and value:
            if name == "kind":
                value = words["other_kind" if value == "other" else value]
            elif name == "departure":
                value = day_first(value)
            details.append((words[name], value))
    title_name = given.transport.get("name")
    changed = given.changed.astimezone(zone).strftime("%d.%m.%Y %H:%M") if given.changed else "—"
    return Manifest(
        language=language,
        transport_id=given.transport_id,
        title=f"{words['final'] if final else words['title']}: "
        f"{title_name if isinstance(title_name, str) else given.transport_id}",
        details=tuple(details),
        version=given.version,
        changed=changed,
        final=final,
        rows=tuple(rows),
        counts=counts,
        warnings=tuple(warnings),
    )


def counts_lines(manifest: Manifest) -> list[str]:
    words = LABELS[manifest.language]
    c = manifest.counts
    lines = [
        words["counts"].format(
            total=c.total,
            adults=c.adults,
            children=c.children,
            unknown=c.age_unknown,
            needs=c.with_needs,
        )
    ]
    if manifest.final:
        lines.append(words["counts_final"].format(boarded=c.boarded, no_shows=c.no_shows))
    return lines


def columns_of(manifest: Manifest) -> tuple[str, ...]:
    return FINAL_COLUMNS if manifest.final else COLUMNS


def row_cells(row: ManifestRow, columns: Sequence[str]) -> list[str]:
    values = {
        "no": str(row.number),
        "id": row.person_id,
        "cyrillic": row.cyrillic,
        "latin": row.latin,
        "sex": row.sex,
        "born": row.born,
        "citizenship": row.citizenship,
        "document": row.document,
        "household": row.household,
        "flags": row.flags,
        "escort": row.escort,
        "wishes": row.wishes,
        "seat": row.seat,
        "boarded": row.boarded,
    }
    return [values[c] for c in columns]


def manifest_csv(manifest: Manifest) -> bytes:
    """The passenger table as CSV (UTF-8 with BOM), each row ending with the transport's ID, the
    manifest's version and its time; every cell neutralised against formulas
    (`table_files.csv_bytes`)."""
    words = LABELS[manifest.language]
    columns = columns_of(manifest)
    header = [*(words[c] for c in columns), words["kind"], "version", "time"]
    tail = [manifest.transport_id, str(manifest.version), manifest.changed]
    return table_files.csv_bytes(header, ([*row_cells(r, columns), *tail] for r in manifest.rows))


# --- the document the PDF renderer draws ------------------------------------------------------

_NO_BREAK: Final = "\u00a0"


def _unbroken_age(cells: list[str], columns: Sequence[str]) -> list[str]:
    """A narrow column may wrap a date of birth before its age, never inside the age: "(32 р.)"
    stays on one line ("28.10.1994 (32" over "р.)" read as two things)."""
    if "born" in columns:
        at = columns.index("born")
        date, space, age = cells[at].partition(" (")
        if space:
            cells[at] = f"{date} ({age.replace(' ', _NO_BREAK)}"
    return cells


@dataclass(frozen=True, slots=True)
class ManifestDocument:
    """The manifest as `printing.qt_renderer` draws it (a `printing.table_document`)."""

    title: str
    subtitle: str
    details: tuple[tuple[str, str], ...]
    header: tuple[str, ...]
    widths: tuple[float, ...]  # relative column widths
    rows: tuple[tuple[str, ...], ...]
    highlight: tuple[bool, ...]  # rows drawn as needing attention (a no-show)
    notes: tuple[str, ...]  # counts, then warnings
    warnings: tuple[str, ...]
    signatures: tuple[str, ...]
    signature_hint: str
    footer: str  # the personal-data line, on every page
    page_label: str  # "Page {page} of {pages}"


_WIDTHS: Final = {  # an ID is never broken: 13 characters (a provisional Z-prefix) fit its column
    "no": 0.45,
    "id": 1.9,
    "cyrillic": 2.4,
    "latin": 2.2,
    "sex": 0.75,
    "born": 1.8,
    "citizenship": 1.75,
    "document": 1.7,
    "household": 1.9,
    "flags": 1.8,
    "escort": 2.2,
    "wishes": 1.0,
    "seat": 0.8,
    "boarded": 1.3,
}


def document_of(manifest: Manifest) -> ManifestDocument:
    words = LABELS[manifest.language]
    columns = columns_of(manifest)
    notes = counts_lines(manifest)
    if any(r.latin.startswith("~") for r in manifest.rows):
        notes.append(words["latin_note"])
    return ManifestDocument(
        title=manifest.title,
        subtitle=words["version"].format(version=manifest.version, time=manifest.changed)
        + f" · {manifest.transport_id}",
        details=manifest.details,
        header=tuple(words[c] for c in columns),
        widths=tuple(_WIDTHS[c] for c in columns),
        rows=tuple(tuple(_unbroken_age(row_cells(r, columns), columns)) for r in manifest.rows),
        highlight=tuple(manifest.final and r.boarded == words["no_show"] for r in manifest.rows),
        notes=tuple(notes),
        warnings=manifest.warnings,
        signatures=(words["handing"], words["intermediary"], words["receiving"]),
        signature_hint=words["sign"],
        footer=words["personal"],
        page_label=words["page"],
    )
