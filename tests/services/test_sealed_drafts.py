"""Unsaved input kept across a lock is sealed with the store's key and opens only once, only with
that key."""

from __future__ import annotations

import os

from fieldreg.services.sealed_drafts import SealedDrafts

DRAFT = {"register": {"version": 1, "form": {"family_name": "Ковальчук", "dob": "1984"}}}


def test_drafts_come_back_once_with_the_same_key() -> None:
    key = os.urandom(32)
    drafts = SealedDrafts()
    drafts.seal(key, DRAFT)
    assert drafts.held
    assert "Ковальчук".encode() not in drafts._sealed  # type: ignore[operator]
    assert drafts.open(key) == DRAFT
    assert not drafts.held
    assert drafts.open(key) == {}


def test_another_key_opens_nothing_and_nothing_is_kept() -> None:
    drafts = SealedDrafts()
    drafts.seal(os.urandom(32), DRAFT)
    assert drafts.open(os.urandom(32)) == {}
    assert not drafts.held


def test_no_unsaved_input_keeps_nothing() -> None:
    drafts = SealedDrafts()
    drafts.seal(os.urandom(32), {})
    assert not drafts.held
