"""SQLite store: the embedded default.

WAL mode so that readers (the web UI) never block an ingest; one transaction
per article so an interrupted ingest leaves every stored article whole.
The schema is versioned with ``PRAGMA user_version``; each migration runs once,
in order, inside a transaction.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crosswire.errors import StoreError
from crosswire.store.base import ArticleSummary, SearchHit, StoredArticle
from crosswire.store.rows import (
    ARTICLE_COLUMN_COUNT,
    ARTICLE_COLUMNS,
    SUMMARY_COLUMNS,
    row_to_stored,
    stored_to_row,
)

MIGRATIONS: tuple[str, ...] = (
    # 1: articles with their corpus-level decisions, key-value state, full-text index.
    """
    CREATE TABLE articles (
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
    CREATE INDEX articles_content_hash ON articles(content_hash);
    CREATE INDEX articles_story ON articles(story_id);
    CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL);
    CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, text);
    """,
)


class SQLiteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA busy_timeout=10000")
            self._migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: cannot open as a crosswire SQLite store ({error})") from error

    # -- schema -------------------------------------------------------------
    def _migrate(self) -> None:
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this crosswire "
                f"understands ({len(MIGRATIONS)}); upgrade crosswire"
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(script):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self._db.close()

    # -- writes -------------------------------------------------------------
    def save_article(self, stored: StoredArticle) -> None:
        a = stored.article
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.execute(
                f"INSERT INTO articles ({ARTICLE_COLUMNS}, ingested_at) "
                f"VALUES ({', '.join('?' * (ARTICLE_COLUMN_COUNT + 1))})",
                (*stored_to_row(stored), _now()),
            )
            self._db.execute(
                "INSERT INTO articles_fts (article_id, title, text) VALUES (?, ?, ?)",
                (a.id, a.title or "", a.text),
            )
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def save_state(self, key: str, value: dict[str, Any]) -> None:
        self._db.execute(
            "INSERT INTO state (key, value, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            (key, json.dumps(value), _now()),
        )

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

    def count_articles(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        rows = self._db.execute("SELECT id, signature FROM articles WHERE signature IS NOT NULL ORDER BY seq")
        for article_id, signature in rows:
            yield str(article_id), bytes(signature)

    def load_state(self, key: str) -> dict[str, Any] | None:
        row = self._db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        match = _fts_query(query)
        if not match:
            return []
        rows = self._db.execute(
            "SELECT f.article_id, a.title, a.story_id, snippet(articles_fts, 2, '[', ']', ' … ', 12) "
            "FROM articles_fts f JOIN articles a ON a.id = f.article_id "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        )
        return [SearchHit(*row) for row in rows]


def _fts_query(query: str) -> str:
    """Quote each word so user input is never read as FTS5 syntax."""
    words = re.findall(r"\w+", query)
    return " ".join(f'"{word}"' for word in words)


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
