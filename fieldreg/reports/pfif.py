"""PFIF 1.4 (People Finder Interchange Format, http://zesty.ca/pfif/1.4): written from the people
who consented to tracing, and read strictly, under limits, into typed sought-person values.

Reading goes through defusedxml with DTDs forbidden: an external entity, an entity expansion
("billion laughs") or any document type declaration is refused before anything is built.
Writing escapes every value itself, in one pass, so 100,000 people stay within seconds.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from operator import attrgetter
from typing import Final
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from fieldreg.core.errors import FieldregError

NAMESPACE: Final = "http://zesty.ca/pfif/1.4"
MAX_BYTES: Final = 32 * 1024 * 1024  # a list larger than this is refused unread
MAX_PERSONS: Final = 200_000
MAX_NOTES_PER_PERSON: Final = 1000
MAX_FIELD_CHARS: Final = 500
MAX_TEXT_CHARS: Final = 5000  # note text and person description
SEXES: Final = frozenset({"female", "male", "other"})
NOTE_STATUSES: Final = frozenset(
    {"information_sought", "is_note_author", "believed_alive", "believed_missing", "believed_dead"}
)
PERSON_FIELDS: Final = (
    "person_record_id",
    "entry_date",
    "expiry_date",
    "author_name",
    "author_email",
    "author_phone",
    "source_name",
    "source_date",
    "source_url",
    "full_name",
    "given_name",
    "family_name",
    "alternate_names",
    "description",
    "sex",
    "date_of_birth",
    "age",
    "home_street_address",
    "home_neighborhood",
    "home_city",
    "home_state",
    "home_postal_code",
    "home_country",
    "photo_url",
    "profile_urls",
)
NOTE_FIELDS: Final = (
    "note_record_id",
    "person_record_id",
    "linked_person_record_id",
    "entry_date",
    "author_name",
    "author_email",
    "author_phone",
    "source_date",
    "author_made_contact",
    "status",
    "email_of_found_person",
    "phone_of_found_person",
    "last_known_location",
    "text",
    "photo_url",
)
PERSON_REQUIRED: Final = ("person_record_id", "source_date", "full_name")
NOTE_REQUIRED: Final = ("note_record_id", "author_name", "source_date", "text")
_RECORD_ID = re.compile(
    r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*/[^\s/][^\s]*"
)
_UTC = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
_DOB = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_AGE = re.compile(r"(\d{1,3})(?:-(\d{1,3}))?")
_COUNTRY = re.compile(r"[A-Z]{2}")
_BOOLEAN = frozenset({"true", "false"})
# Characters XML 1.0 cannot carry at all; dropped from what we write (validation keeps them out
# of the store already, so this is a second fence).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class PfifNote:
    note_record_id: str
    author_name: str
    source_date: dt.datetime
    text: str
    entry_date: dt.datetime | None = None
    status: str | None = None
    author_made_contact: bool | None = None
    last_known_location: str | None = None


@dataclass(frozen=True, slots=True)
class PfifPerson:
    """A person record: what we write for a registered person, and what a list we read says of
    someone sought (`full_name` always; the rest where the list has it)."""

    person_record_id: str
    source_date: dt.datetime
    full_name: str
    entry_date: dt.datetime | None = None
    expiry_date: dt.datetime | None = None
    author_name: str | None = None
    source_name: str | None = None
    given_name: str | None = None
    family_name: str | None = None
    alternate_names: str | None = None
    sex: str | None = None
    date_of_birth: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    age: str | None = None  # N or N-M
    home_city: str | None = None
    home_state: str | None = None
    home_country: str | None = None  # ISO 3166-1 alpha-2
    description: str | None = None
    notes: tuple[PfifNote, ...] = ()


# The person fields a PfifPerson carries, in the specification's order.
_WRITTEN_PERSON_FIELDS: Final = tuple(
    name for name in PERSON_FIELDS if name in PfifPerson.__dataclass_fields__
)


def _fail(code: str, **params: object) -> FieldregError:
    return FieldregError(f"pfif.{code}", **params)


def utc_text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- writing ------------------------------------------------------------------------------------
#
# The document is joined from text: each element's tags made once, its value put between them.
# Nearly no value needs escaping, so each person's values (with their notes') are tested together,
# in C, and only a person with one that does has each value escaped (`_text`).

# The note fields a PfifNote carries, in the specification's order (person_record_id, which the
# writer adds, is the person's).
_WRITTEN_NOTE_FIELDS: Final = (
    "note_record_id",
    "person_record_id",
    "entry_date",
    "author_name",
    "source_date",
    "author_made_contact",
    "status",
    "last_known_location",
    "text",
)
_PERSON_VALUES: Final = attrgetter(*_WRITTEN_PERSON_FIELDS)
_NOTE_VALUES: Final = attrgetter(*(n for n in _WRITTEN_NOTE_FIELDS if n != "person_record_id"))
_PERSON_TAGS: Final = tuple(
    (f"    <pfif:{name}>", f"</pfif:{name}>\n") for name in _WRITTEN_PERSON_FIELDS
)
_NOTE_TAGS: Final = tuple(
    (f"      <pfif:{name}>", f"</pfif:{name}>\n") for name in _WRITTEN_NOTE_FIELDS
)
_PERSON_MOMENTS: Final = tuple(
    at for at, name in enumerate(_WRITTEN_PERSON_FIELDS) if name.endswith("_date")
)
_NOTE_ENTRY, _NOTE_SOURCE, _NOTE_CONTACT = (
    _WRITTEN_NOTE_FIELDS.index(name)
    for name in ("entry_date", "source_date", "author_made_contact")
)


def _text(value: str) -> str:
    # Most values need neither: test first, in C, rather than run the regex and replaces always.
    if not value.isprintable():
        value = _NOT_XML.sub("", value)
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    return value


def _plain(values: list[object]) -> bool:
    """Whether every value is text that `_text` leaves as it is (tested on all of them joined)."""
    try:
        text = "".join(values)  # type: ignore[arg-type]  # a value that is not text: TypeError
    except TypeError:
        return False
    return text.isprintable() and "&" not in text and "<" not in text and ">" not in text


class _Writer:
    """Writes records as XML text; the same few moments (the export's now and expiry) recur in
    every record, so their text is made once."""

    def __init__(self) -> None:
        self._moments: dict[dt.datetime, str] = {}

    def _moment(self, moment: dt.datetime) -> str:
        text = self._moments.get(moment)
        if text is None:
            if moment.tzinfo is dt.UTC and moment.year >= 1000:
                text = moment.isoformat(timespec="seconds")[:19] + "Z"  # utc_text, in C
            else:
                text = utc_text(moment)
            if len(self._moments) < 64:
                self._moments[moment] = text
        return text

    def _value(self, value: object) -> str:
        """Any value's text, escaped (the path of a record whose values are not all plain)."""
        if isinstance(value, str):
            return _text(value)
        if isinstance(value, dt.datetime):
            return self._moment(value)
        if isinstance(value, bool):
            return "true" if value else "false"
        return _text(str(value))

    def person(self, person: PfifPerson) -> str:
        values: list[object] = list(_PERSON_VALUES(person))
        moment = self._moment
        for at in _PERSON_MOMENTS:
            if isinstance(when := values[at], dt.datetime):
                values[at] = moment(when)
        notes: list[list[object]] = []
        record_id = person.person_record_id
        for note in person.notes:
            fields: list[object] = list(_NOTE_VALUES(note))
            fields.insert(1, record_id)
            if isinstance(when := fields[_NOTE_ENTRY], dt.datetime):
                fields[_NOTE_ENTRY] = moment(when)
            if isinstance(when := fields[_NOTE_SOURCE], dt.datetime):
                fields[_NOTE_SOURCE] = moment(when)
            if isinstance(contact := fields[_NOTE_CONTACT], bool):
                fields[_NOTE_CONTACT] = "true" if contact else "false"
            notes.append(fields)
        present = [v for v in values if v is not None]
        for fields in notes:
            present += [v for v in fields if v is not None]
        if not _plain(present):
            value = self._value
            values = [None if v is None else value(v) for v in values]
            notes = [[None if v is None else value(v) for v in fields] for fields in notes]
        parts = ["  <pfif:person>\n"]
        parts += [
            f"{o}{v}{c}" for (o, c), v in zip(_PERSON_TAGS, values, strict=True) if v is not None
        ]
        for fields in notes:
            parts.append("    <pfif:note>\n")
            parts += [
                f"{o}{v}{c}" for (o, c), v in zip(_NOTE_TAGS, fields, strict=True) if v is not None
            ]
            parts.append("    </pfif:note>\n")
        parts.append("  </pfif:person>\n")
        return "".join(parts)


def document_chunks(persons: Iterable[PfifPerson]) -> Iterator[str]:
    """The document as text pieces: the declaration, each person with their notes, the end."""
    writer = _Writer()
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<pfif:pfif xmlns:pfif="{NAMESPACE}">\n'
    for person in persons:
        yield writer.person(person)
    yield "</pfif:pfif>\n"


def document_bytes(persons: Iterable[PfifPerson]) -> bytes:
    return "".join(document_chunks(persons)).encode("utf-8")


# --- reading ------------------------------------------------------------------------------------


def _decoded(untrusted: bytes) -> str:
    """UTF-8 text of the document (a UTF-8 byte order mark is allowed and dropped); any other
    encoding, declared or found, is refused rather than guessed."""
    if len(untrusted) > MAX_BYTES:
        raise _fail("too_large", limit=MAX_BYTES)
    if untrusted.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail("encoding")
    if untrusted.startswith(b"\xef\xbb\xbf"):
        untrusted = untrusted[3:]
    head = untrusted[:200].lower()
    declared = re.match(rb"<\?xml[^>]*encoding=[\"']([a-z0-9._-]+)[\"']", head)
    if declared and declared[1] not in (b"utf-8", b"utf8"):
        raise _fail("encoding")
    try:
        return untrusted.decode("utf-8")
    except UnicodeDecodeError:
        raise _fail("encoding") from None


def _root(untrusted: bytes) -> Element:
    text = _decoded(untrusted)
    if declaration := re.match(r"<\?xml[^>]*\?>", text):
        text = text[declaration.end() :]  # ElementTree refuses a str with an encoding declared
    try:
        root: Element = fromstring(text, forbid_dtd=True)
    except DefusedXmlException:
        raise _fail("unsafe_xml") from None
    except ParseError as exc:
        raise _fail("malformed", line=exc.position[0]) from None
    if root.tag != f"{{{NAMESPACE}}}pfif":
        raise _fail("not_pfif")
    return root


def _local(element: Element) -> str | None:
    """The element's name in the PFIF 1.4 namespace; None for elements of other namespaces
    (PFIF lets a producer add its own, which readers ignore)."""
    prefix = f"{{{NAMESPACE}}}"
    if isinstance(element.tag, str) and element.tag.startswith(prefix):
        return element.tag[len(prefix) :]
    if isinstance(element.tag, str) and not element.tag.startswith("{"):
        raise _fail("wrong_namespace", element=element.tag[:40])
    return None


def _fields(record: Element, allowed: tuple[str, ...], kind: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for child in record:
        name = _local(child)
        if name is None or (kind == "person" and name == "note"):
            continue
        if name not in allowed:
            raise _fail("unknown_field", record=kind, field=name[:40])
        if name in values:
            raise _fail("repeated_field", record=kind, field=name)
        if len(child):
            raise _fail("nested_field", record=kind, field=name)
        text = (child.text or "").strip()
        limit = MAX_TEXT_CHARS if name in ("text", "description") else MAX_FIELD_CHARS
        if len(text) > limit:
            raise _fail("field_too_long", record=kind, field=name, limit=limit)
        if text:
            values[name] = text
    return values


def _required(values: Mapping[str, str], names: tuple[str, ...], kind: str) -> None:
    for name in names:
        if name not in values:
            raise _fail("missing_field", record=kind, field=name)


def _record_id(value: str, kind: str, name: str) -> str:
    if not _RECORD_ID.fullmatch(value):
        raise _fail("bad_record_id", record=kind, field=name)
    return value


def _moment(value: str | None, kind: str, name: str) -> dt.datetime | None:
    if value is None:
        return None
    if not _UTC.fullmatch(value):
        raise _fail("bad_date", record=kind, field=name)
    try:
        return dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    except ValueError:
        raise _fail("bad_date", record=kind, field=name) from None


def _date_of_birth(value: str | None) -> str | None:
    if value is None:
        return None
    if not _DOB.fullmatch(value):
        raise _fail("bad_value", record="person", field="date_of_birth")
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise _fail("bad_value", record="person", field="date_of_birth") from None
    return value


def _age(value: str | None) -> str | None:
    if value is None:
        return None
    match = _AGE.fullmatch(value)
    if not match or (match[2] is not None and int(match[2]) < int(match[1])):
        raise _fail("bad_value", record="person", field="age")
    return value


def _choice(value: str | None, allowed: frozenset[str], kind: str, name: str) -> str | None:
    if value is not None and value not in allowed:
        raise _fail("bad_value", record=kind, field=name)
    return value


def _note(values: dict[str, str], person_record_id: str) -> PfifNote:
    _required(values, NOTE_REQUIRED, "note")
    named = values.get("person_record_id", person_record_id)
    if named != person_record_id:
        raise _fail("note_of_other_person")
    contact = _choice(values.get("author_made_contact"), _BOOLEAN, "note", "author_made_contact")
    source_date = _moment(values["source_date"], "note", "source_date")
    assert source_date is not None  # required above
    return PfifNote(
        note_record_id=_record_id(values["note_record_id"], "note", "note_record_id"),
        author_name=values["author_name"],
        source_date=source_date,
        text=values["text"],
        entry_date=_moment(values.get("entry_date"), "note", "entry_date"),
        status=_choice(values.get("status"), NOTE_STATUSES, "note", "status"),
        author_made_contact=None if contact is None else contact == "true",
        last_known_location=values.get("last_known_location"),
    )


def _person(values: dict[str, str], notes: tuple[PfifNote, ...]) -> PfifPerson:
    _required(values, PERSON_REQUIRED, "person")
    country = values.get("home_country")
    if country is not None and not _COUNTRY.fullmatch(country):
        raise _fail("bad_value", record="person", field="home_country")
    source_date = _moment(values["source_date"], "person", "source_date")
    assert source_date is not None  # required above
    return PfifPerson(
        person_record_id=_record_id(values["person_record_id"], "person", "person_record_id"),
        source_date=source_date,
        full_name=values["full_name"],
        entry_date=_moment(values.get("entry_date"), "person", "entry_date"),
        expiry_date=_moment(values.get("expiry_date"), "person", "expiry_date"),
        author_name=values.get("author_name"),
        source_name=values.get("source_name"),
        given_name=values.get("given_name"),
        family_name=values.get("family_name"),
        alternate_names=values.get("alternate_names"),
        sex=_choice(values.get("sex"), SEXES, "person", "sex"),
        date_of_birth=_date_of_birth(values.get("date_of_birth")),
        age=_age(values.get("age")),
        home_city=values.get("home_city"),
        home_state=values.get("home_state"),
        home_country=country,
        description=values.get("description"),
        notes=notes,
    )


def parse_document(untrusted: bytes) -> list[PfifPerson]:
    """Every person of a PFIF 1.4 document with their notes (nested, or top-level notes naming
    a person of the document), checked field by field; the first problem raises `pfif.*` with
    where it is, and nothing of the document is returned."""
    root = _root(untrusted)
    persons: list[tuple[dict[str, str], list[PfifNote]]] = []
    by_id: dict[str, list[PfifNote]] = {}
    loose: list[dict[str, str]] = []
    note_ids: set[str] = set()
    for record in root:
        name = _local(record)
        if name == "person":
            if len(persons) >= MAX_PERSONS:
                raise _fail("too_many", limit=MAX_PERSONS)
            values = _fields(record, PERSON_FIELDS, "person")
            _required(values, PERSON_REQUIRED, "person")
            record_id = values["person_record_id"]
            if record_id in by_id:
                raise _fail("duplicate_id", record="person")
            notes: list[PfifNote] = []
            for child in record:
                if _local(child) == "note":
                    if len(notes) >= MAX_NOTES_PER_PERSON:
                        raise _fail("too_many", limit=MAX_NOTES_PER_PERSON)
                    note = _note(_fields(child, NOTE_FIELDS, "note"), record_id)
                    if note.note_record_id in note_ids:
                        raise _fail("duplicate_id", record="note")
                    note_ids.add(note.note_record_id)
                    notes.append(note)
            by_id[record_id] = notes
            persons.append((values, notes))
        elif name == "note":
            loose.append(_fields(record, NOTE_FIELDS, "note"))
        elif name is not None:
            raise _fail("unknown_field", record="pfif", field=name[:40])
    for values in loose:
        _required(values, ("person_record_id",), "note")
        owner = by_id.get(values["person_record_id"])
        if owner is None:
            raise _fail("note_of_other_person")
        note = _note(values, values["person_record_id"])
        if note.note_record_id in note_ids:
            raise _fail("duplicate_id", record="note")
        note_ids.add(note.note_record_id)
        owner.append(note)
    return [_person(values, tuple(notes)) for values, notes in persons]
