"""The recovery key's printed form: 128 bits as 7 checksummed groups a person can retype (the
key itself is drawn in `crypto.recovery`; the format is pure, shared by the services and the desk).

Layout: 28 data characters of Crockford base32 carry 140 bits, the 128-bit key followed by the
first 12 bits of SHA-256 of the key. They are cut into 7 groups of 4, and each group gets a
fifth, check character, e.g. ``7K3QD-...``.

The group check is the ISO 7064 *hybrid* system (the construction of MOD 11,10 and MOD 37,36)
with M = 32, computed over the 1-based group number followed by the group's 4 data values.
Why not MOD 37-2: its check value ranges over 37 values and Crockford's alphabet has 32, and
any folding of 37 values onto 32 leaves substitutions that keep the folded check (folding
with ``value - 32`` misses about 0.75 % of them). The hybrid system's check lives in the same
32 symbols, and every step of it is a bijection, so:

- every single-character substitution in a group, check character included, is detected and
  located (tested exhaustively);
- a group typed in another group's place is detected (the group number feeds the check);
- about 99.8 % of adjacent transpositions are caught by the group check, and the whole-key
  checksum catches what remains with probability 1 - 1/4096.
"""

from __future__ import annotations

import hashlib

from fieldreg.core.errors import ValidationError

KEY_BYTES = 16
GROUPS = 7
DATA_CHARS_PER_GROUP = 4
GROUP_CHARS = DATA_CHARS_PER_GROUP + 1
CHECKSUM_BITS = 12
MAX_INPUT_CHARS = 100
FIELD = "recovery_key"

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUES = {char: value for value, char in enumerate(ALPHABET)}
_RADIX = len(ALPHABET)
_HYBRID_PRIME = _RADIX + 1  # M + 1 in ISO 7064's hybrid system; odd, so doubling is invertible

# Characters people (or a Cyrillic keyboard layout) put in place of the printed ones.
_READ_AS = str.maketrans(
    {
        "I": "1",
        "L": "1",
        "O": "0",
        # Cyrillic capitals identical to a Crockford character; escaped to keep source ASCII.
        "\u0410": "A",  # Cyrillic Capital Letter A
        "\u0412": "B",  # Cyrillic Capital Letter Ve
        "\u0415": "E",  # Cyrillic Capital Letter Ie
        "\u041a": "K",  # Cyrillic Capital Letter Ka
        "\u041c": "M",  # Cyrillic Capital Letter Em
        "\u041d": "H",  # Cyrillic Capital Letter En
        "\u0420": "P",  # Cyrillic Capital Letter Er
        "\u0421": "C",  # Cyrillic Capital Letter Es
        "\u0422": "T",  # Cyrillic Capital Letter Te
        "\u0425": "X",  # Cyrillic Capital Letter Ha
        "\u041e": "0",  # Cyrillic Capital Letter O
        "\u0406": "1",  # Cyrillic Capital Letter Byelorussian-Ukrainian I
    }
)
_SEPARATORS = str.maketrans({" ": None, "-": None, "\t": None, "\r": None, "\n": None})


def _check_value(group_number: int, data: list[int]) -> int:
    """ISO 7064 hybrid MOD 33,32 check over the group number and the group's data values."""
    product = _RADIX
    for value in [group_number, *data]:
        total = (product + value) % _RADIX or _RADIX
        product = (2 * total) % _HYBRID_PRIME
    return (_HYBRID_PRIME - product) % _RADIX


def _whole_checksum(key: bytes) -> int:
    return int.from_bytes(hashlib.sha256(key).digest()[:2], "big") >> (16 - CHECKSUM_BITS)


def recovery_groups(key: bytes) -> list[str]:
    """The 7 printed groups of 5 characters, in order."""
    if type(key) is not bytes or len(key) != KEY_BYTES:
        raise ValueError("a recovery key is 16 bytes")
    number = (int.from_bytes(key, "big") << CHECKSUM_BITS) | _whole_checksum(key)
    data_chars = GROUPS * DATA_CHARS_PER_GROUP
    values = [(number >> (5 * (data_chars - 1 - i))) & 0x1F for i in range(data_chars)]
    groups = []
    for index in range(GROUPS):
        data = values[index * DATA_CHARS_PER_GROUP : (index + 1) * DATA_CHARS_PER_GROUP]
        check = _check_value(index + 1, data)
        groups.append("".join(ALPHABET[v] for v in [*data, check]))
    return groups


def format_recovery_key(key: bytes) -> str:
    """The printed form: ``XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX``."""
    return "-".join(recovery_groups(key))


def parse_recovery_key(untrusted: str) -> bytes:
    """Read a typed recovery key; says which group holds a typo.

    Case, spaces and hyphens do not matter; I and L read as 1, O as 0.
    """
    if not isinstance(untrusted, str) or len(untrusted) > MAX_INPUT_CHARS:
        raise ValidationError(FIELD, "recovery.malformed")
    text = untrusted.upper().translate(_SEPARATORS).translate(_READ_AS)
    if len(text) != GROUPS * GROUP_CHARS or any(char not in _VALUES for char in text):
        raise ValidationError(FIELD, "recovery.malformed")
    data_values: list[int] = []
    for index in range(GROUPS):
        group = [_VALUES[char] for char in text[index * GROUP_CHARS : (index + 1) * GROUP_CHARS]]
        data, check = group[:DATA_CHARS_PER_GROUP], group[DATA_CHARS_PER_GROUP]
        if _check_value(index + 1, data) != check:
            raise ValidationError(FIELD, "recovery.bad_group", group=index + 1)
        data_values.extend(data)
    number = 0
    for value in data_values:
        number = (number << 5) | value
    key = (number >> CHECKSUM_BITS).to_bytes(KEY_BYTES, "big")
    if number & ((1 << CHECKSUM_BITS) - 1) != _whole_checksum(key):
        raise ValidationError(FIELD, "recovery.bad_checksum")
    return key
