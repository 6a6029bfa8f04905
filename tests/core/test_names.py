"""Names: normalisation, script detection and passport transliteration.

The search keys are tested in tests/matching/test_phonetic.py.

Place names come from the table of the Ukrainian resolution; person names are common first names
and surnames, not records of anyone.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldreg.core.names import (
    automatic_latins,
    detect_script,
    normalise_name,
    passport_latin,
    passport_system,
    transliterate,
)

APOSTROPHE = "\u02bc"  # the Ukrainian apostrophe, MODIFIER LETTER APOSTROPHE
APOSTROPHE_LOOKALIKES = ["'", "\u2019", "\u02bc", "`", "\u2018", "\u2032"]
DASH_LOOKALIKES = ["\u2010", "\u2011", "\u2013", "\u2014"]

# Cabinet of Ministers of Ukraine resolution No. 55 of 27 January 2010, the table's examples.
UKRAINIAN_EXAMPLES = [
    ("Алушта", "Alushta"),
    ("Борщагівка", "Borshchahivka"),
    ("Вишгород", "Vyshhorod"),
    ("Гадяч", "Hadiach"),
    ("Згорани", "Zghorany"),
    ("Ґалаґан", "Galagan"),
    ("Дон", "Don"),
    ("Рівне", "Rivne"),
    ("Єнакієве", "Yenakiieve"),
    ("Житомир", "Zhytomyr"),
    ("Закарпаття", "Zakarpattia"),
    ("Медвин", "Medvyn"),
    ("Іршава", "Irshava"),
    ("Їжакевич", "Yizhakevych"),
    ("Кадиївка", "Kadyivka"),
    ("Йосипівка", "Yosypivka"),
    ("Стрий", "Stryi"),
    ("Олексій", "Oleksii"),
    ("Київ", "Kyiv"),
    ("Лебедин", "Lebedyn"),
    ("Миргород", "Myrhorod"),
    ("Ніжин", "Nizhyn"),
    ("Одеса", "Odesa"),
    ("Полтава", "Poltava"),
    ("Ромни", "Romny"),
    ("Суми", "Sumy"),
    ("Тетерів", "Teteriv"),
    ("Ужгород", "Uzhhorod"),
    ("Фастів", "Fastiv"),
    ("Харків", "Kharkiv"),
    ("Біла Церква", "Bila Tserkva"),
    ("Чернівці", "Chernivtsi"),
    ("Шостка", "Shostka"),
    ("Гоща", "Hoshcha"),
    ("Русятин", "Rusiatyn"),
    ("Юрій", "Yurii"),
    ("Корюківка", "Koriukivka"),
    ("Яготин", "Yahotyn"),
    ("Костянтин", "Kostiantyn"),
    ("Знам'янка", "Znamianka"),
    ("Феодосія", "Feodosiia"),
]

# ICAO Doc 9303 part 3: as in Russian machine-readable passports (case kept, not all capitals).
ICAO_EXAMPLES = [
    ("Горбачёв", "Gorbachev"),
    ("Хрущёв", "Khrushchev"),
    ("Юлия", "Iuliia"),
    ("Эдуард", "Eduard"),
    ("Солженицын", "Solzhenitsyn"),
    ("Ельцин", "Eltsin"),
    ("Цой", "Tsoi"),
    ("Щукин", "Shchukin"),
    ("Ёлкин", "Elkin"),
    ("Татьяна", "Tatiana"),
    ("Дмитрий", "Dmitrii"),
    ("Сергей", "Sergei"),
    ("Алексей", "Aleksei"),
    ("Наталья", "Natalia"),
    ("Хабаровск", "Khabarovsk"),
    ("Подъячев", "Podieiachev"),
    ("Выборг", "Vyborg"),
    ("Жуков", "Zhukov"),
]


class TestNormaliseName:
    @pytest.mark.parametrize("lookalike", APOSTROPHE_LOOKALIKES)
    def test_apostrophes_become_the_ukrainian_apostrophe(self, lookalike: str) -> None:
        assert normalise_name(f"Знам{lookalike}янка") == f"Знам{APOSTROPHE}янка"

    @pytest.mark.parametrize("dash", DASH_LOOKALIKES)
    def test_dashes_between_letters_become_hyphens(self, dash: str) -> None:
        assert normalise_name(f"Петренко{dash}Юрченко") == "Петренко-Юрченко"

    def test_a_dash_between_words_is_left_alone(self) -> None:
        assert normalise_name("Петренко \u2013 Юрченко") == "Петренко \u2013 Юрченко"

    def test_white_space_is_collapsed_and_stripped(self) -> None:
        assert normalise_name(" \t Ганна \u00a0\n Петрівна  ") == "Ганна Петрівна"

    def test_composes_to_nfc(self) -> None:
        decomposed = "\u0418\u0306\u043e\u0441\u0438\u043f"  # Й as И + combining breve
        assert normalise_name(decomposed) == "Йосип"

    def test_invisible_format_characters_are_removed(self) -> None:
        assert normalise_name("Ган\u200bна\u200f \ufeffПетрівна") == "Ганна Петрівна"

    def test_case_is_kept(self) -> None:
        assert normalise_name("шЕВЧЕНКО o'brien") == f"шЕВЧЕНКО o{APOSTROPHE}brien"

    @given(st.text(max_size=40))
    def test_is_idempotent(self, text: str) -> None:
        once = normalise_name(text)
        assert normalise_name(once) == once


class TestDetectScript:
    @pytest.mark.parametrize(
        ("text", "script"),
        [
            ("Шевченко", "cyrillic"),
            (f"Знам{APOSTROPHE}янка", "cyrillic"),
            ("Shevchenko", "latin"),
            ("Łukasiewicz", "latin"),
            ("Шевченко Taras", "mixed"),
            ("Ёлкин-Müller", "mixed"),
            ("", "none"),
            ("1984 - 12.03", "none"),
            ("Ωμέγα", "none"),  # neither alphabet
            ("Ωμέγα Ірина", "cyrillic"),
        ],
    )
    def test_scripts(self, text: str, script: str) -> None:
        assert detect_script(text) == script


class TestTransliterate:
    @pytest.mark.parametrize(("cyrillic", "latin"), UKRAINIAN_EXAMPLES)
    def test_ukrainian_resolution_examples(self, cyrillic: str, latin: str) -> None:
        assert transliterate(cyrillic, "uk") == latin

    @pytest.mark.parametrize(("cyrillic", "latin"), UKRAINIAN_EXAMPLES)
    def test_auto_picks_ukrainian_or_the_default(self, cyrillic: str, latin: str) -> None:
        assert transliterate(cyrillic) == latin

    @pytest.mark.parametrize(("cyrillic", "latin"), ICAO_EXAMPLES)
    def test_icao_examples(self, cyrillic: str, latin: str) -> None:
        assert transliterate(cyrillic, "ru") == latin

    @pytest.mark.parametrize(
        ("text", "expected"),
        [("Щука", "Shchuka"), ("ЩУКА", "SHCHUKA"), ("щука", "shchuka"), ("ЮРІЙ", "YURII")],
    )
    def test_case_follows_the_source(self, text: str, expected: str) -> None:
        assert transliterate(text, "uk") == expected

    def test_word_initial_forms_after_a_hyphen_and_not_after_an_apostrophe(self) -> None:
        assert transliterate("Петренко-Юрченко", "uk") == "Petrenko-Yurchenko"
        assert transliterate(f"Мар{APOSTROPHE}яна Ярова", "uk") == "Mariana Yarova"

    def test_latin_digits_spaces_and_hyphens_pass_through(self) -> None:
        assert transliterate("O'Brien-Шевченко 12 км", "uk") == "O'Brien-Shevchenko 12 km"

    def test_auto_chooses_by_letters_only_one_language_has(self) -> None:
        assert transliterate("Сергій") == "Serhii"
        assert transliterate("Эдуард Сергеевич") == "Eduard Sergeevich"
        assert transliterate("Сергей") == "Serhei"  # no telling letter: the default, Ukrainian
        assert transliterate("Сергей", default="ru") == "Sergei"

    def test_letters_outside_a_table_fall_back_to_the_other(self) -> None:
        assert transliterate("Ёжиков", "uk") == "Ezhykov"
        assert transliterate("Ґалаґан", "ru") == "Galagan"


class TestPassportSystem:
    """The issue: a Russian citizen's Latin name follows the Russian passport (ICAO 9303)."""

    @pytest.mark.parametrize(
        ("citizenship", "document", "languages", "system"),
        [
            ("Російська Федерація", None, None, "ru"),
            ("Россия", None, None, "ru"),
            ("RU", None, None, "ru"),
            ("Україна", None, ["ru"], "uk"),
            ("UKR", None, None, "uk"),
            (None, "паспорт РФ", None, "ru"),
            (None, "паспорт громадянина України", None, "uk"),
            (None, None, ["ru"], "ru"),
            (None, None, ["ru", "uk"], "uk"),
            (None, None, None, None),
            ("Молдова", None, None, None),
        ],
    )
    def test_recorded_facts_choose_the_system(
        self, citizenship: str | None, document: str | None, languages: object, system: str | None
    ) -> None:
        assert passport_system(citizenship, document, languages) == system

    def test_russian_citizen_gets_the_russian_passport_spelling(self) -> None:
        system = passport_system("Российская Федерация")
        assert [passport_latin(n, system) for n in ("Иванова", "Дмитрий", "Сергей")] == [
            "Ivanova",
            "Dmitrii",
            "Sergei",
        ]

    def test_ukrainian_citizen_gets_the_ukrainian_passport_spelling(self) -> None:
        system = passport_system("Україна")
        assert passport_latin("Сергій Дмитренко", system) == "Serhii Dmytrenko"
        assert passport_latin("Сергей", system) == "Serhei"  # as KMU 2010 spells the letters

    def test_every_automatic_spelling_is_known_as_automatic(self) -> None:
        assert automatic_latins("Сергей") >= {"Serhei", "Sergei"}
        assert "Sergey" not in automatic_latins("Сергей")
