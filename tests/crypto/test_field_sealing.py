from __future__ import annotations

import hashlib
import hmac
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldreg.core.errors import AuthError, TamperError
from fieldreg.crypto.sealing import HEADER_BYTES, NONCE_BYTES, FieldSealer, key_id_for

KEY = bytes(range(32))
SECRET = "Олена Петренко, 1984, Харків".encode()


@pytest.fixture
def sealer() -> FieldSealer:
    return FieldSealer(KEY)


def assert_tamper(sealer: FieldSealer, table: str, row: str, group: str, blob: bytes) -> None:
    with pytest.raises(TamperError) as caught:
        sealer.open(table, row, group, blob)
    assert caught.value.code == "crypto.tamper"
    assert caught.value.params == {"table": table, "group": group}
    assert "Олена" not in str(caught.value)
    assert caught.value.__cause__ is None


def test_key_id_is_hmac_of_the_key() -> None:
    expected = hmac.new(KEY, b"fieldreg key id", hashlib.sha256).hexdigest()[:16]
    assert key_id_for(KEY) == expected
    assert FieldSealer(KEY).key_id == expected
    assert key_id_for(os.urandom(32)) != expected


def test_round_trip(sealer: FieldSealer) -> None:
    blob = sealer.seal("person", "K7-0042-X", "names", SECRET)
    assert sealer.open("person", "K7-0042-X", "names", blob) == SECRET
    assert SECRET not in blob
    assert blob[0] == 1
    assert blob[1:9] == bytes.fromhex(sealer.key_id)
    assert len(blob) == 1 + 8 + 12 + len(SECRET) + 16


def test_empty_plaintext_round_trip(sealer: FieldSealer) -> None:
    blob = sealer.seal("person", "r1", "notes", b"")
    assert sealer.open("person", "r1", "notes", blob) == b""


def test_nonces_differ(sealer: FieldSealer) -> None:
    blobs = {sealer.seal("person", "r1", "names", SECRET) for _ in range(100)}
    assert len(blobs) == 100


def test_another_row_group_or_table_does_not_open(sealer: FieldSealer) -> None:
    blob = sealer.seal("person", "A", "names", SECRET)
    assert_tamper(sealer, "person", "B", "names", blob)
    assert_tamper(sealer, "person", "A", "medical", blob)
    assert_tamper(sealer, "household", "A", "names", blob)


def test_fields_cannot_be_shifted_between_parts(sealer: FieldSealer) -> None:
    # Length prefixes keep ("ab", "c") and ("a", "bc") apart.
    blob = sealer.seal("ab", "c", "g", SECRET)
    assert_tamper(sealer, "a", "bc", "g", blob)


def test_another_key_does_not_open(sealer: FieldSealer) -> None:
    blob = sealer.seal("person", "A", "names", SECRET)
    assert_tamper(FieldSealer(os.urandom(32)), "person", "A", "names", blob)


def test_another_key_with_the_key_id_patched_in_does_not_open(sealer: FieldSealer) -> None:
    other = FieldSealer(os.urandom(32))
    blob = sealer.seal("person", "A", "names", SECRET)
    patched = blob[:1] + bytes.fromhex(other.key_id) + blob[9:]
    assert_tamper(other, "person", "A", "names", patched)


def test_every_flipped_bit_is_detected(sealer: FieldSealer) -> None:
    blob = sealer.seal("person", "A", "names", b"short secret")
    for bit in range(len(blob) * 8):
        altered = bytearray(blob)
        altered[bit // 8] ^= 1 << (bit % 8)
        assert_tamper(sealer, "person", "A", "names", bytes(altered))


def test_every_truncation_is_detected(sealer: FieldSealer) -> None:
    blob = sealer.seal("person", "A", "names", b"short secret")
    for length in range(len(blob)):
        assert_tamper(sealer, "person", "A", "names", blob[:length])
    assert_tamper(sealer, "person", "A", "names", blob + b"\x00")


def test_unknown_version_is_refused(sealer: FieldSealer) -> None:
    blob = sealer.seal("person", "A", "names", SECRET)
    assert_tamper(sealer, "person", "A", "names", b"\x02" + blob[1:])


def test_wipe_locks(sealer: FieldSealer) -> None:
    blob = sealer.seal("person", "A", "names", SECRET)
    sealer.wipe()
    with pytest.raises(AuthError, match=r"store\.locked"):
        sealer.open("person", "A", "names", blob)
    with pytest.raises(AuthError, match=r"store\.locked"):
        sealer.seal("person", "A", "names", SECRET)
    with pytest.raises(AuthError, match=r"store\.locked"):
        sealer.seal_json("person", "A", "names", {"a": 1})
    assert FieldSealer(KEY).open("person", "A", "names", blob) == SECRET


def test_json_round_trip(sealer: FieldSealer) -> None:
    value = {"family": "Шевченко", "given": "Тарас", "born": 1814, "tags": ["a", None, 1.5]}
    blob = sealer.seal_json("person", "A", "names", value)
    assert sealer.open_json("person", "A", "names", blob) == value


def test_json_is_canonical(sealer: FieldSealer) -> None:
    blob = sealer.seal_json("person", "A", "names", {"b": 1, "a": "ї"})
    assert sealer.open("person", "A", "names", blob) == '{"a":"ї","b":1}'.encode()


@pytest.mark.parametrize("value", [float("nan"), float("inf"), {"x": float("-inf")}])
def test_json_refuses_non_finite_numbers(sealer: FieldSealer, value: object) -> None:
    with pytest.raises(ValueError, match="JSON compliant"):
        sealer.seal_json("person", "A", "names", value)


def test_json_refuses_what_it_cannot_encode(sealer: FieldSealer) -> None:
    with pytest.raises(TypeError):
        sealer.seal_json("person", "A", "names", {"when": object()})


@pytest.mark.parametrize(
    "plaintext",
    [b'{"a":1,"a":2}', b"NaN", b'{"x":Infinity}', b"[-Infinity]", b"\xff\xfe", b"{", b""],
)
def test_open_json_is_strict(sealer: FieldSealer, plaintext: bytes) -> None:
    blob = sealer.seal("person", "A", "names", plaintext)
    with pytest.raises(TamperError) as caught:
        sealer.open_json("person", "A", "names", blob)
    assert caught.value.code == "crypto.tamper"
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None  # the parser's error would carry the plaintext


def test_bulk_sealer_and_opener_agree_with_single_calls() -> None:
    import os as _os

    from fieldreg.core.errors import TamperError as _Tamper
    from fieldreg.crypto.sealing import FieldSealer as _Sealer

    sealer = _Sealer(_os.urandom(32))
    seal_row = sealer.sealer_for("people", "summary")
    open_row = sealer.opener("people", "summary")
    blob = seal_row("K7-0001-4", b"{}")
    assert sealer.open("people", "K7-0001-4", "summary", blob) == b"{}"
    assert open_row("K7-0001-4", sealer.seal("people", "K7-0001-4", "summary", b"[1]")) == b"[1]"
    with pytest.raises(_Tamper):
        open_row("K7-0002-X", blob)
    with pytest.raises(_Tamper):
        sealer.open("people", "K7-0001-4", "details", blob)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12),
            st.binary(max_size=200),
        ),
        max_size=30,
    )
)
def test_seal_many_makes_what_seal_makes(rows: list[tuple[str, bytes]]) -> None:
    """The bulk sealer against the strict one: each blob opens under its own record id to its
    plaintext with `open`, has seal's layout, and no two share a nonce."""
    sealer = FieldSealer(KEY)
    ids = [record_id for record_id, _ in rows]
    plaintexts = [plaintext for _, plaintext in rows]
    blobs = sealer.seal_many("events", "body", ids, plaintexts)
    assert len(blobs) == len(rows)
    for record_id, plaintext, blob in zip(ids, plaintexts, blobs, strict=True):
        single = sealer.seal("events", record_id, "body", plaintext)
        assert len(blob) == len(single)
        assert blob[: HEADER_BYTES - NONCE_BYTES] == single[: HEADER_BYTES - NONCE_BYTES]
        assert sealer.open("events", record_id, "body", blob) == plaintext
        assert sealer.opener("events", "body")(record_id, blob) == plaintext
        with pytest.raises(TamperError):
            sealer.open("events", record_id + "x", "body", blob)
        with pytest.raises(TamperError):
            sealer.open("notes", record_id, "body", blob)
    nonces = {blob[HEADER_BYTES - NONCE_BYTES : HEADER_BYTES] for blob in blobs}
    assert len(nonces) == len(blobs)


def test_seal_many_refuses_what_seal_refuses(sealer: FieldSealer) -> None:
    with pytest.raises(ValueError, match="one record id per plaintext"):
        sealer.seal_many("events", "body", ["a", "b"], [b"x"])
    with pytest.raises(ValueError, match="a record id and bytes"):
        sealer.seal_many("events", "body", [""], [b"x"])
    with pytest.raises(ValueError, match="a record id and bytes"):
        sealer.seal_many("events", "body", ["a"], ["text"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="table must be"):
        sealer.seal_many("", "body", ["a"], [b"x"])
    assert sealer.seal_many("events", "body", [], []) == []
