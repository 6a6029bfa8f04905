"""How a person's sealed summary group is encoded: compact version 2, and JSON (version 1).

Unlock opens every person's summary (100,000 of them), and parsing JSON costs more than the
AES-GCM open itself. Version 2 is the values joined by a separator, which `str.split` cuts in one
call, and a *layout* naming which fields are present, so the mapping is built by
`dict(zip(names, values))` without any Python code per field:

    0x02 layout (US value)*          (UTF-8; US = U+001F, RS = U+001E)

- the layout is the set of fields present, a bit per field of `ORDER`, in lower-case hex without
  leading zeros; the values follow in `ORDER`'s order (the first part, version byte and layout,
  is the key of a cache of layouts, so a row's layout costs one dict lookup);
- a list field (`LIST_FIELDS`, e.g. needs) is its items joined by RS.

The encoding is inside the AES-GCM seal (same associated data as ever: table, record id, group,
key id), so its bytes are authenticated; the decoder still refuses anything malformed rather than
guess. A summary that version 2 cannot carry exactly (a field outside `ORDER`, a value that is not
a string or a non-empty list of strings, a separator inside a value) is written as JSON, which
every reader still understands. JSON always starts with "{", version 2 with 0x02.

Old rows: JSON rows read as before; each is rewritten as version 2 the next time its person is
written (the same rule as the people's compact `meta` v2), or all at once by
`fieldreg.store.summary_upgrade.upgrade_summaries`.
"""

from __future__ import annotations

import contextlib
import json
import operator
from collections.abc import Mapping, Sequence
from typing import Final, cast

from fieldreg.core.entities import FIELDS, FieldValue, Group, Kind, PersonFields
from fieldreg.store.sealed_json import encode_json

VERSION_2: Final = 0x02
_V2_PREFIX: Final = bytes([VERSION_2])
_V2_HEAD: Final = chr(VERSION_2)
_JSON_START: Final = ord("{")
US: Final = "\x1f"  # between values
RS: Final = "\x1e"  # between the items of a list

# Bit positions are part of the format: new summary fields are appended, never inserted.
ORDER: Final[tuple[str, ...]] = (
    "family_name",
    "given_name",
    "patronymic",
    "latin_family_name",
    "latin_given_name",
    "latin_patronymic",
    "dob",
    "sex",
    "needs",
    "status",
    "status_transport",
    "status_location",
    "household_id",
    "relationship",
)
_BIT: Final = {name: 1 << position for position, name in enumerate(ORDER)}
LIST_FIELDS: Final = frozenset(
    name for name in ORDER if name in FIELDS and FIELDS[name].kind in (Kind.CHOICES, Kind.LANGUAGES)
)

# What the search index reads of a summary, first in `ORDER`: six names then the date of birth.
SEARCH_FIELDS: Final = ORDER[:7]
_ALL_SEARCH_FIELDS: Final = (1 << len(SEARCH_FIELDS)) - 1

# Layout (hex) -> (the names present in order, the list fields among them, whether every search
# field is present, so that a row's first seven values are the names and the date of birth).
_Layout = tuple[tuple[str, ...], tuple[str, ...], bool]
_LAYOUTS: dict[str, _Layout] = {}


def _layout(head: str) -> _Layout:
    """The layout of a version 2 row from its first part (the version character and the hex)."""
    found = _LAYOUTS.get(head)
    if found is not None:
        return found
    code = head[1:]
    try:
        bits = int(code, 16)
    except ValueError:
        raise ValueError("malformed summary layout") from None
    if head[:1] != _V2_HEAD or format(bits, "x") != code or bits <= 0:
        raise ValueError("malformed summary layout")
    if bits >> len(ORDER):
        raise ValueError("unknown summary field")
    names = tuple(name for name in ORDER if bits & _BIT[name])
    lists = tuple(name for name in names if name in LIST_FIELDS)
    found = (names, lists, bits & _ALL_SEARCH_FIELDS == _ALL_SEARCH_FIELDS)
    _LAYOUTS[head] = found
    return found


def _v2_value(name: str, value: object) -> str | None:
    """The text of one value in version 2, or None if version 2 cannot carry it exactly."""
    if name in LIST_FIELDS:
        if (
            type(value) is not list
            or not value
            or any(type(item) is not str or US in item or RS in item for item in value)
        ):
            return None
        return RS.join(value)
    if type(value) is not str or US in value or RS in value:
        return None
    return value


def encode_summary(content: Mapping[str, FieldValue]) -> bytes:
    """The plaintext to seal for a summary group: version 2 where it fits, else JSON."""
    bits = 0
    values: list[str] = []
    present = set(content)
    if present <= _BIT.keys():
        for name in ORDER:
            if name in present:
                text = _v2_value(name, content[name])
                if text is None:
                    break
                bits |= _BIT[name]
                values.append(text)
        else:
            if bits:
                values.insert(0, format(bits, "x"))
                return _V2_PREFIX + US.join(values).encode("utf-8")
    return encode_json(dict(content))


def decode_summary(plaintext: bytes) -> PersonFields:
    """A summary group's fields from its opened plaintext, in either version.

    Raises ValueError (UnicodeDecodeError included) for anything that is neither."""
    if not plaintext:
        raise ValueError("empty summary")
    first = plaintext[0]
    if first == VERSION_2:
        parts = plaintext.decode("utf-8").split(US)
        names, lists, _ = _layout(parts[0])
        del parts[0]
        if len(names) != len(parts):
            raise ValueError("summary values do not match its layout")
        fields: PersonFields = dict(zip(names, parts, strict=True))
        for name in lists:
            fields[name] = fields[name].split(RS)  # type: ignore[union-attr]
        return fields
    if first == _JSON_START:
        value = json.loads(plaintext)
        if type(value) is not dict:
            raise ValueError("a summary is an object")
        return value
    raise ValueError("unknown summary version")


def decode_summaries(
    plaintexts: Sequence[bytes | None],
    names: list[str] | None = None,
    dobs: list[str | None] | None = None,
) -> tuple[list[PersonFields | None], int, int]:
    """`decode_summary` of many plaintexts (unlock decodes 100,000): version 2 decoded inline,
    with no Python call per row. None stays None, and a plaintext that does not decode becomes
    None (the caller counts it as a damaged row rather than show a guess). Returns the fields,
    how many rows were version 1 (JSON) and how many are None.

    With `names` and `dobs`, what the search index reads of each decoded row is appended to
    them: its six names ("" where absent) to `names`, its date of birth (or None) to `dobs`.
    Flat lists, not a list per person: a container kept per person would be one more object for
    the cycle collector to walk once it runs again."""
    joined = _decode_joined(plaintexts, names, dobs)
    if joined is not None:
        return joined, 0, 0
    return _decode_each(plaintexts, names, dobs)


_FIRST_BYTE: Final = operator.itemgetter(0)
_US_BYTES: Final = US.encode("ascii")


def _decode_joined(
    plaintexts: Sequence[bytes | None],
    names: list[str] | None,
    dobs: list[str | None] | None,
) -> list[PersonFields | None] | None:
    """`decode_summaries` of a batch in which every row is version 2 and well formed (the usual
    batch), or None (nothing appended) for `_decode_each` to find the rows that are not.

    The rows are joined by the value separator, decoded from UTF-8 once and split once: a
    batch's joined split is every row's split one after the other, and one call each over
    5,000 rows costs a fifth less than a call per row. Each row's layout then says how many of
    the parts are its values. The parts are assigned to the right rows because every row
    starts with 0x02 and no value holds one: so the layouts are read exactly at the rows'
    starts, and a row with a value more or less than its layout announces leads the walk onto
    a value, which is not a layout, or off the end."""
    if not plaintexts:
        return []
    if None in plaintexts or b"" in plaintexts:  # a row that did not open, an empty one
        return None
    rows = cast("Sequence[bytes]", plaintexts)
    if set(map(_FIRST_BYTE, rows)) != {VERSION_2}:
        return None
    untrusted_joined = _US_BYTES.join(rows)
    if untrusted_joined.count(_V2_PREFIX) != len(rows):
        return None
    try:
        parts = untrusted_joined.decode("utf-8").split(US)
    except UnicodeDecodeError:
        return None
    searching = names is not None and dobs is not None
    names_before = len(names) if names is not None else 0
    dobs_before = len(dobs) if dobs is not None else 0
    result: list[PersonFields | None] = []
    append = result.append
    layouts = _LAYOUTS
    position = 0
    try:
        for _ in range(len(plaintexts)):
            head = parts[position]
            present, lists, searchable = layouts.get(head) or _layout(head)
            start = position + 1
            position = start + len(present)
            # Not strict: a slice cut short by the end of the parts fails the check below.
            fields: PersonFields = dict(zip(present, parts[start:position]))  # noqa: B905
            for name in lists:
                fields[name] = fields[name].split(RS)  # type: ignore[union-attr]
            append(fields)
            if searching:
                if searchable:
                    names += parts[start : start + 6]  # type: ignore[operator]
                    dobs.append(parts[start + 6])  # type: ignore[union-attr]
                else:
                    _add_search_values(fields, names, dobs)  # type: ignore[arg-type]
        if position != len(parts):
            raise ValueError("values left after the last row")
    except (ValueError, IndexError):
        if names is not None:
            del names[names_before:]
        if dobs is not None:
            del dobs[dobs_before:]
        return None
    return result


def _decode_each(
    plaintexts: Sequence[bytes | None],
    names: list[str] | None,
    dobs: list[str | None] | None,
) -> tuple[list[PersonFields | None], int, int]:
    """`decode_summaries` row by row, whatever the rows are."""
    result: list[PersonFields | None] = []
    append = result.append
    old = bad = 0
    searching = names is not None and dobs is not None
    layouts = _LAYOUTS
    for plaintext in plaintexts:
        if plaintext and plaintext[0] == VERSION_2:
            try:
                parts = plaintext.decode("utf-8").split(US)
                layout = layouts.get(parts[0]) or _layout(parts[0])
            except ValueError:
                append(None)
                bad += 1
                continue
            del parts[0]
            present, lists, searchable = layout
            if len(present) != len(parts):
                append(None)
                bad += 1
                continue
            fields: PersonFields = dict(zip(present, parts, strict=True))
            for name in lists:
                fields[name] = fields[name].split(RS)  # type: ignore[union-attr]
            append(fields)
            if searching:
                if searchable:
                    names += parts[:6]  # type: ignore[operator]
                    dobs.append(parts[6])  # type: ignore[union-attr]
                else:
                    _add_search_values(fields, names, dobs)  # type: ignore[arg-type]
            continue
        decoded: PersonFields | None = None
        if plaintext is not None:
            old += plaintext[:1] == b"{"
            with contextlib.suppress(ValueError, RecursionError):
                decoded = decode_summary(plaintext)
        append(decoded)
        if decoded is None:
            bad += 1
        elif searching:
            _add_search_values(decoded, names, dobs)  # type: ignore[arg-type]
    return result, old, bad


def _add_search_values(
    fields: Mapping[str, FieldValue], names: list[str], dobs: list[str | None]
) -> None:
    for name in SEARCH_FIELDS[:6]:
        value = fields.get(name)
        names.append(value if type(value) is str else "")
    dob = fields.get("dob")
    dobs.append(dob if type(dob) is str else None)


def encode_group(group: Group, content: Mapping[str, FieldValue]) -> bytes:
    """The plaintext to seal for one of a person's field groups (only the summary has v2)."""
    if group is Group.SUMMARY:
        return encode_summary(content)
    return encode_json(dict(content))


def decode_group(group: Group, plaintext: bytes) -> PersonFields:
    """One of a person's field groups from its opened plaintext."""
    if group is Group.SUMMARY:
        return decode_summary(plaintext)
    value = json.loads(plaintext)
    if type(value) is not dict:
        raise ValueError("a field group is an object")
    result: PersonFields = value
    return result
