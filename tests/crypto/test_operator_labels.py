"""Issue 11 §4: an operator name that looks like another one, or mixes scripts, is refused."""

from __future__ import annotations

import pytest
from crypto_support import Store

from fieldreg.core.errors import ValidationError
from fieldreg.crypto.kdf import minimum_params
from fieldreg.crypto.operator_labels import skeleton

OTHER = "another long passphrase"


def _add(store: Store, label: str) -> str:
    return store.slot_file.add_operator(store.data_key, label, OTHER, minimum_params())


@pytest.mark.parametrize(
    ("existing", "candidate", "code"),
    [
        ("Tester", "\u0422\u0435ster", "operator.mixed_script"),  # Cyrillic Te and ie inside
        ("Copa", "\u0421\u043e\u0440\u0430", "operator.confusable"),  # all Cyrillic, same look
        ("Kate", "\u041a\u0430\u0442\u0435", "operator.confusable"),
        ("Ivan", "lvan", "operator.confusable"),  # lower-case L for capital i
        ("Olena", "OLENA", "operator.duplicate"),
        ("Olena", "O\u0301lena", "operator.confusable"),  # an accent does not make it another
    ],
)
def test_look_alike_names_are_refused(
    store: Store, existing: str, candidate: str, code: str
) -> None:
    if existing != "Olena":
        _add(store, existing)
    before = [o.label for o in store.slot_file.operators()]
    with pytest.raises(ValidationError) as caught:
        _add(store, candidate)
    assert caught.value.code == code
    assert caught.value.field == "operator"
    assert [o.label for o in store.slot_file.operators()] == before


def test_names_that_only_share_a_meaning_are_allowed(store: Store) -> None:
    _add(store, "\u041e\u043b\u0435\u043d\u0430")  # Olena in Cyrillic: looks different
    _add(store, "Olena 2")
    assert len(store.slot_file.operators()) == 3


def test_the_skeleton_folds_case_accents_and_look_alikes() -> None:
    assert skeleton("\u0422\u0435ster") == skeleton("tester")
    assert skeleton("  Jos\u00e9   Ma ") == "jose ma"
