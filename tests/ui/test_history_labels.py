"""Every event a person's history can show has a title of its own in each language (a new event
type without one showed its code, e.g. "Purged", in the history)."""

from __future__ import annotations

import pytest

from fieldreg.core.events import TRANSPORT_EVENTS, EventType
from fieldreg.ui import labels

PERSON_EVENTS = [
    t for t in EventType if t not in TRANSPORT_EVENTS and t.value != "HouseholdCreated"
]


@pytest.mark.parametrize("event_type", PERSON_EVENTS, ids=lambda t: t.value)
def test_each_event_of_a_persons_history_has_its_own_title(event_type: EventType) -> None:
    assert event_type.value in labels.EVENT
