"""What the CLI points out once people are saved, on stderr: the checks the desk shows beside its
forms. A minor registered alone and not marked unaccompanied or separated, and a relationship to
the household's head that the years of birth make unlikely. Saved is saved: the exit code and
what goes to stdout do not change (scripts reading the ID or the JSON are not disturbed)."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from fieldreg.core.children import alone_without_flag, year_of
from fieldreg.core.entities import Relationship
from fieldreg.core.kinship import kinship_doubt
from fieldreg.core.messages import kinship_text
from fieldreg.services.session import Session

CHILD_ALONE = (
    "under 18, registered alone and not marked unaccompanied or separated: check who is with "
    "the child (--needs unaccompanied_child or separated_child)."
)


def second_look(session: Session, person_ids: Iterable[str]) -> list[str]:
    """One line per doubt about the people given ("K7-0005-T: A spouse or partner under 16:
    check the relationship."), read from the summaries the session holds (a save updates
    them)."""
    today = session.today()
    people = session.people
    lines = []
    for person_id in person_ids:
        fields = people.summary(person_id) or {}
        if alone_without_flag(fields, today):
            lines.append(f"{person_id}: {CHILD_ALONE}")
        relationship, household = fields.get("relationship"), fields.get("household_id")
        if relationship in (None, Relationship.HEAD.value) or not isinstance(household, str):
            continue
        members = (people.summary(m) or {} for m in people.household_members(household))
        head = next((h for h in members if h.get("relationship") == Relationship.HEAD.value), {})
        doubt = kinship_doubt(head.get("dob"), fields.get("dob"), relationship, today)
        if doubt is not None:
            sentence = kinship_text(doubt, year_of(head.get("dob")), year_of(fields.get("dob")))
            lines.append(f"{person_id}: {sentence}")
    return lines


def print_second_look(session: Session, person_ids: Iterable[str]) -> None:
    for line in second_look(session, person_ids):
        print(f"fieldreg: warning: {line}", file=sys.stderr)
