"""The phonetic search key: spellings of one name meet, different names stay apart.

Person names are common first names and surnames, not records of anyone.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from fieldreg.core.names import transliterate
from fieldreg.matching.phonetic import clear_name_caches, search_key, search_tokens, search_words

APOSTROPHE = "\u02bc"  # the Ukrainian apostrophe, MODIFIER LETTER APOSTROPHE

# Spellings of one name that must share a search key exactly.
SAME_KEY = [
    ["Сергій", "Сергей", "Serhii", "Sergey", "Sergiy", "Serhiy", "Sergei", "Serhij"],
    ["Олександр", "Александр", "Oleksandr", "Aleksandr", "Alexander", "Olexandr", "Alexandr"],
    ["Юлія", "Юлия", "Yuliia", "Yulia", "Julia", "Iuliia", "Yuliya", "Julija"],
    ["Шевченко", "Shevchenko", "Szewczenko", "Schewtschenko"],
    ["Хмельницький", "Хмельницкий", "Khmelnytskyi", "Chmelnitsky", "Khmelnitskiy", "Chmielnicki"],
    ["Щербак", "Shcherbak", "Scherbak", "Szczerbak", "Sherbak"],
    ["Жуков", "Zhukov", "Zukov", "Żukow"],
    ["Наталія", "Наталья", "Nataliia", "Natalia", "Natalya", "Natalja"],
    ["Андрій", "Андрей", "Andrii", "Andrey", "Andrei", "Andriy"],
    ["Дмитрий", "Dmitry", "Dmitriy", "Dmitrii"],
    ["Ковальчук", "Kovalchuk", "Kowalczuk", "Kowaltschuk"],
    ["Григорій", "Григорий", "Hryhorii", "Grigoriy", "Grigory"],
    ["Ольга", "Olha", "Olga"],
    ["Ксенія", "Ксения", "Kseniia", "Ksenia", "Xenia"],
    ["Вікторія", "Виктория", "Viktoriia", "Victoria", "Wiktoria"],
    ["Тетяна", "Tetiana"],
    ["Татьяна", "Tatiana", "Tatyana", "Tatjana"],
    ["Ганна", "Hanna", "Ganna"],
    ["Київ", "Kyiv"],
]


# Spellings whose keys may differ, but by no more than two single-letter edits.
NEAR_KEY = [
    ("Євген", "Evgeny"),
    ("Андрій", "Andrzej"),
    ("Жуков", "Schukow"),
    ("Київ", "Kiev"),
    ("Тетяна", "Tatiana"),
    ("Дмитро", "Dmitry"),
    ("Михайло", "Mikhail"),
    ("Катерина", "Ekaterina"),
]


DIFFERENT_NAMES = [
    ("Шевченко", "Ковальчук"),
    ("Іван", "Іванна"),
    ("Олена", "Ольга"),
    ("Петро", "Павло"),
    ("Марія", "Мирон"),
]


class TestSearchKey:
    @pytest.mark.parametrize("spellings", SAME_KEY, ids=lambda spellings: spellings[0])
    def test_spellings_of_one_name_share_a_key(self, spellings: list[str]) -> None:
        keys = {spelling: search_key(spelling) for spelling in spellings}
        assert len(set(keys.values())) == 1, keys

    @pytest.mark.parametrize(("one", "other"), NEAR_KEY)
    def test_harder_spellings_stay_within_two_edits(self, one: str, other: str) -> None:
        assert Indel.distance(search_key(one), search_key(other)) <= 2

    @pytest.mark.parametrize(("one", "other"), DIFFERENT_NAMES)
    def test_different_names_keep_different_keys(self, one: str, other: str) -> None:
        assert search_key(one) != search_key(other)

    def test_case_and_apostrophes_do_not_matter(self) -> None:
        assert search_key("ЗНАМ'ЯНКА") == search_key("знамʼянка") == search_key("Znamianka")
        assert search_key("O'Brien") == search_key("OBrien")

    def test_words_keep_their_order_and_hyphens_split_them(self) -> None:
        assert search_key("Петренко-Юрченко Ганна") == " ".join(
            [search_key("Петренко"), search_key("Юрченко"), search_key("Ганна")]
        )

    @given(st.text(alphabet="абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёыэъ", min_size=1, max_size=12))
    def test_a_cyrillic_word_keys_like_its_icao_romanisation(self, word: str) -> None:
        assert search_key(word) == search_key(transliterate(word, "ru"))

    @given(st.text(max_size=30))
    def test_keys_are_lowercase_letters_and_single_spaces(self, text: str) -> None:
        key = search_key(text)
        assert key == key.strip()
        assert "  " not in key
        assert all(ch == " " or (ch.isalpha() and ch == ch.casefold()) for ch in key)

    @given(st.text(alphabet=string.ascii_letters + "абвгдеєжзиіїйклмнопрстуфхцчшщьюя", max_size=12))
    def test_latin_and_cyrillic_give_ascii_keys(self, text: str) -> None:
        assert set(search_key(text)) <= set(string.ascii_lowercase + " ")

    def test_clearing_the_cache_changes_nothing_but_memory(self) -> None:
        before = search_key("Хмельницький")
        clear_name_caches()
        assert search_key("Хмельницький") == before


class TestSearchTokens:
    def test_splits_on_spaces_and_hyphens_and_drops_empty_words(self) -> None:
        assert search_tokens(" Петренко\u2013Юрченко  42 -- Ганна ") == [
            search_key("Петренко"),
            search_key("Юрченко"),
            search_key("Ганна"),
        ]

    def test_empty_text_has_no_tokens(self) -> None:
        assert search_tokens("  ") == []
        assert search_key(" - ") == ""

    def test_search_words_pairs_each_normalised_word_with_its_key(self) -> None:
        assert search_words("Ганна  Мар'яна") == [
            ("Ганна", search_key("Ганна")),
            (f"Мар{APOSTROPHE}яна", search_key("Марʼяна")),
        ]
