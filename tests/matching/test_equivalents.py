"""The Ukrainian <-> Russian equivalents table: data, not code, and the keys it gives."""

from __future__ import annotations

import pytest

from fieldreg.matching.equivalents import default_equivalents, parse, resources_dir
from fieldreg.matching.phonetic import (
    SPELLINGS_FILE,
    computed_group_keys,
    render_group_keys,
    search_key,
)


@pytest.mark.parametrize(
    "spellings",
    [
        ["Олексій", "Алексей", "Oleksii", "Aleksei", "Alexej", "Aleksiej"],
        ["Наталія", "Наталья", "Наталия", "Nataliia", "Natalja", "Natalya"],
        ["Ганна", "Анна", "Hanna", "Anna"],
        ["Олена", "Елена", "Olena", "Elena", "Jelena"],
        ["Дмитро", "Дмитрий", "Dmytro", "Dmitrii", "Dmitri"],
        ["Микола", "Николай", "Mykola", "Nikolai"],
        ["Ковальов", "Ковалёв", "Ковалев", "Kovalov", "Kovalyov", "Kovalev"],
        ["Олексійович", "Алексеевич"],
        ["Олексіївна", "Алексеевна"],
        ["Миколайович", "Николаевич", "Mykolaiovych", "Nikolaevich"],
    ],
    ids=lambda spellings: spellings[0],
)
def test_equivalent_names_share_one_key(spellings: list[str]) -> None:
    keys = {spelling: search_key(spelling) for spelling in spellings}
    assert len(set(keys.values())) == 1, keys


def test_olena_and_alyona_are_different_names() -> None:
    """The issue: Олена and Алёна folded to one key. Олена is Елена; Алёна (Альона) is not."""
    olena = {search_key(s) for s in ("Олена", "Olena", "Елена", "Elena")}
    alyona = {search_key(s) for s in ("Алёна", "Альона", "Alyona", "Aliona")}
    assert len(olena) == 1
    assert len(alyona) == 1
    assert olena.isdisjoint(alyona)


def test_the_table_is_a_shipped_file_naming_its_sources() -> None:
    text = (resources_dir() / "equivalents.tsv").read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("Скрипник" in line for line in header)
    assert any("Петровский" in line for line in header)


def test_feminine_patronymics_follow_the_rules_in_the_table() -> None:
    table = default_equivalents()
    assert "алексеевна" in table.forms_of("Олексіївна")
    assert "ивановна" in table.forms_of("Іванівна")
    assert "ильинична" in table.forms_of("Іллівна")


def test_surname_endings_turn_into_their_russian_spelling() -> None:
    table = default_equivalents()
    assert table.russian_surname("Ковальов") == "Ковалёв"
    assert table.russian_surname("Вишневський") == "Вишневский"
    assert table.russian_surname("Шевченко") == "Шевченко"


def test_a_malformed_line_is_named() -> None:
    with pytest.raises(ValueError, match="line 2"):
        parse(["kind\tuk\tru", "given\tОлег"])
    with pytest.raises(ValueError, match="header"):
        parse(["uk\tru"])


def test_rows_sharing_a_form_make_one_group() -> None:
    table = parse(["kind\tuk\tru", "given\tНаталія\tНаталья", "given\tНаталія\tНаталия"])
    assert set(table.forms_of("Наталия")) == {"наталия", "наталья", "наталія"}


def test_the_shipped_keys_are_those_of_the_table() -> None:
    """resources/names/equivalent_keys.tsv is generated: regenerate it after editing the table
    (python -m fieldreg.matching.phonetic > resources/names/equivalent_keys.tsv)."""
    shipped = (resources_dir() / SPELLINGS_FILE).read_text(encoding="utf-8")
    assert shipped == render_group_keys(computed_group_keys())
