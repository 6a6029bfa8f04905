"""Two records compared field by field, with reasons a volunteer can read."""

from __future__ import annotations

from fieldreg.matching.compare import PersonNames, compare, compare_dob, compare_name


def test_the_issues_reasons() -> None:
    ours = PersonNames("Гнатюк", "Олексій", "Васильович", dob="1978-03-12")
    theirs = PersonNames("Hnatiuk", "Алексей", "Васильевич", dob="1979")
    result = compare(ours, theirs)
    assert result.reasons == (
        "same family name in another spelling",
        "given name: Олексій = Алексей",
        "patronymic: Васильович = Васильевич",
        "born 1978, list says 1979",
    )
    assert result.label == "likely"


def test_initials_fit() -> None:
    result = compare(
        PersonNames("Гнатюк", "Олексій", "Васильович"), PersonNames("Гнатюк", "О.", "В.")
    )
    assert [f.verdict for f in result.fields[:3]] == ["same", "initial", "initial"]
    assert result.label == "likely"


def test_olena_is_not_alyona() -> None:
    field = compare_name("given", ["Олена"], ["Алёна"])
    assert field.verdict not in ("same", "equivalent", "spelling", "transliteration")


def test_a_sibling_is_not_likely() -> None:
    result = compare(
        PersonNames("Мороз", "Тарас", "Іванович", dob="2010-05-01"),
        PersonNames("Мороз", "Ганна", "Іванівна", dob="2013-02-11"),
    )
    assert result.label == "unlikely"


def test_a_typo_is_similar_and_a_missing_field_says_nothing() -> None:
    result = compare(
        PersonNames("Ковальчук", "Ірина"), PersonNames("Ковальчюк", "Ірина", "Петрівна")
    )
    assert result.fields[0].verdict in ("similar", "spelling")
    assert result.fields[2].verdict == "missing"
    assert result.label == "likely"


def test_dates_of_birth() -> None:
    assert compare_dob("1978-03-12", "1978-03-12").verdict == "same"
    assert compare_dob("1978-03-12", "~1978").verdict == "same_year"
    assert compare_dob("1978", "1979").reason() == "born 1978, list says 1979"
    assert compare_dob("1978", "1981").verdict == "different"
    assert compare_dob(None, "1981").verdict == "missing"


def test_a_date_of_birth_alone_is_not_a_match() -> None:
    result = compare(
        PersonNames("Мороз", "Тарас", dob="1978"), PersonNames("Бойко", "Ганна", dob="1978")
    )
    assert result.label == "unlikely"
