"""What a new passphrase must be, and how strong it looks: rules of the product, not of the
key derivation that later stretches it (`crypto.kdf`), so the desk can say them as one types.
"""

from __future__ import annotations

import math
import unicodedata

from fieldreg.core.errors import ValidationError

MIN_PASSPHRASE_CHARS = 10


def check_passphrase(passphrase: str) -> None:
    """Refuse a new passphrase that is too short or holds characters no one can retype."""
    text = unicodedata.normalize("NFC", passphrase)
    for position, char in enumerate(text, start=1):
        # Cc: control characters; Cs: lone surrogates; Cn: unassigned (NFC may change later).
        if unicodedata.category(char) in {"Cc", "Cs", "Cn"}:
            raise ValidationError("passphrase", "passphrase.invalid_char", position=position)
    if len(text) < MIN_PASSPHRASE_CHARS:
        raise ValidationError("passphrase", "passphrase.too_short", min=MIN_PASSPHRASE_CHARS)


# A few of the most common passwords; each counts as one symbol, not as its letters.
_COMMON_WORDS = (
    "password",
    "passwort",
    "qwerty",
    "\u0439\u0446\u0443\u043a\u0435\u043d",  # Cyrillic keyboard row ("qwerty")
    "\u043f\u0430\u0440\u043e\u043b\u044c",  # "password" in Ukrainian and Russian
    "admin",
    "letmein",
    "welcome",
    "iloveyou",
    "123456",
    "654321",
    "111111",
    "000000",
)


def passphrase_strength(passphrase: str) -> int:
    """A rough 0 (weak) .. 4 (strong) hint for the UI; not a security decision."""
    text = unicodedata.normalize("NFC", passphrase)
    folded = text.casefold()
    for word in _COMMON_WORDS:
        folded = folded.replace(word, "\x00")
    pool = 0
    if any("a" <= c <= "z" for c in text):
        pool += 26
    if any("A" <= c <= "Z" for c in text):
        pool += 26
    if any(c.isdigit() for c in text):
        pool += 10
    if any(c.isalpha() and not c.isascii() for c in text):
        pool += 33
    if any(not c.isalnum() for c in text):
        pool += 33
    if pool == 0:
        return 0
    effective = 0.0
    previous: str | None = None
    for char in folded:
        if char == previous:
            pass  # a repeat adds nothing
        elif previous is not None and abs(ord(char) - ord(previous)) == 1:
            effective += 0.5  # "abc", "123": barely more than one symbol
        else:
            effective += 1.0
        previous = char
    effective = min(effective, 3.0 * len(set(folded)))
    bits = effective * math.log2(pool)
    score = 0
    for threshold in (28, 40, 60, 80):
        if bits >= threshold:
            score += 1
    if len(text) < MIN_PASSPHRASE_CHARS:
        score = min(score, 1)
    return score
