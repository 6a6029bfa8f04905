from __future__ import annotations

import hashlib
import re

import pytest

from fieldreg.core.errors import ValidationError
from fieldreg.core.recovery_key import (
    ALPHABET,
    format_recovery_key,
    parse_recovery_key,
    recovery_groups,
)
from fieldreg.crypto.recovery import new_recovery_key

# Fixed keys so the exhaustive checks are the same on every run, plus the edge values.
KEYS = [hashlib.sha256(bytes([i])).digest()[:16] for i in range(12)] + [
    bytes(16),
    b"\xff" * 16,
]


def error_of(text: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        parse_recovery_key(text)
    assert caught.value.field == "recovery_key"
    return caught.value


def test_new_keys_are_16_random_bytes() -> None:
    keys = {new_recovery_key() for _ in range(50)}
    assert len(keys) == 50
    assert all(len(key) == 16 for key in keys)


@pytest.mark.parametrize("key", KEYS, ids=bytes.hex)
def test_round_trip(key: bytes) -> None:
    text = format_recovery_key(key)
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){6}", text)
    assert parse_recovery_key(text) == key
    assert recovery_groups(key) == text.split("-")


def test_lenient_typing() -> None:
    key = KEYS[3]
    text = format_recovery_key(key)
    assert parse_recovery_key(text.lower()) == key
    assert parse_recovery_key(text.replace("-", "")) == key
    assert parse_recovery_key(" " + text.replace("-", " ") + "\n") == key
    spaced = " ".join(text.replace("-", ""))
    assert parse_recovery_key(spaced) == key


def test_look_alikes_read_as_digits() -> None:
    key = next(k for k in KEYS if "1" in format_recovery_key(k) and "0" in format_recovery_key(k))
    text = format_recovery_key(key)
    assert parse_recovery_key(text.replace("1", "I")) == key
    assert parse_recovery_key(text.replace("1", "l")) == key
    assert parse_recovery_key(text.replace("0", "O")) == key
    assert parse_recovery_key(text.replace("0", "o")) == key


def test_cyrillic_look_alikes_are_read_as_latin() -> None:
    latin_to_cyrillic = str.maketrans(
        "ABEKMHPCTX", "\u0410\u0412\u0415\u041a\u041c\u041d\u0420\u0421\u0422\u0425"
    )
    for key in KEYS:
        text = format_recovery_key(key)
        assert parse_recovery_key(text.translate(latin_to_cyrillic).lower()) == key


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ABCDE",
        "U" * 35,  # U is not in Crockford's alphabet
        "!" * 35,
        "A" * 101,
        "0" * 36,
    ],
)
def test_malformed(text: str) -> None:
    assert error_of(text).code == "recovery.malformed"


def test_overlong_input_is_malformed_even_if_it_holds_a_key() -> None:
    text = format_recovery_key(KEYS[0])
    assert error_of(text + " " * 70).code == "recovery.malformed"


def test_non_string_is_malformed() -> None:
    with pytest.raises(ValidationError, match=r"recovery\.malformed"):
        parse_recovery_key(b"ABCDE" * 7)  # type: ignore[arg-type]


@pytest.mark.parametrize("key", KEYS, ids=bytes.hex)
def test_every_single_substitution_is_found_in_its_group(key: bytes) -> None:
    chars = list(format_recovery_key(key).replace("-", ""))
    for position, original in enumerate(chars):
        for replacement in ALPHABET:
            if replacement == original:
                continue
            typo = chars.copy()
            typo[position] = replacement
            error = error_of("".join(typo))
            assert error.code == "recovery.bad_group"
            assert error.params["group"] == position // 5 + 1


@pytest.mark.parametrize("key", KEYS, ids=bytes.hex)
def test_every_adjacent_transposition_is_refused(key: bytes) -> None:
    chars = list(format_recovery_key(key).replace("-", ""))
    attempted = located = 0
    for position in range(len(chars) - 1):
        if chars[position] == chars[position + 1]:
            continue
        swapped = chars.copy()
        swapped[position], swapped[position + 1] = swapped[position + 1], swapped[position]
        error = error_of("".join(swapped))
        assert error.code in {"recovery.bad_group", "recovery.bad_checksum"}
        attempted += 1
        located += error.code == "recovery.bad_group"
    # About 0.2 % slip past the group check; the whole-key checksum then refuses them.
    assert located >= attempted - 1


@pytest.mark.parametrize("key", KEYS[:4], ids=bytes.hex)
def test_swapped_groups_are_found(key: bytes) -> None:
    groups = recovery_groups(key)
    for i in range(len(groups)):
        for j in range(i + 1, len(groups)):
            if groups[i] == groups[j]:
                continue
            swapped = groups.copy()
            swapped[i], swapped[j] = swapped[j], swapped[i]
            error = error_of("-".join(swapped))
            assert error.code == "recovery.bad_group"
            assert error.params["group"] == i + 1


def test_whole_key_checksum_catches_what_groups_cannot() -> None:
    # Rebuild a text whose groups all verify but whose data bits belong to another checksum.
    from fieldreg.core import recovery_key as recovery

    key = KEYS[5]
    values = [ALPHABET.index(c) for c in format_recovery_key(key).replace("-", "")]
    data = [v for index, v in enumerate(values) if index % 5 != 4]
    data[-1] ^= 1  # flips the lowest checksum bit only
    groups = []
    for g in range(7):
        chunk = data[g * 4 : g * 4 + 4]
        check = recovery._check_value(g + 1, chunk)
        groups.append("".join(ALPHABET[v] for v in [*chunk, check]))
    assert error_of("-".join(groups)).code == "recovery.bad_checksum"


def test_recovery_groups_refuses_wrong_lengths() -> None:
    with pytest.raises(ValueError, match="16 bytes"):
        recovery_groups(bytes(15))
