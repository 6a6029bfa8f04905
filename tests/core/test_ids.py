"""Record ids: check character, allocator, parsing and the prefix/counter boundary."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldreg.core.errors import IdError
from fieldreg.core.ids import (
    ALPHABET,
    MAX_COUNTER,
    RecordId,
    format_id,
    is_canonical,
    is_issuable,
    is_provisional_prefix,
    looks_like_id,
    new_provisional_prefix,
    next_counter,
    parse_id,
    validate_prefix,
)

WIDTH4 = 32**4  # first counter that needs 5 symbols


def encode(counter: int) -> str:
    symbols = ""
    while counter:
        counter, value = divmod(counter, 32)
        symbols = ALPHABET[value] + symbols
    return symbols.rjust(4, "0")


def reference_check(prefix: str, counter_text: str) -> int:
    """Independent MOD 37-2: sum of value * 2**position (check at position 0) must be 1 mod 37."""
    values = [ALPHABET.index(symbol) for symbol in prefix + counter_text] + [len(prefix)]
    weighted = sum(value * pow(2, len(values) - index, 37) for index, value in enumerate(values))
    return (1 - weighted) % 37


def random_prefix(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return "Z" + "".join(rng.choice(ALPHABET) for _ in range(5))
    first = rng.choice(ALPHABET[:-1])  # enrolled prefixes never start with Z
    return first + "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 3)))


def sample_ids(count: int, seed: int) -> list[RecordId]:
    rng = random.Random(seed)
    ids: list[RecordId] = []
    while len(ids) < count:
        prefix = random_prefix(rng)
        # Mostly realistic counters, some past the 4-symbol width.
        upper = WIDTH4 - 2 if rng.random() < 0.8 else 32**6
        ids.append(RecordId(prefix, next_counter(prefix, rng.randint(0, upper))))
    return ids


SAMPLE = sample_ids(240, seed=20240312)


def parse_error(text: str) -> str:
    with pytest.raises(IdError) as caught:
        parse_id(text)
    return caught.value.code


def test_sample_covers_both_counter_widths_and_prefix_kinds() -> None:
    assert any(record.counter >= WIDTH4 for record in SAMPLE)
    assert any(record.counter < WIDTH4 for record in SAMPLE)
    assert any(is_provisional_prefix(record.prefix) for record in SAMPLE)
    assert len({record.prefix for record in SAMPLE}) > 200


def test_format_matches_documented_shape() -> None:
    text = format_id("k7", 4 * 32 + 2)
    prefix, counter, check = text.split("-")
    assert (prefix, counter) == ("K7", "0042")
    assert ALPHABET.index(check) == reference_check("K7", "0042")


def test_check_character_agrees_with_an_independent_mod_37_2() -> None:
    for record in SAMPLE:
        prefix, counter_text, check = str(record).split("-")
        assert ALPHABET.index(check) == reference_check(prefix, counter_text)
        assert record.check == check


@pytest.mark.parametrize("record", SAMPLE, ids=str)
def test_every_single_substitution_is_rejected(record: RecordId) -> None:
    text = str(record)
    assert parse_id(text) == record
    for position, original in enumerate(text):
        for symbol in ALPHABET + "-":
            if symbol == original:
                continue
            mutated = text[:position] + symbol + text[position + 1 :]
            code = parse_error(mutated)
            if original != "-" and symbol != "-":
                # Same structure: only the check can notice, and MOD 37-2 always does.
                assert code in {"id.bad_check", "id.malformed"}, mutated
            else:
                assert code == "id.malformed", mutated


@pytest.mark.parametrize("record", SAMPLE, ids=str)
def test_every_adjacent_transposition_is_rejected(record: RecordId) -> None:
    texts = [str(record)]
    if record.counter < WIDTH4:
        texts.append(str(record).replace("-", ""))
    for text in texts:
        for position in range(len(text) - 1):
            first, second = text[position], text[position + 1]
            if first == second:
                continue
            swapped = text[:position] + second + first + text[position + 2 :]
            assert parse_error(swapped) in {"id.bad_check", "id.malformed"}, swapped


def test_substitutions_inside_the_structure_are_mostly_caught_by_the_check() -> None:
    # Guards the test above against passing only because everything is "malformed".
    codes = []
    for record in SAMPLE[:20]:
        text = str(record)
        for position, original in enumerate(text):
            if original == "-":
                continue
            for symbol in ALPHABET.replace(original, ""):
                codes.append(parse_error(text[:position] + symbol + text[position + 1 :]))
    assert codes.count("id.bad_check") > 0.9 * len(codes)


def test_hyphenless_substitutions_are_rejected() -> None:
    for record in SAMPLE:
        if record.counter >= WIDTH4:
            continue
        text = str(record).replace("-", "")
        assert parse_id(text) == record
        for position, original in enumerate(text):
            for symbol in ALPHABET.replace(original, ""):
                mutated = text[:position] + symbol + text[position + 1 :]
                assert parse_error(mutated) in {"id.bad_check", "id.malformed"}, mutated


def test_round_trips() -> None:
    for record in SAMPLE:
        assert parse_id(str(record)) == record
        assert parse_id(str(record).lower()) == record
        assert parse_id(str(record).replace("-", " ")) == record
        assert format_id(record.prefix, record.counter) == str(record)


@given(st.integers(min_value=0, max_value=MAX_COUNTER - 100))
def test_round_trip_any_counter(after: int) -> None:
    counter = next_counter("K7", after)
    record = RecordId("K7", counter)
    assert parse_id(str(record)) == record
    assert looks_like_id(str(record))


def test_crockford_leniency() -> None:
    record = parse_id(format_id("K1", 4 * 32 + 2))
    canonical = str(record)  # "K1-0042-E"
    check = canonical[-1]
    assert parse_id(f"KI-OO42-{check}") == record
    assert parse_id(f"kl-oo42-{check.lower()}") == record
    assert parse_id(f"K1 0042 {check}") == record
    assert parse_id(f"K1-0042 {check}") == record
    assert parse_id(f"k10042{check.lower()}") == record
    assert parse_id(f"  K1-0042-{check}\n") == record


def test_hyphenless_means_four_counter_symbols() -> None:
    record = RecordId("K70", next_counter("K70", 129))
    assert parse_id(str(record).replace("-", "")) == record
    shorter = RecordId("K7", next_counter("K7", 129))
    assert parse_id(str(shorter).replace("-", "")) == shorter


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "K7",
        "K7-0042",
        "K7--X",
        "K7-042-0",  # counter shorter than 4
        "K7-00042-0",  # padded beyond 4: not the one spelling of counter 42
        "K7-0042-00",  # two check symbols
        "K70042-0-",
        "K7--0042-0",  # one separator between groups
        "K7 - 0042 - 0",
        "K7-00420",  # some separators but not all
        "K70042-0",
        "KU-0042-0",  # U is not Crockford
        "K7-0042-*",
        "К7-0042-0",  # Cyrillic К
        "K7-００42-0",  # fullwidth digits
        "K-0042-0",  # prefix too short
        "ABCDEFG-0042-0",  # prefix too long
        "Z7-0042-0",  # Z marks a 6-symbol provisional prefix
        "K7-0000-0",  # counter 0 is never issued
        "K7_0042_0",
        "K7-0042-0" + " " * 40,
        "K7-" + "1" * 11 + "-0",  # counter wider than 10
    ],
)
def test_malformed_inputs(text: str) -> None:
    assert parse_error(text) == "id.malformed"


def test_two_devices_never_share_an_id_even_without_hyphens() -> None:
    # Prefixes that are prefixes of each other, around the counter width change.
    prefixes = ["K7", "K70", "K71", "K710", "K7100", "ZK7100"]
    counters = [*range(1, 400), *range(WIDTH4 - 300, WIDTH4 + 300), *range(32**5 - 50, 32**5 + 50)]
    owners: dict[str, str] = {}
    for prefix in prefixes:
        for counter in counters:
            if not is_issuable(prefix, counter):
                continue
            text = format_id(prefix, counter)
            for spelling in (text, text.replace("-", "")):
                assert owners.setdefault(spelling, prefix) == prefix, spelling
    assert len(owners) > 4000


def test_moving_the_hyphen_across_the_boundary_is_detected() -> None:
    # K7-10000 and K71-0000 have the same symbols; the check covers the prefix length.
    counter = next_counter("K7", WIDTH4 + 100)
    long_id = format_id("K7", counter)
    prefix, counter_text, check = long_id.split("-")
    moved = f"{prefix}{counter_text[0]}-{counter_text[1:]}-{check}"
    assert parse_error(moved) == "id.bad_check"
    # Typed without hyphens it reads as K71-....; it must fail, not name another record.
    assert parse_error(long_id.replace("-", "")) == "id.bad_check"


def test_allocator_skips_exactly_the_counters_without_a_check_symbol() -> None:
    prefix = "QX"
    issued = []
    counter = 0
    while counter < 5000:
        counter = next_counter(prefix, counter)
        issued.append(counter)
    issuable = [c for c in range(1, issued[-1] + 1) if is_issuable(prefix, c)]
    assert issued == issuable
    skipped = [c for c in range(1, issued[-1] + 1) if reference_check(prefix, encode(c)) >= 32]
    assert sorted([*skipped, *issued]) == list(range(1, issued[-1] + 1))
    share = (issued[-1] - len(issued)) / issued[-1]
    assert 0.10 < share < 0.17
    for non_issuable in set(range(1, issued[-1])) - set(issued):
        with pytest.raises(ValueError, match="issuable"):
            format_id(prefix, non_issuable)


def test_allocator_starts_at_one_and_crosses_width_change() -> None:
    assert next_counter("K7", 0) >= 1
    assert not is_issuable("K7", 0)
    counter = next_counter("K7", WIDTH4 - 1)
    assert counter >= WIDTH4
    assert len(format_id("K7", counter).split("-")[1]) == 5
    with pytest.raises(ValueError, match="after"):
        next_counter("K7", -1)
    assert not is_issuable("K7", MAX_COUNTER + 1)


def test_record_id_rejects_what_could_never_be_issued() -> None:
    with pytest.raises(ValueError, match="canonical"):
        RecordId("k7", next_counter("K7", 0))
    bad = next(c for c in range(1, 100) if not is_issuable("K7", c))
    with pytest.raises(ValueError, match="issuable"):
        RecordId("K7", bad)


def test_record_ids_sort_by_prefix_then_counter() -> None:
    first, second, third = (next_counter("K7", 0), next_counter("K7", 100), next_counter("K8", 0))
    ordered = sorted([RecordId("K8", third), RecordId("K7", second), RecordId("K7", first)])
    assert ordered == [RecordId("K7", first), RecordId("K7", second), RecordId("K8", third)]


@pytest.mark.parametrize(
    ("prefix", "expected"), [("k7", "K7"), ("abcd", "ABCD"), ("z0a1b2", "Z0A1B2")]
)
def test_validate_prefix_canonical(prefix: str, expected: str) -> None:
    assert validate_prefix(prefix) == expected


@pytest.mark.parametrize("prefix", ["", "K", "ABCDEFG", "KU", "KO", "K-", "ZAB", "K 7", "К7"])
def test_validate_prefix_rejects(prefix: str) -> None:
    with pytest.raises(ValueError, match="prefix"):
        validate_prefix(prefix)


def test_new_provisional_prefix() -> None:
    requested: list[int] = []

    def bits(count: int) -> int:
        requested.append(count)
        return 0

    assert new_provisional_prefix(bits) == "Z00000"
    assert requested == [25]
    assert new_provisional_prefix(lambda n: (1 << n) - 1) == "ZZZZZZ"
    rng = random.Random(7)
    prefixes = {new_provisional_prefix(rng.getrandbits) for _ in range(200)}
    assert len(prefixes) == 200
    for prefix in prefixes:
        assert validate_prefix(prefix) == prefix
        assert is_provisional_prefix(prefix)
    with pytest.raises(ValueError, match="range"):
        new_provisional_prefix(lambda n: 1 << n)
    with pytest.raises(ValueError, match="range"):
        new_provisional_prefix(lambda n: -1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("K7-0042-X", True),
        ("k7 0042 x", True),
        ("k70042x", True),
        ("K7-0042-Y", True),  # wrong check still routes to the id search, which then says so
        ("ANNA-MARIA", False),
        ("Petrenko", False),
        ("KATERINA", False),
        ("0501234567", False),  # a phone number
        ("+380501234567", False),
        ("", False),
        ("K7-0042", False),
        ("Шевченко", False),
    ],
)
def test_looks_like_id(text: str, expected: bool) -> None:
    assert looks_like_id(text) is expected


def _canonical_by_parsing(text: str) -> bool:
    try:
        return str(parse_id(text)) == text
    except IdError:
        return False


_NEAR_IDS = st.one_of(
    # Made from the id alphabet and its look-alikes, with and without separators.
    st.text(alphabet="0123456789ABCDEFGHJKMNPQRSTVWXYZILOUabz- ", min_size=0, max_size=18),
    st.builds(
        lambda prefix, counter, edit: edit(format_id(prefix, next_counter(prefix, counter))),
        st.sampled_from(["K7", "B1", "Q3X", "ZABCDE", "K7M2"]),
        st.integers(min_value=0, max_value=2**40),
        st.sampled_from(
            [
                lambda t: t,
                str.lower,
                lambda t: t.replace("-", ""),
                lambda t: t.replace("-", " "),
                lambda t: t[:-1] + ("0" if t[-1] != "0" else "1"),
                lambda t: t.replace("-", "-0", 1),
                lambda t: " " + t,
                lambda t: t + "\n",
            ]
        ),
    ),
)


@given(_NEAR_IDS)
def test_is_canonical_agrees_with_parsing(text: str) -> None:
    """The importer's fast check says exactly what parsing and formatting back would say."""
    assert is_canonical(text) == _canonical_by_parsing(text)


def test_is_canonical_examples() -> None:
    assert is_canonical(format_id("K7", 42))
    assert not is_canonical(format_id("K7", 42).lower())
    assert not is_canonical("K7-00042-" + format_id("K7", 42)[-1])  # padded beyond four
    assert not is_canonical("ZAB-0001-" + format_id("ZABCDE", 1)[-1])  # short provisional
    assert not is_canonical(None)
    assert not is_canonical("K7-0000-0")
