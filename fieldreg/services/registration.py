"""The plans that register people: one person, a batch, a whole household (see write_pipeline)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from fieldreg.core.entities import PersonFields, Relationship, Status
from fieldreg.core.errors import ValidationError
from fieldreg.core.events import EventType
from fieldreg.services.field_input import relationship_code
from fieldreg.services.write_pipeline import Draft, Plan, Txn


def new_people(
    people: Sequence[Mapping[str, object]],
    validate: Callable[[Mapping[str, object]], PersonFields],
) -> list[PersonFields]:
    """Each person's fields checked (a validation error names the member: `member`, from 0),
    arriving unless a status was given."""
    validated: list[PersonFields] = []
    for position, untrusted in enumerate(people):
        try:
            fields = validate(untrusted)
        except ValidationError as exc:
            exc.params["member"] = position
            raise
        fields.setdefault("status", Status.ARRIVED.value)
        validated.append(fields)
    return validated


def registration_plan(
    validated: Sequence[PersonFields],
    relationships: Sequence[str | None],
    *,
    household: str | None,
    new_household: bool,
) -> Plan:
    """Register `validated`, linked to `household` or, with `new_household`, to a new one the
    first person heads. The plan's result: the new IDs. Refused before anything is written:
    both a household and a new one (the given one was ignored), or a relationship without
    any household (it was dropped)."""
    if household is not None and new_household:
        raise ValidationError("household_id", "validation.household_twice")
    if household is None and not new_household:
        for position, relationship in enumerate(relationships):
            if relationship is not None:
                params = {"member": position} if len(relationships) > 1 else {}
                raise ValidationError("relationship", "validation.relationship_alone", **params)

    def plan(txn: Txn) -> list[Draft]:
        drafts = []
        linked = household
        if linked is not None:
            txn.require_household(linked)
        if new_household:
            linked = txn.allocate_id()
            drafts.append(Draft(EventType.HOUSEHOLD_CREATED, linked, {}))
        for position, fields in enumerate(validated):
            person_id = txn.allocate_id()
            txn.result.append(person_id)
            drafts.append(Draft(EventType.PERSON_REGISTERED, person_id, {"fields": fields}))
            if linked is not None:
                relation = relationships[position] or (
                    Relationship.HEAD.value
                    if new_household and position == 0
                    else Relationship.OTHER_RELATIVE.value
                )
                payload = {"household_id": linked, "relationship": relation, "removes": []}
                drafts.append(Draft(EventType.MEMBER_LINKED, person_id, payload))
        return drafts

    return plan


def household_relations(relationships: Sequence[str | None]) -> list[str]:
    """Each member's relationship to the head, checked: the first heads unless told otherwise,
    the others are "other relative" unless told."""
    relations = []
    for position, relationship in enumerate(relationships):
        try:
            code = relationship_code(relationship)
        except ValidationError as exc:
            exc.params["member"] = position
            raise
        default = Relationship.HEAD if position == 0 else Relationship.OTHER_RELATIVE
        relations.append(code or default.value)
    return relations


def household_plan(
    validated: Sequence[PersonFields], relations: Sequence[str], linked: Sequence[str]
) -> Plan:
    """A new household; `validated` registered into it and the people `linked` moved into it,
    with `relations` (new members first). The plan's result: household ID, then the new IDs.
    Someone listed twice in `linked` is moved once, with the last relationship given."""
    new_relations, linked_relations = relations[: len(validated)], relations[len(validated) :]

    def plan(txn: Txn) -> list[Draft]:
        household = txn.allocate_id()
        txn.result.append(household)
        drafts = [Draft(EventType.HOUSEHOLD_CREATED, household, {})]
        for fields, relation in zip(validated, new_relations, strict=True):
            person_id = txn.allocate_id()
            txn.result.append(person_id)
            drafts.append(Draft(EventType.PERSON_REGISTERED, person_id, {"fields": fields}))
            payload = {"household_id": household, "relationship": relation, "removes": []}
            drafts.append(Draft(EventType.MEMBER_LINKED, person_id, payload))
        for person_id, relation in dict(zip(linked, linked_relations, strict=True)).items():
            state = txn.state(person_id)
            payload = {
                "household_id": household,
                "relationship": relation,
                "removes": state.households.tags(),
            }
            drafts.append(Draft(EventType.MEMBER_LINKED, state.person_id, payload))
        return drafts

    return plan
