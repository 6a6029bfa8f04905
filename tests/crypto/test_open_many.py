"""`FieldSealer.open_many`: a batch of intact rows takes the C-level path, and one row that does
not open, wherever it lies in the batch, is reported alone while everyone else still opens."""

from __future__ import annotations

import pytest

from fieldreg.crypto.sealing import KEY_ID_BYTES, FieldSealer

KEY = bytes(range(32))


def _batch(sealer: FieldSealer, count: int) -> tuple[list[str], list[bytes], list[bytes]]:
    ids = [f"T7-{number:04d}-A" for number in range(count)]
    plaintexts = [f"summary {number}".encode() for number in range(count)]
    return ids, plaintexts, sealer.seal_many("people", "summary", ids, plaintexts)


def test_a_batch_of_intact_rows_opens_as_each_row_opens_alone() -> None:
    sealer = FieldSealer(KEY)
    ids, plaintexts, blobs = _batch(sealer, 300)
    opened = sealer.open_many("people", "summary", ids, blobs)
    assert opened == plaintexts
    assert opened[17] == sealer.open("people", ids[17], "summary", blobs[17])


@pytest.mark.parametrize("where", [0, 150, 299])
def test_one_altered_row_in_a_batch_is_the_only_one_that_does_not_open(where: int) -> None:
    sealer = FieldSealer(KEY)
    ids, plaintexts, blobs = _batch(sealer, 300)
    altered = bytearray(blobs[where])
    altered[-3] ^= 0x40
    blobs[where] = bytes(altered)
    expected: list[bytes | None] = list(plaintexts)
    expected[where] = None
    assert sealer.open_many("people", "summary", ids, blobs) == expected


def test_a_row_whose_key_id_was_rewritten_does_not_open_although_its_ciphertext_is_intact() -> None:
    sealer = FieldSealer(KEY)
    ids, plaintexts, blobs = _batch(sealer, 50)
    blob = bytearray(blobs[20])
    blob[KEY_ID_BYTES] ^= 1  # the key id's last byte; nonce and ciphertext untouched
    blobs[20] = bytes(blob)
    opened = sealer.open_many("people", "summary", ids, blobs)
    assert opened[20] is None
    assert opened[:20] + opened[21:] == plaintexts[:20] + plaintexts[21:]


def test_rows_swapped_between_two_people_in_a_batch_both_fail() -> None:
    sealer = FieldSealer(KEY)
    ids, _plaintexts, blobs = _batch(sealer, 40)
    blobs[3], blobs[30] = blobs[30], blobs[3]
    opened = sealer.open_many("people", "summary", ids, blobs)
    assert [i for i, value in enumerate(opened) if value is None] == [3, 30]


def test_a_row_with_no_record_id_or_no_blob_does_not_open_and_the_others_do() -> None:
    sealer = FieldSealer(KEY)
    ids, plaintexts, blobs = _batch(sealer, 10)
    ids[2] = ""
    blobs[7] = None  # type: ignore[call-overload]
    opened = sealer.open_many("people", "summary", ids, blobs)
    assert [i for i, value in enumerate(opened) if value is None] == [2, 7]
    assert opened[5] == plaintexts[5]


def test_an_empty_batch_opens_to_nothing() -> None:
    assert FieldSealer(KEY).open_many("people", "summary", [], []) == []
