"""A household described in a file, for `fieldreg household register`: a JSON list of members.

Each member is an object of field names (as `fieldreg show --json` prints them) plus an optional
"relationship" to the head (head, spouse, child, parent, sibling, grandchild, grandparent,
other_relative, not_related; the first member heads by default); a member with an "id" is
someone already registered, to be moved into the new household. Everyone is saved in one
transaction or no one is: a refused file can be corrected and given again. For example

    [{"relationship": "head", "family_name": "Коваль", "given_name": "Олена", "dob": "1984"},
     {"relationship": "child", "family_name": "Коваль", "given_name": "Марко"},
     {"relationship": "grandparent", "id": "K7-0042-X"}]
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from fieldreg.core import canonical
from fieldreg.core.errors import FieldregError
from fieldreg.services.outside_files import read_outside_file

MAX_FILE_BYTES = 1024 * 1024  # some thousand members: far more than any family
MAX_MEMBERS = 200

NewMember = tuple[dict[str, object], str | None]
LinkedMember = tuple[str, str | None]


def read_members_file(path: Path, stdin: BinaryIO | None = None) -> bytes:
    """The file's bytes, read only if it is a regular file (or `-`: standard input); a file
    over the limit is refused by its size before it is read, standard input read at most one
    byte past the limit (the parser then says "too large")."""
    if str(path) == "-" and stdin is not None:
        return stdin.read(MAX_FILE_BYTES + 1)
    too_large = FieldregError("json.too_large", max=MAX_FILE_BYTES)
    return read_outside_file(path, MAX_FILE_BYTES, too_large)


def parse_members(untrusted: bytes) -> tuple[list[NewMember], list[LinkedMember]]:
    """(new members: fields and relationship; registered people: ID and relationship)."""
    untrusted_members = canonical.loads(untrusted, max_bytes=MAX_FILE_BYTES)
    if not isinstance(untrusted_members, list) or len(untrusted_members) > MAX_MEMBERS:
        raise FieldregError("household.members_file", member=1)
    new: list[NewMember] = []
    linked: list[LinkedMember] = []
    for position, untrusted_member in enumerate(untrusted_members):
        if not isinstance(untrusted_member, dict):
            raise FieldregError("household.members_file", member=position + 1)
        fields = dict(untrusted_member)
        relationship = fields.pop("relationship", None)
        person_id = fields.pop("id", None)
        if relationship is not None and not isinstance(relationship, str):
            raise FieldregError("household.members_file", member=position + 1)
        if person_id is None:
            new.append((fields, relationship))
        elif isinstance(person_id, str) and not fields:
            linked.append((person_id, relationship))
        else:  # an ID with fields: an edit, which this command does not make
            raise FieldregError("household.members_file", member=position + 1)
    return new, linked
