"""People and households: the vocabulary every layer shares.

A person is a flat mapping of field name -> value so that events can change single fields and the
merge can decide each field on its own (last writer wins per field). `FIELDS` is the catalogue:
each field's kind, its limit and the sealed group it is stored in. Values are JSON-ready: `str`,
`list[str]` or `None` (unset).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class Status(StrEnum):
    ARRIVED = "arrived"
    WAITING = "waiting"
    MEDICAL_REFERRAL = "medical_referral"
    DEPARTED = "departed"
    HANDED_OVER = "handed_over"
    REUNITED = "reunited"
    LEFT_ON_OWN = "left_on_own"


class Need(StrEnum):
    MEDICAL = "medical"
    MOBILITY = "mobility"
    PREGNANCY = "pregnancy"
    DISABILITY = "disability"
    ELDERLY_ALONE = "elderly_alone"
    UNACCOMPANIED_CHILD = "unaccompanied_child"
    SEPARATED_CHILD = "separated_child"


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    UNDECIDED = "undecided"


class Relationship(StrEnum):
    HEAD = "head"
    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    SIBLING = "sibling"
    GRANDCHILD = "grandchild"
    GRANDPARENT = "grandparent"
    OTHER_RELATIVE = "other_relative"
    NOT_RELATED = "not_related"


class Kind(StrEnum):
    """How a field's value is parsed and checked."""

    NAME = "name"  # one line of text, letters, spaces, apostrophes and hyphens
    TEXT = "text"  # one line of free text
    NOTE = "note"  # several lines of free text
    DOB = "dob"  # see fieldreg.core.validation.parse_dob
    PHONE = "phone"
    CHOICE = "choice"  # one of `choices`
    CHOICES = "choices"  # a set of `choices`, stored sorted
    LANGUAGES = "languages"  # a list of language tags ("uk", "ru", "crh", ...)


class Group(StrEnum):
    """Sealed field groups, one column each. `SUMMARY` is opened for every person at unlock (search
    and roster need it), so it holds only what those need: one decryption per person keeps unlock of
    100,000 people under a second. `DETAILS` is opened only when a person is shown."""

    SUMMARY = "summary"
    DETAILS = "details"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    kind: Kind
    group: Group
    max_len: int = 100
    choices: tuple[str, ...] = ()
    required: bool = False


def _choices(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


FIELDS: Final[Mapping[str, FieldSpec]] = {
    spec.name: spec
    for spec in (
        FieldSpec("family_name", Kind.NAME, Group.SUMMARY, required=True),
        FieldSpec("given_name", Kind.NAME, Group.SUMMARY, required=True),
        FieldSpec("patronymic", Kind.NAME, Group.SUMMARY),
        FieldSpec("latin_family_name", Kind.NAME, Group.SUMMARY),
        FieldSpec("latin_given_name", Kind.NAME, Group.SUMMARY),
        FieldSpec("latin_patronymic", Kind.NAME, Group.SUMMARY),
        FieldSpec("sex", Kind.CHOICE, Group.SUMMARY, choices=_choices(Sex)),
        FieldSpec("dob", Kind.DOB, Group.SUMMARY, max_len=10),
        FieldSpec("origin_settlement", Kind.TEXT, Group.DETAILS),
        FieldSpec("origin_district", Kind.TEXT, Group.DETAILS),
        FieldSpec("origin_region", Kind.TEXT, Group.DETAILS),
        FieldSpec("origin_country", Kind.TEXT, Group.DETAILS, max_len=60),
        FieldSpec("citizenship", Kind.TEXT, Group.DETAILS, max_len=60),
        FieldSpec("document_type", Kind.TEXT, Group.DETAILS, max_len=60),
        FieldSpec("document_number", Kind.TEXT, Group.DETAILS, max_len=40),
        FieldSpec("phone", Kind.PHONE, Group.DETAILS, max_len=20),
        FieldSpec("languages", Kind.LANGUAGES, Group.DETAILS, max_len=10),
        FieldSpec("needs", Kind.CHOICES, Group.SUMMARY, choices=_choices(Need)),
        FieldSpec("needs_note", Kind.NOTE, Group.DETAILS, max_len=2000),
        FieldSpec("consent_data", Kind.CHOICE, Group.DETAILS, choices=_choices(Answer)),
        FieldSpec("consent_tracing", Kind.CHOICE, Group.DETAILS, choices=_choices(Answer)),
        FieldSpec("wishes_evacuation", Kind.CHOICE, Group.DETAILS, choices=_choices(Answer)),
        FieldSpec("status", Kind.CHOICE, Group.SUMMARY, choices=_choices(Status)),
        FieldSpec("status_transport", Kind.TEXT, Group.SUMMARY),
        FieldSpec("status_location", Kind.TEXT, Group.SUMMARY),
        FieldSpec("household_id", Kind.TEXT, Group.SUMMARY, max_len=16),
        FieldSpec("relationship", Kind.CHOICE, Group.SUMMARY, choices=_choices(Relationship)),
    )
}

# Fields set through their own events (StatusChanged, MemberLinked), not through FieldsChanged.
STATUS_FIELDS: Final = frozenset({"status", "status_transport", "status_location"})
HOUSEHOLD_FIELDS: Final = frozenset({"household_id", "relationship"})
CONSENT_FIELDS: Final = frozenset({"consent_data", "consent_tracing", "wishes_evacuation"})

FieldValue = str | list[str] | None
PersonFields = dict[str, FieldValue]


def fields_in_group(group: Group) -> tuple[str, ...]:
    return tuple(name for name, spec in FIELDS.items() if spec.group is group)


# --- transports (buses, convoys, trains) -------------------------------------------------------


class TransportKind(StrEnum):
    BUS = "bus"
    CONVOY = "convoy"
    TRAIN = "train"
    OTHER = "other"


# A transport is a flat mapping of these fields, changed one field at a time like a person's.
# `departure` is "YYYY-MM-DD HH:MM" (local time of the point that planned it) or "YYYY-MM-DD";
# `capacity` a whole number of seats as digits.
TRANSPORT_FIELDS: Final[Mapping[str, FieldSpec]] = {
    spec.name: spec
    for spec in (
        FieldSpec("kind", Kind.CHOICE, Group.DETAILS, choices=_choices(TransportKind)),
        FieldSpec("name", Kind.TEXT, Group.DETAILS, required=True),
        FieldSpec("route", Kind.TEXT, Group.DETAILS, max_len=200),
        FieldSpec("border_crossing", Kind.TEXT, Group.DETAILS),
        FieldSpec("departure", Kind.TEXT, Group.DETAILS, max_len=16),
        FieldSpec("receiving_party", Kind.TEXT, Group.DETAILS, max_len=200),
        FieldSpec("capacity", Kind.TEXT, Group.DETAILS, max_len=4),
        FieldSpec("point", Kind.TEXT, Group.DETAILS),
    )
}
SEAT_MAX: Final = 8


class Assistance(StrEnum):
    """How a passenger must be helped on the way (recorded with their place on a transport)."""

    WHEELCHAIR = "wheelchair"
    STRETCHER = "stretcher"
    MEDICAL_ESCORT = "medical_escort"


ASSISTANCE: Final = _choices(Assistance)
