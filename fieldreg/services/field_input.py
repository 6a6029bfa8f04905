"""What a person typed, checked before anything is written: fields, relationships, notes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from fieldreg.core.entities import (
    CONSENT_FIELDS,
    FIELDS,
    HOUSEHOLD_FIELDS,
    STATUS_FIELDS,
    PersonFields,
    Relationship,
)
from fieldreg.core.errors import ValidationError
from fieldreg.core.names import automatic_latins, passport_latin, passport_system
from fieldreg.core.validation import choice_error, validate_fields

NOTE_MAX = 2000
LATIN_OF = {
    "family_name": "latin_family_name",
    "given_name": "latin_given_name",
    "patronymic": "latin_patronymic",
}
# Fields a plain edit may change; status, consent and household links have their own events.
EDITABLE = frozenset(FIELDS) - STATUS_FIELDS - HOUSEHOLD_FIELDS - CONSENT_FIELDS


def validated_fields(
    untrusted: Mapping[str, object],
    *,
    today: dt.date,
    require_names: bool,
    current: PersonFields | None = None,
) -> PersonFields:
    """`untrusted` as typed values, with a Latin spelling produced unless one was typed (or the
    one kept from before was typed rather than produced). The produced spelling follows the
    passport the recorded citizenship, document or languages point to (`passport_system`)."""
    fields = validate_fields(untrusted, today=today, require_names=require_names)
    if require_names:
        for name in ("family_name", "given_name"):
            if not fields.get(name):
                raise ValidationError(name, "validation.required")
    recorded = {**(current or {}), **fields}
    system = passport_system(
        recorded.get("citizenship"), recorded.get("document_type"), recorded.get("languages")
    )
    for name, latin in LATIN_OF.items():
        value = fields.get(name)
        if not isinstance(value, str) or latin in untrusted:
            continue
        previous = (current or {}).get(name)
        previous_latin = (current or {}).get(latin)
        auto_before = (
            isinstance(previous, str) and previous_latin in automatic_latins(previous)
        ) or previous_latin is None
        if auto_before:
            fields[latin] = passport_latin(value, system) if value else None
    return fields


def relationship_code(relationship: str | None) -> str | None:
    if relationship is None:
        return None
    try:
        return Relationship(relationship).value
    except ValueError:
        raise choice_error(FIELDS["relationship"]) from None
