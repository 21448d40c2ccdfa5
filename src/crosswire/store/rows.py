"""Row layout shared by the SQL stores: one place that maps articles to columns."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from crosswire.corrections import Correction
from crosswire.model import Article
from crosswire.serialize import annotations_from_dict, annotations_to_dict
from crosswire.store.base import StoredArticle

#: The article columns, in the order of :func:`stored_to_row` and :func:`row_to_stored`.
ARTICLE_COLUMNS = (
    "id, kind, origin, content_hash, title, author, published, publisher, via, url, language, "
    "is_article, text, annotations, story_id, duplicate_of, similarity, signature, cluster_story_id"
)
ARTICLE_COLUMN_COUNT = len(ARTICLE_COLUMNS.split(","))
SUMMARY_COLUMNS = "id, title, published, publisher, via, url, story_id, duplicate_of"


def stored_to_row(stored: StoredArticle) -> tuple[Any, ...]:
    a = stored.article
    annotations = json.dumps(annotations_to_dict(a.annotations)) if a.annotations else None
    return (
        a.id, a.kind, a.origin, stored.content_hash, a.title, a.author, a.published, a.publisher,
        a.via, a.url, a.language, bool(a.is_article), a.text, annotations,
        stored.story_id, stored.duplicate_of, stored.similarity, stored.signature, stored.cluster_story_id,
    )  # fmt: skip


def row_to_stored(row: tuple[Any, ...] | Any) -> StoredArticle:
    (article_id, kind, origin, content_hash, title, author, published, publisher, via, url, language,
     is_article, text, annotations, story_id, duplicate_of, similarity, signature, cluster_story_id) = row  # fmt: skip
    article = Article(
        id=article_id, kind=kind, origin=origin, text=text, title=title, author=author,
        published=published, publisher=publisher, via=via, url=url, language=language,
        is_article=bool(is_article),
        annotations=annotations_from_dict(json.loads(annotations)) if annotations else None,
    )  # fmt: skip
    return StoredArticle(
        article=article,
        content_hash=content_hash,
        story_id=story_id,
        duplicate_of=duplicate_of,
        similarity=similarity,
        signature=bytes(signature) if signature is not None else None,
        cluster_story_id=cluster_story_id,
    )


#: Migration 5 of both stores: a state kept in parts, each saved when it changes (the story clusterer's).
STATE_ITEMS_TABLE = """
    CREATE TABLE IF NOT EXISTS state_items (
        key TEXT NOT NULL,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (key, kind, name)
    )
"""


def state_item_upsert(mark: str) -> str:
    return (
        f"INSERT INTO state_items (key, kind, name, value) VALUES ({mark}, {mark}, {mark}, {mark}) "
        "ON CONFLICT (key, kind, name) DO UPDATE SET value = excluded.value"
    )


def state_item_rows(key: str, kind: str, items: Mapping[str, Any]) -> list[tuple[str, str, str, str]]:
    return [(key, kind, name, json.dumps(value)) for name, value in items.items()]


#: Migration 6 of both stores: the duplicate index's band keys (``crosswire.stories.dedupe``), so that
#: finding the articles a new one may copy is an indexed look-up, not an index held in memory.
COPY_KEYS_TABLE = """
    CREATE TABLE IF NOT EXISTS copy_keys (
        key BIGINT NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (key, article_id)
    ){table_options}
"""


def copy_candidates_sql(key_condition: str) -> str:
    """Articles filed under a band key meeting ``key_condition`` (``IN (?, ?)``, ``= ANY(%s)``), oldest first."""
    return (
        "SELECT id, signature, duplicate_of FROM articles WHERE id IN "
        f"(SELECT article_id FROM copy_keys WHERE key {key_condition}) ORDER BY seq"
    )


#: Migration 3 of both stores: the clusterer's story beside an editor's, and the corrections themselves.
CORRECTIONS_MIGRATION = """
    ALTER TABLE articles ADD COLUMN cluster_story_id TEXT;
    CREATE TABLE IF NOT EXISTS corrections (
        seq {serial} PRIMARY KEY,
        kind TEXT NOT NULL,
        story_id TEXT NOT NULL,
        target TEXT,
        articles TEXT NOT NULL,
        fact_key TEXT,
        note TEXT NOT NULL,
        editor TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS corrections_story ON corrections(story_id)
"""
CORRECTION_COLUMNS = "kind, story_id, target, articles, fact_key, note, editor, created_at"
CORRECTIONS_SQL = f"SELECT seq, {CORRECTION_COLUMNS} FROM corrections ORDER BY seq"
PLACEMENT_SQL = "SELECT id, story_id, cluster_story_id, duplicate_of FROM articles ORDER BY seq"
#: The clusterer's story ids (what its saved state must know), whatever editors did.
CLUSTER_STORY_IDS_SQL = "SELECT DISTINCT coalesce(cluster_story_id, story_id) FROM articles"


def correction_insert(mark: str) -> str:
    """The ``INSERT`` of one correction with the store's parameter mark (``?`` or ``%s``)."""
    marks = ", ".join([mark] * len(CORRECTION_COLUMNS.split(",")))
    return f"INSERT INTO corrections ({CORRECTION_COLUMNS}) VALUES ({marks})"


def placement_update(mark: str) -> str:
    """The ``UPDATE`` that puts one article in a story; its rows come from :func:`placement_rows`."""
    return f"UPDATE articles SET story_id = {mark}, cluster_story_id = {mark} WHERE id = {mark}"


def placement_rows(changes: Iterable[tuple[str, str, str | None]]) -> list[tuple[str, str | None, str]]:
    """(article, story, clusterer's story) changes as parameters of :func:`placement_update`."""
    return [(story, clustered, article) for article, story, clustered in changes]


def correction_row(correction: Correction) -> tuple[Any, ...]:
    c = correction
    return (c.kind, c.story, c.target, json.dumps(list(c.articles)), c.fact, c.note, c.editor, c.at)


def row_to_correction(row: tuple[Any, ...] | Any) -> Correction:
    seq, kind, story, target, articles, fact, note, editor, at = row
    return Correction(
        kind=kind, story=story, editor=editor, at=at, target=target, articles=tuple(json.loads(articles)),
        fact=fact, note=note, seq=int(seq),
    )  # fmt: skip
