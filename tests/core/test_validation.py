"""Validation of typed and imported values. All names and numbers here are synthetic."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldreg.core.entities import FIELDS
from fieldreg.core.errors import ValidationError
from fieldreg.core.validation import (
    clean_text,
    dob_year,
    parse_dob,
    parse_languages,
    parse_phone,
    validate_fields,
)

TODAY = date(2026, 5, 10)

BIDI_CONTROLS = [
    "\u061c",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
]


def error_of(call: object, *args: object, **kwargs: object) -> ValidationError:
    assert callable(call)
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return caught.value


def is_forbidden(char: str, *, multiline: bool) -> bool:
    category = unicodedata.category(char)
    if char == "\n":
        return not multiline
    return category in {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"} or (
        category == "Zs" and char != " "
    )


# --- clean_text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Anna", "Anna"),
        ("  Anna   Maria  ", "Anna Maria"),
        ("Anna\u00a0Maria", "Anna Maria"),  # no-break space from a pasted cell
        ("Anna\u3000 Maria", "Anna Maria"),
        ("Anna\n", "Anna"),  # trailing newline at the end of a pasted cell
        ("e\u0301", "\u00e9"),  # NFC
        ("Оксана", "Оксана"),
        ("", ""),
    ],
)
def test_clean_text_single_line(raw: str, expected: str) -> None:
    assert clean_text("origin_settlement", raw, max_len=100) == expected


def test_clean_text_multiline_keeps_lines_and_normalises_line_ends() -> None:
    raw = "  first line  \r\nsecond\u00a0line\r\rthird\u2028fourth\n\n"
    assert clean_text("needs_note", raw, max_len=200, multiline=True) == (
        "first line\nsecond line\n\nthird\nfourth"
    )


@pytest.mark.parametrize("raw", ["a\nb", "a\rb", "a\tb", "a\u2028b", "a\u2029b", "a\u0085b"])
def test_clean_text_single_line_refuses_line_breaks_and_tabs(raw: str) -> None:
    error = error_of(clean_text, "origin_region", raw, max_len=100)
    assert (error.code, error.field) == ("validation.control_char", "origin_region")


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x80", "\x9b", "\x9f", "\t"])
@pytest.mark.parametrize("multiline", [False, True])
def test_clean_text_refuses_control_characters(char: str, multiline: bool) -> None:
    error = error_of(clean_text, "needs_note", f"a{char}b", max_len=100, multiline=multiline)
    assert error.code == "validation.control_char"
    assert error.params == {"field": "needs_note", "char": f"U+{ord(char):04X}"}


@pytest.mark.parametrize("char", BIDI_CONTROLS)
def test_clean_text_refuses_bidi_controls(char: str) -> None:
    error = error_of(clean_text, "given_name", f"Anna{char}", max_len=100)
    assert error.code == "validation.bidi_char"


@pytest.mark.parametrize(
    "char",
    [
        "\u200b",  # zero-width space
        "\u200c",
        "\u200d",
        "\u2060",  # word joiner
        "\ufeff",  # byte order mark
        "\u00ad",  # soft hyphen
        "\U000e0041",  # tag letter
        "\ufdd0",  # noncharacter
        "\ufffe",
        "\uffff",
        "\U0001fffe",
        "\U0010ffff",
        "\ue000",  # private use
        "\uf8ff",
        "\U000f0000",
        "\u0378",  # unassigned
    ],
)
def test_clean_text_refuses_invisible_private_and_unassigned(char: str) -> None:
    error = error_of(clean_text, "family_name", f"Ivan{char}enko", max_len=100)
    assert error.code == "validation.invalid_char"
    assert error.params["char"] == f"U+{ord(char):04X}"


@pytest.mark.parametrize("raw", ["\ud800", "a\udfff", "\udbff\udc00"])
def test_clean_text_refuses_lone_surrogates(raw: str) -> None:
    assert error_of(clean_text, "family_name", raw, max_len=100).code == "validation.surrogate"


def test_clean_text_length_is_counted_after_nfc() -> None:
    assert clean_text("f", "abcde", max_len=5) == "abcde"
    assert clean_text("f", "e\u0301" * 5, max_len=5) == "\u00e9" * 5
    error = error_of(clean_text, "f", "abcdef", max_len=5)
    assert (error.code, error.params) == ("validation.too_long", {"field": "f", "max": 5})


def test_clean_text_refuses_huge_input_without_normalising_it() -> None:
    error = error_of(clean_text, "f", "a" * 10_000_000, max_len=100)
    assert error.code == "validation.too_long"


def test_clean_text_required() -> None:
    assert error_of(clean_text, "f", " \n ", max_len=5, required=True).code == (
        "validation.required"
    )
    assert clean_text("f", "   ", max_len=5) == ""


def clean_or_error(
    field: str, raw: str, *, max_len: int, multiline: bool = False
) -> str | ValidationError:
    try:
        return clean_text(field, raw, max_len=max_len, multiline=multiline)
    except ValidationError as error:
        return error


ANY_CHARACTER = st.characters(exclude_categories=())  # includes lone surrogates


@given(st.text(ANY_CHARACTER, max_size=40), st.booleans())
def test_clean_text_never_returns_a_forbidden_character_and_is_idempotent(
    raw: str, multiline: bool
) -> None:
    cleaned = clean_or_error("needs_note", raw, max_len=60, multiline=multiline)
    if isinstance(cleaned, ValidationError):
        assert cleaned.field == "needs_note"
        return
    assert not any(is_forbidden(char, multiline=multiline) for char in cleaned)
    assert cleaned == unicodedata.normalize("NFC", cleaned)
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned or multiline
    assert len(cleaned) <= 60
    assert clean_text("needs_note", cleaned, max_len=60, multiline=multiline) == cleaned


@given(st.text(st.sampled_from(["a", "é", " ", "\u00a0", "\n", "\u0301", "Ж", "\t", "\u200b"])))
def test_clean_text_on_a_dense_alphabet_of_tricky_characters(raw: str) -> None:
    cleaned = clean_or_error("f", raw, max_len=1000)
    if isinstance(cleaned, ValidationError):
        assert cleaned.code in {"validation.control_char", "validation.invalid_char"}
        assert any(char in raw.strip() for char in "\n\t\u200b")
        return
    assert "  " not in cleaned
    assert clean_text("f", cleaned, max_len=1000) == cleaned


# --- parse_dob -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1984-03-12", "1984-03-12"),
        ("1984-3-2", "1984-03-02"),
        ("12.03.1984", "1984-03-12"),
        ("12/03/1984", "1984-03-12"),  # day first
        ("1.3.1984", "1984-03-01"),
        (" 12.03.1984 ", "1984-03-12"),
        ("1984", "1984"),
        ("~1981", "~1981"),
        ("45", "~1981"),
        ("~45", "~1981"),
        ("45y", "~1981"),
        ("45 Y", "~1981"),
        ("0", "~2026"),
        ("120", "~1906"),
        ("2024-02-29", "2024-02-29"),  # leap year
        ("29.02.2000", "2000-02-29"),  # divisible by 400: leap
        ("2026-05-10", "2026-05-10"),  # born today
        ("1906-05-10", "1906-05-10"),  # exactly 120 years ago
        ("1906", "1906"),
        ("2026", "2026"),
    ],
)
def test_parse_dob_accepts(raw: str, expected: str) -> None:
    assert parse_dob("dob", raw, today=TODAY) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "validation.date_format"),
        ("yesterday", "validation.date_format"),
        ("1984/03/12", "validation.date_format"),
        ("12.03/1984", "validation.date_format"),
        ("1984-03-12T00:00", "validation.date_format"),
        ("~~45", "validation.date_format"),
        ("45 years", "validation.date_format"),
        ("-5", "validation.date_format"),
        ("١٩٨٤", "validation.date_format"),  # Arabic-Indic digits
        ("１９８４", "validation.date_format"),  # fullwidth digits
        ("1984-03-12" + " " * 30, "validation.date_format"),
        ("2023-02-29", "validation.date_invalid"),  # not a leap year
        ("29.02.1900", "validation.date_invalid"),  # century, not divisible by 400
        ("2024-02-30", "validation.date_invalid"),
        ("30.02.1990", "validation.date_invalid"),
        ("1984-13-01", "validation.date_invalid"),
        ("00.01.1990", "validation.date_invalid"),
        ("1990-04-31", "validation.date_invalid"),
        ("2026-05-11", "validation.date_future"),
        ("11.05.2026", "validation.date_future"),
        ("2027", "validation.date_future"),
        ("~2027", "validation.date_future"),
        ("1906-05-09", "validation.date_too_old"),
        ("1905", "validation.date_too_old"),
        ("~1905", "validation.date_too_old"),
        ("0001-01-01", "validation.date_too_old"),
        ("121", "validation.age_range"),
        ("~999", "validation.age_range"),
    ],
)
def test_parse_dob_refuses(raw: str, code: str) -> None:
    error = error_of(parse_dob, "dob", raw, today=TODAY)
    assert (error.field, error.code) == ("dob", code)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12.3.84", "1984-03-12"),  # 2084 is in the future
        ("12/3/84", "1984-03-12"),
        ("1.1.00", "2000-01-01"),  # 1900 is more than 110 years ago
        ("29.02.00", "2000-02-29"),  # 1900 had no 29 February, 2000 had
        ("12.03.15", "2015-03-12"),  # 1915: 111 years old
        ("12.03.16", "2016-03-12"),  # 1916-03-12 is just over 110 years before TODAY
        ("11.05.26", "1926-05-11"),  # 2026-05-11 is tomorrow: only 1926 fits
        ("10.05.27", "1927-05-10"),
        ("12031984", "1984-03-12"),
        ("01012000", "2000-01-01"),
        ("19840312", "1984-03-12"),  # the only reading that is a date is year first
        ("20260510", "2026-05-10"),
        ("120384", "1984-03-12"),
        ("010100", "2000-01-01"),
        (" 12031984 ", "1984-03-12"),
    ],
)
def test_parse_dob_accepts_short_forms(raw: str, expected: str) -> None:
    assert parse_dob("dob", raw, today=TODAY) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("12.03.20", "validation.date_century"),  # 6 or 106 years old
        ("10.05.26", "validation.date_century"),  # born today or 100 years ago
        ("11.05.16", "validation.date_century"),  # 109 or 9 years old
        ("29.02.24", "validation.date_century"),
        ("120320", "validation.date_century"),
        ("29.02.21", "validation.date_invalid"),  # neither 1921 nor 2021 was a leap year
        ("31.02.84", "validation.date_invalid"),
        ("31.02.1984", "validation.date_invalid"),
        ("310284", "validation.date_invalid"),
        ("31021984", "validation.date_invalid"),
        ("00.00.0000", "validation.date_invalid"),
        ("00.00.00", "validation.date_invalid"),
        ("000000", "validation.date_invalid"),
        ("00000000", "validation.date_invalid"),
        ("12.13.84", "validation.date_invalid"),
        ("11052026", "validation.date_future"),  # tomorrow
        ("01012099", "validation.date_future"),
        ("01011900", "validation.date_too_old"),
        ("99999999", "validation.date_invalid"),
        ("12.3", "validation.date_format"),
        ("12.3.", "validation.date_format"),
        ("12.3.984", "validation.date_format"),  # three-digit year
        ("12.3.8", "validation.date_format"),
        ("12.3/84", "validation.date_format"),
        ("1203198", "validation.date_format"),  # seven digits
        ("12031", "validation.date_format"),
        ("120319845", "validation.date_format"),
        ("1" * 20, "validation.date_format"),
        ("9" * 21, "validation.date_format"),
        ("1" * 10_000, "validation.date_format"),
        ("12 03 1984", "validation.date_format"),
        ("12.03.８４", "validation.date_format"),  # fullwidth digits
        ("١٢٠٣١٩٨٤", "validation.date_format"),  # Arabic-Indic digits
        ("+12031984", "validation.date_format"),
    ],
)
def test_parse_dob_refuses_short_forms(raw: str, code: str) -> None:
    error = error_of(parse_dob, "dob", raw, today=TODAY)
    assert (error.field, error.code) == ("dob", code)


def test_two_digit_year_follows_today() -> None:
    """The window moves with the calendar: "12.3.30" is 1930 in 2026 but 2030 in 2050."""
    assert parse_dob("dob", "12.3.30", today=TODAY) == "1930-03-12"
    assert parse_dob("dob", "12.3.30", today=date(2050, 1, 1)) == "2030-03-12"
    assert parse_dob("dob", "12.3.99", today=date(2101, 6, 1)) == "2099-03-12"


@given(st.text(alphabet="0123456789./-~ y", max_size=24))
def test_parse_dob_returns_canonical_or_refuses(raw: str) -> None:
    try:
        dob = parse_dob("dob", raw, today=TODAY)
    except ValidationError as error:
        code = error.code
    else:
        code = ""
    if code:
        assert code.startswith("validation.")
        return
    year = dob_year(dob)
    assert TODAY.year - 120 <= year <= TODAY.year
    if len(dob) == 10:
        assert date.fromisoformat(dob) <= TODAY


def test_parse_dob_params() -> None:
    assert error_of(parse_dob, "dob", "130", today=TODAY).params == {
        "field": "dob",
        "min": 0,
        "max": 120,
    }
    assert error_of(parse_dob, "dob", "1800", today=TODAY).params == {
        "field": "dob",
        "max_years": 120,
    }


def test_parse_dob_oldest_date_when_today_is_29_february() -> None:
    today = date(2020, 2, 29)  # 120 years earlier, 1900, has no 29 February
    assert parse_dob("dob", "1900-02-28", today=today) == "1900-02-28"
    assert error_of(parse_dob, "dob", "1900-02-27", today=today).code == "validation.date_too_old"


def test_parse_dob_age_is_relative_to_today() -> None:
    assert parse_dob("dob", "45", today=date(2030, 1, 1)) == "~1985"


@pytest.mark.parametrize(("dob", "year"), [("1984-03-12", 1984), ("1984", 1984), ("~1981", 1981)])
def test_dob_year(dob: str, year: int) -> None:
    assert dob_year(dob) == year


@pytest.mark.parametrize("dob", ["", "45", "~1984-03-12", "12.03.1984", "1984-3-12"])
def test_dob_year_refuses_non_canonical(dob: str) -> None:
    with pytest.raises(ValueError, match="canonical"):
        dob_year(dob)


# --- parse_phone ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+380 00 000 00 01", "+380000000001"),
        ("(000) 000-00-02", "0000000002"),
        ("000.000.00.03", "0000000003"),
        ("+1 (555) 010-0000", "+15550100000"),
        ("12345", "12345"),
        ("123456789012345", "123456789012345"),
        (" +49\u00a0000\u00a00000 ", "+490000000"),
    ],
)
def test_parse_phone_accepts(raw: str, expected: str) -> None:
    assert parse_phone("phone", raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "+",
        "1234",
        "1234567890123456",  # 16 digits: longer than E.164
        "++380000000001",
        "380+000000001",
        "000 000 00 01 ext 2",
        "000\t000\t0001",
        "٠٥٠١٢٣٤٥٦٧",  # Arabic-Indic digits
        "０５０１２３４５６７",  # fullwidth digits
        "0" * 50,
    ],
)
def test_parse_phone_refuses(raw: str) -> None:
    error = error_of(parse_phone, "phone", raw)
    assert error.code == "validation.phone"
    assert error.params == {"field": "phone", "min": 5, "max": 15}


# --- parse_languages --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("uk, ru en", ["uk", "ru", "en"]),
        ("UK,uk,crh", ["uk", "crh"]),
        (["ru", "uk", "ru"], ["ru", "uk"]),
        ((" en ",), ["en"]),
        ("", []),
        (" , ", []),
    ],
)
def test_parse_languages_accepts(raw: str | list[str], expected: list[str]) -> None:
    assert parse_languages("languages", raw) == expected


@pytest.mark.parametrize("raw", ["u", "ukr1", "uk-UA", "ру", "english", "u k", ["uk", ""]])
def test_parse_languages_refuses_bad_tags(raw: str | list[str]) -> None:
    assert error_of(parse_languages, "languages", raw).code == "validation.language"


def test_parse_languages_limits_the_count_after_deduplication() -> None:
    eleven = ["aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay"]
    error = error_of(parse_languages, "languages", eleven)
    assert (error.code, error.params) == ("validation.language", {"field": "languages", "max": 10})
    assert len(parse_languages("languages", [*eleven[:10], "aa"])) == 10


@pytest.mark.parametrize("raw", [[1], [["uk"]], {"uk": 1}, 7])
def test_parse_languages_refuses_wrong_types(raw: object) -> None:
    assert error_of(parse_languages, "languages", raw).code == "validation.type"


# --- validate_fields --------------------------------------------------------------------------

VALID = {
    "family_name": "Тестенко",
    "given_name": "Дем'ян",
    "patronymic": "Петрович",
    "latin_family_name": "Testenko",
    "latin_given_name": "Dem'ian",
    "sex": "male",
    "dob": "45",
    "origin_settlement": "Testville",
    "phone": "+380 00 000 00 00",
    "languages": "uk, ru",
    "needs": "mobility, medical",
    "needs_note": "Uses a wheelchair.\nNeeds a ramp.",
    "consent_data": "yes",
}


def test_validate_fields_canonicalises_a_full_record() -> None:
    cleaned = validate_fields(VALID, today=TODAY, require_names=True)
    assert cleaned == {
        **VALID,
        "dob": "~1981",
        "phone": "+380000000000",
        "languages": ["uk", "ru"],
        "needs": ["medical", "mobility"],
    }
    assert cleaned is not VALID


def test_validate_fields_returns_only_the_given_keys() -> None:
    assert validate_fields({"sex": "female"}, today=TODAY, require_names=False) == {"sex": "female"}


@pytest.mark.parametrize(
    "name",
    [
        "Мар’яна",  # U+2019 apostrophe
        "Мар‘яна",  # U+2018, typed by some keyboards and autocorrect
        "Обʼєднана",  # U+02BC modifier letter apostrophe
        "Анна-Марія",
        "O'Testy",
        "Jean-Testé",
        "St. Testin",
        "Ан\u0301на",  # combining acute marks stress
        "Ølstæd",
    ],
)
def test_names_in_cyrillic_and_latin_are_accepted(name: str) -> None:
    assert validate_fields({"given_name": name}, today=TODAY, require_names=False) == {
        "given_name": unicodedata.normalize("NFC", name)
    }


@pytest.mark.parametrize(
    "name", ["Anna2", "Тест3нко", "'-.", "Anna 😀", "Anna_Maria", "Anna/Maria", "\u3164", "A\ufe0f"]
)
def test_names_with_other_characters_are_refused(name: str) -> None:
    error = error_of(validate_fields, {"family_name": name}, today=TODAY, require_names=False)
    assert (error.field, error.code) == ("family_name", "validation.name_chars")


@pytest.mark.parametrize("empty", [None, "", "   ", "\n"])
def test_required_names_cannot_be_empty(empty: str | None) -> None:
    error = error_of(
        validate_fields,
        {"family_name": "Testenko", "given_name": empty},
        today=TODAY,
        require_names=True,
    )
    assert (error.field, error.code) == ("given_name", "validation.required")
    assert validate_fields({"given_name": empty}, today=TODAY, require_names=False) == {
        "given_name": None
    }


def test_required_names_must_be_present() -> None:
    error = error_of(validate_fields, {"given_name": "Anna"}, today=TODAY, require_names=True)
    assert (error.field, error.code) == ("family_name", "validation.required")


@pytest.mark.parametrize(
    ("field", "value"), [("sex", None), ("needs", []), ("languages", ""), ("needs_note", " \n ")]
)
def test_empty_values_mean_unset(field: str, value: object) -> None:
    assert validate_fields({field: value}, today=TODAY, require_names=False) == {field: None}


def test_text_and_note_limits() -> None:
    error = error_of(
        validate_fields, {"origin_region": "x" * 101}, today=TODAY, require_names=False
    )
    assert (error.field, error.code, error.params["max"]) == (
        "origin_region",
        "validation.too_long",
        FIELDS["origin_region"].max_len,
    )
    error = error_of(validate_fields, {"origin_region": "a\nb"}, today=TODAY, require_names=False)
    assert error.code == "validation.control_char"
    note = validate_fields({"needs_note": "a\nb"}, today=TODAY, require_names=False)
    assert note == {"needs_note": "a\nb"}


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("sex", "female", "female"),
        ("status", " departed ", "departed"),
        ("relationship", "child", "child"),
        ("needs", ["pregnancy", "medical", "pregnancy"], ["medical", "pregnancy"]),
        ("needs", ("elderly_alone",), ["elderly_alone"]),
    ],
)
def test_choices_accepted(field: str, value: object, expected: object) -> None:
    assert validate_fields({field: value}, today=TODAY, require_names=False) == {field: expected}


@pytest.mark.parametrize(
    ("field", "value"),
    [("sex", "Female"), ("sex", "f"), ("status", "gone"), ("needs", "medical, flying")],
)
def test_choices_refused(field: str, value: object) -> None:
    error = error_of(validate_fields, {field: value}, today=TODAY, require_names=False)
    assert (error.field, error.code) == (field, "validation.choice")
    assert error.params["allowed"] == ", ".join(FIELDS[field].choices)


@pytest.mark.parametrize("field", ["nickname", "Family_Name", "__class__", ""])
def test_unknown_fields_are_refused(field: str) -> None:
    error = error_of(validate_fields, {field: "x"}, today=TODAY, require_names=False)
    assert (error.field, error.code) == (field, "validation.unknown_field")


def test_unknown_non_string_key_is_refused() -> None:
    error = error_of(validate_fields, {3: "x"}, today=TODAY, require_names=False)
    assert error.code == "validation.unknown_field"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("family_name", 42),
        ("family_name", True),
        ("family_name", {"x": "y"}),
        ("family_name", ["Testenko"]),
        ("origin_region", b"bytes"),
        ("dob", 1984),
        ("phone", 380000000000),
        ("sex", False),
        ("needs", {"medical": True}),
        ("needs", ["medical", 1]),
        ("needs", [["medical"]]),
        ("languages", [["uk"]]),
        ("languages", 7),
    ],
)
def test_wrong_types_are_refused(field: str, value: object) -> None:
    error = error_of(validate_fields, {field: value}, today=TODAY, require_names=False)
    assert (error.field, error.code) == (field, "validation.type")


def test_dob_and_phone_go_through_their_parsers() -> None:
    assert validate_fields(
        {"dob": "12.03.1984", "phone": "(067) 123-45-67"}, today=TODAY, require_names=False
    ) == {"dob": "1984-03-12", "phone": "0671234567"}
    error = error_of(validate_fields, {"dob": "30.02.1990"}, today=TODAY, require_names=False)
    assert (error.field, error.code) == ("dob", "validation.date_invalid")


def test_every_catalogue_kind_has_a_validator() -> None:
    samples = {
        "name": "Testa",
        "text": "Test",
        "note": "Test",
        "dob": "1990",
        "phone": "12345",
        "languages": "en",
    }
    for name, spec in FIELDS.items():
        value = spec.choices[0] if spec.choices else samples[spec.kind.value]
        assert validate_fields({name: value}, today=TODAY, require_names=False)[name]


# --- values that were stored silently (issue 11 §4) -------------------------------------------


@pytest.mark.parametrize(
    ("field", "raw", "code"),
    [
        ("family_name", "Шевчenko", "validation.mixed_scripts"),  # a layout switch mid-word
        ("given_name", "Серг\u0069й", "validation.mixed_scripts"),  # Latin i for Ukrainian і
        ("patronymic", "П\u0065трович", "validation.mixed_scripts"),  # Latin e
        ("latin_family_name", "Шевченко", "validation.latin_only"),
        ("latin_given_name", "Olen\u0430", "validation.latin_only"),  # Cyrillic а at the end
        ("document_number", "AB\U0001f600123", "validation.document_chars"),
        ("document_number", "AB#123", "validation.document_chars"),
        ("languages", "uk, xx", "validation.language_unknown"),
        ("languages", "qqq", "validation.language_unknown"),
        ("phone", "00000", "validation.phone_placeholder"),
        ("phone", "+7 777 777", "validation.phone_placeholder"),
        ("needs", "," * 100_000, "validation.too_long"),
        ("needs", ["medical"] * 100, "validation.too_long"),
    ],
)
def test_values_that_were_stored_silently_are_refused_naming_the_field(
    field: str, raw: object, code: str
) -> None:
    error = error_of(validate_fields, {field: raw}, today=TODAY, require_names=False)
    assert (error.field, error.code) == (field, code)


@pytest.mark.parametrize(
    ("field", "raw"),
    [
        ("family_name", "Мар'яна-Smith"),  # a double name, one alphabet per word
        ("family_name", "田中さくら"),  # kanji and kana in one word are one writing system
        ("latin_family_name", "Müller-Łukasz"),
        ("latin_family_name", "Παπαδόπουλος"),  # no Latin spelling made for Greek: kept
        ("document_number", "КВ 123456"),  # a Ukrainian passport series is Cyrillic
        ("document_number", "12/34-5.6"),
        ("languages", "uk, crh, rom, en"),
        ("phone", "+380 67 123 4567"),
        ("needs", "medical, mobility, pregnancy, disability, elderly_alone"),
    ],
)
def test_real_values_near_those_refusals_are_accepted(field: str, raw: object) -> None:
    assert validate_fields({field: raw}, today=TODAY, require_names=False)[field]


def test_the_mixed_alphabets_are_named_in_the_error() -> None:
    error = error_of(validate_fields, {"family_name": "Шевчenko"}, today=TODAY, require_names=False)
    assert error.params["scripts"] == "Cyrillic, Latin"
