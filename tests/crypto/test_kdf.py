from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable

import pytest

from fieldreg.core.errors import TamperError, ValidationError
from fieldreg.core.passphrases import check_passphrase, passphrase_strength
from fieldreg.crypto import kdf
from fieldreg.crypto.kdf import (
    OWASP_MINIMUM,
    KdfParams,
    calibrate,
    derive,
    minimum_params,
    params_for_new_slot,
)


def at_least_owasp(params: KdfParams) -> bool:
    return (
        params.memory_kib >= OWASP_MINIMUM.memory_kib
        and params.iterations >= OWASP_MINIMUM.iterations
        and params.lanes >= OWASP_MINIMUM.lanes
    )


def test_owasp_minimum_is_the_published_one() -> None:
    assert (OWASP_MINIMUM.memory_kib, OWASP_MINIMUM.iterations, OWASP_MINIMUM.lanes) == (
        19456,
        2,
        1,
    )


def test_minimum_params_have_a_fresh_salt() -> None:
    first, second = minimum_params(), minimum_params()
    assert first.salt != second.salt
    assert len(first.salt) == 16
    assert (first.memory_kib, first.iterations, first.lanes) == (19456, 2, 1)


def test_derive_is_deterministic_and_depends_on_salt_and_passphrase() -> None:
    params = minimum_params()
    key = derive("river stone 42 lantern", params)
    assert len(key) == 32
    assert derive("river stone 42 lantern", params) == key
    assert derive("river stone 42 lanterN", params) != key
    assert derive("river stone 42 lantern", minimum_params()) != key


def test_derive_normalises_to_nfc() -> None:
    params = minimum_params()
    composed = "Київ і Харків 2024"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert derive(decomposed, params) == derive(composed, params)


def test_derive_refuses_lone_surrogates() -> None:
    with pytest.raises(ValidationError) as caught:
        derive("abc\ud800defghijk", minimum_params())
    assert caught.value.code == "passphrase.invalid_char"


def test_json_round_trip() -> None:
    params = minimum_params()
    assert KdfParams.from_json(params.to_json()) == params


@pytest.mark.parametrize(
    ("field", "value", "param"),
    [
        ("memory_kib", 1024 * 1024 + 1, "memory_kib"),
        ("memory_kib", 2**40, "memory_kib"),
        ("memory_kib", 8, "memory_kib"),
        ("memory_kib", "19456", "memory_kib"),
        ("memory_kib", 19456.0, "memory_kib"),
        ("iterations", 65, "iterations"),
        ("iterations", 1, "iterations"),
        ("iterations", True, "iterations"),
        ("lanes", 9, "lanes"),
        ("lanes", 0, "lanes"),
        ("lanes", None, "lanes"),
        ("salt", "AAAA", "salt"),  # 3 bytes
        ("salt", "A" * 88, "salt"),  # 66 bytes
        ("salt", "not base64!", "salt"),
        ("salt", "AAAAAAAAAAAAAAAAAAAAAB==", "salt"),  # non-canonical padding bits
        ("salt", 1234, "salt"),
        ("algorithm", "argon2i", "algorithm"),
    ],
)
def test_from_json_refuses_out_of_range(field: str, value: object, param: str) -> None:
    untrusted = minimum_params().to_json()
    untrusted[field] = value
    with pytest.raises(TamperError) as caught:
        KdfParams.from_json(untrusted)
    assert caught.value.code == "kdf.params"
    assert caught.value.params == {"param": param}


def test_from_json_accepts_the_caps() -> None:
    untrusted = minimum_params().to_json()
    untrusted.update(memory_kib=1024 * 1024, iterations=64, lanes=8)
    params = KdfParams.from_json(untrusted)
    assert (params.memory_kib, params.iterations, params.lanes) == (1024 * 1024, 64, 8)


@pytest.mark.parametrize("untrusted", [None, [], "x", {"memory_kib": 19456}])
def test_from_json_refuses_wrong_shapes(untrusted: object) -> None:
    with pytest.raises(TamperError, match=r"kdf\.params"):
        KdfParams.from_json(untrusted)


def test_from_json_refuses_extra_keys() -> None:
    untrusted = minimum_params().to_json()
    untrusted["parallelism"] = 1
    with pytest.raises(TamperError, match=r"kdf\.params"):
        KdfParams.from_json(untrusted)


def test_code_cannot_build_weak_params() -> None:
    with pytest.raises(ValueError, match="memory_kib"):
        KdfParams(memory_kib=1024, iterations=2, lanes=1, salt=bytes(16))


def test_calibrate_never_goes_below_owasp() -> None:
    params = calibrate()
    assert at_least_owasp(params)
    assert params.memory_kib <= 256 * 1024
    assert len(params.salt) == 16


def test_calibrate_on_a_very_slow_machine_settles_on_the_floor() -> None:
    ticks = itertools.count(step=30.0)  # every derivation "takes" 30 s
    params = calibrate(clock=lambda: next(ticks))
    assert (params.memory_kib, params.iterations, params.lanes) == (19456, 2, 1)


def test_calibrate_checks_its_targets() -> None:
    with pytest.raises(ValueError, match="target"):
        calibrate(target_low=1.0, target_high=0.5)


def test_profile_minimum_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(kdf.PROFILE_ENV, "minimum")
    params = params_for_new_slot()
    assert (params.memory_kib, params.iterations, params.lanes) == (19456, 2, 1)


def test_other_profiles_calibrate(monkeypatch: pytest.MonkeyPatch) -> None:
    sentinel = minimum_params()
    monkeypatch.setattr(kdf, "calibrate", lambda: sentinel)
    monkeypatch.setenv(kdf.PROFILE_ENV, "minimal")  # a typo must not weaken the KDF
    assert params_for_new_slot() is sentinel
    monkeypatch.delenv(kdf.PROFILE_ENV)
    assert params_for_new_slot() is sentinel


@pytest.mark.parametrize("passphrase", ["123456789", "", "короткий"])
def test_short_passphrases_are_refused(passphrase: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_passphrase(passphrase)
    assert caught.value.code == "passphrase.too_short"
    assert caught.value.field == "passphrase"
    assert caught.value.params["min"] == 10


def test_ten_code_points_are_enough_even_when_combining() -> None:
    check_passphrase("0123456789")
    # "й" typed as и + combining breve is one code point after NFC.
    assert len(unicodedata.normalize("NFD", "йййййййййй")) == 20
    check_passphrase(unicodedata.normalize("NFD", "йййййййййй"))
    with pytest.raises(ValidationError, match="too_short"):
        check_passphrase(unicodedata.normalize("NFD", "ййййййййй"))


@pytest.mark.parametrize("bad", ["\x00", "\n", "\t", "\x7f", "\x9b", "\ud800", "\U000e0fff"])
def test_control_characters_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_passphrase("long enough " + bad + " passphrase")
    assert caught.value.code == "passphrase.invalid_char"
    assert caught.value.params["position"] == 13


def test_strength_is_a_rough_ordering() -> None:
    assert passphrase_strength("") == 0
    assert passphrase_strength("aaaaaaaaaaaaaaaa") == 0
    assert passphrase_strength("password123") == 0
    assert passphrase_strength("abcdefghijkl") <= 1
    assert passphrase_strength("Tr0ub4dor&3") >= 2
    assert passphrase_strength("correct horse battery staple") == 4
    assert passphrase_strength("Вишня Сонце 1987 Річка!") == 4
    for text in ["x", "hello world", "Київ", "P@ss w0rd ЖЖ 12345 !!"]:
        assert 0 <= passphrase_strength(text) <= 4


def test_short_passphrases_never_look_strong() -> None:
    assert passphrase_strength("X9!kQ2$z") <= 1


def _model(seconds_per_kib_pass: Callable[[int], float]) -> Callable[[int, int], float]:
    """A fake machine: the n-th timing costs memory x passes x seconds_per_kib_pass(n)."""
    calls = 0

    def measure(memory_kib: int, iterations: int) -> float:
        nonlocal calls
        calls += 1
        return memory_kib * iterations * seconds_per_kib_pass(calls)

    return measure


def _cost(params: KdfParams, seconds_per_kib_pass: float) -> float:
    return params.memory_kib * params.iterations * seconds_per_kib_pass


IDLE = 0.37 / (64 * 1024 * 3)  # the machine that gave 64 MiB x 3 passes in 0.37 s


def test_calibrate_busy_at_the_probe_then_idle_still_reaches_the_target() -> None:
    # The probe ran under load (three times slower), the timed runs on an idle machine.
    params = calibrate(measure=_model(lambda n: IDLE * 3 if n == 1 else IDLE))
    assert _cost(params, IDLE) >= 0.5


@pytest.mark.parametrize("busy_timings", [1, 2])
@pytest.mark.parametrize("load", [1.5, 3.0, 10.0])
def test_calibrate_never_settles_below_its_target_whatever_the_load(
    load: float, busy_timings: int
) -> None:
    # The probe (and the first timed run) `load` times slower: another program busy.
    params = calibrate(measure=_model(lambda n: IDLE * (load if n <= busy_timings else 1.0)))
    assert _cost(params, IDLE) >= 0.5
    assert params.memory_kib >= 19456


def test_calibrate_on_a_machine_that_stays_fast_returns_a_measured_cost() -> None:
    timings: list[tuple[int, int, float]] = []

    def measure(memory_kib: int, iterations: int) -> float:
        seconds = memory_kib * iterations * IDLE / 4
        timings.append((memory_kib, iterations, seconds))
        return seconds

    params = calibrate(measure=measure)
    assert (params.memory_kib, params.iterations) in {(m, i) for m, i, s in timings if s >= 0.5}
