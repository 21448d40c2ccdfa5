"""SQLite store: the embedded default.

WAL mode so that readers (the web UI) never block an ingest.  Every write
runs in a ``BEGIN IMMEDIATE`` transaction, which takes the database's one
write lock at its start: writers in several processes queue on it (waiting
up to :data:`WRITE_LOCK_TIMEOUT` seconds), and what a writer reads inside
:meth:`SQLiteStore.writing` cannot change under it.
The schema is versioned with ``PRAGMA user_version``; each migration runs once,
in order, inside such a transaction, the version read again once the lock is
held, so two processes opening a new store together migrate it once.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crosswire.corrections import Correction, Placement
from crosswire.errors import StoreBusy, StoreError
from crosswire.model import StorySummary
from crosswire.store import listing
from crosswire.store.base import (
    ArticleSummary,
    SearchHit,
    StoredArticle,
    StoryListing,
    StoryQuery,
)
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
    # 1: articles with their corpus-level decisions, key-value state, full-text index.
    """
    CREATE TABLE IF NOT EXISTS articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        origin TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        title TEXT, author TEXT, published TEXT, publisher TEXT, via TEXT, url TEXT, language TEXT,
        is_article INTEGER NOT NULL,
        text TEXT NOT NULL,
        annotations TEXT,
        story_id TEXT NOT NULL,
        duplicate_of TEXT,
        similarity REAL,
        signature BLOB,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS articles_content_hash ON articles(content_hash);
    CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);
    CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL);
    CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(article_id UNINDEXED, title, text);
    """,
    # 2: each story's listing row and the names it can be filtered by.
    listing.STORY_TABLES,
    # 3: editors' corrections, and the clusterer's story of an article an editor placed elsewhere.
    CORRECTIONS_MIGRATION.format(serial="INTEGER"),
    # 4: each story's brief, as the engine last wrote it.
    listing.BRIEF_TABLE,
    # 5: a state kept in parts, each saved when it changes (the story clusterer's).
    STATE_ITEMS_TABLE,
    # 6: the duplicate index's band keys.
    COPY_KEYS_TABLE.format(table_options=" WITHOUT ROWID"),
)

#: Seconds a writer waits for another process's write transaction before giving up.
WRITE_LOCK_TIMEOUT = 600.0
#: SQLite's own wait (busy handler) per attempt, in milliseconds.
_BUSY_MS = 10_000


class SQLiteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._writing = False
            # The busy timeout first: switching a new file to WAL takes a lock
            # another process opening the same new store may hold.
            self._db.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
            self._retry_while_locked(lambda: self._db.execute("PRAGMA journal_mode=WAL").fetchone())
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: cannot open as a crosswire SQLite store ({error})") from error

    # -- schema -------------------------------------------------------------
    def _migrate(self) -> None:
        if self._checked_version() == len(MIGRATIONS):
            return
        with self.writing():
            # Read again under the write lock: another process opening the
            # same new store may have migrated it while this one waited.
            version = self._checked_version()
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in _statements(script):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number}")

    def _checked_version(self) -> int:
        version = self.schema_version
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this crosswire "
                f"understands ({len(MIGRATIONS)}); upgrade crosswire"
            )
        return version

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self._db.close()

    # -- writes -------------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction holding the database's write lock.

        Every write inside commits at the end, or none on an exception;
        writes inside another ``writing()`` join the outer transaction.
        """
        if self._writing:
            yield
            return
        self._retry_while_locked(lambda: self._db.execute("BEGIN IMMEDIATE"))
        self._writing = True
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        finally:
            self._writing = False

    def _retry_while_locked(self, step: Callable[[], object]) -> None:
        deadline = time.monotonic() + WRITE_LOCK_TIMEOUT
        while True:
            try:
                step()
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) and "busy" not in str(error):
                    raise
                if time.monotonic() >= deadline:
                    raise StoreBusy(
                        f"{self.path}: another process has held the write lock for over {WRITE_LOCK_TIMEOUT:.0f} s"
                    ) from error
                time.sleep(0.05)  # some lock waits bypass the busy handler: do not spin

    def save_article(self, stored: StoredArticle) -> None:
        a = stored.article
        with self.writing():
            self._db.execute(
                f"INSERT INTO articles ({ARTICLE_COLUMNS}, ingested_at) "
                f"VALUES ({', '.join('?' * (ARTICLE_COLUMN_COUNT + 1))})",
                (*stored_to_row(stored), _now()),
            )
            self._db.execute(
                "INSERT INTO articles_fts (article_id, title, text) VALUES (?, ?, ?)",
                (a.id, a.title or "", a.text),
            )

    def save_state(self, key: str, value: dict[str, Any]) -> None:
        with self.writing():
            self._db.execute(
                "INSERT INTO state (key, value, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                (key, json.dumps(value), _now()),
            )

    def save_state_items(self, key: str, kind: str, items: Mapping[str, Any]) -> None:
        with self.writing():
            self._db.executemany(state_item_upsert("?"), state_item_rows(key, kind, items))

    def save_copy_keys(self, article_id: str, keys: Sequence[int]) -> None:
        with self.writing():
            self._db.executemany(
                "INSERT OR IGNORE INTO copy_keys (key, article_id) VALUES (?, ?)", [(key, article_id) for key in keys]
            )

    def delete_copy_keys(self) -> None:
        with self.writing():
            self._db.execute("DELETE FROM copy_keys")

    def delete_state_items(self, key: str) -> None:
        with self.writing():
            self._db.execute("DELETE FROM state_items WHERE key = ?", (key,))

    # -- reads --------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def article_with_content(self, content_hash: str) -> str | None:
        row = self._db.execute(
            "SELECT id FROM articles WHERE content_hash = ? ORDER BY seq LIMIT 1", (content_hash,)
        ).fetchone()
        return None if row is None else str(row[0])

    def get_article(self, article_id: str) -> StoredArticle | None:
        rows = self.get_articles([article_id])
        return rows[0] if rows else None

    def get_articles(self, article_ids: Iterable[str]) -> list[StoredArticle]:
        ids = list(article_ids)
        found: dict[str, StoredArticle] = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            marks = ", ".join("?" * len(chunk))
            for row in self._db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})", chunk):
                stored = row_to_stored(row)
                found[stored.article.id] = stored
        return [found[i] for i in ids if i in found]

    def iter_articles(self) -> Iterator[StoredArticle]:
        for row in self._db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY seq"):
            yield row_to_stored(row)

    def summaries(self) -> list[ArticleSummary]:
        rows = self._db.execute(f"SELECT {SUMMARY_COLUMNS} FROM articles ORDER BY seq")
        return [ArticleSummary(*row) for row in rows]

    def story_article_ids(self, story_id: str) -> list[str]:
        rows = self._db.execute("SELECT id FROM articles WHERE story_id = ? ORDER BY seq", (story_id,))
        return [str(row[0]) for row in rows]

    def story_heads(self, story_id: str) -> list[ArticleSummary]:
        rows = self._db.execute(f"SELECT {SUMMARY_COLUMNS} FROM articles WHERE story_id = ? ORDER BY seq", (story_id,))
        return [ArticleSummary(*row) for row in rows]

    def count_articles(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def story_ids(self) -> set[str]:
        return {str(row[0]) for row in self._db.execute(CLUSTER_STORY_IDS_SQL)}

    # -- editors' corrections ----------------------------------------------------
    def save_correction(self, correction: Correction) -> Correction:
        with self.writing():
            cursor = self._db.execute(correction_insert("?"), correction_row(correction))
            return replace(correction, seq=int(cursor.lastrowid or 0))

    def corrections(self) -> list[Correction]:
        rows = self._db.execute(CORRECTIONS_SQL)
        return [row_to_correction(row) for row in rows]

    def placements(self) -> list[Placement]:
        return [(str(a), str(s), c, d) for a, s, c, d in self._db.execute(PLACEMENT_SQL)]

    def place_articles(self, changes: Iterable[tuple[str, str, str | None]]) -> None:
        with self.writing():
            self._db.executemany(placement_update("?"), placement_rows(changes))

    def delete_story_summaries(self, story_ids: Iterable[str]) -> None:
        with self.writing():
            for story_id in story_ids:
                for delete in listing.summary_deletes("?"):
                    self._db.execute(delete, (story_id,))
                self._db.execute("DELETE FROM story_briefs WHERE story_id = ?", (story_id,))

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        rows = self._db.execute("SELECT id, signature FROM articles WHERE signature IS NOT NULL ORDER BY seq")
        for article_id, signature in rows:
            yield str(article_id), bytes(signature)

    def load_state(self, key: str) -> dict[str, Any] | None:
        row = self._db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def copy_candidates(self, keys: Sequence[int]) -> list[tuple[str, bytes, str | None]]:
        if not keys:
            return []
        rows = self._db.execute(copy_candidates_sql(f"IN ({', '.join('?' * len(keys))})"), list(keys))
        return [(str(article_id), bytes(signature), duplicate_of) for article_id, signature, duplicate_of in rows]

    def load_state_items(self, key: str, kind: str, names: Iterable[str] | None = None) -> dict[str, Any]:
        select = "SELECT name, value FROM state_items WHERE key = ? AND kind = ?"
        if names is None:
            rows = list(self._db.execute(select, (key, kind)))
        else:
            wanted = list(names)
            rows = []
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                rows += self._db.execute(f"{select} AND name IN ({', '.join('?' * len(chunk))})", (key, kind, *chunk))
        return {str(name): json.loads(value) for name, value in rows}

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        match = _fts_query(query)
        if not match:
            return []
        rows = self._db.execute(
            "SELECT f.article_id, a.title, a.story_id, snippet(articles_fts, 2, '[', ']', ' … ', 16), "
            "a.published, coalesce(a.publisher, a.via), s.title "
            "FROM articles_fts f JOIN articles a ON a.id = f.article_id LEFT JOIN stories s ON s.id = a.story_id "
            "WHERE articles_fts MATCH ? ORDER BY rank, a.seq LIMIT ? OFFSET ?",
            (match, limit, offset),
        )
        return [SearchHit(*row) for row in rows]

    def count_matches(self, query: str) -> int:
        match = _fts_query(query)
        if not match:
            return 0
        row = self._db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)).fetchone()
        return int(row[0])

    # -- story listing ------------------------------------------------------
    def save_story_summaries(self, summaries: Iterable[StorySummary]) -> None:
        with self.writing():
            for summary in summaries:
                for delete in listing.summary_deletes("?"):
                    self._db.execute(delete, (summary.id,))
                self._db.execute(listing.story_insert("?"), listing.summary_row(summary))
                self._db.executemany(listing.term_insert("?"), listing.term_rows(summary))

    def save_story_brief(self, story_id: str, articles: Sequence[str], brief: str) -> None:
        with self.writing():
            self._db.execute("DELETE FROM story_briefs WHERE story_id = ?", (story_id,))
            self._db.execute(listing.brief_insert("?"), (story_id, json.dumps(list(articles)), brief))

    def stored_brief(self, story_id: str) -> tuple[list[str], str] | None:
        row = self._db.execute(listing.BRIEF_SQL.format(mark="?"), (story_id,)).fetchone()
        return None if row is None else (list(json.loads(row[0])), str(row[1]))

    def stories_without_summary(self) -> set[str]:
        return {str(row[0]) for row in self._db.execute(listing.STALE_STORIES_SQL)}

    def story_summaries(self, story_ids: Iterable[str] | None = None) -> dict[str, StorySummary]:
        if story_ids is None:
            rows = list(self._db.execute(listing.ALL_SUMMARIES_SQL))
        else:
            ids = list(story_ids)
            rows = []
            for chunk_start in range(0, len(ids), 500):
                chunk = ids[chunk_start : chunk_start + 500]
                marks = ", ".join("?" * len(chunk))
                rows += self._db.execute(f"SELECT {listing.STORY_COLUMNS} FROM stories WHERE id IN ({marks})", chunk)
        return self._with_outlets(rows)

    def list_stories(self, query: StoryQuery) -> StoryListing:
        rows_sql, count_sql, row_params, count_params = listing.listing_sql(query, "?")
        rows = list(self._db.execute(rows_sql, row_params))
        total = int(self._db.execute(count_sql, count_params).fetchone()[0])
        found = self._with_outlets(rows)
        return StoryListing([found[str(row[0])] for row in rows], total)

    def _with_outlets(self, rows: list[Any]) -> dict[str, StorySummary]:
        outlets: dict[str, list[str]] = {}
        ids = [str(row[0]) for row in rows]
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            for story_id, label in self._db.execute(listing.outlets_sql(len(chunk), "?"), chunk):
                outlets.setdefault(str(story_id), []).append(str(label))
        return {str(row[0]): listing.row_to_summary(row, tuple(outlets.get(str(row[0]), ()))) for row in rows}

    def story_terms(self, kind: str, limit: int = 200) -> list[str]:
        return [str(row[0]) for row in self._db.execute(listing.terms_sql("?"), (kind, limit))]


def _fts_query(query: str) -> str:
    """Quote each word so user input is never read as FTS5 syntax."""
    words = re.findall(r"\w+", query)
    return " ".join(f'"{word}"' for word in words)


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
