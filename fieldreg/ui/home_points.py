"""People from elsewhere (a roster brought them): the point that registered them, as a small mark
("from Border tent 2") beside their name in the search results and the roster.

An ID starts with the prefix of the device that registered the person, so one person view per
prefix tells the point's name (the roster's list of devices) for everyone with that prefix; the
answers are kept per page, prefix -> point name ("" for a prefix that is this laptop's, or one no
roster named), until the store is locked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication

from fieldreg.core.errors import FieldregError
from fieldreg.services.session import Session


def id_prefix(person_id: str) -> str:
    return person_id.split("-", 1)[0]


def learn_home_points(
    session: Session, person_ids: Iterable[str], known: Mapping[str, str]
) -> dict[str, str]:
    """Runs on the worker: prefix -> point name for the prefixes of `person_ids` not in `known`."""
    first: dict[str, str] = {}
    for person_id in person_ids:
        prefix = id_prefix(person_id)
        if prefix not in known and prefix not in first:
            first[prefix] = person_id
    learnt: dict[str, str] = {}
    for prefix, person_id in first.items():
        if prefix == session.prefix:
            learnt[prefix] = ""
            continue
        try:
            learnt[prefix] = session.person(person_id).home_point or ""
        except FieldregError:  # erased or purged meanwhile: ask again with the next person
            continue
    return learnt


def home_mark(point: str) -> str:
    """ "from Border tent 2", translated."""
    return QCoreApplication.translate("HomePoints", "from {point}").format(point=point)
