"""PostgreSQL store, for a server shared by several users or ingest workers.

Same interface and row layout as the SQLite store.  Full-text search uses a
generated ``tsvector`` column with a GIN index.  Migrations are numbered and
recorded in ``crosswire_schema``; each runs once, in a transaction, under an
advisory lock so two processes starting together do not both migrate.
Writers serialise on another transaction-level advisory lock
(:meth:`PostgresStore.writing`), so what one reads inside it cannot change
under it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from crosswire.corrections import Correction, Placement
from crosswire.errors import StoreError
from crosswire.model import StorySummary
from crosswire.store import listing
from crosswire.store.base import ArticleSummary, SearchHit, StoredArticle, StoryListing, StoryQuery
from crosswire.store.rows import (
    ARTICLE_COLUMN_COUNT,
    ARTICLE_COLUMNS,
    CLUSTER_STORY_IDS_SQL,
    COPY_KEYS_TABLE,
    CORRECTIONS_MIGRATION,
    CORRECTIONS_SQL,
    PLACEMENT_SQL,
    STATE_ITEMS_TABLE,
    SUMMARY_COLUMNS,
    copy_candidates_sql,
    correction_insert,
    correction_row,
    placement_rows,
    placement_update,
    row_to_correction,
    row_to_stored,
    state_item_rows,
    state_item_upsert,
    stored_to_row,
)

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE IF NOT EXISTS articles (
        seq BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        origin TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        title TEXT, author TEXT, published TEXT, publisher TEXT, via TEXT, url TEXT, language TEXT,
        is_article BOOLEAN NOT NULL,
        text TEXT NOT NULL,
        annotations TEXT,
        story_id TEXT NOT NULL,
        duplicate_of TEXT,
        similarity DOUBLE PRECISION,
        signature BYTEA,
        ingested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        search TSVECTOR GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', coalesce(title, '')), 'A') || to_tsvector('simple', text)
        ) STORED
    );
    CREATE INDEX IF NOT EXISTS articles_content_hash ON articles(content_hash);
    CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);
    CREATE INDEX IF NOT EXISTS articles_search ON articles USING GIN (search);
    CREATE TABLE IF NOT EXISTS state (
        key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    """,
    # 2: each story's listing row and the names it can be filtered by.
    listing.STORY_TABLES,
    # 3: editors' corrections, and the clusterer's story of an article an editor placed elsewhere.
    CORRECTIONS_MIGRATION.format(serial="BIGSERIAL"),
    # 4: each story's brief, as the engine last wrote it.
    listing.BRIEF_TABLE,
    # 5: a state kept in parts, each saved when it changes (the story clusterer's).
    STATE_ITEMS_TABLE,
    # 6: the duplicate index's band keys.
    COPY_KEYS_TABLE.format(table_options=""),
)

#: Any fixed numbers: the advisory locks held while migrating and while writing.
_MIGRATION_LOCK = 7_123_401
_WRITE_LOCK = 7_123_402


class PostgresStore:
    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        # Re-entrant: reads inside ``writing()`` take it again.
        self._lock = threading.RLock()
        self._writing = False
        try:
            self._db = psycopg.connect(url, autocommit=True)
            self._migrate()
        except psycopg.Error as error:
            raise StoreError(f"{_redacted(url)}: cannot open as a crosswire PostgreSQL store ({error})") from error

    def _migrate(self) -> None:
        with self._db.transaction():
            self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            self._db.execute("CREATE TABLE IF NOT EXISTS crosswire_schema (version INTEGER NOT NULL)")
            row = self._db.execute("SELECT max(version) FROM crosswire_schema").fetchone()
            version = int(row[0]) if row and row[0] is not None else 0
            if version > len(MIGRATIONS):
                raise StoreError(
                    f"{_redacted(self.url)}: schema version {version} is newer than this crosswire "
                    f"understands ({len(MIGRATIONS)}); upgrade crosswire"
                )
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                self._db.execute(script.encode())
                self._db.execute("INSERT INTO crosswire_schema (version) VALUES (%s)", (number,))

    @property
    def schema_version(self) -> int:
        row = self._db.execute("SELECT max(version) FROM crosswire_schema").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def close(self) -> None:
        self._db.close()

    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        with self._lock:
            return list(self._db.execute(sql.encode(), tuple(params)).fetchall())

    # -- writes -------------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[None]:
        """One transaction holding the store's write lock (an advisory lock).

        Every write inside commits at the end, or none on an exception;
        writes inside another ``writing()`` join the outer transaction.
        """
        with self._lock:
            if self._writing:
                yield
                return
            with self._db.transaction():
                self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
                self._writing = True
                try:
                    yield
                finally:
                    self._writing = False

    def save_article(self, stored: StoredArticle) -> None:
        marks = ", ".join(["%s"] * ARTICLE_COLUMN_COUNT)
        # A savepoint inside writing(): a refused row leaves the rest of the transaction usable.
        with self.writing(), self._db.transaction():
            self._db.execute(
                f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES ({marks})".encode(), stored_to_row(stored)
            )

    def save_state(self, key: str, value: dict[str, Any]) -> None:
        with self.writing():
            self._db.execute(
                "INSERT INTO state (key, value) VALUES (%s, %s) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()",
                (key, json.dumps(value)),
            )

    def save_state_items(self, key: str, kind: str, items: Mapping[str, Any]) -> None:
        with self.writing(), self._db.cursor() as cursor:
            cursor.executemany(state_item_upsert("%s").encode(), state_item_rows(key, kind, items))

    def save_copy_keys(self, article_id: str, keys: Sequence[int]) -> None:
        with self.writing(), self._db.cursor() as cursor:
            cursor.executemany(
                b"INSERT INTO copy_keys (key, article_id) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                [(key, article_id) for key in keys],
            )

    def delete_copy_keys(self) -> None:
        with self.writing():
            self._db.execute("DELETE FROM copy_keys")

    def delete_state_items(self, key: str) -> None:
        with self.writing():
            self._db.execute("DELETE FROM state_items WHERE key = %s", (key,))

    # -- reads --------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return bool(self._query("SELECT 1 FROM articles WHERE id = %s", (article_id,)))

    def article_with_content(self, content_hash: str) -> str | None:
        rows = self._query("SELECT id FROM articles WHERE content_hash = %s ORDER BY seq LIMIT 1", (content_hash,))
        return str(rows[0][0]) if rows else None

    def get_article(self, article_id: str) -> StoredArticle | None:
        rows = self.get_articles([article_id])
        return rows[0] if rows else None

    def get_articles(self, article_ids: Iterable[str]) -> list[StoredArticle]:
        ids = list(article_ids)
        rows = self._query(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ANY(%s)", (ids,))
        found = {stored.article.id: stored for stored in map(row_to_stored, rows)}
        return [found[i] for i in ids if i in found]

    def iter_articles(self) -> Iterator[StoredArticle]:
        last = 0
        while True:  # in pages, so a large store is never read into memory at once
            rows = self._query(
                f"SELECT seq, {ARTICLE_COLUMNS} FROM articles WHERE seq > %s ORDER BY seq LIMIT 500", (last,)
            )
            if not rows:
                return
            for row in rows:
                yield row_to_stored(row[1:])
            last = rows[-1][0]

    def summaries(self) -> list[ArticleSummary]:
        return [ArticleSummary(*row) for row in self._query(f"SELECT {SUMMARY_COLUMNS} FROM articles ORDER BY seq")]

    def story_article_ids(self, story_id: str) -> list[str]:
        rows = self._query("SELECT id FROM articles WHERE story_id = %s ORDER BY seq", (story_id,))
        return [str(row[0]) for row in rows]

    def story_heads(self, story_id: str) -> list[ArticleSummary]:
        rows = self._query(f"SELECT {SUMMARY_COLUMNS} FROM articles WHERE story_id = %s ORDER BY seq", (story_id,))
        return [ArticleSummary(*row) for row in rows]

    def count_articles(self) -> int:
        return int(self._query("SELECT count(*) FROM articles")[0][0])

    def story_ids(self) -> set[str]:
        return {str(row[0]) for row in self._query(CLUSTER_STORY_IDS_SQL)}

    # -- editors' corrections ----------------------------------------------------
    def save_correction(self, correction: Correction) -> Correction:
        with self.writing():
            row = self._db.execute(
                (correction_insert("%s") + " RETURNING seq").encode(), correction_row(correction)
            ).fetchone()
            return replace(correction, seq=int(row[0]) if row else 0)

    def corrections(self) -> list[Correction]:
        rows = self._query(CORRECTIONS_SQL)
        return [row_to_correction(row) for row in rows]

    def placements(self) -> list[Placement]:
        return [(str(a), str(s), c, d) for a, s, c, d in self._query(PLACEMENT_SQL)]

    def place_articles(self, changes: Iterable[tuple[str, str, str | None]]) -> None:
        rows = placement_rows(changes)
        with self.writing():
            if rows:
                with self._db.cursor() as cursor:
                    cursor.executemany(placement_update("%s").encode(), rows)

    def delete_story_summaries(self, story_ids: Iterable[str]) -> None:
        ids = list(story_ids)
        with self.writing():
            self._db.execute("DELETE FROM stories WHERE id = ANY(%s)", (ids,))
            self._db.execute("DELETE FROM story_terms WHERE story_id = ANY(%s)", (ids,))
            self._db.execute("DELETE FROM story_briefs WHERE story_id = ANY(%s)", (ids,))

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        rows = self._query("SELECT id, signature FROM articles WHERE signature IS NOT NULL ORDER BY seq")
        for article_id, signature in rows:
            yield str(article_id), bytes(signature)

    def load_state(self, key: str) -> dict[str, Any] | None:
        rows = self._query("SELECT value FROM state WHERE key = %s", (key,))
        return dict(json.loads(rows[0][0])) if rows else None

    def copy_candidates(self, keys: Sequence[int]) -> list[tuple[str, bytes, str | None]]:
        if not keys:
            return []
        rows = self._query(copy_candidates_sql("= ANY(%s)"), (list(keys),))
        return [(str(article_id), bytes(signature), duplicate_of) for article_id, signature, duplicate_of in rows]

    def load_state_items(self, key: str, kind: str, names: Iterable[str] | None = None) -> dict[str, Any]:
        select = "SELECT name, value FROM state_items WHERE key = %s AND kind = %s"
        if names is None:
            rows = self._query(select, (key, kind))
        else:
            rows = self._query(f"{select} AND name = ANY(%s)", (key, kind, list(names)))
        return {str(name): json.loads(value) for name, value in rows}

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        if not query.split():
            return []
        rows = self._query(
            "SELECT a.id, a.title, a.story_id, ts_headline('simple', a.text, q, "
            "'StartSel=[, StopSel=], MaxWords=32, MinWords=12, MaxFragments=1, FragmentDelimiter=\" … \"'), "
            "a.published, coalesce(a.publisher, a.via), s.title "
            "FROM articles a CROSS JOIN plainto_tsquery('simple', %s) AS q LEFT JOIN stories s ON s.id = a.story_id "
            "WHERE a.search @@ q ORDER BY ts_rank(a.search, q) DESC, a.seq LIMIT %s OFFSET %s",
            (query, limit, offset),
        )
        return [SearchHit(*row) for row in rows]

    def count_matches(self, query: str) -> int:
        if not query.split():
            return 0
        rows = self._query(
            "SELECT count(*) FROM articles, plainto_tsquery('simple', %s) AS q WHERE search @@ q", (query,)
        )
        return int(rows[0][0])

    # -- story listing ------------------------------------------------------
    def save_story_summaries(self, summaries: Iterable[StorySummary]) -> None:
        with self.writing():
            for summary in summaries:
                for delete in listing.summary_deletes("%s"):
                    self._db.execute(delete.encode(), (summary.id,))
                self._db.execute(listing.story_insert("%s").encode(), listing.summary_row(summary))
                terms = listing.term_rows(summary)
                if terms:
                    with self._db.cursor() as cursor:
                        cursor.executemany(listing.term_insert("%s").encode(), terms)

    def save_story_brief(self, story_id: str, articles: Sequence[str], brief: str) -> None:
        with self.writing():
            self._db.execute("DELETE FROM story_briefs WHERE story_id = %s", (story_id,))
            self._db.execute(listing.brief_insert("%s").encode(), (story_id, json.dumps(list(articles)), brief))

    def stored_brief(self, story_id: str) -> tuple[list[str], str] | None:
        rows = self._query(listing.BRIEF_SQL.format(mark="%s"), (story_id,))
        return None if not rows else (list(json.loads(rows[0][0])), str(rows[0][1]))

    def stories_without_summary(self) -> set[str]:
        return {str(row[0]) for row in self._query(listing.STALE_STORIES_SQL)}

    def story_summaries(self, story_ids: Iterable[str] | None = None) -> dict[str, StorySummary]:
        if story_ids is None:
            rows = self._query(listing.ALL_SUMMARIES_SQL)
        else:
            rows = self._query(f"SELECT {listing.STORY_COLUMNS} FROM stories WHERE id = ANY(%s)", (list(story_ids),))
        return self._with_outlets(rows)

    def list_stories(self, query: StoryQuery) -> StoryListing:
        rows_sql, count_sql, row_params, count_params = listing.listing_sql(query, "%s")
        rows = self._query(rows_sql, row_params)
        total = int(self._query(count_sql, count_params)[0][0])
        found = self._with_outlets(rows)
        return StoryListing([found[str(row[0])] for row in rows], total)

    def _with_outlets(self, rows: list[Any]) -> dict[str, StorySummary]:
        outlets: dict[str, list[str]] = {}
        ids = [str(row[0]) for row in rows]
        if ids:
            found = self._query(
                "SELECT story_id, label FROM story_terms WHERE kind = 'outlet' AND story_id = ANY(%s) ORDER BY label",
                (ids,),
            )
            for story_id, label in found:
                outlets.setdefault(str(story_id), []).append(str(label))
        return {str(row[0]): listing.row_to_summary(row, tuple(outlets.get(str(row[0]), ()))) for row in rows}

    def story_terms(self, kind: str, limit: int = 200) -> list[str]:
        return [str(row[0]) for row in self._query(listing.terms_sql("%s"), (kind, limit))]


def _redacted(url: str) -> str:
    """The URL without its password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))
