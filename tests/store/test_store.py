"""Behaviour every store must have, run against SQLite and a real PostgreSQL."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosswire.model import Annotations, Article, DateMention, Entity, Frame, Quantity, Quote, Sentence
from crosswire.store import StoredArticle

if TYPE_CHECKING:  # the fixture's type; conftest modules of other folders share the name
    from conftest import StoreFactory


def stored_article(
    article_id: str = "a1", text: str = "Ferry service resumed at Portvale.", **extra: object
) -> StoredArticle:
    annotations = Annotations(
        entities=(Entity("Portvale", "GPE", 25, 33),),
        quantities=(
            Quantity("over 40 aircraft", 0, 16, 40.0, None, "aircraft", "over", None),
            Quantity("fifth", 20, 25, 5.0, counted="crossing", ordinal=True),  # a rank, kept apart in the JSON
        ),
        dates=(DateMention("Tuesday", 0, 7, "2026-11-10"), DateMention("last month", 8, 18, None)),
        quotes=(Quote('"We are back"', 0, 13, "Ana Ruiz"),),
        sentences=(Sentence(0, len(text)),),
        frame=Frame(who=("Ana Ruiz",), where=("Portvale",)),
    )
    article = Article(
        id=article_id, kind="html", origin=f"/in/{article_id}.html", text=text, title="Ferries back",
        published="2026-11-12T08:00:00", publisher="Harbor Ledger", via=None, url="https://ledger.example/x",
        language="en", annotations=annotations,
    )  # fmt: skip
    fields: dict[str, object] = {
        "content_hash": f"h-{article_id}", "story_id": "s-1", "duplicate_of": None, "similarity": None,
        "signature": b"\x00\x01sig",
    }  # fmt: skip
    fields.update(extra)
    return StoredArticle(article=article, **fields)  # type: ignore[arg-type]


def test_article_round_trips_with_annotations(make_store: StoreFactory) -> None:
    store = make_store()
    original = stored_article()
    store.save_article(original)
    assert store.get_article("a1") == original
    assert store.has_article("a1") and not store.has_article("zz")
    assert store.article_with_content("h-a1") == "a1"
    assert list(store.signatures()) == [("a1", b"\x00\x01sig")]
    assert store.story_article_ids("s-1") == ["a1"]


def test_order_summaries_and_lookups(make_store: StoreFactory) -> None:
    store = make_store()
    for n in (3, 1, 2):
        store.save_article(stored_article(f"a{n}", story_id=f"s-{n % 2}", duplicate_of="a3" if n == 1 else None))
    assert [s.article.id for s in store.iter_articles()] == ["a3", "a1", "a2"]
    assert [s.article.id for s in store.get_articles(["a2", "missing", "a3"])] == ["a2", "a3"]
    assert [(s.id, s.story_id, s.duplicate_of) for s in store.summaries()] == [
        ("a3", "s-1", None), ("a1", "s-1", "a3"), ("a2", "s-0", None),
    ]  # fmt: skip
    assert store.count_articles() == 3


def test_reopening_keeps_data_and_state(make_store: StoreFactory) -> None:
    first = make_store()
    first.save_article(stored_article())
    first.save_state("k", {"n": 1})
    first.save_state("k", {"n": 2})
    first.close()
    again = make_store()
    assert again.count_articles() == 1
    assert again.load_state("k") == {"n": 2}
    assert again.load_state("absent") is None


def test_state_items_are_replaced_one_by_one_and_deleted_together(make_store: StoreFactory) -> None:
    store = make_store()
    store.save_state_items("k", "story", {"s-1": {"size": 1}, "s-2": {"size": 4}})
    store.save_state_items("k", "story", {"s-1": {"size": 2}})
    store.save_state_items("k", "term", {"bridge": 3})
    store.save_state_items("other", "story", {"s-9": {"size": 9}})
    store.close()
    again = make_store()
    assert again.load_state_items("k", "story") == {"s-1": {"size": 2}, "s-2": {"size": 4}}
    assert again.load_state_items("k", "term") == {"bridge": 3}
    assert again.load_state_items("k", "story", ["s-2", "s-404"]) == {"s-2": {"size": 4}}
    again.delete_state_items("k")
    assert again.load_state_items("k", "story") == {} and again.load_state_items("k", "term") == {}
    assert again.load_state_items("other", "story") == {"s-9": {"size": 9}}


def test_copy_keys_find_the_articles_filed_under_them_oldest_first(make_store: StoreFactory) -> None:
    store = make_store()
    store.save_article(stored_article("a1", signature=b"sig-1"))
    store.save_article(stored_article("a2", signature=b"sig-2", duplicate_of="a1"))
    store.save_article(stored_article("a3", signature=b"sig-3"))
    store.save_copy_keys("a2", [-5, 2**63 - 1])
    store.save_copy_keys("a1", [-5, 7])
    store.save_copy_keys("a3", [9])
    store.save_copy_keys("a3", [9])  # filed twice: no error, no second row
    assert store.copy_candidates([-5]) == [("a1", b"sig-1", None), ("a2", b"sig-2", "a1")]
    assert store.copy_candidates([2**63 - 1, 9, 404]) == [("a2", b"sig-2", "a1"), ("a3", b"sig-3", None)]
    assert store.copy_candidates([]) == []
    store.delete_copy_keys()
    assert store.copy_candidates([-5, 7, 9]) == []


def test_a_failed_write_leaves_nothing_behind(make_store: StoreFactory) -> None:
    store = make_store()
    store.save_article(stored_article("a1"))
    with pytest.raises(Exception, match=r"(?i)unique"):
        store.save_article(stored_article("a1", content_hash="other"))  # same id: refused whole
    assert store.count_articles() == 1
    assert [hit.article_id for hit in store.search("Portvale")] == ["a1"]


def test_search_treats_user_input_as_words(make_store: StoreFactory) -> None:
    store = make_store()
    store.save_article(stored_article())
    store.save_article(stored_article("a2", text="Grain prices fell in Aldmoor markets."))
    assert [hit.article_id for hit in store.search('ferry "service" AND (NEAR')] == []
    assert [hit.article_id for hit in store.search("ferry service")] == ["a1"]
    assert store.search("   ") == []
    (hit,) = store.search("resumed")
    assert "[resumed]" in hit.snippet and hit.story_id == "s-1"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=300),
    title=st.none() | st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=80),
    published=st.none() | st.dates().map(str),
)
def test_any_text_round_trips(make_store: StoreFactory, text: str, title: str | None, published: str | None) -> None:
    store = make_store()
    article = Article(id=f"p{abs(hash((text, title, published)))}", kind="record", origin="o", text=text,
                      title=title, published=published)  # fmt: skip
    if store.has_article(article.id):
        return
    stored = StoredArticle(article, "h", "s", None, None, None)
    store.save_article(stored)
    assert store.get_article(article.id) == stored
