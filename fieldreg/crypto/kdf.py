"""Passphrase key derivation: Argon2id, calibrated per machine, never below OWASP's minimum.

Parameters read from a file are untrusted: `KdfParams.from_json` refuses anything outside the
floor (OWASP) and the caps (1 GiB, 64 passes, 8 lanes) so a hostile file cannot make an unlock
exhaust memory or run for hours.
"""

from __future__ import annotations

import math
import os
import time
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from fieldreg.core.errors import TamperError, ValidationError
from fieldreg.crypto.encoding import b64encode, strict_b64decode

KEY_BYTES = 32
SALT_BYTES = 16
MIN_SALT_BYTES = 16
MAX_SALT_BYTES = 64
MAX_MEMORY_KIB = 1024 * 1024
MAX_ITERATIONS = 64
MAX_LANES = 8
PROFILE_ENV = "FIELDREG_KDF_PROFILE"
ALGORITHM = "argon2id"

# OWASP Password Storage Cheat Sheet, first Argon2id configuration.
_FLOOR_MEMORY_KIB = 19456
_FLOOR_ITERATIONS = 2
_FLOOR_LANES = 1

# Memory tiers tried from the largest; more memory costs an attacker's GPUs more than passes do.
_MEMORY_TIERS_KIB = (256 * 1024, 128 * 1024, 64 * 1024)
_PROBE_MEMORY_KIB = 64 * 1024
_CALIBRATION_ROUNDS = 5
_MIN_TIMED_ROUNDS = 2  # beside the probe: one busy moment cannot decide alone

_JSON_KEYS = frozenset({"algorithm", "memory_kib", "iterations", "lanes", "salt"})


def _bounded_int(value: object, low: int, high: int) -> int | None:
    # bool is an int subclass; a JSON `true` must not pass as 1.
    if type(value) is not int or not low <= value <= high:
        return None
    return value


def _checked(untrusted: Mapping[str, object]) -> tuple[int, int, int, bytes] | str:
    """The parameters if all are within floor and caps, else the name of the first bad one."""
    memory = _bounded_int(untrusted["memory_kib"], _FLOOR_MEMORY_KIB, MAX_MEMORY_KIB)
    if memory is None:
        return "memory_kib"
    iterations = _bounded_int(untrusted["iterations"], _FLOOR_ITERATIONS, MAX_ITERATIONS)
    if iterations is None:
        return "iterations"
    lanes = _bounded_int(untrusted["lanes"], _FLOOR_LANES, MAX_LANES)
    if lanes is None:
        return "lanes"
    salt = untrusted["salt"]
    if type(salt) is not bytes or not MIN_SALT_BYTES <= len(salt) <= MAX_SALT_BYTES:
        return "salt"
    return memory, iterations, lanes, salt


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters and the per-slot salt."""

    memory_kib: int
    iterations: int
    lanes: int
    salt: bytes

    def __post_init__(self) -> None:
        checked = _checked(vars(self))
        if isinstance(checked, str):
            # Code-built parameters out of range are a bug, not a user error.
            raise ValueError(f"KdfParams.{checked} out of range")

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict; the salt is standard base64."""
        return {
            "algorithm": ALGORITHM,
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
            "salt": b64encode(self.salt),
        }

    @staticmethod
    def from_json(untrusted: object) -> KdfParams:
        """Parse parameters read from a file; TamperError("kdf.params", param=...) if unusable."""
        if not isinstance(untrusted, Mapping) or set(untrusted) != _JSON_KEYS:
            raise TamperError("kdf.params", param="keys")
        if untrusted["algorithm"] != ALGORITHM:
            raise TamperError("kdf.params", param="algorithm")
        checked = _checked(
            {
                "memory_kib": untrusted["memory_kib"],
                "iterations": untrusted["iterations"],
                "lanes": untrusted["lanes"],
                "salt": strict_b64decode(untrusted["salt"], MAX_SALT_BYTES),
            }
        )
        if isinstance(checked, str):
            raise TamperError("kdf.params", param=checked)
        memory, iterations, lanes, salt = checked
        return KdfParams(memory_kib=memory, iterations=iterations, lanes=lanes, salt=salt)


OWASP_MINIMUM = KdfParams(
    memory_kib=_FLOOR_MEMORY_KIB,
    iterations=_FLOOR_ITERATIONS,
    lanes=_FLOOR_LANES,
    salt=bytes(SALT_BYTES),
)


def _encode_passphrase(passphrase: str) -> bytes:
    """NFC then UTF-8, so the same visible passphrase typed on another keyboard still unlocks."""
    try:
        return unicodedata.normalize("NFC", passphrase).encode("utf-8")
    except UnicodeEncodeError:
        # Only lone surrogates fail here; no keyboard produces them.
        raise ValidationError("passphrase", "passphrase.invalid_char") from None


def _argon2(secret: bytes, memory_kib: int, iterations: int, lanes: int, salt: bytes) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=iterations,
        lanes=lanes,
        memory_cost=memory_kib,
    )
    return kdf.derive(secret)


def derive(passphrase: str, params: KdfParams) -> bytes:
    """Derive a 32-byte key from a passphrase."""
    return _argon2(
        _encode_passphrase(passphrase),
        params.memory_kib,
        params.iterations,
        params.lanes,
        params.salt,
    )


def minimum_params() -> KdfParams:
    """OWASP's minimum with a fresh salt: for tests and slow, explicitly configured machines."""
    return KdfParams(
        memory_kib=OWASP_MINIMUM.memory_kib,
        iterations=OWASP_MINIMUM.iterations,
        lanes=OWASP_MINIMUM.lanes,
        salt=os.urandom(SALT_BYTES),
    )


def calibrate(
    target_low: float = 0.5,
    target_high: float = 1.0,
    clock: Callable[[], float] = time.perf_counter,
    measure: Callable[[int, int], float] | None = None,
) -> KdfParams:
    """Choose memory and passes so one derivation takes about target_low..target_high seconds.

    Costs one short probe and two to five timed derivations (about 1.5-4 s in all). A probe
    slowed by a busy machine over-states the cost per pass, so a guess made from it is timed
    again (at least twice) and the result is judged by the *fastest* rate any timing showed
    (the machine when least busy): passes are added until even at that rate one derivation
    takes target_low. (A store created under load once got 64 MiB x 3 passes, 0.37 s, from a
    guess that was never timed again.)
    Never below OWASP_MINIMUM in any parameter, however slow the machine.
    `measure(memory_kib, iterations)` -> seconds replaces the timing in tests.
    """
    if not 0 < target_low < target_high:
        raise ValueError("calibrate needs 0 < target_low < target_high")
    target = (target_low + target_high) / 2
    salt = os.urandom(SALT_BYTES)
    probe_secret = os.urandom(KEY_BYTES)

    fastest = float("inf")  # the lowest seconds per KiB-pass seen: the machine when least busy

    def timed(memory_kib: int, iterations: int) -> float:
        nonlocal fastest
        if measure is not None:
            elapsed = max(measure(memory_kib, iterations), 1e-6)
        else:
            start = clock()
            _argon2(probe_secret, memory_kib, iterations, _FLOOR_LANES, salt)
            # A zero or negative reading (coarse or fake clock) would divide by zero below.
            elapsed = max(clock() - start, 1e-6)
        fastest = min(fastest, elapsed / (memory_kib * iterations))
        return elapsed

    def settle(memory_kib: int, iterations: int) -> KdfParams:
        # A timing slowed by load over-states the cost: judge by the fastest rate seen, and add
        # passes until even at that rate one derivation takes target_low.
        needed = math.ceil(target_low / (fastest * memory_kib))
        return _params(memory_kib, max(iterations, min(needed, MAX_ITERATIONS)), salt)

    # One pass over 64 MiB gives seconds per KiB-pass; memory and passes scale about linearly.
    per_kib_pass = timed(_PROBE_MEMORY_KIB, 1) / _PROBE_MEMORY_KIB
    memory_kib = _choose_memory(per_kib_pass, target)
    iterations = _choose_iterations(per_kib_pass, memory_kib, target)
    slow_enough: tuple[int, int] | None = None  # measured >= target_low, but over target_high
    for round_number in range(1, _CALIBRATION_ROUNDS + 1):
        elapsed = timed(memory_kib, iterations)
        if elapsed >= target_low:
            if elapsed <= target_high:
                if round_number >= _MIN_TIMED_ROUNDS:
                    return settle(memory_kib, iterations)
                continue  # time it once more: a single timing may have met a busy moment
            if slow_enough is None or slow_enough[0] * slow_enough[1] > memory_kib * iterations:
                slow_enough = (memory_kib, iterations)
        # Large memory runs slower per KiB than the probe (caches); re-estimate from this run.
        per_kib_pass = elapsed / (memory_kib * iterations)
        if per_kib_pass * memory_kib * _FLOOR_ITERATIONS > target_high:
            memory_kib = _choose_memory(per_kib_pass, target)
        iterations = _choose_iterations(per_kib_pass, memory_kib, target)
    if slow_enough is not None:
        return settle(*slow_enough)  # slower than wished, but never under the target
    return settle(memory_kib, iterations)  # every timing came in short: scaled up, never down


def _params(memory_kib: int, iterations: int, salt: bytes) -> KdfParams:
    return KdfParams(memory_kib=memory_kib, iterations=iterations, lanes=_FLOOR_LANES, salt=salt)


def _choose_memory(per_kib_pass: float, target: float) -> int:
    """The largest tier that fits two passes in the target; below the tiers, shrink to fit."""
    for tier in _MEMORY_TIERS_KIB:
        if per_kib_pass * tier * _FLOOR_ITERATIONS <= target:
            return tier
    fitted = int(target / (per_kib_pass * _FLOOR_ITERATIONS)) // 1024 * 1024
    return max(_FLOOR_MEMORY_KIB, min(fitted, _MEMORY_TIERS_KIB[-1]))


def _choose_iterations(per_kib_pass: float, memory_kib: int, target: float) -> int:
    passes = round(target / (per_kib_pass * memory_kib))
    return max(_FLOOR_ITERATIONS, min(passes, MAX_ITERATIONS))


def params_for_new_slot() -> KdfParams:
    """Parameters for a new passphrase slot: calibrated, unless FIELDREG_KDF_PROFILE=minimum."""
    # Only the exact value "minimum" lowers the cost; a typo falls back to the stronger choice.
    if os.environ.get(PROFILE_ENV, "").strip().lower() == "minimum":
        return minimum_params()
    return calibrate()
