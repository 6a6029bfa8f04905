"""Top-5 recall of the desk search per spelling category, on the corpus of
scripts/make_name_corpus.py at a small size (the bench runs it at 100,000 people)."""

from __future__ import annotations

import pytest

from fieldreg.services.search_index import SearchEntry, SearchIndex
from scripts.make_name_corpus import CATEGORIES, Corpus, make_corpus, other_orthography, recall


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return make_corpus(people=2_000, per_category=80)


@pytest.fixture(scope="module")
def index(corpus: Corpus) -> SearchIndex:
    index = SearchIndex()
    index.bulk_load(SearchEntry(p.person_id, *p.names()) for p in corpus.people)
    return index


def test_every_category_is_asked(corpus: Corpus) -> None:
    asked = {q.category for q in corpus.queries}
    assert asked == set(CATEGORIES)
    assert all(sum(q.category == c for q in corpus.queries) >= 50 for c in CATEGORIES)


@pytest.mark.parametrize("category", CATEGORIES)
def test_top_5_recall_meets_the_target(corpus: Corpus, index: SearchIndex, category: str) -> None:
    table = recall(corpus, lambda text: [hit.person_id for hit in index.search(text, limit=5)])
    found, asked, missed = table[category]
    target = 1.0 if category == "exact" else 0.95
    assert found / asked >= target, [q.text for q in missed[:10]]


def test_the_corpus_is_the_same_for_the_same_seed() -> None:
    one, other = make_corpus(300, 5), make_corpus(300, 5)
    assert one.queries == other.queries
    assert [p.family for p in one.people] == [p.family for p in other.people]


def test_other_orthography_swaps_the_equivalents(corpus: Corpus) -> None:
    person = next(p for p in corpus.people if p.culture == "uk" and p.given == "Олексій")
    family, given, _ = other_orthography(person)
    assert given == "Алексей"
    assert not set("іїєґ") & set(family.casefold())
