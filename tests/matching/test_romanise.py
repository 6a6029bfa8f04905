"""Romanisation per published system, checked against each system's own published examples.

Place names are the standards' own examples; person names are well-known public figures the
standards and style guides use as examples, not records of anyone.
"""

from __future__ import annotations

import pytest

from fieldreg.matching.romanise import SYSTEMS, System, language_of, romanise

# Cabinet of Ministers of Ukraine resolution No. 55 of 27 January 2010, the examples in its table.
KMU_2010 = [
    ("Згорани", "Zghorany"),
    ("Розгон", "Rozghon"),
    ("Їжакевич", "Yizhakevych"),
    ("Київ", "Kyiv"),
    ("Юрій", "Yurii"),
    ("Знам'янка", "Znamianka"),
    ("Гадяч", "Hadiach"),
    ("Ґалаґан", "Galagan"),
    ("Єнакієве", "Yenakiieve"),
    ("Біла Церква", "Bila Tserkva"),
]
# ICAO Doc 9303 part 3 (8th ed., 2021), section 6, table of Cyrillic transliteration; the
# Russian foreign passport since 2014 follows it (Order of the Federal Migration Service No. 320).
ICAO_9303 = [
    ("Иванова", "Ivanova"),
    ("Дмитрий", "Dmitrii"),
    ("Сергей", "Sergei"),
    ("Юлия", "Iuliia"),
    ("Фёдор", "Fedor"),
    ("Щукин", "Shchukin"),
    ("Объедков", "Obieedkov"),  # Ъ is IE in the table
    ("Эльвира", "Elvira"),
]
# BGN/PCGN 1947 romanization of Russian (Permanent Committee on Geographical Names, the table
# and its notes: ye after vowels and initially, ë for ё, ʹ for ь, ʺ for ъ).
BGN_PCGN = [
    ("Ельцин", "Yelʹtsin"),
    ("Хрущёв", "Khrushchëv"),
    ("Горбачёв", "Gorbachëv"),
    ("Чайковский", "Chaykovskiy"),
    ("Юрий", "Yuriy"),
    ("Подъячев", "Podʺyachev"),
]
# ISO 9:1995, the table of Cyrillic characters (one Latin character per Cyrillic one).
ISO_9 = [
    ("Щукин", "Ŝukin"),
    ("Хрущёв", "Hruŝëv"),
    ("Юрий", "Ûrij"),
    ("Ельцин", "Elʹcin"),
    ("Їжак", "Ïžak"),
    ("Ґанок", "G\u0300anok"),
]
# GOST 7.79-2000 System B, the table (ц is cz before i, e, y, j; x for х; ` for ь).
GOST_B = [
    ("Щукин", "Shhukin"),
    ("Хрущёв", "Xrushhyov"),
    ("Юрий", "Yurij"),
    ("Ельцин", "El`czin"),
    ("Цуриков", "Curikov"),
    ("Чайковский", "Chajkovskij"),
]
# German practice: the Duden transcription (Duden, Die deutsche Rechtschreibung, "Russisch"):
# Gorbatschow, Chruschtschow, Tschaikowski, Jelzin, Dostojewski; Kyjiw is the spelling of the
# German Foreign Office since 2022.
GERMAN_RU = [
    ("Горбачёв", "Gorbatschow"),
    ("Хрущёв", "Chruschtschow"),
    ("Чайковский", "Tschaikowski"),
    ("Ельцин", "Jelzin"),
    ("Достоевский", "Dostojewski"),
]
GERMAN_UK = [("Шевченко", "Schewtschenko"), ("Київ", "Kyjiw")]
# French practice (the transcription of the French press and of Le Petit Larousse):
# Pouchkine, Tchaïkovski, Khrouchtchev, Gorbatchev, Poutine.
FRENCH_RU = [
    ("Пушкин", "Pouchkine"),
    ("Чайковский", "Tchaïkovski"),
    ("Хрущев", "Khrouchtchev"),
    ("Горбачев", "Gorbatchev"),
    ("Путин", "Poutine"),
    ("Евгений", "Evgueni"),
]
FRENCH_UK = [("Шевченко", "Chevtchenko")]
# Polish practice: the rules of transcription of Wydawnictwo Naukowe PWN (Słownik ortograficzny):
# Gorbaczow, Chruszczow, Czajkowski, Jelcyn, Dostojewski; Ukrainian Szewczenko.
POLISH_RU = [
    ("Горбачёв", "Gorbaczow"),
    ("Хрущёв", "Chruszczow"),
    ("Чайковский", "Czajkowski"),
    ("Ельцин", "Jelcyn"),
    ("Достоевский", "Dostojewski"),
]
POLISH_UK = [("Шевченко", "Szewczenko"), ("Сергій", "Serhij")]

CASES: list[tuple[System, str, str, str]] = [
    *(("kmu2010", "uk", c, latin) for c, latin in KMU_2010),
    *(("icao9303", "ru", c, latin) for c, latin in ICAO_9303),
    *(("bgn_pcgn", "ru", c, latin) for c, latin in BGN_PCGN),
    *(("iso9", "auto", c, latin) for c, latin in ISO_9),
    *(("gost_b", "ru", c, latin) for c, latin in GOST_B),
    *(("german", "ru", c, latin) for c, latin in GERMAN_RU),
    *(("german", "uk", c, latin) for c, latin in GERMAN_UK),
    *(("french", "ru", c, latin) for c, latin in FRENCH_RU),
    *(("french", "uk", c, latin) for c, latin in FRENCH_UK),
    *(("polish", "ru", c, latin) for c, latin in POLISH_RU),
    *(("polish", "uk", c, latin) for c, latin in POLISH_UK),
]


@pytest.mark.parametrize(("system", "language", "cyrillic", "latin"), CASES)
def test_published_examples(system: System, language: str, cyrillic: str, latin: str) -> None:
    assert romanise(cyrillic, system, language) == latin  # type: ignore[arg-type]


def test_the_russian_passport_system_is_not_the_ukrainian_one() -> None:
    """The issue's bug: a Russian name romanised by KMU 2010 reads Yvanova, Dmytryi, Serhei."""
    assert romanise("Иванова Дмитрий Сергей", "icao9303") == "Ivanova Dmitrii Sergei"
    assert romanise("Іванова Дмитро Сергій", "kmu2010") == "Ivanova Dmytro Serhii"


def test_bgn_pcgn_for_ukrainian_is_the_national_system() -> None:
    """BGN/PCGN adopted the Ukrainian national system in 2019."""
    assert romanise("Шевченко Григорій", "bgn_pcgn", "uk") == romanise(
        "Шевченко Григорій", "kmu2010"
    )


@pytest.mark.parametrize("system", SYSTEMS)
def test_case_latin_and_digits_follow_the_source(system: System) -> None:
    out = romanise("ШЕВЧЕНКО Taras 12", system, "uk")
    assert out.endswith(" Taras 12")
    assert out.split()[0].isupper()


def test_language_is_read_from_letters_only_ukrainian_has() -> None:
    assert language_of("Григорій") == "uk"
    assert language_of("Григорий") == "ru"
    assert romanise("Григорій", "german") == "Hryhorij"
    assert romanise("Григорий", "german") == "Grigori"
