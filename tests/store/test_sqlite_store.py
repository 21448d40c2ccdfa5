"""The SQLite store: round-trips, migrations, atomic writes, search."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.errors import StoreError
from crosswire.model import Annotations, Article, DateMention, Entity, Frame, Quantity, Quote, Sentence
from crosswire.store import StoredArticle, open_store
from crosswire.store.sqlite import MIGRATIONS, SQLiteStore


def _stored(article_id: str = "a1", text: str = "Ferry service resumed at Portvale.", **extra: object) -> StoredArticle:
    annotations = Annotations(
        entities=(Entity("Portvale", "GPE", 25, 33),),
        quantities=(Quantity("over 40 aircraft", 0, 16, 40.0, None, "aircraft", "over", None),),
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


def test_article_round_trips_with_annotations(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "x.db")
    original = _stored()
    store.save_article(original)
    assert store.get_article("a1") == original
    assert store.has_article("a1") and not store.has_article("zz")
    assert store.article_with_content("h-a1") == "a1"
    assert list(store.signatures()) == [("a1", b"\x00\x01sig")]
    assert store.story_article_ids("s-1") == ["a1"]


def test_store_is_in_wal_mode_and_migrated(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "x.db")
    assert store.schema_version == len(MIGRATIONS)
    mode = sqlite3.connect(tmp_path / "x.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_reopening_keeps_data_and_does_not_rerun_migrations(tmp_path: Path) -> None:
    first = SQLiteStore(tmp_path / "x.db")
    first.save_article(_stored())
    first.save_state("k", {"n": 1})
    first.close()
    again = SQLiteStore(tmp_path / "x.db")
    assert again.count_articles() == 1
    assert again.load_state("k") == {"n": 1}


def test_a_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    SQLiteStore(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(path)


def test_a_file_that_is_not_a_database_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not sqlite " * 100)
    with pytest.raises(StoreError, match="cannot open"):
        open_store(path)


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "x.db")
    store.save_article(_stored("a1"))
    with pytest.raises(sqlite3.IntegrityError):
        store.save_article(_stored("a1", content_hash="other"))  # same id: refused whole
    assert store.count_articles() == 1
    assert [hit.article_id for hit in store.search("Portvale")] == ["a1"]


def test_search_treats_user_input_as_words(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "x.db")
    store.save_article(_stored())
    assert [hit.article_id for hit in store.search('ferry "service" AND (NEAR')] == []
    assert [hit.article_id for hit in store.search("ferry service")] == ["a1"]
    assert store.search("   ") == []
    (hit,) = store.search("resumed")
    assert "[resumed]" in hit.snippet and hit.story_id == "s-1"


def test_postgres_urls_are_refused_clearly_for_now() -> None:
    with pytest.raises(StoreError, match="PostgreSQL"):
        open_store("postgresql://localhost/news")


@settings(max_examples=40, deadline=None)
@given(
    text=st.text(min_size=1, max_size=300),
    title=st.none() | st.text(max_size=80),
    published=st.none() | st.dates().map(str),
)
def test_any_text_round_trips(tmp_path_factory: pytest.TempPathFactory, text: str, title: str | None,
                              published: str | None) -> None:  # fmt: skip
    store = SQLiteStore(tmp_path_factory.mktemp("rt") / "x.db")
    article = Article(id="p", kind="record", origin="o", text=text, title=title, published=published)
    stored = StoredArticle(article, "h", "s", None, None, None)
    store.save_article(stored)
    assert store.get_article("p") == stored
    store.close()
