"""The sealed summary's compact version 2: round trip, old JSON rows, tampering, bulk reads and the
rewrite of old rows."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldreg.core.entities import FIELDS, Group, PersonFields
from fieldreg.crypto.sealing import FieldSealer
from fieldreg.services.search_index import SearchEntry, SearchIndex
from fieldreg.services.session import Session
from fieldreg.services.unlock import fill_index, read_people
from fieldreg.store.sealed_json import encode_json
from fieldreg.store.summaries import read_summaries
from fieldreg.store.summary_codec import (
    ORDER,
    VERSION_2,
    decode_group,
    decode_summaries,
    decode_summary,
    encode_group,
    encode_summary,
)
from fieldreg.store.summary_upgrade import upgrade_summaries

PERSON: PersonFields = {
    "family_name": "Шевченко",
    "given_name": "Сергій",
    "patronymic": "Іванович",
    "latin_family_name": "Shevchenko",
    "latin_given_name": "Serhii",
    "latin_patronymic": "Ivanovych",
    "sex": "male",
    "dob": "1984-03-12",
    "needs": ["medical", "mobility"],
    "status": "arrived",
}

# Letters of both scripts, the separators version 2 uses, JSON's special characters, any other.
values = st.text(
    st.one_of(st.sampled_from("aZбЇ' -\x1e\x1f{}\"\\\n"), st.characters(codec="utf-8")),
    max_size=8,
)
summaries = st.dictionaries(
    st.sampled_from(ORDER),
    st.one_of(values, st.lists(values, max_size=3)),
    max_size=len(ORDER),
)


def test_every_summary_field_has_a_place_in_version_2() -> None:
    """A new summary field must be appended to ORDER (it would otherwise be written as JSON)."""
    in_summary = {name for name, spec in FIELDS.items() if spec.group is Group.SUMMARY}
    assert in_summary == set(ORDER)


def test_a_usual_summary_is_version_2_and_reads_back_the_same() -> None:
    plaintext = encode_summary(PERSON)
    assert plaintext[0] == VERSION_2
    assert len(plaintext) < len(encode_json(PERSON))
    assert decode_summary(plaintext) == PERSON
    assert decode_group(Group.SUMMARY, encode_group(Group.SUMMARY, PERSON)) == PERSON


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(summaries)
def test_round_trip_whatever_the_values(content: dict[str, Any]) -> None:
    """Version 2 where it can carry the values exactly, JSON otherwise: both read back equal."""
    content_json = encode_json(content)
    plaintext = encode_summary(content)
    assert decode_summary(plaintext) == json.loads(content_json)
    (decoded,), old, bad = decode_summaries([plaintext])
    assert decoded == decode_summary(plaintext)
    assert bad == 0
    assert old == (plaintext[0] != VERSION_2)


@pytest.mark.parametrize(
    "content",
    [
        {"family_name": "a\x1fb"},  # a separator inside a value
        {"needs": ["a\x1eb"]},
        {"needs": []},  # an empty list would read back as [""]
        {"family_name": ["not", "a", "string"]},
        {"family_name": "X", "unknown_field": "Y"},
        {},
    ],
)
def test_what_version_2_cannot_carry_is_written_as_json(content: dict[str, Any]) -> None:
    plaintext = encode_summary(content)
    assert plaintext[:1] == b"{"
    assert decode_summary(plaintext) == content


def test_old_json_rows_still_read() -> None:
    old = encode_json(PERSON)  # what every build before version 2 sealed
    assert decode_summary(old) == PERSON
    names: list[str] = []
    dobs: list[str | None] = []
    fields, old_rows, bad = decode_summaries([old, encode_summary(PERSON)], names, dobs)
    assert fields == [PERSON, PERSON]
    assert (old_rows, bad) == (1, 0)
    row = ["Шевченко", "Сергій", "Іванович", "Shevchenko", "Serhii", "Ivanovych"]
    assert names == row + row
    assert dobs == ["1984-03-12", "1984-03-12"]


@pytest.mark.parametrize(
    "plaintext",
    [
        b"",
        b"\x03abc",
        b"\x02",  # no layout
        b"\x02zz\x1fShevchenko",  # a layout that is not hex
        b"\x020x1\x1fShevchenko",  # nor in canonical form
        b"\x0201\x1fShevchenko",
        b"\x02 1\x1fShevchenko",
        b"\x020\x1f",  # no field
        b"\x023\x1fShevchenko",  # two fields announced, one given
        b"\x02" + format(1 << len(ORDER), "x").encode() + b"\x1fa",  # a field unknown here
        b"\x021\x1f\xff\xfe",  # not UTF-8
        b"[1, 2]",
        b"{not json",
    ],
)
def test_malformed_plaintexts_are_refused(plaintext: bytes) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 (each case has its own message)
        decode_summary(plaintext)
    names: list[str] = []
    dobs: list[str | None] = []
    assert decode_summaries([plaintext], names, dobs)[0] == [None]
    assert names == dobs == []


def test_names_missing_from_a_version_2_row_are_empty_in_the_search_columns() -> None:
    content: PersonFields = {"family_name": "Kovalchuk", "given_name": "Yuliia", "dob": "1990"}
    names: list[str] = []
    dobs: list[str | None] = []
    decode_summaries([encode_summary(content), encode_summary({"family_name": "X"})], names, dobs)
    assert names == ["Kovalchuk", "Yuliia", "", "", "", "", "X", "", "", "", "", ""]
    assert dobs == ["1990", None]


# What unlock's batches hold: rows as written, and rows that a batch decoded in one piece must not
# misread (an announced value missing or extra, 0x02 inside a value, not UTF-8, JSON, None).
batch_rows = st.one_of(
    summaries.map(encode_summary),
    st.sampled_from(
        [
            b"\x023\x1fShevchenko",
            b"\x021\x1fa\x1fb",
            b"\x021\x1f\x022",
            b"\x021\x1f\x021",
            b"\x023\x1f\x02\x1f\x021\x1fx",
            b"\x021\x1f\xff",
            b"",
            b"\x02",
            None,
        ]
    ),
)


def _one_by_one(
    plaintexts: list[bytes | None],
) -> tuple[list[PersonFields | None], list[str], list[str | None]]:
    """What `decode_summaries` must give: `decode_summary` of each row, None where it fails."""
    fields: list[PersonFields | None] = []
    names: list[str] = []
    dobs: list[str | None] = []
    for plaintext in plaintexts:
        try:
            decoded = None if plaintext is None else decode_summary(plaintext)
        except ValueError:
            decoded = None
        fields.append(decoded)
        if decoded is not None:
            for name in ORDER[:6]:
                value = decoded.get(name)
                names.append(value if type(value) is str else "")
            dob = decoded.get("dob")
            dobs.append(dob if type(dob) is str else None)
    return fields, names, dobs


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(batch_rows, max_size=12))
def test_a_batch_decodes_as_its_rows_one_by_one(plaintexts: list[bytes | None]) -> None:
    """A batch of well-formed version 2 rows is decoded in one piece (joined, split once); any
    other batch row by row: either way each row reads as it would alone, with its own values."""
    names: list[str] = ["before"]
    dobs: list[str | None] = ["before"]
    fields, old, bad = decode_summaries(plaintexts, names, dobs)
    expected, expected_names, expected_dobs = _one_by_one(plaintexts)
    assert fields == expected
    assert names == ["before", *expected_names]
    assert dobs == ["before", *expected_dobs]
    assert bad == expected.count(None)
    assert old == sum(1 for p in plaintexts if p and p[:1] == b"{")


def test_a_row_announcing_more_values_than_it_has_does_not_take_the_next_rows() -> None:
    """The next row's values must not fill the short row (one piece decoding reads the layouts
    only at the rows' starts)."""
    short = b"\x023\x1fShevchenko"  # family and given name announced, the family name given
    whole = encode_summary(PERSON)
    names: list[str] = []
    dobs: list[str | None] = []
    fields, _, bad = decode_summaries([whole, short, whole], names, dobs)
    assert fields == [PERSON, None, PERSON]
    assert bad == 1
    row = ["Шевченко", "Сергій", "Іванович", "Shevchenko", "Serhii", "Ivanovych"]
    assert names == row + row
    assert dobs == ["1984-03-12", "1984-03-12"]
    # A value that looks like the start of a row: the walk over the joined parts would give the
    # first row "b" and the second "c"; one by one, neither row decodes.
    fields, _, bad = decode_summaries([b"\x027\x1fa", b"\x021\x1fb\x1f\x021\x1fc"])
    assert fields == [None, None]


def test_open_many_refuses_what_open_refuses() -> None:
    sealer = FieldSealer(bytes(range(32)))
    other = FieldSealer(bytes(32))
    plaintext = encode_summary(PERSON)
    good = sealer.seal("people", "K7-0001-A", "summary", plaintext)
    altered = bytearray(good)
    altered[-1] ^= 1
    ids = ["K7-0001-A"] * 6 + ["K7-0002-B"]
    blobs = [
        good,
        bytes(altered),
        sealer.seal("people", "K7-0001-A", "details", plaintext),  # another group
        sealer.seal("notes", "K7-0001-A", "summary", plaintext),  # another table
        other.seal("people", "K7-0001-A", "summary", plaintext),  # another key
        good[:20],  # truncated
        good,  # swapped to another person's row
    ]
    assert sealer.open_many("people", "summary", ids, blobs) == [plaintext] + [None] * 6
    with pytest.raises(ValueError, match="one record id per sealed value"):
        sealer.open_many("people", "summary", ids, blobs[:2])


def _people(session: Session, count: int) -> list[str]:
    return session.register_batch(
        [
            {
                "family_name": "Коваленко",
                "given_name": f"Дарина{chr(0x430 + i % 32)}",
                "dob": "2015",
            }
            for i in range(count)
        ]
    )


def test_unlock_reads_old_rows_then_upgraded_rows_the_same(session: Session) -> None:
    ids = _people(session, 40)
    household = session.create_household()
    session.link_member(ids[0], household, "child")
    session.update(ids[1], {"needs": ["medical", "mobility"]})
    repo = session._repo
    with repo.reading():  # the reference: each person's summary opened on its own
        everyone = repo.conn.exec_driver_sql("SELECT id FROM people").scalars().all()
        expected = {person_id: repo.group(person_id, Group.SUMMARY) for person_id in everyone}
    # Rows as every build before version 2 wrote them, whatever this build writes.
    with repo.transaction():
        for person_id in ids[:10]:
            old = repo.sealer.seal("people", person_id, "summary", encode_json(expected[person_id]))
            repo.conn.exec_driver_sql(
                "UPDATE people SET summary = ? WHERE id = ?", (old, person_id)
            )
    with repo.reading():
        before = read_people(repo)
    assert before.old_rows >= 10
    assert before.summaries == expected
    assert before.households == {household: [ids[0]]}
    with repo.reading():
        upgraded = upgrade_summaries(repo)
        assert upgrade_summaries(repo) == 0
        after = read_people(repo)
        blobs = repo.conn.exec_driver_sql("SELECT summary FROM people").scalars().all()
        sealed = repo.conn.exec_driver_sql(
            "SELECT summary FROM people WHERE id = ?", (ids[1],)
        ).scalar_one()
        opened = repo.sealer.open("people", ids[1], "summary", sealed)
        assert opened[0] == VERSION_2
        assert decode_group(Group.SUMMARY, opened) == expected[ids[1]]
    assert upgraded == before.old_rows
    assert after.old_rows == 0
    assert after.summaries == expected
    assert after.households == before.households
    assert (after.names, after.dobs) == (before.names, before.dobs)
    # Still sealed: nothing of the names in the blobs.
    assert all("Коваленко".encode() not in blob for blob in blobs)
    index = SearchIndex()
    fill_index(index, after)
    assert {hit.person_id for hit in index.search("Коваленко Дарина", limit=50)} == set(ids)


def test_a_damaged_summary_is_listed_and_the_others_read(session: Session) -> None:
    ids = _people(session, 5)
    repo = session._repo
    with repo.transaction():
        swapped = repo.conn.exec_driver_sql(
            "SELECT summary FROM people WHERE id = ?", (ids[0],)
        ).scalar_one()
        repo.conn.exec_driver_sql("UPDATE people SET summary = ? WHERE id = ?", (swapped, ids[1]))
    with repo.reading():
        opened = read_summaries(repo)
    assert opened.damaged == [ids[1]]
    assert opened.ids == [i for i in ids if i != ids[1]]
    assert len(opened.names) == 6 * len(opened.ids)
    assert len(opened.dobs) == len(opened.ids)


def test_bulk_load_flat_is_bulk_load() -> None:
    entries = [
        SearchEntry("K7-0001-A", "Шевченко", "Сергій", "Іванович", "Shevchenko", dob="1984"),
        SearchEntry("K7-0002-B", "Kovalchuk", "Yuliia", dob="1990"),
        SearchEntry("K7-0003-C", "Хмельницкий", "Александр", "Петрович", dob=None),
    ]
    one, other = SearchIndex(), SearchIndex()
    one.bulk_load(entries)
    columns = SearchEntry.__match_args__[1:7]  # family name ... Latin patronymic
    flat = [getattr(e, column) for e in entries for column in columns]
    other.bulk_load_flat([e.person_id for e in entries], flat, [e.dob for e in entries])
    for query in ("Shevchenko", "Ковальчук 1990", "Хмельн", "Sergei Ivanovich"):
        assert one.search(query) == other.search(query)
    with pytest.raises(ValueError, match="six names"):
        other.bulk_load_flat(["K7-0001-A"], flat, [None])


MAPS = Path("/proc/self/maps")


def _mapped(path: str) -> bool:
    """Whether this process has the file mapped into memory (Linux's /proc/self/maps)."""
    with MAPS.open(encoding="utf-8") as maps:
        return any(line.rstrip("\n").endswith(path) for line in maps)


@pytest.mark.skipif(not MAPS.exists(), reason="Linux's /proc shows mappings")
def test_unlock_maps_the_store_while_it_reads_and_drops_the_mapping_after(
    session: Session,
) -> None:
    """Unlock steps through the store's pages mapped (faster), but only while it reads: a mapping
    left behind would end the desk with SIGBUS if the stick holding the store were pulled out."""
    ids = _people(session, 30)
    repo = session._repo
    store = str(Path(repo.conn.engine.url.database or "").resolve())
    with closing(sqlite3.connect(store)) as other:  # the people into the file, out of the WAL
        other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    seen: list[bool] = []
    with repo.reading():
        assert not _mapped(store)
        opened = read_summaries(repo, progress=lambda done, total: seen.append(_mapped(store)))
        assert not _mapped(store)
    assert seen == [True]
    assert opened.ids == ids
    assert opened.damaged == []

    class Interrupted(RuntimeError):
        pass

    def interrupt(done: int, total: int) -> None:
        raise Interrupted

    with repo.reading(), pytest.raises(Interrupted):
        read_summaries(repo, progress=interrupt)
    assert not _mapped(store)
