"""The QR payload and the scan parser: what a wedge scanner types on a Latin, Ukrainian or Russian
keyboard layout resolves to the person; anything else is refused with a reason."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldreg.core.errors import IdError
from fieldreg.core.ids import ALPHABET, format_id, is_issuable
from fieldreg.core.keyboards import CYRILLIC_TO_US, LAYOUTS, us_keys_of
from fieldreg.printing.payload import (
    MAX_SCAN_LEN,
    QR_ALPHANUMERIC,
    Scan,
    band_id,
    format_payload,
    looks_like_scan,
    next_band_no,
    parse_band_id,
    parse_scan,
)

PERSON = "K7-0042-0"

# Typed by hand from the layouts' key caps (not derived from fieldreg's tables): the US character
# on each key, then what the key gives under the Russian and the Ukrainian layout.
US_KEYS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ-:/ $%*+."
RUSSIAN = "0123456789ФИСВУАПРОЛЬТЗЙКЫЕМЦЧНЯ-Ж. ;%*+ю"
UKRAINIAN = "0123456789ФИСВУАПРОЛЬТЗЙКІЕМЦЧНЯ-Ж. ;%*+ю"
TYPED_BY_HAND = {"ru": RUSSIAN, "uk": UKRAINIAN}


def typed(text: str, layout: str, caps_lock: bool = False) -> str:
    """`text` as a wedge scanner types it through `layout` (Caps Lock inverts letter case)."""
    table = dict(zip(US_KEYS, TYPED_BY_HAND[layout], strict=True))
    result = "".join(table[char] for char in text)
    return result.swapcase() if caps_lock else result


def person_ids() -> st.SearchStrategy[str]:
    prefixes = st.text(ALPHABET[:31], min_size=2, max_size=4).filter(lambda p: p[0] != "Z")
    counters = st.integers(1, 32**5)
    return (
        st.tuples(prefixes, counters)
        .filter(lambda pc: is_issuable(*pc))
        .map(lambda pc: format_id(*pc))
    )


def test_payload_format_is_short_versioned_and_alphanumeric() -> None:
    assert format_payload(PERSON, 2) == "FR1:K7-0042-0/2"
    assert format_payload(PERSON) == "FR1:K7-0042-0"
    assert band_id(PERSON, 2) == "K7-0042-0/2"
    longest = format_payload(format_id("ZABCDE", 32**10 - 2), 9999)
    assert len(longest) <= 29 < MAX_SCAN_LEN
    assert set(longest) <= QR_ALPHANUMERIC
    with pytest.raises(ValueError, match="canonical"):
        format_payload("k7-0042-0", 1)
    with pytest.raises(ValueError, match="band numbers"):
        format_payload(PERSON, 0)


@given(person_ids(), st.integers(1, 9999))
def test_payload_round_trips(person_id: str, band_no: int) -> None:
    payload = format_payload(person_id, band_no)
    assert set(payload) <= QR_ALPHANUMERIC
    assert parse_scan(payload) == Scan(person_id, band_no)
    assert parse_scan(payload + "\r\n").band_id == band_id(person_id, band_no)


@pytest.mark.parametrize("layout", ["ru", "uk"])
@pytest.mark.parametrize("caps_lock", [False, True])
@given(person_id=person_ids(), band_no=st.integers(1, 9999))
def test_payload_typed_through_a_cyrillic_layout_reads_back(
    layout: str, caps_lock: bool, person_id: str, band_no: int
) -> None:
    text = typed(format_payload(person_id, band_no), layout, caps_lock)
    assert not text.isascii() or not any(c.isalpha() for c in text)
    scan = parse_scan(text)
    assert (scan.person_id, scan.band_no, scan.payload) == (person_id, band_no, True)
    assert scan.keyboard == "layout"
    assert looks_like_scan(text)


def test_examples_from_the_issue() -> None:
    assert typed("FR1:K7-0042-0/2", "uk") == "АК1ЖЛ7-0042-0.2"
    assert parse_scan("АК1ЖЛ7-0042-0.2") == Scan(PERSON, 2, True, "layout")
    assert parse_scan("ак1жл7-0042-0.2") == Scan(PERSON, 2, True, "layout")  # Caps Lock on
    # the ID alone, typed on a Cyrillic keyboard: by key position, or with look-alike letters
    assert parse_scan("Л7-0042-0") == Scan(PERSON, None, False, "layout")
    assert parse_scan("К7-0042-0") == Scan(PERSON, None, False, "lookalike")
    assert parse_scan("k7 0042 0") == Scan(PERSON, None, False, "latin")


@pytest.mark.parametrize("layout", ["ru", "uk"])
def test_every_character_of_the_alphanumeric_set_maps_back(layout: str) -> None:
    table = us_keys_of(LAYOUTS[layout])
    for us, cyrillic in zip(US_KEYS, TYPED_BY_HAND[layout], strict=True):
        assert table.get(cyrillic, cyrillic).upper() == us, (us, cyrillic)  # space: no row


def test_the_two_layouts_never_disagree() -> None:
    for layout in LAYOUTS.values():
        for typed_char, us in us_keys_of(layout).items():
            assert CYRILLIC_TO_US.get(typed_char, typed_char) == us


@pytest.mark.parametrize(
    ("untrusted", "code"),
    [
        ("", "scan.empty"),
        (" \r\n", "scan.empty"),
        ("A" * 4096, "scan.too_long"),
        ("FR1:" + "K7-0042-0/2" * 400, "scan.too_long"),
        ("FR1:K7-0042-1/2", "id.bad_check"),  # wrong check character
        ("АК1ЖЛ7-0042-1.2", "id.bad_check"),  # the same, through a Cyrillic layout
        ("FR2:K7-0042-0/2", "scan.version"),
        ("FR1:K7-0042-0/0", "scan.malformed"),
        ("FR1:K7-0042-0/02", "scan.malformed"),
        ("FR1:K7-0042-0/2/3", "scan.malformed"),
        ("FR1:", "scan.malformed"),
        ("FR1:K7\x00-0042-0", "scan.malformed"),
        ("FR1:K7-0042-0\x1b[2J", "scan.malformed"),
        ("FRX:K7-0042-0", "scan.malformed"),
        ("https://example.org/?id=K7-0042-0", "scan.foreign"),
        ("WIFI:S:Camp;T:WPA;P:secret;;", "scan.foreign"),
        ("4006381333931", "scan.foreign"),  # an EAN-13 from a box of supplies
        ("BEGIN:VCARD", "scan.foreign"),
        ("\u202eFR1:K7-0042-0", "scan.malformed"),  # a bidi override is not printable
        ("Щось зовсім інше", "scan.foreign"),
        ("K7-0042-0-1", "scan.foreign"),
    ],
)
def test_refused_input_says_why(untrusted: str, code: str) -> None:
    with pytest.raises(IdError) as caught:
        parse_scan(untrusted)
    assert caught.value.code == code


@given(st.text(max_size=100))
def test_arbitrary_text_resolves_or_raises_a_scan_error(untrusted: str) -> None:
    try:
        scan = parse_scan(untrusted)
    except IdError as exc:
        code = exc.code
    else:
        code = "ok"
        assert format_payload(scan.person_id)  # a canonical, issuable ID
    assert code == "ok" or code.startswith(("scan.", "id."))


def test_names_are_not_taken_for_scans() -> None:
    for name in ("Шевченко Марія", "Анна1980", "Анна-Марія 1980", "Жанна", "Olena 12.03.1984"):
        assert not looks_like_scan(name), name
    assert looks_like_scan("FR9:whatever")  # a newer payload still goes to the parser
    assert looks_like_scan("АК1ЖЛ7-0042-0.2")


def test_band_numbers_grow_per_person() -> None:
    recorded = ["K7-0042-0/1", "K7-0042-0/3", "K7-0043-9/7", "legacy-band"]
    assert next_band_no(PERSON, recorded) == 4
    assert next_band_no(PERSON, []) == 1
    assert parse_band_id("K7-0042-0/3") == (PERSON, 3)
    assert parse_band_id("k7-0042-0/3") is None  # recorded ids are canonical
    assert parse_band_id("legacy-band") is None
