"""Record ids that devices create offline and people read aloud: ``K7-0042-X``.

An id is a device prefix, a per-device counter and one check character, all in Crockford base32.
The check is ISO 7064 MOD 37-2 (pure system) over the symbol values of the prefix and the
zero-padded counter, followed by the prefix length as one more symbol. The length is there
because the data symbols alone do not say where the prefix ends: ``K7-10000`` and ``K71-0000``
share the symbols ``K710000``; with the length in the sum their check characters always differ,
so a moved hyphen or an ambiguous hyphen-less id is rejected rather than read as another record.

MOD 37-2 detects every single substitution and every adjacent transposition. Its check value can
be 32..36, which have no Crockford symbol; the allocator never issues those counters (about 13%),
so every check character is an ordinary symbol (QR alphanumeric mode, easy to say).

Enrolled prefixes are 2-4 symbols assigned by the coordinator and never start with ``Z``; a store
not yet enrolled uses a random provisional prefix, ``Z`` plus 5 symbols.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from fieldreg.core.errors import IdError

ALPHABET: Final[str] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

PREFIX_MIN_LEN: Final = 2
PREFIX_MAX_LEN: Final = 6
PROVISIONAL_MARK: Final = "Z"
COUNTER_MIN_WIDTH: Final = 4
# Ten symbols (2**50) keep a counter inside a signed 64-bit SQLite INTEGER and ids short.
COUNTER_MAX_WIDTH: Final = 10
MAX_COUNTER: Final = len(ALPHABET) ** COUNTER_MAX_WIDTH - 1
MAX_INPUT_LEN: Final = 40

_MODULUS: Final = 37
_RADIX: Final = 2
_PROVISIONAL_RANDOM_SYMBOLS: Final = 5
_BITS_PER_SYMBOL: Final = 5

_VALUES: Final[dict[str, int]] = {symbol: value for value, symbol in enumerate(ALPHABET)}
# Crockford decoding: case-insensitive, and the letters people confuse with digits read as them.
_READ_AS: Final[dict[str, str]] = {
    **{symbol: symbol for symbol in ALPHABET},
    **{symbol.lower(): symbol for symbol in ALPHABET if symbol.isalpha()},
    "I": "1",
    "i": "1",
    "L": "1",
    "l": "1",
    "O": "0",
    "o": "0",
}
_SEPARATORS: Final = frozenset("- ")


@dataclass(frozen=True, order=True, slots=True)
class RecordId:
    """A person's or a household's id; only issuable (prefix, counter) pairs can exist."""

    prefix: str
    counter: int

    def __post_init__(self) -> None:
        if validate_prefix(self.prefix) != self.prefix:
            raise ValueError("prefix must be in canonical upper case")
        if not is_issuable(self.prefix, self.counter):
            raise ValueError("counter is not issuable under this prefix")

    @property
    def check(self) -> str:
        return ALPHABET[_check_value(self.prefix, _counter_text(self.counter))]

    def __str__(self) -> str:
        return f"{self.prefix}-{_counter_text(self.counter)}-{self.check}"


def validate_prefix(prefix: str) -> str:
    """Return the canonical (upper case) prefix; ValueError if it can never be a device prefix."""
    if not isinstance(prefix, str):
        raise TypeError("prefix must be a str")
    canonical = prefix.upper()
    if not PREFIX_MIN_LEN <= len(canonical) <= PREFIX_MAX_LEN:
        raise ValueError(f"prefix must have {PREFIX_MIN_LEN}-{PREFIX_MAX_LEN} symbols")
    if any(symbol not in _VALUES for symbol in canonical):
        raise ValueError("prefix must use Crockford base32 symbols only")
    # Provisional prefixes all have one length so they can never equal or shadow enrolled ones.
    if canonical.startswith(PROVISIONAL_MARK) and len(canonical) != PREFIX_MAX_LEN:
        raise ValueError(f"a prefix starting with {PROVISIONAL_MARK} must have 6 symbols")
    return canonical


def is_provisional_prefix(prefix: str) -> bool:
    return validate_prefix(prefix).startswith(PROVISIONAL_MARK)


def is_issuable(prefix: str, counter: int) -> bool:
    """True if `counter` under `prefix` has a check character (check value below 32)."""
    canonical = validate_prefix(prefix)
    if isinstance(counter, bool) or not isinstance(counter, int):
        raise TypeError("counter must be an int")
    if not 1 <= counter <= MAX_COUNTER:
        return False
    return _check_value(canonical, _counter_text(counter)) < len(ALPHABET)


def next_counter(prefix: str, after: int) -> int:
    """The smallest issuable counter greater than `after` (0 before the first id)."""
    if after < 0:
        raise ValueError("counters start at 1; `after` must be >= 0")
    counter = after + 1
    # Non-issuable counters come in runs of at most a few, so this loop is short.
    while counter <= MAX_COUNTER:
        if is_issuable(prefix, counter):
            return counter
        counter += 1
    raise ValueError("the counter space of this prefix is exhausted")


def format_id(prefix: str, counter: int) -> str:
    """``PREFIX-COUNTER-CHECK``; ValueError for a bad prefix or a counter that is never issued."""
    return str(RecordId(validate_prefix(prefix), counter))


def parse_id(untrusted: str) -> RecordId:
    """Read a typed or scanned id, leniently only in the ways Crockford base32 intends.

    Case does not matter, I and L read as 1 and O as 0. Groups are separated by one hyphen or
    space each, or not at all; without separators the last symbol is the check and the 4 before it
    the counter, so an id with a longer counter must be typed with its separators.
    Raises IdError "id.malformed" or "id.bad_check".
    """
    groups = _split(untrusted)
    if groups is None:
        raise IdError("id.malformed")
    prefix, counter_text, check = groups
    counter = _decode(counter_text)
    if not 1 <= counter <= MAX_COUNTER:
        raise IdError("id.malformed")
    if _check_value(prefix, counter_text) != _VALUES[check]:
        raise IdError("id.bad_check")
    return RecordId(prefix, counter)


_CANONICAL: Final = re.compile(
    r"([0-9A-HJKMNP-TV-Z]{2,6})-([0-9A-HJKMNP-TV-Z]{4,10})-([0-9A-HJKMNP-TV-Z])"
)


def is_canonical(text: object) -> bool:
    """Whether `text` is an id exactly as `format_id` writes it: the answer of
    ``str(parse_id(text)) == text``, without parse_id's lenient reading (a bulk import checks
    thousands of ids that arrive canonical or not at all)."""
    if not isinstance(text, str):
        return False
    match = _CANONICAL.fullmatch(text)
    if match is None:
        return False
    prefix, counter_text, check = match.groups()
    if len(counter_text) > COUNTER_MIN_WIDTH and counter_text[0] == ALPHABET[0]:
        return False
    if prefix[0] == PROVISIONAL_MARK and len(prefix) != PREFIX_MAX_LEN:
        return False
    if _decode(counter_text) < 1:
        return False
    return _check_value(prefix, counter_text) == _VALUES[check]


def looks_like_id(text: str) -> bool:
    """Cheap routing test for search input: the shape of an id (check not verified).

    Names have the shape too ("ANNA-MARIA"), so a digit is required; and an unbroken run of
    digits is taken for a phone number, so then a letter is required as well.
    """
    if _split(text) is None:
        return False
    has_digit = any(char in "0123456789" for char in text)
    has_letter = any(char.isascii() and char.isalpha() for char in text)
    has_separator = any(char in _SEPARATORS for char in text.strip())
    return has_digit and (has_letter or has_separator)


def new_provisional_prefix(randbits: Callable[[int], int]) -> str:
    """A provisional prefix, Z plus 5 random symbols; pass `secrets.randbits`."""
    bits = _PROVISIONAL_RANDOM_SYMBOLS * _BITS_PER_SYMBOL
    value = randbits(bits)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 1 << bits:
        raise ValueError(f"randbits({bits}) returned a value out of range")
    symbols = [
        ALPHABET[(value >> (_BITS_PER_SYMBOL * index)) & (len(ALPHABET) - 1)]
        for index in range(_PROVISIONAL_RANDOM_SYMBOLS)
    ]
    return PROVISIONAL_MARK + "".join(symbols)


def _counter_text(counter: int) -> str:
    symbols: list[str] = []
    while counter:
        counter, value = divmod(counter, len(ALPHABET))
        symbols.append(ALPHABET[value])
    return "".join(reversed(symbols)).rjust(COUNTER_MIN_WIDTH, ALPHABET[0])


def _decode(symbols: str) -> int:
    value = 0
    for symbol in symbols:
        value = value * len(ALPHABET) + _VALUES[symbol]
    return value


def _check_value(prefix: str, counter_text: str) -> int:
    """ISO 7064 MOD 37-2 over prefix + counter symbols, then the prefix length (0..36)."""
    running = 0
    for value in [*(_VALUES[symbol] for symbol in prefix + counter_text), len(prefix)]:
        running = (running + value) * _RADIX % _MODULUS
    return (_MODULUS + 1 - running) % _MODULUS


def _split(untrusted: str) -> tuple[str, str, str] | None:
    """(prefix, counter symbols, check symbol) in canonical symbols, or None if not id-shaped."""
    if not isinstance(untrusted, str) or len(untrusted) > MAX_INPUT_LEN:
        return None
    # Only ASCII whitespace around the id: a scanner may append a newline, a paste a space.
    text = untrusted.strip(" \t\r\n")
    # Exactly one separator between groups, so a hyphen typed for a symbol (or the reverse)
    # changes the number of groups and is refused instead of shifting the boundary.
    groups: list[str] = []
    current: list[str] = []
    for char in text:
        if char in _SEPARATORS:
            groups.append("".join(current))
            current = []
            continue
        symbol = _READ_AS.get(char)
        if symbol is None:
            return None
        current.append(symbol)
    groups.append("".join(current))

    if len(groups) == 1:
        whole = groups[0]
        if len(whole) < PREFIX_MIN_LEN + COUNTER_MIN_WIDTH + 1:
            return None
        prefix = whole[: -COUNTER_MIN_WIDTH - 1]
        counter_text = whole[-COUNTER_MIN_WIDTH - 1 : -1]
        check = whole[-1]
    elif len(groups) == 3:
        prefix, counter_text, check = groups
    else:
        # Some separators but not all: a hyphen replaced by a symbol must not pass as an id.
        return None

    if len(check) != 1:
        return None
    if not COUNTER_MIN_WIDTH <= len(counter_text) <= COUNTER_MAX_WIDTH:
        return None
    # One spelling per counter: padding only up to the minimum width.
    if len(counter_text) > COUNTER_MIN_WIDTH and counter_text[0] == ALPHABET[0]:
        return None
    try:
        prefix = validate_prefix(prefix)
    except ValueError:
        return None
    return prefix, counter_text, check
