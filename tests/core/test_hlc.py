"""Hybrid logical clock: monotonic under clock jumps, merges remote time, packs sortably."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldreg.core.hlc import MAX_LOGICAL, MAX_WALL_MS, Hlc, HybridClock

T0 = 1_780_000_000_000  # an arbitrary wall time in 2026, ms


def fake_clock(readings: list[int]) -> Callable[[], int]:
    """A wall clock that returns the given readings in turn, then repeats the last one."""
    remaining = list(readings)

    def now_ms() -> int:
        if len(remaining) > 1:
            return remaining.pop(0)
        return remaining[0]

    return now_ms


def test_tick_follows_the_wall_clock_when_it_moves_forward() -> None:
    clock = HybridClock(fake_clock([T0, T0 + 5, T0 + 9]))
    assert clock.last is None
    assert [clock.tick() for _ in range(3)] == [Hlc(T0, 0), Hlc(T0 + 5, 0), Hlc(T0 + 9, 0)]
    assert clock.last == Hlc(T0 + 9, 0)


def test_tick_in_the_same_millisecond_counts_logically() -> None:
    clock = HybridClock(fake_clock([T0]))
    assert [clock.tick() for _ in range(3)] == [Hlc(T0, 0), Hlc(T0, 1), Hlc(T0, 2)]


def test_wall_clock_jumping_back_keeps_time_moving_forward() -> None:
    # NTP correction or a volunteer fixing the laptop's date: one hour back.
    clock = HybridClock(fake_clock([T0, T0 - 3_600_000, T0 - 3_599_000, T0 + 1]))
    stamps = [clock.tick() for _ in range(4)]
    assert stamps == [Hlc(T0, 0), Hlc(T0, 1), Hlc(T0, 2), Hlc(T0 + 1, 0)]


def test_wall_clock_jumping_forward_is_followed() -> None:
    clock = HybridClock(fake_clock([T0, T0 + 86_400_000]))
    clock.tick()
    assert clock.tick() == Hlc(T0 + 86_400_000, 0)


def test_restart_from_a_saved_last_stamp_with_a_clock_behind_it() -> None:
    clock = HybridClock(fake_clock([T0 - 10]), last=Hlc(T0, 7))
    assert clock.tick() == Hlc(T0, 8)


def test_logical_overflow_carries_into_the_next_millisecond() -> None:
    clock = HybridClock(fake_clock([T0]), last=Hlc(T0, MAX_LOGICAL - 1))
    assert clock.tick() == Hlc(T0, MAX_LOGICAL)
    assert clock.tick() == Hlc(T0 + 1, 0)
    assert clock.tick() == Hlc(T0 + 1, 1)


def test_observe_a_remote_from_the_future_adopts_its_time() -> None:
    clock = HybridClock(fake_clock([T0]))
    clock.tick()
    remote = Hlc(T0 + 60_000, 4)
    merged = clock.observe(remote)
    assert merged == Hlc(T0 + 60_000, 5)
    # Local events after it stay after it, although the wall clock has not caught up.
    assert clock.tick() == Hlc(T0 + 60_000, 6)


def test_observe_a_remote_from_the_past_keeps_local_time() -> None:
    clock = HybridClock(fake_clock([T0 + 10, T0 + 10]))
    clock.tick()
    assert clock.observe(Hlc(T0, 99)) == Hlc(T0 + 10, 1)


def test_observe_when_the_wall_clock_is_ahead_of_both() -> None:
    clock = HybridClock(fake_clock([T0, T0 + 50]))
    clock.tick()
    assert clock.observe(Hlc(T0 + 20, 3)) == Hlc(T0 + 50, 0)


def test_observe_same_millisecond_takes_the_larger_logical() -> None:
    clock = HybridClock(fake_clock([T0]), last=Hlc(T0, 2))
    assert clock.observe(Hlc(T0, 9)) == Hlc(T0, 10)
    assert clock.observe(Hlc(T0, 1)) == Hlc(T0, 11)


def test_observe_on_a_fresh_clock() -> None:
    clock = HybridClock(fake_clock([T0]))
    assert clock.observe(Hlc(T0, 3)) == Hlc(T0, 4)


def test_observe_overflow_carries() -> None:
    clock = HybridClock(fake_clock([T0]), last=Hlc(T0, 5))
    assert clock.observe(Hlc(T0, MAX_LOGICAL)) == Hlc(T0 + 1, 0)


@given(
    st.lists(
        st.one_of(
            st.tuples(st.just("tick"), st.integers(-10_000, 10_000), st.just(0)),
            st.tuples(st.just("observe"), st.integers(-10_000, 10_000), st.integers(0, 3)),
        ),
        min_size=1,
        max_size=60,
    )
)
def test_every_stamp_is_later_than_everything_before(
    steps: list[tuple[str, int, int]],
) -> None:
    wall = T0
    clock = HybridClock(lambda: wall)
    seen: list[Hlc] = []
    for action, jump, remote_logical in steps:
        if action == "tick":
            wall += jump
            stamp = clock.tick()
        else:
            remote = Hlc(T0 + jump, remote_logical)
            stamp = clock.observe(remote)
            assert stamp > remote
        assert all(stamp > earlier for earlier in seen)
        assert stamp.wall_ms >= wall  # never behind this device's own clock
        seen.append(stamp)
        assert clock.last == stamp


def test_pack_round_trip_and_limits() -> None:
    for stamp in [Hlc(0, 0), Hlc(T0, 0), Hlc(T0, MAX_LOGICAL), Hlc(MAX_WALL_MS, MAX_LOGICAL)]:
        assert Hlc.unpack(stamp.pack()) == stamp
    assert Hlc(MAX_WALL_MS, MAX_LOGICAL).pack() == 2**63 - 1  # largest signed 64-bit int
    assert Hlc(T0, 3).pack() == T0 * 65536 + 3


@given(
    st.tuples(st.integers(0, MAX_WALL_MS), st.integers(0, MAX_LOGICAL)),
    st.tuples(st.integers(0, MAX_WALL_MS), st.integers(0, MAX_LOGICAL)),
)
def test_packed_values_sort_like_stamps(a: tuple[int, int], b: tuple[int, int]) -> None:
    first, second = Hlc(*a), Hlc(*b)
    assert (first < second) == (first.pack() < second.pack())
    assert (first == second) == (first.pack() == second.pack())


@pytest.mark.parametrize(
    ("wall_ms", "logical"), [(-1, 0), (MAX_WALL_MS + 1, 0), (T0, -1), (T0, MAX_LOGICAL + 1)]
)
def test_out_of_range_stamps_are_refused(wall_ms: int, logical: int) -> None:
    with pytest.raises(ValueError, match="range"):
        Hlc(wall_ms, logical)


@pytest.mark.parametrize("value", [-1, 2**63])
def test_unpack_refuses_values_outside_signed_64_bits(value: int) -> None:
    with pytest.raises(ValueError, match="range"):
        Hlc.unpack(value)


def test_str_is_iso_8601_with_the_logical_counter() -> None:
    assert str(Hlc(0, 0)) == "1970-01-01T00:00:00.000Z#00000"
    assert str(Hlc(1_710_238_530_123, 42)) == "2024-03-12T10:15:30.123Z#00042"
