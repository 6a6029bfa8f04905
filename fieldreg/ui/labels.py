"""Words for the codes the store keeps: statuses, needs, relationships, consent answers, sex,
search reasons and history entries. Defined once here, marked for Qt Linguist (context "Labels")
and translated when shown, so every page says the same thing for the same code."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication

from fieldreg.core.dates import day_first
from fieldreg.core.entities import (
    Answer,
    Assistance,
    Need,
    Relationship,
    Sex,
    Status,
    TransportKind,
)
from fieldreg.core.messages import FIELD_LABELS, QT_TRANSLATE_NOOP

STATUS: Final[dict[str, str]] = {
    Status.ARRIVED: QT_TRANSLATE_NOOP("Labels", "Arrived"),
    Status.WAITING: QT_TRANSLATE_NOOP("Labels", "Waiting"),
    Status.MEDICAL_REFERRAL: QT_TRANSLATE_NOOP("Labels", "Medical referral"),
    Status.DEPARTED: QT_TRANSLATE_NOOP("Labels", "Departed"),
    Status.HANDED_OVER: QT_TRANSLATE_NOOP("Labels", "Handed over"),
    Status.REUNITED: QT_TRANSLATE_NOOP("Labels", "Reunited"),
    Status.LEFT_ON_OWN: QT_TRANSLATE_NOOP("Labels", "Left on own"),
}

# Ukrainian and Russian statuses agree with the person ("Прибув" / "Прибула", "Прибыл" /
# "Прибыла"). Qt Linguist tells the forms apart by disambiguation; the plain STATUS entry is the
# neutral form, for a sex that is other or unknown. These tables exist for lupdate: the English
# words are the same in all three.
_FEMALE: Final = "status, female"
_MALE: Final = "status, male"
_STATUS_FEMALE: Final[dict[str, str]] = {
    Status.ARRIVED: QT_TRANSLATE_NOOP("Labels", "Arrived", "status, female"),
    Status.WAITING: QT_TRANSLATE_NOOP("Labels", "Waiting", "status, female"),
    Status.MEDICAL_REFERRAL: QT_TRANSLATE_NOOP("Labels", "Medical referral", "status, female"),
    Status.DEPARTED: QT_TRANSLATE_NOOP("Labels", "Departed", "status, female"),
    Status.HANDED_OVER: QT_TRANSLATE_NOOP("Labels", "Handed over", "status, female"),
    Status.REUNITED: QT_TRANSLATE_NOOP("Labels", "Reunited", "status, female"),
    Status.LEFT_ON_OWN: QT_TRANSLATE_NOOP("Labels", "Left on own", "status, female"),
}
_STATUS_MALE: Final[dict[str, str]] = {
    Status.ARRIVED: QT_TRANSLATE_NOOP("Labels", "Arrived", "status, male"),
    Status.WAITING: QT_TRANSLATE_NOOP("Labels", "Waiting", "status, male"),
    Status.MEDICAL_REFERRAL: QT_TRANSLATE_NOOP("Labels", "Medical referral", "status, male"),
    Status.DEPARTED: QT_TRANSLATE_NOOP("Labels", "Departed", "status, male"),
    Status.HANDED_OVER: QT_TRANSLATE_NOOP("Labels", "Handed over", "status, male"),
    Status.REUNITED: QT_TRANSLATE_NOOP("Labels", "Reunited", "status, male"),
    Status.LEFT_ON_OWN: QT_TRANSLATE_NOOP("Labels", "Left on own", "status, male"),
}
_STATUS_BY_SEX: Final[dict[str, tuple[str, dict[str, str]]]] = {
    Sex.FEMALE: (_FEMALE, _STATUS_FEMALE),
    Sex.MALE: (_MALE, _STATUS_MALE),
}

NEED: Final[dict[str, str]] = {
    Need.MEDICAL: QT_TRANSLATE_NOOP("Labels", "Medical"),
    Need.MOBILITY: QT_TRANSLATE_NOOP("Labels", "Mobility"),
    Need.PREGNANCY: QT_TRANSLATE_NOOP("Labels", "Pregnancy"),
    Need.DISABILITY: QT_TRANSLATE_NOOP("Labels", "Disability"),
    Need.ELDERLY_ALONE: QT_TRANSLATE_NOOP("Labels", "Elderly, alone"),
    Need.UNACCOMPANIED_CHILD: QT_TRANSLATE_NOOP("Labels", "Unaccompanied child"),
    Need.SEPARATED_CHILD: QT_TRANSLATE_NOOP("Labels", "Separated child"),
}

RELATIONSHIP: Final[dict[str, str]] = {
    Relationship.HEAD: QT_TRANSLATE_NOOP("Labels", "Head of household"),
    Relationship.SPOUSE: QT_TRANSLATE_NOOP("Labels", "Spouse or partner"),
    Relationship.CHILD: QT_TRANSLATE_NOOP("Labels", "Child"),
    Relationship.PARENT: QT_TRANSLATE_NOOP("Labels", "Parent"),
    Relationship.SIBLING: QT_TRANSLATE_NOOP("Labels", "Brother or sister"),
    Relationship.GRANDCHILD: QT_TRANSLATE_NOOP("Labels", "Grandchild"),
    Relationship.GRANDPARENT: QT_TRANSLATE_NOOP("Labels", "Grandparent"),
    Relationship.OTHER_RELATIVE: QT_TRANSLATE_NOOP("Labels", "Other relative"),
    Relationship.NOT_RELATED: QT_TRANSLATE_NOOP("Labels", "Not related"),
}

ANSWER: Final[dict[str, str]] = {
    Answer.YES: QT_TRANSLATE_NOOP("Labels", "Yes"),
    Answer.NO: QT_TRANSLATE_NOOP("Labels", "No"),
    Answer.UNDECIDED: QT_TRANSLATE_NOOP("Labels", "Undecided"),
}

SEX: Final[dict[str, str]] = {
    Sex.FEMALE: QT_TRANSLATE_NOOP("Labels", "Female"),
    Sex.MALE: QT_TRANSLATE_NOOP("Labels", "Male"),
    Sex.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
    Sex.UNKNOWN: QT_TRANSLATE_NOOP("Labels", "Unknown"),
}

# Why the search thinks two people may be one (fieldreg.services.search_index reason codes).
REASON: Final[dict[str, str]] = {
    "id.exact": QT_TRANSLATE_NOOP("Labels", "same ID"),
    "name.exact": QT_TRANSLATE_NOOP("Labels", "same name"),
    "name.fuzzy": QT_TRANSLATE_NOOP("Labels", "similar spelling"),
    "name.prefix": QT_TRANSLATE_NOOP("Labels", "name begins the same"),
    "name.unmatched": QT_TRANSLATE_NOOP("Labels", "a name differs"),
    "name.other_script": QT_TRANSLATE_NOOP("Labels", "written in another alphabet"),
    "name.order": QT_TRANSLATE_NOOP("Labels", "names in another order"),
    "name.partial": QT_TRANSLATE_NOOP("Labels", "some names not compared"),
    "dob.exact": QT_TRANSLATE_NOOP("Labels", "same date of birth"),
    "dob.year": QT_TRANSLATE_NOOP("Labels", "same year of birth"),
    "dob.off_by_one": QT_TRANSLATE_NOOP("Labels", "born a year apart"),
    "dob.unknown": QT_TRANSLATE_NOOP("Labels", "no date of birth on record"),
}

# Why a person is erased (the coordinator's fixed list, fieldreg.services.erasure.REASONS).
ERASURE_REASON: Final[dict[str, str]] = {
    "data_subject_request": QT_TRANSLATE_NOOP("Labels", "The person asked to be erased"),
    "registered_in_error": QT_TRANSLATE_NOOP("Labels", "Registered in error"),
    "duplicate_of_erased": QT_TRANSLATE_NOOP("Labels", "Duplicate of an erased person"),
    "protection_risk": QT_TRANSLATE_NOOP("Labels", "Keeping the record puts the person at risk"),
}

# History entries, by event type (fieldreg.core.events.EventType values).
EVENT: Final[dict[str, str]] = {
    "PersonRegistered": QT_TRANSLATE_NOOP("Labels", "Registered"),
    "FieldsChanged": QT_TRANSLATE_NOOP("Labels", "Edited"),
    "StatusChanged": QT_TRANSLATE_NOOP("Labels", "Status changed"),
    "NoteAdded": QT_TRANSLATE_NOOP("Labels", "Note added"),
    "MemberLinked": QT_TRANSLATE_NOOP("Labels", "Joined a household"),
    "MemberUnlinked": QT_TRANSLATE_NOOP("Labels", "Left the household"),
    "BandIssued": QT_TRANSLATE_NOOP("Labels", "Band printed"),
    "BandVoided": QT_TRANSLATE_NOOP("Labels", "Band voided"),
    "ConsentRecorded": QT_TRANSLATE_NOOP("Labels", "Consent recorded"),
    "MarkedDuplicate": QT_TRANSLATE_NOOP("Labels", "Marked as duplicate"),
    "DuplicateUnmarked": QT_TRANSLATE_NOOP("Labels", "Duplicate mark removed"),
    "Erased": QT_TRANSLATE_NOOP("Labels", "Erased"),
    "Purged": QT_TRANSLATE_NOOP("Labels", "Purged from this laptop (retention)"),
}

# "Registered" agrees with the person too (ru "Зарегистрирована"), by the same disambiguations.
_REGISTERED_BY_SEX: Final[dict[str, tuple[str, str]]] = {
    Sex.FEMALE: (_FEMALE, QT_TRANSLATE_NOOP("Labels", "Registered", "status, female")),
    Sex.MALE: (_MALE, QT_TRANSLATE_NOOP("Labels", "Registered", "status, male")),
}
# So do these, by `agreeing` (ru "Добавлена в домохозяйство", "Исключён из домохозяйства").
_AGREEING_EVENTS: Final = frozenset({"MemberLinked", "MemberUnlinked"})
_AGREEING_EVENT_FORMS: Final = (
    QT_TRANSLATE_NOOP("Labels", "Joined a household", "female"),
    QT_TRANSLATE_NOOP("Labels", "Joined a household", "male"),
    QT_TRANSLATE_NOOP("Labels", "Left the household", "female"),
    QT_TRANSLATE_NOOP("Labels", "Left the household", "male"),
)

# Which table translates the values of a choice field.
CHOICE_FIELDS: Final[dict[str, dict[str, str]]] = {
    "status": STATUS,
    "needs": NEED,
    "relationship": RELATIONSHIP,
    "consent_data": ANSWER,
    "consent_tracing": ANSWER,
    "wishes_evacuation": ANSWER,
    "sex": SEX,
}


def label(table: dict[str, str], code: str) -> str:
    """The translated word for `code`; an unknown code (from a newer version) is shown as is."""
    source = table.get(code)
    return code if source is None else QCoreApplication.translate("Labels", source)


def status_label(code: str, sex: object = None) -> str:
    """The translated status of a person whose recorded sex is `sex` (a Sex code, or None):
    the form that agrees with it where the language has one, else the neutral form."""
    disambiguation, table = _STATUS_BY_SEX.get(sex if isinstance(sex, str) else "", (None, STATUS))
    source = table.get(code)
    return code if source is None else QCoreApplication.translate("Labels", source, disambiguation)


def event_label(event_type: str, sex: object = None) -> str:
    """The translated title of a history entry about a person whose recorded sex is `sex`."""
    gendered = _REGISTERED_BY_SEX.get(sex if isinstance(sex, str) else "")
    if event_type == "PersonRegistered" and gendered is not None:
        return QCoreApplication.translate("Labels", gendered[1], gendered[0])
    if event_type in _AGREEING_EVENTS:
        return agreeing("Labels", EVENT[event_type], sex)
    return label(EVENT, event_type)


def field_label(field: str) -> str:
    return QCoreApplication.translate("Fields", FIELD_LABELS.get(field, field))


def value_text(field: str, value: object, sex: object = None) -> str:
    """A stored value of `field` as a person reads it (choices translated, lists joined); a
    status agrees with the person's recorded `sex`."""
    if value is None or value in ("", []):
        return ""
    if field == "status" and isinstance(value, str):
        return status_label(value, sex)
    table = CHOICE_FIELDS.get(field)
    if isinstance(value, list):
        items = [label(table, str(item)) if table else str(item) for item in value]
        return ", ".join(items)
    text = str(value)
    if table is not None:
        return label(table, text)
    if field == "dob":
        return dob_text(text)
    return text


def dob_text(dob: str) -> str:
    """A canonical date of birth as volunteers write it: 12.03.1984, 1984 or ~1984."""
    return day_first(dob)


# What a column of a list of sought persons can hold (the mapping dialog, ui/list_mapping_dialog).
LIST_FIELD: Final[dict[str, str]] = {
    "reference": QT_TRANSLATE_NOOP("Labels", "The list's own id"),
    "family": QT_TRANSLATE_NOOP("Labels", "Family name"),
    "given": QT_TRANSLATE_NOOP("Labels", "Given name"),
    "patronymic": QT_TRANSLATE_NOOP("Labels", "Patronymic"),
    "full_name": QT_TRANSLATE_NOOP("Labels", "Full name (family name first)"),
    "dob": QT_TRANSLATE_NOOP("Labels", "Date or year of birth"),
    "sex": QT_TRANSLATE_NOOP("Labels", "Sex"),
    "place": QT_TRANSLATE_NOOP("Labels", "Place of origin"),
}

# --- transports ------------------------------------------------------------------------------

TRANSPORT_KIND: Final[dict[str, str]] = {
    TransportKind.BUS: QT_TRANSLATE_NOOP("Labels", "Bus"),
    TransportKind.CONVOY: QT_TRANSLATE_NOOP("Labels", "Convoy"),
    TransportKind.TRAIN: QT_TRANSLATE_NOOP("Labels", "Train"),
    TransportKind.OTHER: QT_TRANSLATE_NOOP("Labels", "Other transport"),
}
ASSISTANCE_LABELS: Final[dict[str, str]] = {
    Assistance.WHEELCHAIR: QT_TRANSLATE_NOOP("Labels", "Wheelchair"),
    Assistance.STRETCHER: QT_TRANSLATE_NOOP("Labels", "Stretcher"),
    Assistance.MEDICAL_ESCORT: QT_TRANSLATE_NOOP("Labels", "Medical escort"),
}


_AGREEING_FORMS: Final = {Sex.FEMALE.value: "female", Sex.MALE.value: "male"}


def agreeing(context: str, source: str, sex: object) -> str:
    """`source` of `context` translated in the form that agrees with a person of recorded
    `sex` (its entry disambiguated "female" or "male"; Ukrainian and Russian need them), else
    in the plain form, for a sex that is other or not recorded."""
    form = _AGREEING_FORMS.get(sex) if isinstance(sex, str) else None
    return QCoreApplication.translate(context, source, form)
