"""Issue 11 §5: wrong passphrases meet a growing delay per operator that survives a restart,
is enforced before any KDF runs, says how long, and never locks anyone out for good."""

from __future__ import annotations

import pytest
from crypto_support import PASSPHRASE, Store

from fieldreg.core.errors import AuthError
from fieldreg.crypto import slots as slots_module
from fieldreg.crypto.attempts import MAX_DELAY_S, delay_after
from fieldreg.crypto.kdf import minimum_params
from fieldreg.crypto.slots import SlotFile

WRONG = "not the passphrase at all"


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def _fail(slot_file: SlotFile, operator_id: str) -> AuthError:
    with pytest.raises(AuthError) as caught:
        slot_file.unlock_passphrase(operator_id, WRONG)
    return caught.value


def test_the_delay_grows_is_shown_and_is_capped() -> None:
    assert [delay_after(n) for n in range(8)] == [0, 0, 0, 0, 1, 2, 4, 8]
    assert delay_after(20) == MAX_DELAY_S == 300
    assert delay_after(10_000) == MAX_DELAY_S


def test_twenty_wrong_passphrases_meet_a_delay_that_survives_a_restart(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    slot_file = SlotFile(store.path, clock=clock)
    codes = [_fail(slot_file, store.operator_id).code for _ in range(3)]
    assert codes == ["auth.wrong_passphrase"] * 3
    fourth = _fail(slot_file, store.operator_id)
    assert fourth.code == "auth.wrong_passphrase_wait"
    assert fourth.params == {"seconds": 1}
    # A restart (a new SlotFile) still knows; no KDF runs before the wait is over.
    derivations = 0
    real_derive = slots_module.derive

    def counting(passphrase: str, params: object) -> bytes:
        nonlocal derivations
        derivations += 1
        return real_derive(passphrase, params)  # type: ignore[arg-type]

    monkeypatch.setattr(slots_module, "derive", counting)
    restarted = SlotFile(store.path, clock=clock)
    early = _fail(restarted, store.operator_id)
    assert early.code == "auth.retry_later"
    assert early.params == {"seconds": 1}
    with pytest.raises(AuthError) as right_too_early:
        restarted.unlock_passphrase(store.operator_id, PASSPHRASE)  # even the right one waits
    assert right_too_early.value.code == "auth.retry_later"
    assert derivations == 0
    for expected in (2, 4, 8, 16):
        clock.now += 1000
        assert _fail(restarted, store.operator_id).params == {"seconds": expected}
    assert derivations == 4
    for _ in range(12):
        clock.now += 1000
        _fail(restarted, store.operator_id)
    clock.now += 1000
    last = _fail(restarted, store.operator_id)
    assert last.params == {"seconds": 300}  # capped: never a permanent lockout
    clock.now += 300
    assert restarted.unlock_passphrase(store.operator_id, PASSPHRASE) == store.data_key
    # A success clears the count: the next mistake is free again.
    assert _fail(restarted, store.operator_id).code == "auth.wrong_passphrase"


def test_the_delay_is_per_operator_and_the_recovery_key_still_opens(store: Store) -> None:
    clock = Clock()
    slot_file = SlotFile(store.path, clock=clock)
    other = slot_file.add_operator(
        store.data_key, "Petro", "Petro's own passphrase", minimum_params()
    )
    for _ in range(6):
        clock.now += 100
        _fail(slot_file, store.operator_id)
    assert _fail(slot_file, store.operator_id).code == "auth.retry_later"
    assert slot_file.unlock_passphrase(other, "Petro's own passphrase") == store.data_key
    assert slot_file.unlock_recovery(store.recovery_key) == store.data_key


def test_a_clock_set_back_does_not_lock_out_for_ever(store: Store) -> None:
    clock = Clock()
    slot_file = SlotFile(store.path, clock=clock)
    for _ in range(5):
        _fail(slot_file, store.operator_id)
    clock.now -= 365 * 24 * 3600  # the laptop's clock jumps a year back
    assert _fail(slot_file, store.operator_id).code == "auth.retry_later"
    clock.now += 2  # one delay (2 s) from the moment the jump was seen
    assert slot_file.unlock_passphrase(store.operator_id, PASSPHRASE) == store.data_key


def test_a_damaged_counter_file_counts_as_no_failures(store: Store) -> None:
    clock = Clock()
    slot_file = SlotFile(store.path, clock=clock)
    for _ in range(5):
        _fail(slot_file, store.operator_id)
    store.path.with_name("slots.json.attempts").write_bytes(b"\xff not json")
    assert slot_file.unlock_passphrase(store.operator_id, PASSPHRASE) == store.data_key
