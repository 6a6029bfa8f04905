"""What the CLI points out once people are saved, on stderr: the checks the desk shows beside its
forms. A minor registered alone and not marked unaccompanied or separated, and a relationship to
the household's head that the years of birth make unlikely. Saved is saved: the exit code and
what goes to stdout do not change (scripts reading the ID or the JSON are not disturbed)."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from fieldreg.core.children import alone_without_flag
from fieldreg.core.entities import Relationship
from fieldreg.core.kinship import kinship_doubt, year_of
from fieldreg.core.messages import kinship_text
from fieldreg.services.session import Session

CHILD_ALONE = (
    "under 18, registered alone and not marked unaccompanied or separated: check who is with "
    "the child (--needs unaccompanied_child or separated_child)."
)


def second_look(session: Session, person_ids: Iterable[str]) -> list[str]:
    """One line per doubt about the people given ("K7-0005-T: A spouse or partner under 16:
    check the relationship.")."""
    today = session.today()
    lines = []
    for person_id in person_ids:
        view = session.person(person_id)
        fields = view.fields
        if alone_without_flag(fields, today):
            lines.append(f"{person_id}: {CHILD_ALONE}")
        relationship = fields.get("relationship")
        if relationship in (None, Relationship.HEAD.value):
            continue
        heads = [
            session.person(member).fields
            for member in view.household_members
            if member != person_id
        ]
        head = next((h for h in heads if h.get("relationship") == Relationship.HEAD.value), None)
        if head is None:
            continue
        doubt = kinship_doubt(head.get("dob"), fields.get("dob"), relationship, today)
        if doubt is not None:
            sentence = kinship_text(doubt, year_of(head.get("dob")), year_of(fields.get("dob")))
            lines.append(f"{person_id}: {sentence}")
    return lines


def print_second_look(session: Session, person_ids: Iterable[str]) -> None:
    for line in second_look(session, person_ids):
        print(f"fieldreg: warning: {line}", file=sys.stderr)
